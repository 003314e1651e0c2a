"""Keyboard first (issue 14, point 2): the shortcuts every view gets without code of its own.

Ctrl+1 … Ctrl+0 switch to the 1st … 10th view in the navigation's order; Ctrl+F puts the cursor in the view's
filter field (↓ or Enter there goes on to the list); in a list, Ins or Ctrl+N adds, Enter edits the chosen
row and Del deletes it with the view's own confirmation. The views are not changed for this: what a list's
keys call is found by the names the views already use (``table`` with ``add``, ``edit_selected`` and
``delete_selected`` — :class:`swdesk.gui.widgets.RecordActions` — and the few views with several lists),
so a new view that keeps those names gets the keys too. Help → Keyboard lists every shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from swdesk.gui.mainwindow import MainWindow

# Ctrl+1 … Ctrl+9, Ctrl+0: the first ten views in the navigation's order
VIEW_DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")
ADD_KEYS = ("Ins", "Ctrl+N")
FIND_KEY = "Ctrl+F"
EXPORT_KEY = "Ctrl+Shift+S"

# (list attribute, add, edit, delete) as the views name them; a view has the keys of each list it has
_LISTS: tuple[tuple[str, str | None, str | None, str | None], ...] = (
    ("table", "add", "edit_selected", "delete_selected"),
    ("criteria_table", "add_criterion", "edit_criterion", "delete_criterion"),
    ("settings_table", None, "change_setting", None),
    ("scale_table", "add_scale", "edit_scale", "delete_scale"),
    ("scenarios", "new_scenario", None, "delete_scenario"),
)


@dataclass
class ListKeys:
    """What Ins/Ctrl+N, Enter and Del do in one list of a view (None: that key does nothing there)."""

    table: QAbstractItemView
    add: Callable[[], Any] | None
    edit: Callable[[], Any] | None
    delete: Callable[[], Any] | None


def _method(owner: Any, name: str | None) -> Callable[[], Any] | None:
    method = getattr(owner, name, None) if name else None
    return method if callable(method) else None


def list_keys(view: QWidget) -> list[ListKeys]:
    """The lists of ``view`` (and of the pages inside it, such as Kritēriji's Dienests tab) with their keys."""
    owners: list[Any] = [view]
    owners += [child for child in view.findChildren(QWidget) if child is not view and _has_list(child)]
    found: list[ListKeys] = []
    for owner in owners:
        for table_name, add, edit, delete in _LISTS:
            table = getattr(owner, table_name, None)
            if not isinstance(table, QAbstractItemView):
                continue
            keys = ListKeys(table, _method(owner, add), _method(owner, edit), _method(owner, delete))
            if keys.edit is None and table_name == "table" and callable(getattr(owner, "open_record", None)):
                # Pārbaudes: Enter opens the record a finding concerns, as a double-click does
                keys.edit = _opener(table, owner.open_record)
            if keys.add or keys.edit or keys.delete:
                found.append(keys)
    return found


def _has_list(widget: QWidget) -> bool:
    return any(isinstance(getattr(widget, name, None), QAbstractItemView) for name, *_ in _LISTS) and any(
        _method(widget, name) for _table, *names in _LISTS for name in names
    )


def _opener(table: QAbstractItemView, open_record: Callable[[Any], Any]) -> Callable[[], Any]:
    def open_chosen() -> None:
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if rows:
            open_record(rows[0])

    return open_chosen


def filter_field(view: QWidget) -> QLineEdit | None:
    """The view's filter field (``filter``), None for a view without one."""
    field = getattr(view, "filter", None)
    return field if isinstance(field, QLineEdit) else None


def home_list(view: QWidget) -> QAbstractItemView | None:
    """Where the cursor goes in a view: its first list shown, else its grid (Lietas)."""
    lists = [k.table for k in list_keys(view) if k.table.isVisibleTo(view)]
    grid = getattr(view, "grid", None)
    return lists[0] if lists else grid if isinstance(grid, QAbstractItemView) else None


class _ListKeyFilter(QObject):
    """Enter and Del on a list, ↓ and Enter in its filter field."""

    def __init__(
        self, keys: list[ListKeys], field: QLineEdit | None, parent: QObject, home: QAbstractItemView | None
    ) -> None:
        super().__init__(parent)
        self.keys = {id(k.table): k for k in keys}
        self.field = field
        self.home = home
        for k in keys:
            k.table.installEventFilter(self)
        if field is not None:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if watched is self.field:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._to_list()
            return False
        keys = self.keys.get(id(watched))
        if keys is None:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and keys.edit is not None:
            if _chosen(keys.table):
                keys.edit()
            return True
        if key == Qt.Key.Key_Delete and keys.delete is not None:
            if _chosen(keys.table):
                keys.delete()
            return True
        return False

    def _to_list(self) -> bool:
        """From the filter to the list it filters, its first row chosen when none is."""
        table = self.home
        if table is None:
            return False
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        model = table.model()
        if model is not None and model.rowCount() and not _chosen(table):
            table.setCurrentIndex(model.index(0, 0))
            if table.selectionModel() is not None and not table.selectionModel().hasSelection():
                table.selectRow(0) if hasattr(table, "selectRow") else None
        return True


def _chosen(table: QAbstractItemView) -> bool:
    selection = table.selectionModel()
    return selection is not None and (bool(selection.selectedRows()) or selection.currentIndex().isValid())


def layout_order(root: QWidget) -> list[QWidget]:
    """The widgets a Tab can reach in ``root``, in the order its layouts place them: a form's rows top to
    bottom, each row's fields left to right, the buttons last. A composite field (a date with its calendar
    button) counts as the widget its focus goes to."""
    order: list[QWidget] = []

    def visit_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                visit_widget(widget)
            elif inner is not None:
                visit_layout(inner)

    def visit_widget(widget: QWidget) -> None:
        proxy = widget.focusProxy()
        if proxy is not None:
            deeper = proxy.focusProxy()
            while deeper is not None:
                proxy, deeper = deeper, deeper.focusProxy()
            if proxy not in order:
                order.append(proxy)
            return
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget not in order:
            order.append(widget)
        if isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit):
            return  # their inner parts are theirs
        inner = widget.layout()
        if inner is not None:
            visit_layout(inner)

    top = root.layout()
    if top is not None:
        visit_layout(top)
    return order


def follow_layout(root: QWidget) -> None:
    """Make the Tab order of ``root`` its layout's order (:func:`layout_order`), whatever order the widgets
    were made in; a multi-line text field passes Tab on rather than typing it, as the other fields do."""
    for edit in root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)
    order = [w for w in layout_order(root) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for first, second in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(first, second)


class Keyboard(QObject):
    """The main window's shortcuts; :meth:`bind` gives a view its list keys when the view is made."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self._filters: dict[int, _ListKeyFilter] = {}
        self.view_actions: list[QAction] = []
        # the window puts it among its menus, before Help (MainWindow._build_menus)
        self.view_menu = QMenu(self.tr("&View"), window)
        from swdesk.gui.mainwindow import VIEW_KEYS

        for number, key in zip(VIEW_DIGITS, VIEW_KEYS, strict=False):
            item = window.nav.item(VIEW_KEYS.index(key))
            action = QAction(item.text() if item is not None else key, window)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.switch_to(k))
            window.addAction(action)
            self.view_menu.addAction(action)
            self.view_actions.append(action)
        self.view_menu.addSeparator()
        self.find_action = QAction(self.tr("Go to the filter"), window)
        self.find_action.setShortcut(QKeySequence(FIND_KEY))
        self.find_action.triggered.connect(self.focus_filter)
        self.add_action = QAction(self.tr("Add to the list"), window)
        self.add_action.setShortcuts([QKeySequence(k) for k in ADD_KEYS])
        self.add_action.triggered.connect(self.add_to_list)
        for action in (self.find_action, self.add_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
            self.view_menu.addAction(action)
        # Fails → Saglabāt sarakstu kā Excel…: the current list as shown (swdesk/gui/list_export.py)
        self.export_action = QAction(self.tr("Save the &list as Excel…"), window)
        self.export_action.setShortcut(QKeySequence(EXPORT_KEY))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.export_action.triggered.connect(self.save_list)
        window.addAction(self.export_action)
        window.nav.currentRowChanged.connect(lambda _row: self._update_export())
        self._update_export()
        self.help_action = QAction(self.tr("&Keyboard…"), window)
        self.help_action.triggered.connect(self.show_help)

    # --- views ----------------------------------------------------------------------------------------

    def bind(self, view: QWidget) -> None:
        """Give a newly made view Enter and Del in its lists and ↓ from its filter to its list."""
        if id(view) not in self._filters:
            self._filters[id(view)] = _ListKeyFilter(list_keys(view), filter_field(view), view, home_list(view))

    def current_view(self) -> QWidget | None:
        key = self.window_.current_view_key()
        return self.window_._views.get(key) if key else None

    def switch_to(self, key: str) -> None:
        """Show the view and put the cursor in its list, so that ↑↓, Enter and Del work at once."""
        if self.window_.database is None:
            return
        view = self.window_.show_view(key)
        target: QWidget = home_list(view) or view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        view = self.current_view()
        field = filter_field(view) if view is not None else None
        if field is None or not field.isEnabled():
            self.window_.statusBar().showMessage(self.tr("This view has no filter."), 4000)
            return
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def _list_in_use(self, view: QWidget) -> ListKeys | None:
        """The list the cursor is in, else the first one shown that can add."""
        lists = list_keys(view)
        focus = QApplication.focusWidget()
        for keys in lists:
            if focus is not None and (focus is keys.table or keys.table.isAncestorOf(focus)):
                return keys
        return next((k for k in lists if k.add is not None and k.table.isVisible()), None)

    def add_to_list(self) -> None:
        view = self.current_view()
        keys = self._list_in_use(view) if view is not None else None
        if keys is None or keys.add is None:
            self.window_.statusBar().showMessage(self.tr("Nothing can be added in this view."), 4000)
            return
        keys.add()

    def _update_export(self) -> None:
        from swdesk.gui.list_export import LIST_VIEWS

        self.export_action.setEnabled(self.window_.current_view_key() in LIST_VIEWS)

    def save_list(self) -> None:
        from swdesk.gui.list_export import ListExport

        ListExport(self.window_).save()

    # --- help -----------------------------------------------------------------------------------------

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) as Help → Keyboard lists them."""
        native = QKeySequence.SequenceFormat.NativeText
        rows = [
            (
                f"{QKeySequence('Ctrl+1').toString(native)} … {QKeySequence('Ctrl+0').toString(native)}",
                self.tr("Switch to the 1st … 10th view of the navigation"),
            ),
            (QKeySequence(FIND_KEY).toString(native), self.tr("Go to the view's filter; ↓ goes on to the list")),
            (" / ".join(QKeySequence(k).toString(native) for k in ADD_KEYS), self.tr("Add a row to the list")),
            (self.tr("Enter"), self.tr("Edit the chosen row (in Checks: open its record)")),
            (self.tr("Del"), self.tr("Delete the chosen row (asks first)")),
            (self.tr("Esc"), self.tr("Close a form; with changes it asks whether to save them")),
            (self.tr("Tab / Shift+Tab"), self.tr("Next / previous field of a form")),
            (
                QKeySequence(EXPORT_KEY).toString(native),
                self.tr("Save the list as shown as an Excel workbook (Staff, Vacancies, Duties, Training, Checks)"),
            ),
            (QKeySequence("Ctrl+C").toString(native), self.tr("Caseloads: copy the chosen cells for Excel")),
            (QKeySequence("Ctrl+V").toString(native), self.tr("Caseloads: paste a block copied from Excel")),
            (
                f"{QKeySequence('Ctrl+Z').toString(native)} / {QKeySequence('Ctrl+Y').toString(native)}",
                self.tr("Caseloads: undo / redo a change"),
            ),
        ]
        return rows

    def show_help(self) -> None:
        dialog = KeyboardHelp(self.shortcuts(), self.window_)
        self.help_dialog = dialog
        dialog.open()


class KeyboardHelp(QDialog):
    """Help → Keyboard: every shortcut and what it does."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = sum(self.table.columnWidth(c) for c in range(2)) + 60
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.resize(max(width, 640), height + 90)
