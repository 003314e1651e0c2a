"""``python -m swdesk``: the same program as the ``swdesk`` command (:func:`swdesk.cli.main`)."""

import sys

from swdesk.streams import utf8_streams

# before anything is printed: a redirected stream on an English Windows is cp1252 (swdesk.streams)
utf8_streams()

from swdesk.cli import main  # noqa: E402

sys.exit(main())
