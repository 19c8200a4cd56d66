"""'Verlauf' tab: the audit history of one record."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..audit.service import OPS_DE, history
from ..core.formatting import format_datetime
from ..db.session import Database


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    return str(value)


class HistoryWidget(QWidget):
    def __init__(self, db: Database, table: str, row_id: str | None, labels: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.table_name, self.labels = db, table, labels or {}
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Field"), self.tr("Old → new")]
        )
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.load(row_id)

    def load(self, row_id: str | None) -> None:
        entries = history(self.db, self.table_name, row_id) if row_id else []
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            change = "" if not e.field else f"{_text(e.old)} → {_text(e.new)}"
            values = [
                format_datetime(e.at),
                e.user,
                OPS_DE.get(e.op, e.op),
                self.labels.get(e.field, e.field),
                change + (f" ({e.note})" if e.note else ""),
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
