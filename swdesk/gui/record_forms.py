"""What every edit form does with the records layer (issue 17): show a refusal at the field it names, and
open the record's own change history ("Vēsture…").

The forms keep their own reading checks (a date that is not a date, a number that is not a number); every
limit of a value — FTE at most 1,5, a vacancy filled after it was announced, a duplicate — is the records
layer's, so a form, the caseload grid, the import and the command line refuse the same value with the same
Latvian sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from swdesk.gui.context import AppContext
from swdesk.records import RecordError


def show_refusal(dialog: Any, error: RecordError, fields: Mapping[str, QWidget], default: QWidget | None = None) -> None:
    """Show every problem of ``error`` in the dialog's red line, the cursor in the first field that has one
    (``fields`` maps the records layer's field names to the form's widgets)."""
    widget = next((fields[p.field] for p in error.problems if p.field is not None and p.field in fields), default)
    dialog.fail(widget, "\n".join(p.message for p in error.problems))


def add_history_button(
    dialog: Any, ctx: AppContext, kind: str, key: Any, title: str | Callable[[], str]
) -> QPushButton:
    """A "History…" button beside Save and Cancel that lists this record's changes; disabled on a new
    record (it has none yet)."""
    button = dialog.buttons.addButton(
        QCoreApplication.translate("record_forms", "History…"), QDialogButtonBox.ButtonRole.ActionRole
    )
    button.setAutoDefault(False)
    button.setEnabled(key is not None)

    def show() -> None:
        from swdesk.gui.views.history import RecordHistoryDialog

        RecordHistoryDialog(ctx, kind, key, title() if callable(title) else title, parent=dialog).exec()

    button.clicked.connect(show)
    dialog.history_button = button
    return button  # type: ignore[no-any-return]


__all__ = ["add_history_button", "show_refusal"]
