"""Spreadsheet habits for a table view (issue 14): columns that stay put while the rest scroll right, and the
chosen block copied as Excel and LibreOffice paste it.

Frozen columns use Qt's own technique (the "Frozen Column" example): a second QTableView over the same
model and the same selection, showing only the first columns, lies over the left edge of the table and
follows its rows, widths and vertical scrolling; the table underneath scrolls by pixels, so that the cell
with the cursor is never left hidden under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumns(QTableView):
    """The first ``count`` columns of ``table`` kept in view while it scrolls right."""

    def __init__(self, table: QTableView, count: int) -> None:
        super().__init__(table)
        self.table = table
        self.count = count
        self.setObjectName("frozenColumns")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionsClickable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setWordWrap(table.wordWrap())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        # no frame but a line on its right edge, where the scrolling part begins
        self.setStyleSheet("QTableView#frozenColumns { border: none; border-right: 2px solid #8a96a3; }")
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.viewport().stackUnder(self)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        table.verticalHeader().sectionResized.connect(self._row_resized)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.installEventFilter(self)
        self.attach_model()

    def attach_model(self) -> None:
        """Show the table's model and selection (call again after :meth:`QTableView.setModel` on the table)."""
        model = self.table.model()
        if model is None:
            return
        if self.model() is not model:
            self.setModel(model)
            model.modelReset.connect(self.sync)
            model.layoutChanged.connect(self.sync)
            model.columnsInserted.connect(self.sync)
        self.setSelectionModel(self.table.selectionModel())
        self.table.selectionModel().currentChanged.connect(self._keep_current_visible)
        self.sync()

    def sync(self) -> None:
        """Columns, widths, row heights and place as the table has them now."""
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column >= self.count)
            if column < self.count:
                self.setColumnWidth(column, self.table.columnWidth(column))
        self.verticalHeader().setDefaultSectionSize(self.table.verticalHeader().defaultSectionSize())
        self.horizontalHeader().setFixedHeight(self.table.horizontalHeader().height())
        self.place()

    def frozen_width(self) -> int:
        return sum(self.table.columnWidth(c) for c in range(self.count) if not self.table.isColumnHidden(c))

    def place(self) -> None:
        table = self.table
        frame = table.frameWidth()
        header = table.horizontalHeader()
        self.horizontalHeader().setFixedHeight(header.height())
        self.setGeometry(
            table.verticalHeader().width() + frame,
            frame,
            self.frozen_width() + 1,
            table.viewport().height() + header.height(),
        )
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count:
            self.setColumnWidth(column, new)
            self.place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.setRowHeight(row, new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def _keep_current_visible(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A cell reached by the keyboard that lies under the frozen columns is scrolled out from under them."""
        if not current.isValid() or current.column() < self.count:
            return
        rect = self.table.visualRect(current)
        hidden = self.frozen_width() - rect.left()
        if hidden > 0:
            bar = self.table.horizontalScrollBar()
            bar.setValue(bar.value() - hidden)


def block_text(table: QAbstractItemView) -> str:
    """The chosen cells as Excel copies them: one line per row, cells separated by tabs, the text each cell
    shows (numbers with their decimal comma); a cell inside the block that is not chosen is empty."""
    indexes = table.selectionModel().selectedIndexes() if table.selectionModel() else []
    if not indexes:
        return ""
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes})
    chosen = {(i.row(), i.column()) for i in indexes}
    model = table.model()
    lines = []
    for row in range(rows[0], rows[-1] + 1):
        cells = []
        for column in range(columns[0], columns[-1] + 1):
            text = ""
            if (row, column) in chosen:
                value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                text = "" if value is None else str(value)
            # a tab or a line break inside a cell would split it; a no-break space keeps thousands together
            cells.append(" ".join(text.split()) if ("\t" in text or "\n" in text) else text)
        lines.append("\t".join(cells))
    return "\n".join(lines)


def copy_block(table: QAbstractItemView) -> str:
    """Put :func:`block_text` on the clipboard; returns it ("" when nothing is chosen: the clipboard stays)."""
    text = block_text(table)
    if text:
        QGuiApplication.clipboard().setText(text)
    return text
