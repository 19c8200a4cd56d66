"""Start page ('Übersicht'): what is due across all features the user may see."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..context import AppContext
from ..core.formatting import format_date
from .feature import FeatureSpec

if TYPE_CHECKING:  # (annotations only: docs/architecture.md, quick start)
    from ..core.features import DueItem

log = logging.getLogger(__name__)


class StartPage(QWidget):
    open_item = Signal(str, str, str)  # feature key, kind, target id

    def __init__(self, ctx: AppContext, features: list[FeatureSpec], parent: QWidget | None = None,
                 *, load: bool = True) -> None:
        """`load=False`: the owner calls refresh() when the page is shown (the main window does)."""
        super().__init__(parent)
        self.ctx = ctx
        self.features = features
        self.items: list[DueItem] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Overview"))
        title.setObjectName("pageTitle")
        # A font, not a style sheet: the first style sheet costs ~5 ms of the start-up (bench/bench_startup.py).
        font = title.font()
        font.setPointSize(18)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        layout.addWidget(title)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Area"), self.tr("What"), self.tr("Status")])
        self.table.setAccessibleName(self.tr("Due items"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        layout.addWidget(self.table)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        # On the left, in a row of its own (no alignment flag: the start builds no Qt namespace, main_window.py).
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        layout.addLayout(row)
        if load:
            self.refresh()
        else:
            self.summary.setText(self.tr("Loading …"))

    def refresh(self) -> None:
        if self.ctx.db is None:  # the quick start has not opened the data file yet (MainWindow.finish_start)
            return
        items: list[DueItem] = []
        titles = {f.key: f.title for f in self.features}
        for feature in self.features:
            try:
                items.extend(feature.due_items(self.ctx))
            except Exception:  # one broken feature must not hide the others' due items
                log.exception("due items of %s failed", feature.key)
        items.sort(key=lambda i: (i.due, i.feature, i.title))
        self.items = items
        self.table.setRowCount(len(items))
        today = self.ctx.clock.today()
        for row, item in enumerate(items):
            overdue = item.overdue or item.due < today
            status = self.tr("overdue") if overdue else (self.tr("today") if item.due == today else self.tr("open"))
            values = [format_date(item.due), titles.get(item.feature, item.feature), item.title, status]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if overdue:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        overdue_count = sum(1 for i in items if i.overdue or i.due < today)
        if items:
            self.summary.setText(self.tr("%n item(s) due", "", len(items)) + " · " + self.tr("%n overdue", "", overdue_count))
        else:
            self.summary.setText(self.tr("Nothing is due. "))

    def _activated(self, row: int, _col: int) -> None:
        item = self.items[row]
        if item.target_id:
            self.open_item.emit(item.feature, item.kind, item.target_id)
