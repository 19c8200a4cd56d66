"""Conflict queue (base / mine / server side by side, choose or edit) and parked (rejected) changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Boolean, Date, Integer

from ...core.errors import DomainError
from ...core.formatting import format_date, parse_german_date
from ..apply import synced_models
from ..conflicts import discard_rejected, list_conflicts, list_rejected, resolve, retry_rejected

TABLE_NAMES_DE = {"employee": "Beschäftigte", "org_unit": "Organisationseinheit"}
# Data, not UI text: column names of the shared register; other columns show their name.
FIELD_NAMES_DE = {
    "last_name": "Nachname", "first_name": "Vorname", "email": "E-Mail", "phone": "Telefon",
    "personnel_number": "Personalnummer", "org_unit_id": "Organisationseinheit", "active": "aktiv",
    "code": "Kürzel", "name": "Bezeichnung", "parent_id": "übergeordnete Einheit", "deleted_at": "Löschung",
}


def table_title(tbl: str) -> str:
    return TABLE_NAMES_DE.get(tbl, tbl)


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def parse_value(tbl: str, field: str, text: str) -> Any:
    """An edited value typed by the user, in the JSON form the column takes."""
    model = synced_models().get(tbl)
    column = model.__table__.c[field] if model is not None and field in model.__table__.c else None
    text = text.strip()
    if column is None:
        return text
    impl = getattr(column.type, "impl", column.type)
    if text == "" and column.nullable:
        return None
    if isinstance(impl, Boolean):
        if text.lower() not in ("ja", "nein"):
            raise DomainError("Bitte „Ja“ oder „Nein“ eingeben.", field)
        return text.lower() == "ja"
    if isinstance(impl, Integer):
        try:
            return int(text)
        except ValueError:
            raise DomainError("Bitte eine ganze Zahl eingeben.", field) from None
    if isinstance(impl, Date):
        return parse_german_date(text).isoformat()
    return text


class ConflictDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sync conflicts and rejected changes"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self._build_conflicts()
        self._build_rejected()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    # -- conflicts -----------------------------------------------------------------------------------
    def _build_conflicts(self) -> None:
        page = QWidget()
        row = QHBoxLayout(page)
        self.conflict_list = QListWidget()
        self.conflict_list.setAccessibleName(self.tr("Conflicts"))
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        row.addWidget(self.conflict_list, 1)
        detail = QWidget()
        grid = QGridLayout(detail)
        self.heading = QLabel()
        grid.addWidget(self.heading, 0, 0, 1, 3)
        self.value_labels = {}
        for col, (key, title) in enumerate(
            (("base", self.tr("Before (last synced)")), ("mine", self.tr("Mine")), ("theirs", self.tr("Server")))
        ):
            head = QLabel(f"<b>{title}</b>")
            grid.addWidget(head, 1, col)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(title)
            grid.addWidget(value, 2, col)
            self.value_labels[key] = value
        self.choice = QButtonGroup(self)
        self.take_mine = QRadioButton(self.tr("Use &my value"))
        self.take_theirs = QRadioButton(self.tr("Keep the &server's value"))
        self.take_other = QRadioButton(self.tr("&Other value:"))
        self.other_edit = QLineEdit()
        self.other_edit.setAccessibleName(self.tr("Other value"))
        self.other_edit.textEdited.connect(lambda _t: self.take_other.setChecked(True))
        for i, button in enumerate((self.take_mine, self.take_theirs, self.take_other)):
            self.choice.addButton(button, i)
            grid.addWidget(button, 3 + i, 0, 1, 2 if button is self.take_other else 3)
        grid.addWidget(self.other_edit, 5, 2)
        self.conflict_error = QLabel()
        self.conflict_error.setWordWrap(True)
        grid.addWidget(self.conflict_error, 6, 0, 1, 3)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.clicked.connect(self.apply_choice)
        grid.addWidget(self.apply_button, 7, 2)
        grid.setRowStretch(8, 1)
        row.addWidget(detail, 2)
        self.tabs.addTab(page, self.tr("Conflicts"))

    def _show_conflict(self, index: int) -> None:
        item = self.conflicts[index] if 0 <= index < len(self.conflicts) else None
        for w in (self.take_mine, self.take_theirs, self.take_other, self.other_edit, self.apply_button):
            w.setEnabled(item is not None)
        self.conflict_error.clear()
        if item is None:
            self.heading.setText(self.tr("No conflicts."))
            for label in self.value_labels.values():
                label.clear()
            return
        if item.field == "deleted_at":
            deleted, kept = self.tr("deleted"), self.tr("kept")
            values = {"base": kept, "mine": deleted if item.mine else kept, "theirs": deleted if item.theirs else kept}
        else:
            values = {k: show_value(getattr(item, k)) for k in ("base", "mine", "theirs")}
        for key, text in values.items():
            self.value_labels[key].setText(text)
        self.heading.setText(
            self.tr("{table}, field “{field}”").format(table=table_title(item.tbl), field=FIELD_NAMES_DE.get(item.field, item.field))
        )
        self.take_other.setVisible(item.field != "deleted_at")
        self.other_edit.setVisible(item.field != "deleted_at")
        self.other_edit.setText(show_value(item.mine) if item.mine is not None else "")
        self.take_mine.setChecked(True)

    def apply_choice(self) -> None:
        item = self.conflicts[self.conflict_list.currentRow()]
        try:
            if self.take_mine.isChecked():
                value = item.mine
            elif self.take_theirs.isChecked():
                value = item.theirs
            else:
                value = parse_value(item.tbl, item.field, self.other_edit.text())
            resolve(self.ctx.db, item.id, value)
        except DomainError as exc:
            self.conflict_error.setText("⚠ " + exc.message)
            return
        self.reload()

    # -- rejected ------------------------------------------------------------------------------------
    def _build_rejected(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.rejected_table = QTableWidget(0, 4)
        self.rejected_table.setHorizontalHeaderLabels(
            [self.tr("Table"), self.tr("Record"), self.tr("Change"), self.tr("Reason given by the server")]
        )
        self.rejected_table.setAccessibleName(self.tr("Rejected changes"))
        self.rejected_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected_table.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.rejected_table)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Send &again"))
        self.retry_button.clicked.connect(lambda: self._on_rejected(retry_rejected))
        self.discard_button = QPushButton(self.tr("&Discard change"))
        self.discard_button.clicked.connect(lambda: self._on_rejected(discard_rejected))
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        box.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Rejected changes"))

    def _on_rejected(self, action) -> None:
        row = self.rejected_table.currentRow()
        if 0 <= row < len(self.rejected):
            action(self.ctx.db, self.rejected[row].seq)
            self.reload()

    # -- both ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.conflicts = list_conflicts(self.ctx.db)
        self.conflict_list.clear()
        for c in self.conflicts:
            QListWidgetItem(f"{table_title(c.tbl)} · {FIELD_NAMES_DE.get(c.field, c.field)}", self.conflict_list)
        self.conflict_list.setCurrentRow(0 if self.conflicts else -1)
        self._show_conflict(0 if self.conflicts else -1)
        self.rejected = list_rejected(self.ctx.db)
        ops = {"insert": self.tr("new"), "update": self.tr("changed"), "delete": self.tr("deleted"),
               "purge": self.tr("erased")}
        self.rejected_table.setRowCount(len(self.rejected))
        for i, r in enumerate(self.rejected):
            fields = ", ".join(
                FIELD_NAMES_DE.get(k, k) for k in r.patch if k not in ("updated_at", "updated_by", "created_at")
            )
            for j, text in enumerate((table_title(r.tbl), r.row_id[:8], f"{ops.get(r.op, r.op)}: {fields}", r.error)):
                self.rejected_table.setItem(i, j, QTableWidgetItem(text))
        if self.rejected:
            self.rejected_table.selectRow(0)
        self.retry_button.setEnabled(bool(self.rejected))
        self.discard_button.setEnabled(bool(self.rejected))
        self.tabs.setTabText(0, self.tr("Conflicts ({n})").format(n=len(self.conflicts)))
        self.tabs.setTabText(1, self.tr("Rejected changes ({n})").format(n=len(self.rejected)))
