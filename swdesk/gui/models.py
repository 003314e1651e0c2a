"""Table models over database rows (QAbstractTableModel), sorted and filtered through a proxy.

Each model holds plain rows loaded in one read session; ``SORT_ROLE`` gives a value that sorts right
(numbers as numbers, dates as ISO text) while ``DisplayRole`` shows dd.mm.yyyy and decimal commas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from swdesk.formats import fmt_date, fmt_eur, fmt_fte, fmt_number, fmt_share

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MUTED = QColor("#777777")


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Any], str]
    sort: Callable[[Any], Any]
    numeric: bool = False


def _date_key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# Latvian alphabetical order: each long or soft letter comes after its base letter and before the next one
# (a ā b c č … z ž), which code-point order gets wrong (ā, č, š … would sort after z).
_LATVIAN = str.maketrans({letter: base + "\uffff" for letter, base in zip("āčēģīķļņšūž", "acegiklnsuz", strict=True)})


def collation_key(text: str) -> str:
    """A key that sorts text case-insensitively in Latvian alphabetical order."""
    return text.casefold().translate(_LATVIAN)


def search_key(text: str) -> str:
    """Text as a search compares it: case, diacritics and runs of spaces ignored ("Ķēniņš" → "kenins"), so
    that a name typed on a keyboard without Latvian letters is found. The importer's own folding is used."""
    from swdesk.importer.values import fold_diacritics

    return fold_diacritics(text)


def _sort_key(value: Any) -> Any:
    return collation_key(value) if isinstance(value, str) else value


class RowTableModel(QAbstractTableModel):
    """A read-only table of ``rows`` with ``columns``; subclasses provide both."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns: list[Column] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    _sort_column = -1
    _sort_order = Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python by the column's sort key (Latvian order for text); kept on new rows.

        Sorting here rather than in the proxy keeps a header click on thousands of rows instant: the proxy
        would call :meth:`data` twice for every comparison.
        """
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_position = {id(row): i for i, row in enumerate(self.rows)}
        self._sort_rows()
        moved = {old_position[id(row)]: new for new, row in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent, [self.index(moved[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if not 0 <= self._sort_column < len(self.columns):
            return
        key = self.columns[self._sort_column].sort
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        try:
            self.rows.sort(key=lambda row: _sort_key(key(row)), reverse=descending)
        except TypeError:  # keys of mixed types: compare them as text
            self.rows.sort(key=lambda row: collation_key(str(key(row))), reverse=descending)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None

    def muted(self, row: Any) -> bool:
        return False

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.numeric else LEFT)
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QBrush(MUTED)
        return None

    def row_of(self, predicate: Callable[[Any], bool]) -> int:
        return next((i for i, row in enumerate(self.rows) if predicate(row)), -1)


class StaffModel(RowTableModel):
    """Darbinieki: rows are :class:`swdesk.db.models.Staff` objects (detached, position loaded)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.columns = [
            Column(self.tr("Employee no."), lambda s: s.tabeles_nr, lambda s: s.tabeles_nr.zfill(12)),
            Column(
                self.tr("Name"), lambda s: s.full_name, lambda s: f"{s.last_name} {s.first_name}".casefold()
            ),
            Column(self.tr("Position"), lambda s: s.position.name, lambda s: s.position.name.casefold()),
            Column(self.tr("FTE"), lambda s: fmt_fte(s.fte), lambda s: float(s.fte), numeric=True),
            Column(self.tr("Start"), lambda s: fmt_date(s.start), lambda s: _date_key(s.start), numeric=True),
            Column(self.tr("End"), lambda s: fmt_date(s.end), lambda s: _date_key(s.end), numeric=True),
            Column(self.tr("Education"), lambda s: s.education_code, lambda s: s.education_code),
            Column(
                self.tr("Monthly salary"),
                lambda s: fmt_eur(s.salary),
                lambda s: float(s.salary),
                numeric=True,
            ),
            Column(self.tr("Unit"), lambda s: s.unit_name or "", lambda s: (s.unit_name or "").casefold()),
        ]

    def muted(self, row: Any) -> bool:
        return row.end is not None and row.end < self.today

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < len(self.rows):
            row = self.rows[index.row()]
            if self.muted(row):
                return self.tr("Employment ended on %1").replace("%1", fmt_date(row.end))
            return None
        return super().data(index, role)


class VacancyModel(RowTableModel):
    """Vakances: rows are :class:`swdesk.db.models.Vacancy` objects with ``position_name`` set."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.columns = [
            Column(self.tr("Position"), lambda v: v.position_name, lambda v: v.position_name.casefold()),
            Column(self.tr("FTE"), lambda v: fmt_fte(v.fte), lambda v: float(v.fte), numeric=True),
            Column(
                self.tr("Announced"),
                lambda v: fmt_date(v.announced),
                lambda v: _date_key(v.announced),
                numeric=True,
            ),
            Column(
                self.tr("Filled"), lambda v: fmt_date(v.filled), lambda v: _date_key(v.filled), numeric=True
            ),
            Column(self.tr("Days open"), lambda v: str(self.days_open(v)), self.days_open, numeric=True),
            Column(self.tr("Notes"), lambda v: (v.notes or "").replace("\n", " "), lambda v: v.notes or ""),
        ]

    def days_open(self, vacancy: Any) -> int:
        until = vacancy.filled or self.today
        return max(0, (until - vacancy.announced).days)

    def muted(self, row: Any) -> bool:
        return row.filled is not None


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#b26a00"), "info": QColor("#1565c0")}


class FindingsModel(RowTableModel):
    """Pārbaudes: rows are findings of ``check_year`` (rule, severity, subject, value, limit, message)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.subject_names: dict[str, str] = {}
        self.columns = [
            Column(
                self.tr("Severity"),
                lambda f: self.severity_label(f.severity),
                lambda f: SEVERITY_ORDER.get(f.severity, 9),
            ),
            Column(self.tr("Rule"), lambda f: self.rule_label(f.rule), lambda f: self.rule_label(f.rule)),
            Column(self.tr("Concerns"), self.subject_label, lambda f: self.subject_label(f).casefold()),
            Column(
                self.tr("Value"), lambda f: _value(f.value, f.rule), lambda f: _sort_number(f.value), numeric=True
            ),
            Column(
                self.tr("Limit"), lambda f: _value(f.limit, f.rule), lambda f: _sort_number(f.limit), numeric=True
            ),
            Column(self.tr("Message"), lambda f: f.message, lambda f: f.message),
        ]

    def severity_label(self, severity: str) -> str:
        return {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "info": self.tr("Information"),
        }.get(severity, severity)

    def rule_label(self, rule: str) -> str:
        return rule_labels().get(rule, rule)

    def subject_label(self, finding: Any) -> str:
        subject = finding.subject or ""
        return self.subject_names.get(subject, subject)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 0:
            if index.row() < len(self.rows):
                colour = SEVERITY_COLOURS.get(self.rows[index.row()].severity)
                return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 5:
            if index.row() < len(self.rows):
                return self.rows[index.row()].message
        return super().data(index, role)


# rules whose value and limit are shares 0–1: shown as percentages, as everywhere else (SPEC §2 R6)
SHARE_RULES = frozenset({"duties.share"})


def _value(value: Any, rule: str = "") -> str:
    """A finding's value or limit as the rule rounded it (its Decimal places), with a decimal comma; a share
    as a percentage ("11,2 %")."""
    if value is None:
        return ""
    if rule in SHARE_RULES:
        return fmt_share(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return fmt_number(value, max(0, -exponent) if isinstance(exponent, int) else 2)
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt_number(value, 0)
    return fmt_number(value, 2)


def _sort_number(value: Any) -> float:
    return float("-inf") if value is None else float(value)


def rule_labels() -> dict[str, str]:
    """Short names of the rules (SPEC §2) in the current language."""
    from PySide6.QtCore import QCoreApplication

    return {
        "staffing.ratio": QCoreApplication.translate("rules", "1:1000 norm"),
        "staffing.effective_ratio": QCoreApplication.translate("rules", "Effective ratio"),
        "caseload.over_criterion": QCoreApplication.translate("rules", "Caseload over criterion"),
        "caseload.weighted_over_capacity": QCoreApplication.translate("rules", "Weighted caseload"),
        "caseload.no_criterion": QCoreApplication.translate("rules", "No workload criterion"),
        "duties.share": QCoreApplication.translate("rules", "Non-social-work share"),
        "training.hours": QCoreApplication.translate("rules", "Training"),
        "supervision.hours": QCoreApplication.translate("rules", "Supervision"),
        "education.compliance": QCoreApplication.translate("rules", "Education"),
        "salary.below_scale": QCoreApplication.translate("rules", "Pay below scale"),
        "vacancy.long_open": QCoreApplication.translate("rules", "Long vacancy"),
        "population.stale": QCoreApplication.translate("rules", "Population missing"),
    }


class TableFilterProxy(QSortFilterProxyModel):
    """Filters by text in any column and by an optional row predicate; sorting is passed to the source model.

    The filter finds rows that hold every word typed, in any column, ignoring case and diacritics ("kenins"
    finds "Ķēniņš"). A :class:`RowTableModel` sorts its own rows (fast, Latvian order); the proxy then keeps
    the source order. Other models are sorted by the proxy itself, by ``SORT_ROLE``.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._predicate: Callable[[Any], bool] | None = None
        self._words: list[str] = []
        self._keys: dict[int, str] = {}  # source row → its text as the filter compares it

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._forget_keys)
        model.dataChanged.connect(self._forget_keys)

    def _forget_keys(self, *_args: Any) -> None:
        self._keys.clear()

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt's name; the views connect to it
        self.set_search(pattern)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = search_key(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _row_text(self, source_row: int, source_parent: _Index) -> str:
        key = self._keys.get(source_row)
        if key is None:
            source = self.sourceModel()
            texts = (
                str(source.index(source_row, column, source_parent).data() or "")
                for column in range(source.columnCount(source_parent))
            )
            key = self._keys[source_row] = search_key("\t".join(texts))
        return key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._predicate is not None:
            row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
            if row is not None and not self._predicate(row):
                return False
        if self._words:
            text = self._row_text(source_row, source_parent)
            return all(word in text for word in self._words)
        return True


class ImportProblemsModel(RowTableModel):
    """Problems of an import preview: rows are ``swdesk.importer.importer.Problem``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Sheet"), lambda p: p.sheet or p.file or "", lambda p: p.sheet or p.file or ""),
            Column(
                self.tr("Row"),
                lambda p: "" if p.row is None else str(p.row),
                lambda p: p.row or 0,
                numeric=True,
            ),
            Column(self.tr("Column"), lambda p: p.column or "", lambda p: p.column or ""),
            Column(self.tr("Problem"), lambda p: p.message, lambda p: p.message),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 3:
            if index.row() < len(self.rows):
                return self.rows[index.row()].message
        return super().data(index, role)


class ImportCountsModel(RowTableModel):
    """What an import adds, changes and leaves as it is, per sheet: rows are (sheet name, SheetCounts)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Sheet"), lambda r: r[0], lambda r: r[0]),
            Column(self.tr("New"), lambda r: str(r[1].added), lambda r: r[1].added, numeric=True),
            Column(self.tr("Changed"), lambda r: str(r[1].updated), lambda r: r[1].updated, numeric=True),
            Column(
                self.tr("Unchanged"), lambda r: str(r[1].unchanged), lambda r: r[1].unchanged, numeric=True
            ),
        ]
