"""Employee detail: master data form and 'Verlauf' (history) tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...core.errors import DomainError
from ...ui.error_dialog import show_error
from ...ui.forms import FieldErrors, FormDialog, required_note
from ...ui.history import HistoryWidget
from ..service import EmployeeData, OrgUnitData, ReferenceService

FIELD_LABELS = {
    "personnel_number": "Personalnummer",
    "last_name": "Nachname",
    "first_name": "Vorname",
    "org_unit_id": "Organisationseinheit",
    "email": "E-Mail",
    "phone": "Telefon",
    "active": "aktiv",
    "deleted_at": "gelöscht am",
}


class EmployeeDialog(FormDialog):
    def __init__(self, ctx: AppContext, employee: EmployeeData | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ReferenceService(ctx.db)
        self.employee = employee
        self.saved: EmployeeData | None = None
        self.setWindowTitle(self.tr("Employee") if employee is None else employee.display_name)
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        form_page = QWidget()
        form = QFormLayout(form_page)
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        self.personnel_number = self.errors.add_row("personnel_number", self.tr("&Personnel number:"), QLineEdit(),
                                                    required=True)
        self.last_name = self.errors.add_row("last_name", self.tr("&Last name:"), QLineEdit(), required=True)
        self.first_name = self.errors.add_row("first_name", self.tr("&First name:"), QLineEdit(), required=True)
        self.org_unit = self.errors.add_row("org_unit_id", self.tr("&Org unit:"), QComboBox())
        self.email = self.errors.add_row("email", self.tr("&E-mail:"), QLineEdit())
        self.phone = self.errors.add_row("phone", self.tr("P&hone:"), QLineEdit())
        self.active = self.errors.add_row("active", self.tr("&Active:"), QCheckBox(self.tr("still employed")))
        form.addRow(required_note())
        self.org_unit.addItem(self.tr("(none)"), None)
        units: list[OrgUnitData] = self.service.list_units()
        for unit in units:
            self.org_unit.addItem(f"{unit.code} {unit.name}", unit.id)
        self.tabs.addTab(form_page, self.tr("&Master data"))
        self.history = HistoryWidget(ctx.db, "employee", employee.id if employee else None, FIELD_LABELS)
        self.tabs.addTab(self.history, self.tr("&History"))

        if employee is not None:
            self.personnel_number.setText(employee.personnel_number)
            self.last_name.setText(employee.last_name)
            self.first_name.setText(employee.first_name)
            self.org_unit.setCurrentIndex(max(0, self.org_unit.findData(employee.org_unit_id)))
            self.email.setText(employee.email or "")
            self.phone.setText(employee.phone or "")
            self.active.setChecked(employee.active)
        else:
            self.active.setChecked(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.personnel_number.setFocus()
        self.remember_state()

    def data(self) -> EmployeeData:
        return EmployeeData(
            id=self.employee.id if self.employee else None,
            personnel_number=self.personnel_number.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            org_unit_id=self.org_unit.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        try:
            self.saved = self.service.save_employee(self.data())
        except DomainError as exc:
            self.tabs.setCurrentIndex(0)
            self.errors.show(exc)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
