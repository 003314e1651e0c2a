import sys

from swdesk.cli import main

sys.exit(main())
