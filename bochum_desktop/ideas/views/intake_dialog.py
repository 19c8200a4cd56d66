"""Intake of a new suggestion: texts, affected unit, submitters with shares, attachments."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import BERLIN, to_local
from ...core.errors import DomainError
from ...ui.forms import FieldErrors
from ..dto import AttachmentIn, IntakeInput, SubmitterIn
from ..service import IdeasService
from . import common


class IntakeDialog(QDialog):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.created_id: str | None = None
        self.attachments: list[tuple[str, bytes]] = []
        self.ask_open_path = common.ask_open_path
        self.ask_yes_no = common.ask_yes_no
        self.setWindowTitle(self.tr("New suggestion"))
        self.resize(760, 820)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.code_word = self.errors.add_row("code_word", self.tr("&Code word"), QLineEdit())
        self.title_edit = self.errors.add_row("title", self.tr("&Title"), QLineEdit())
        self.current_state = self.errors.add_row("current_state", self.tr("Current state (&Ist)"), QPlainTextEdit())
        self.proposal = self.errors.add_row("proposal", self.tr("&Proposal (Soll)"), QPlainTextEdit())
        self.benefit = self.errors.add_row("benefit", self.tr("Expected &benefit"), QPlainTextEdit())
        for edit in (self.current_state, self.proposal, self.benefit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(110)
        self.unit = self.errors.add_row("org_unit_id", self.tr("Affected &unit"), QComboBox())
        self.unit.addItem(self.tr("– please choose –"), None)
        for unit_id, name in service.org_units():
            self.unit.addItem(name, unit_id)
        self.received = self.errors.add_row("received_at", self.tr("&Received at"), QDateTimeEdit())
        self.received.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.received.setCalendarPopup(True)
        now = to_local(service.clock.now())
        self.received.setDateTime(QDateTime(common.to_qdate(now.date()), QTime(now.hour, now.minute)))

        submitters_box = self.errors.add_row("submitters", self.tr("&Submitters"), self._submitters_box())
        attachments_box = self.errors.add_row("attachments", self.tr("&Attachments"), self._attachments_box())
        # The mnemonic should land in an input, not on the (unfocusable) box around it.
        form.labelForField(submitters_box).setBuddy(self.employee_search)
        form.labelForField(attachments_box).setBuddy(self.attachment_list)
        # Mark the list itself, not the whole box (a frame on the box would frame every child).
        self.errors.inputs["submitters"] = self.submitters
        self.errors.inputs["attachments"] = self.attachment_list

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self.errors.general)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    # --- submitters ----------------------------------------------------------------------------------
    def _submitters_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        find_row = QHBoxLayout()
        self.employee_search = QLineEdit()
        self.employee_search.setPlaceholderText(self.tr("Name or personnel number"))
        self.employee_search.setAccessibleName(self.tr("Find employee"))
        self.employee_search.textChanged.connect(self._find_employees)
        find_row.addWidget(self.employee_search)
        self.add_submitter_button = QPushButton(self.tr("A&dd"))
        self.add_submitter_button.clicked.connect(self._add_selected_employee)
        find_row.addWidget(self.add_submitter_button)
        layout.addLayout(find_row)
        self.employee_results = QListWidget()
        self.employee_results.setAccessibleName(self.tr("Matching employees"))
        self.employee_results.setMaximumHeight(90)
        self.employee_results.itemActivated.connect(lambda _item: self._add_selected_employee())
        layout.addWidget(self.employee_results)
        self.submitters = QTableWidget(0, 2)
        self.submitters.setAccessibleName(self.tr("Submitters and shares"))
        self.submitters.setHorizontalHeaderLabels([self.tr("Submitter"), self.tr("Share in %")])
        self.submitters.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.submitters.verticalHeader().setVisible(False)
        self.submitters.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.submitters.setMaximumHeight(130)
        layout.addWidget(self.submitters)
        row = QHBoxLayout()
        equal = QPushButton(self.tr("&Equal shares"))
        equal.setToolTip(self.tr("Clear the shares: the submitters then get equal shares"))
        equal.clicked.connect(self._clear_shares)
        remove = QPushButton(self.tr("Remo&ve submitter"))
        remove.clicked.connect(self._remove_submitter)
        row.addWidget(equal)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _find_employees(self, text: str) -> None:
        self.employee_results.clear()
        if len(text.strip()) < 2:
            return
        for emp_id, label in self.service.employees(text=text):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, emp_id)
            self.employee_results.addItem(item)
        if self.employee_results.count():
            self.employee_results.setCurrentRow(0)

    def add_submitter(self, employee_id: str, label: str, share: str = "") -> None:
        for row in range(self.submitters.rowCount()):
            if self.submitters.item(row, 0).data(Qt.ItemDataRole.UserRole) == employee_id:
                return
        row = self.submitters.rowCount()
        self.submitters.insertRow(row)
        name = QTableWidgetItem(label)
        name.setData(Qt.ItemDataRole.UserRole, employee_id)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.submitters.setItem(row, 0, name)
        self.submitters.setItem(row, 1, QTableWidgetItem(share))

    def _add_selected_employee(self) -> None:
        item = self.employee_results.currentItem()
        if item is not None:
            self.add_submitter(item.data(Qt.ItemDataRole.UserRole), item.text())
            self.employee_search.clear()

    def _remove_submitter(self) -> None:
        row = self.submitters.currentRow()
        if row >= 0:
            self.submitters.removeRow(row)

    def _clear_shares(self) -> None:
        for row in range(self.submitters.rowCount()):
            self.submitters.item(row, 1).setText("")

    # --- attachments ---------------------------------------------------------------------------------
    def _attachments_box(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget()
        self.attachment_list.setAccessibleName(self.tr("Attached files"))
        self.attachment_list.setMaximumHeight(70)
        layout.addWidget(self.attachment_list, 1)
        buttons = QVBoxLayout()
        add = QPushButton(self.tr("Add &file…"))
        add.clicked.connect(self._add_file)
        remove = QPushButton(self.tr("Remove fi&le"))
        remove.clicked.connect(self._remove_file)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout.addLayout(buttons)
        return box

    def add_attachment(self, filename: str, content: bytes) -> None:
        self.attachments.append((filename, content))
        self.attachment_list.addItem(f"{filename} ({len(content):,} Bytes)".replace(",", "."))

    def _add_file(self) -> None:
        path = self.ask_open_path(self, self.tr("Attach a file"))
        if path:
            p = Path(path)
            self.add_attachment(p.name, p.read_bytes())

    def _remove_file(self) -> None:
        row = self.attachment_list.currentRow()
        if row >= 0:
            self.attachment_list.takeItem(row)
            del self.attachments[row]

    # --- save ----------------------------------------------------------------------------------------
    def data(self) -> IntakeInput:
        submitters = []
        for row in range(self.submitters.rowCount()):
            share = self.submitters.item(row, 1).text().strip() if self.submitters.item(row, 1) else ""
            submitters.append(SubmitterIn(self.submitters.item(row, 0).data(Qt.ItemDataRole.UserRole), share or None))
        received = self.received.dateTime().toPython()
        received = received.replace(tzinfo=BERLIN).astimezone(UTC)
        return IntakeInput(
            code_word=self.code_word.text(), title=self.title_edit.text(),
            current_state=self.current_state.toPlainText(), proposal=self.proposal.toPlainText(),
            benefit=self.benefit.toPlainText(), org_unit_id=self.unit.currentData(), submitters=submitters,
            received_at=received, attachments=[AttachmentIn(n, c) for n, c in self.attachments],
        )

    def has_input(self) -> bool:
        texts = (self.code_word.text(), self.title_edit.text(), self.current_state.toPlainText(),
                 self.proposal.toPlainText(), self.benefit.toPlainText(), self.employee_search.text())
        return (any(t.strip() for t in texts) or self.unit.currentData() is not None
                or self.submitters.rowCount() > 0 or bool(self.attachments))

    def reject(self) -> None:
        """Cancel, Escape and closing the window all end here: typed data is not dropped without asking."""
        if self.created_id is None and self.has_input() and not self.ask_yes_no(
                self, self.tr("New suggestion"), self.tr("Discard unsaved input?")):
            return
        super().reject()

    def save(self) -> None:
        try:
            self.created_id = self.service.intake(self.data())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
