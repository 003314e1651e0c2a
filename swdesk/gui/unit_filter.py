"""The structural unit filter (issue 14): one selector in the main window's toolbar, "Struktūrvienība:
Visas", kept across views. Choosing a unit sets ``AppContext.unit_id``; every view reloads with the unit's
people (sub-units included), counted by the core (``swdesk.units``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

if TYPE_CHECKING:
    from swdesk.gui.context import AppContext
    from swdesk.gui.mainwindow import MainWindow

INDENT = "    "  # a sub-unit under its parent


class UnitFilter(QComboBox):
    """The units as a tree (a sub-unit indented under its parent); "All" first."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("unitFilter")
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(self.tr("Show the figures and lists of one structural unit (its sub-units included)"))
        self.reload()
        self.currentIndexChanged.connect(self._chosen)
        ctx.data_changed.connect(self.reload)

    def reload(self) -> None:
        """The list as it is now; the chosen unit stays chosen (or All when it was deleted)."""
        from swdesk import units
        from swdesk.gui.models import collation_key

        with self.ctx.database.read() as session:
            ordered = units.tree_order(units.all_units(session), collation_key)
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("All"), None)
            for depth, unit in ordered:
                self.addItem(INDENT * depth + unit.name, unit.id)
            index = self.findData(self.ctx.unit_id) if self.ctx.unit_id is not None else 0
            self.setCurrentIndex(max(index, 0))
        if index < 0:
            self.ctx.set_unit(None)

    def choose(self, unit_id: int | None) -> None:
        index = self.findData(unit_id) if unit_id is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)

    def _chosen(self, index: int) -> None:
        self.ctx.set_unit(self.itemData(index))


def install(window: MainWindow) -> UnitFilter:
    """The toolbar with the selector; the views are reloaded when another unit is chosen."""
    toolbar = getattr(window, "unit_toolbar", None)
    if toolbar is None:
        toolbar = QToolBar(QCoreApplication.translate("UnitFilter", "Structural unit"), window)
        toolbar.setObjectName("unitToolbar")
        toolbar.setMovable(False)
        window.addToolBar(toolbar)
        window.unit_toolbar = toolbar  # type: ignore[attr-defined]
    toolbar.clear()
    label = QLabel(QCoreApplication.translate("UnitFilter", "Structural unit:") + " ")
    selector = UnitFilter(window.ctx)
    label.setBuddy(selector)
    toolbar.addWidget(label)
    toolbar.addWidget(selector)
    window.ctx.unit_changed.connect(window.unit_changed)
    return selector
