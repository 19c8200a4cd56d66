"""A small read-only table model over a list of dataclasses (ranking, proposal, offers, contracts, occupancy).

These lists are short (what one Kita year holds), so they live in memory; the application list with its
many rows uses the SQL-backed ui.table_model.SqlTableModel instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


@dataclass(frozen=True)
class RowColumn:
    title: str
    value: Callable[[Any], object]  # display text (str) or number
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RowColumn], rows: Sequence = (), parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)
        self.checkable = False
        self._checked: list[bool] = []

    def set_rows(self, rows: Sequence, checked: bool | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [True] * len(self._rows) if checked is not None else []
        self.checkable = checked is not None
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row(self, index: int):
        return self._rows[index]

    def checked_rows(self) -> list:
        return [r for r, c in zip(self._rows, self._checked, strict=True) if c] if self.checkable else list(self._rows)

    def set_checked(self, index: int, value: bool) -> None:
        self.setData(self.index(index, 0), Qt.CheckState.Checked if value else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)

    def replace_row(self, index: int, row) -> None:
        self._rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self._columns) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.checkable or not index.isValid() or index.column():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self._checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None
