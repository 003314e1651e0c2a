"""The script both frozen executables run: ``swdesk`` (windowed GUI) and ``swdesk-cli`` (console).

Both are the same program, ``swdesk.cli.main``: with no command it opens the window, with a command it runs
it. They differ only in how Windows starts them: ``swdesk.exe`` without a console window (the Start menu
shortcut), ``swdesk-cli.exe`` in one, so that ``swdesk-cli selftest`` or ``swdesk-cli backup`` can print.
"""

import sys

from swdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
