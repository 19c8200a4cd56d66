"""Application list (SQL-backed DataTable, stays instant with 50k rows), status changes and letters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from ...core.errors import DomainError
from ...core.settings import Settings
from ...ui import start_preview
from ...ui.table_model import Column, SqlTableModel
from ...ui.table_view import DataTable
from .. import reports
from ..model import STATUS_LABELS, KitaApplication
from ..service import MANUAL_TRANSITIONS, KitaService
from .application_dialog import ApplicationDialog
from .common import MessageLine, ask_save_path, tab_chain


class ApplicationsTab(QWidget):
    def __init__(self, service: KitaService, settings: Settings, user: str = "", parent: QWidget | None = None,
                 ctx=None):
        super().__init__(parent)
        self.service, self.settings, self.user, self.ctx = service, settings, user, ctx
        self.import_dialog = None
        self.dialog: ApplicationDialog | None = None
        self.message = MessageLine(self)
        a = KitaApplication
        columns = [
            Column("received_date", self.tr("Received"), a.received_date, kind="date"),
            Column("personnel_number", self.tr("Personnel no."), a.personnel_number),
            Column("last_name", self.tr("Last name"), a.last_name),
            Column("first_name", self.tr("First name"), a.first_name),
            Column("child", self.tr("Child"), a.child_first_name),
            Column("birth", self.tr("Date of birth"), a.child_birth_date, kind="date"),
            Column("start", self.tr("Desired start"), a.desired_start, kind="date"),
            Column("hours", self.tr("Hours"), a.booking_hours, kind="int"),
            Column("status", self.tr("Status"), a.status, kind="enum", labels=STATUS_LABELS),
        ]
        query = select(a).where(a.deleted_at.is_(None))
        # With the app's task runner, sorting and searching 50k applications never blocks the window.
        runner = ctx.services.get("task_runner") if ctx is not None else None
        self.model = SqlTableModel(service.db, columns, query, a.id, search_table=a.__tablename__, parent=self,
                                   default_sort=("received_date", Qt.SortOrder.AscendingOrder), runner=runner)
        self.table = DataTable(self.model, self, table_key="kita_applications")
        if ctx is not None:  # the list the quick start previews when the app opens on Kita-Kontingent
            start_preview.remember(ctx, "kita", self.model, self.table.view)

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), None)
        for key, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, key)
        filter_label = QLabel(self.tr("S&tatus:"))
        filter_label.setBuddy(self.status_filter)
        self.new_button = QPushButton(self.tr("&New application…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.import_button = QPushButton(self.tr("&Import from Excel…"))
        self.import_button.setToolTip(self.tr("Applications from an Excel list: checked first, then all rows or none"))
        self.import_button.setVisible(ctx is not None)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(filter_label)
        top.addWidget(self.status_filter)

        self.new_status = QComboBox()  # filled with the transitions the selected application allows
        status_label = QLabel(self.tr("New stat&us:"))
        status_label.setBuddy(self.new_status)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("reason (goes into the history)"))
        reason_label = QLabel(self.tr("Rea&son:"))
        reason_label.setBuddy(self.reason)
        self.status_button = QPushButton(self.tr("Change st&atus"))
        self.waitlist_letter_button = QPushButton(self.tr("&Waiting-list letter…"))
        self.rejection_letter_button = QPushButton(self.tr("&Rejection letter…"))
        self.rejection_letter_button.setToolTip(self.tr("Uses the reason field as the reason of the rejection"))
        bottom = QHBoxLayout()
        for w in (status_label, self.new_status, reason_label, self.reason, self.status_button,
                  self.waitlist_letter_button, self.rejection_letter_button):
            bottom.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self._edit_current)
        self.import_button.clicked.connect(self.open_import)
        self.table.activated.connect(self.open_dialog)
        self.table.selection_changed.connect(self._fill_new_status)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.status_button.clicked.connect(self.change_status)
        self.waitlist_letter_button.clicked.connect(lambda: self.write_letter("waitlist"))
        self._fill_new_status()
        t = self.table
        tab_chain(self.new_button, self.edit_button, self.import_button, self.status_filter, t.search_edit,
                  t.columns_button, t.excel_button, t.pdf_button, t.view, self.new_status, self.reason,
                  self.status_button, self.waitlist_letter_button, self.rejection_letter_button)
        self.rejection_letter_button.clicked.connect(lambda: self.write_letter("rejection"))
        self.table.export_excel_requested.connect(lambda: self.export(".xlsx"))
        self.table.export_pdf_requested.connect(lambda: self.export(".pdf"))

    def refresh(self) -> None:
        self.model.refresh()
        self._fill_new_status()

    def _fill_new_status(self) -> None:
        """Offer only the changes the selected application allows (the service refuses the others)."""
        # selectionChanged comes before the current index moves, so the selection decides.
        ids = self.table.selected_ids()
        app_id = ids[0] if ids else self.table.current_id()
        status = None
        if app_id:
            try:
                status = self.service.get_application(app_id).status
            except DomainError:
                status = None
        allowed = MANUAL_TRANSITIONS.get(status, set()) if status else set()
        self.new_status.clear()
        for key, label in STATUS_LABELS.items():
            if key in allowed:
                self.new_status.addItem(label, key)
        if not allowed:
            self.new_status.addItem(self.tr("(select an application)") if status is None
                                    else self.tr("(no change possible)"), None)
        self.new_status.setEnabled(bool(allowed))
        self.status_button.setEnabled(bool(allowed))

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        self.model.set_filter("status", KitaApplication.status == status if status else None)

    def open_dialog(self, app_id: str | None) -> ApplicationDialog | None:
        try:
            app = self.service.get_application(app_id) if app_id else None
        except DomainError as exc:
            self.message.error(exc)
            return None
        self.dialog = ApplicationDialog(self.service, app, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def open_import(self):
        from ...export.views.import_dialog import ImportDialog
        from ..importer import application_spec

        self.import_dialog = ImportDialog(self.ctx, lambda: application_spec(self.service.db), self,
                                          self.tr("Import Kita applications from Excel"))
        self.import_dialog.finished.connect(lambda _r: self.refresh())
        self.import_dialog.open()
        return self.import_dialog

    def _saved(self) -> None:
        self.refresh()
        if self.dialog is not None and self.dialog.saved is not None:
            self.table.select_id(self.dialog.saved.id)
            self.message.info(self.tr("Application saved: %1").replace("%1", self.dialog.saved.applicant))

    def _edit_current(self) -> None:
        app_id = self.table.current_id()
        if app_id:
            self.open_dialog(app_id)

    def change_status(self) -> None:
        app_id = self.table.current_id()
        if not app_id:
            self.message.error(self.tr("Please select an application first."))
            return
        try:
            app = self.service.change_status(app_id, self.new_status.currentData(), self.reason.text())
        except DomainError as exc:
            allowed = MANUAL_TRANSITIONS.get(self.service.get_application(app_id).status, set())
            hint = ", ".join(STATUS_LABELS[s] for s in sorted(allowed))
            self.message.error(f"{exc.message} " + self.tr("Possible: %1").replace("%1", hint or "–"))
            return
        self.reason.clear()
        self.refresh()
        self.message.info(self.tr("Status of %1: %2").replace("%1", app.applicant).replace("%2", app.status_label))

    def write_letter(self, kind: str, path=None) -> None:
        app_id = self.table.current_id()
        if not app_id:
            self.message.error(self.tr("Please select an application first."))
            return
        letters = reports.KitaLetters(self.service, signature=self.settings.sender.contact_name)
        try:
            letter = (letters.waitlist_letter(app_id) if kind == "waitlist"
                      else letters.rejection_letter(app_id, self.reason.text()))
            path = path or ask_save_path(self, self.tr("Save letter"), f"Brief_{kind}.pdf", self.tr("PDF files (*.pdf)"))
            if not path:
                return
            reports.write_letters([letter], path, self.settings)
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.info(self.tr("Letter saved: %1").replace("%1", str(path)))

    def export(self, suffix: str, path=None) -> None:
        path = path or ask_save_path(self, self.tr("Export applications"), f"Kita-Antraege{suffix}",
                                     self.tr("Excel files (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF files (*.pdf)"))
        if not path:
            return
        status = self.status_filter.currentData()
        try:
            reports.export_applications(self.service, path, self.user, (status,) if status else None,
                                        self.table.search_edit.text())
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.info(self.tr("Saved: %1").replace("%1", str(path)))
