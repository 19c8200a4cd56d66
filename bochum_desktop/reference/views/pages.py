"""List pages for employees and org units, on the generic SQL-backed table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import select

from ...context import AppContext
from ...core.errors import DomainError
from ...ui import start_preview
from ...ui.error_dialog import show_error
from ...ui.table_export import attach_exports
from ...ui.table_model import Column, SqlTableModel
from ...ui.table_view import DataTable
from ..model import Employee, OrgUnit
from ..service import ReferenceService
from .employee_dialog import EmployeeDialog
from .org_unit_dialog import OrgUnitDialog


class ReferencePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ReferenceService(ctx.db)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._employee_tab(), self.tr("&Employees"))
        self.tabs.addTab(self._unit_tab(), self.tr("&Org units"))

    # --- employees ---------------------------------------------------------------------------------
    def _employee_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        columns = [
            Column("personnel_number", self.tr("Personnel no."), Employee.personnel_number),
            Column("last_name", self.tr("Last name"), Employee.last_name),
            Column("first_name", self.tr("First name"), Employee.first_name),
            Column("org_unit", self.tr("Org unit"), OrgUnit.code + " " + OrgUnit.name),
            Column("email", self.tr("E-mail"), Employee.email),
            Column("phone", self.tr("Phone"), Employee.phone, visible=False),
            Column("active", self.tr("Active"), Employee.active, kind="bool"),
        ]
        query = (
            select(Employee)
            .outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id)
            .where(Employee.deleted_at.is_(None))
        )
        self.employee_model = SqlTableModel(self.ctx.db, columns, query, Employee.id, search_table="employee",
                                            parent=self, runner=self.ctx.services.get("task_runner"),
                                            default_sort=("last_name", Qt.SortOrder.AscendingOrder))
        self.employee_table = DataTable(self.employee_model, parent=page)
        start_preview.remember(self.ctx, "reference", self.employee_model, self.employee_table.view)
        attach_exports(self.ctx, self.employee_table, self.tr("Employees"))
        self.employee_table.activated.connect(self.edit_employee)
        layout.addWidget(self.employee_table)
        buttons = QHBoxLayout()
        new = QPushButton(self.tr("&New employee…"))
        new.clicked.connect(lambda: self.edit_employee(None))
        edit = QPushButton(self.tr("E&dit…"))
        edit.clicked.connect(self._edit_selected)
        delete = QPushButton(self.tr("De&lete"))
        delete.clicked.connect(self._delete_selected)
        import_button = QPushButton(self.tr("&Import from Excel…"))
        import_button.clicked.connect(self.import_employees)
        for b in (new, edit, delete, import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.employee_buttons = {"new": new, "edit": edit, "delete": delete, "import": import_button}
        return page

    def edit_employee(self, employee_id: str | None) -> None:
        try:
            data = self.service.get_employee(employee_id) if employee_id else None
        except DomainError as exc:
            show_error(self, exc)
            return
        dialog = EmployeeDialog(self.ctx, data, self)
        if dialog.exec():
            self.employee_model.refresh()

    def import_employees(self) -> None:
        # openpyxl loads when someone imports, not at start-up.
        from ...export.views.import_dialog import ImportDialog
        from ..importer import employee_spec

        dialog = ImportDialog(self.ctx, lambda: employee_spec(self.ctx.db), self, title=self.tr("Import employees"))
        dialog.exec()
        self.employee_model.refresh()
        self.unit_model.refresh()

    def import_units(self) -> None:
        from ...export.views.import_dialog import ImportDialog
        from ..importer import org_unit_spec

        dialog = ImportDialog(self.ctx, org_unit_spec, self, title=self.tr("Import org units"))
        dialog.exec()
        self.unit_model.refresh()

    def _edit_selected(self) -> None:
        ids = self.employee_table.selected_ids()
        if ids:
            self.edit_employee(ids[0])

    def _delete_selected(self) -> None:
        ids = self.employee_table.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete employee"),
            self.tr("Delete %n employee(s)? Personal data is removed; the record remains as a tombstone.", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete_employees(ids)
        except Exception as exc:
            show_error(self, exc)
        self.employee_model.refresh()

    # --- org units ---------------------------------------------------------------------------------
    def _unit_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        columns = [
            Column("code", self.tr("Code"), OrgUnit.code),
            Column("name", self.tr("Name"), OrgUnit.name),
            Column("active", self.tr("Active"), OrgUnit.active, kind="bool"),
        ]
        query = select(OrgUnit).where(OrgUnit.deleted_at.is_(None))
        self.unit_model = SqlTableModel(self.ctx.db, columns, query, OrgUnit.id, search_table="org_unit",
                                        parent=self, runner=self.ctx.services.get("task_runner"),
                                        default_sort=("code", Qt.SortOrder.AscendingOrder))
        self.unit_table = DataTable(self.unit_model, parent=page)
        attach_exports(self.ctx, self.unit_table, self.tr("Org units"))
        self.unit_table.activated.connect(self.edit_unit)
        layout.addWidget(self.unit_table)
        buttons = QHBoxLayout()
        new = QPushButton(self.tr("New &org unit…"))
        new.clicked.connect(lambda: self.edit_unit(None))
        buttons.addWidget(new)
        import_button = QPushButton(self.tr("Import from E&xcel…"))
        import_button.clicked.connect(self.import_units)
        buttons.addWidget(import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def edit_unit(self, unit_id: str | None) -> None:
        unit = next((u for u in self.service.list_units(include_inactive=True) if u.id == unit_id), None)
        dialog = OrgUnitDialog(self.ctx, unit, self)
        if dialog.exec():
            self.unit_model.refresh()
            self.employee_model.refresh()
