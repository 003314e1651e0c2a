"""The desktop program (PySide6). The only package of swdesk that may import Qt.

Entry point: :func:`swdesk.gui.app.main`, called lazily by ``swdesk gui`` (``swdesk.commands.gui``).
"""
