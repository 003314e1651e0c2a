"""swdesk: the desktop workplace of a Latvian municipal social service head."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("swdesk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
