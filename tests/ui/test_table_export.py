"""Exporting the current view: the visible columns, the current search and sort, real cell types."""

from __future__ import annotations

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.reference.service import EmployeeData, OrgUnitData, ReferenceService
from bochum_desktop.ui.table_export import export_excel, export_pdf
from bochum_desktop.ui.table_model import Column, SqlTableModel
from bochum_desktop.ui.table_view import DataTable
from bochum_desktop.ui.task_runner import TaskRunner


@pytest.fixture
def table(qtbot, ctx):
    service = ReferenceService(ctx.db)
    unit = service.save_unit(OrgUnitData(id=None, code="51", name="Jugendamt"))
    for number, last, first in [("100001", "Müller", "Anna"), ("100002", "Öztürk", "Elif"), ("100003", "Becker", "Max")]:
        service.save_employee(EmployeeData(id=None, personnel_number=number, last_name=last, first_name=first,
                                           org_unit_id=unit.id))
    columns = [
        Column("personnel_number", "Personalnr.", Employee.personnel_number),
        Column("last_name", "Nachname", Employee.last_name),
        Column("unit", "Organisationseinheit", OrgUnit.name),
        Column("active", "Aktiv", Employee.active, kind="bool"),
        Column("created", "Angelegt", Employee.created_at, kind="datetime", visible=False),
    ]
    query = select(Employee).outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id)
    model = SqlTableModel(ctx.db, columns, query, Employee.id, search_table="employee",
                          default_sort=("last_name", Qt.SortOrder.DescendingOrder))
    widget = DataTable(model)
    qtbot.addWidget(widget)
    runner = TaskRunner()
    yield widget, runner
    runner.shutdown()


def test_excel_export_holds_the_filtered_sorted_view_with_real_types(qtbot, ctx, table, tmp_path):
    widget, runner = table
    path = tmp_path / "liste.xlsx"
    export_excel(ctx, runner, widget, "Beschäftigte", path)
    qtbot.waitUntil(path.exists, timeout=10_000)
    qtbot.waitUntil(lambda: widget.property("last_export") == str(path), timeout=10_000)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Personalnr.", "Nachname", "Organisationseinheit", "Aktiv")  # hidden column left out
    assert [r[1] for r in rows[1:]] == ["Öztürk", "Müller", "Becker"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    info = wb.worksheets[1]
    labels = {r[0]: r[1] for r in info.iter_rows(values_only=True)}
    assert labels["Erstellt von"] == "tester"


def test_pdf_export_lists_only_matching_rows(qtbot, ctx, table, tmp_path):
    widget, runner = table
    widget.model.set_search_text("OZTURK")
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    path = tmp_path / "liste.pdf"
    export_pdf(ctx, runner, widget, "Beschäftigte", path)
    qtbot.waitUntil(lambda: widget.property("last_export") == str(path), timeout=10_000)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "Öztürk" in text and "Müller" not in text
    assert "OZTURK" in text  # the filter is printed on the list
