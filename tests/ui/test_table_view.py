"""DataTable: debounced search, header sort, TSV copy, column chooser state, keyboard activation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select, text

from bochum_desktop.core.ids import new_id
from bochum_desktop.db import search
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.ui.table_model import Column, SqlTableModel
from bochum_desktop.ui.table_view import DataTable
from bochum_desktop.ui.task_runner import TaskRunner

NOW = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
PEOPLE = [
    ("00000003", "Müller", "Jürgen", "Amt für\tSoziales"),
    ("00000001", "Özdemir", "Ayşe", "Personalamt"),
    ("00000002", "Adler", "Anna", "Personalamt"),
    ("00000004", "Zander", "Ömer", None),
]


@pytest.fixture
def employees(db) -> dict[str, str]:
    """personnel number -> id; inserted with Core, FTS index rebuilt."""
    ids = {}
    with db.unit_of_work() as session:
        conn = session.connection()
        orgs = {}
        for *_x, org in PEOPLE:
            if org and org not in orgs:
                orgs[org] = new_id()
                conn.execute(insert(OrgUnit.__table__), [{"id": orgs[org], "code": "10", "name": org,
                                                          "created_at": NOW, "updated_at": NOW, "active": True}])
        rows = []
        for pn, last, first, org in PEOPLE:
            ids[pn] = new_id()
            rows.append({"id": ids[pn], "personnel_number": pn, "last_name": last, "first_name": first,
                         "org_unit_id": orgs.get(org), "email": None, "phone": None, "active": pn != "00000001",
                         "created_at": NOW, "updated_at": NOW})
        conn.execute(insert(Employee.__table__), rows)
        search.rebuild(session, Employee)
    return ids


def make_table(db, qtbot, states=None) -> DataTable:
    columns = [
        Column("pn", "Personalnummer", Employee.personnel_number),
        Column("last", "Nachname", Employee.last_name),
        Column("first", "Vorname", Employee.first_name),
        Column("org", "Amt", OrgUnit.name),
        Column("active", "Aktiv", Employee.active, kind="bool"),
    ]
    query = select(Employee).outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id).where(
        Employee.deleted_at.is_(None))
    model = SqlTableModel(db, columns, query, Employee.id, search_table="employee", default_sort=("pn", Qt.SortOrder.AscendingOrder))
    table = DataTable(model, table_key="employees", column_states=states)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def tr(text: str) -> str:
    return QCoreApplication.translate("DataTable", text)


def select_rows(table: DataTable, rows: list[int]) -> None:
    sel = table.view.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(table.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_count_label_and_search_is_debounced(db, employees, qtbot):
    table = make_table(db, qtbot)
    assert table.count_label.text() == tr("{count} entries").format(count=4)
    qtbot.keyClicks(table.search_edit, "MÜLL")
    assert table.model.total_count == 4  # typing did not query yet
    with qtbot.waitSignal(table.model.modelReset, timeout=2000):
        pass  # the debounce timer fires once the user paused
    assert table.model.total_count == 1 and table.count_label.text() == tr("1 entry")
    assert table.model.row_texts(0)[1] == "Müller"
    table.search_edit.clear()
    table.apply_search()
    assert table.model.total_count == 4


def test_ctrl_f_focuses_search(db, employees, qtbot):
    table = make_table(db, qtbot)
    table.activateWindow()
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus)
    qtbot.keyClick(table.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(table.search_edit.hasFocus)


def test_header_click_sorts_in_sql(db, employees, qtbot):
    table = make_table(db, qtbot)
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(1) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    assert table.model.sort_state()[0] == "last"
    first = [table.model.row_texts(r)[1] for r in range(4)]
    assert first in (["Adler", "Müller", "Özdemir", "Zander"], ["Zander", "Özdemir", "Müller", "Adler"])
    assert header.sortIndicatorSection() == 1


def test_copy_selected_rows_as_tsv_with_header(db, employees, qtbot):
    table = make_table(db, qtbot)
    select_rows(table, [2, 0])
    table.view.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    yes, no = (QCoreApplication.translate("SqlTableModel", t) for t in ("Yes", "No"))
    assert text == (
        "Personalnummer\tNachname\tVorname\tAmt\tAktiv\r\n"
        f"00000001\tÖzdemir\tAyşe\tPersonalamt\t{no}\r\n"
        f"00000003\tMüller\tJürgen\tAmt für Soziales\t{yes}\r\n"  # a tab inside a value does not split the cell
    )
    select_rows(table, [])
    assert table.selection_tsv() == ""


def test_column_chooser_hides_column_and_state_round_trips(db, employees, qtbot):
    states: dict = {}
    table = make_table(db, qtbot, states)
    table.set_column_visible("first", False)
    assert [c.key for c in table.model.visible_columns()] == ["pn", "last", "org", "active"]
    assert states["employees"]["hidden"] == ["first"]
    table.view.horizontalHeader().resizeSection(0, 222)
    table.model.sort_by_key("last", Qt.SortOrder.DescendingOrder)
    saved = table.column_state()
    assert saved["widths"]["pn"] == 222 and saved["sort"] == ["last", "desc"]
    select_rows(table, [0])
    assert table.selection_tsv().splitlines()[0] == "Personalnummer\tNachname\tAmt\tAktiv"

    again = make_table(db, qtbot, {"employees": saved})
    assert [c.key for c in again.model.visible_columns()] == ["pn", "last", "org", "active"]
    assert again.view.horizontalHeader().sectionSize(0) == 222
    assert again.model.sort_state() == ("last", Qt.SortOrder.DescendingOrder)
    assert again.view.horizontalHeader().sortIndicatorSection() == 1
    again.restore_column_state({"hidden": ["gone-column"], "widths": {"x": 5}, "sort": ["gone", "asc"]})
    assert len(again.model.visible_columns()) == 5  # unknown keys are ignored


def test_column_menu_lists_all_columns_checked_by_visibility(db, employees, qtbot):
    table = make_table(db, qtbot)
    table.set_column_visible("org", False)
    menu = table._column_menu()
    checked = {a.text(): a.isChecked() for a in menu.actions()}
    assert checked == {"Personalnummer": True, "Nachname": True, "Vorname": True, "Amt": False, "Aktiv": True}
    next(a for a in menu.actions() if a.text() == "Amt").trigger()
    assert table.model.is_column_visible("org")


def test_keyboard_only_search_then_open(db, employees, qtbot):
    table = make_table(db, qtbot)
    table.activateWindow()
    table.focus_search()
    qtbot.waitUntil(table.search_edit.hasFocus)
    qtbot.keyClicks(table.search_edit, "zander")
    qtbot.keyClick(table.search_edit, Qt.Key.Key_Down)  # searches at once and moves into the rows
    qtbot.waitUntil(table.view.hasFocus)
    assert table.model.total_count == 1
    with qtbot.waitSignal(table.activated) as blocker:
        qtbot.keyClick(table.view, Qt.Key.Key_Enter)
    assert blocker.args == [employees["00000004"]]


def test_enter_and_double_click_emit_row_id(db, employees, qtbot):
    table = make_table(db, qtbot)
    table.view.setFocus()
    table.view.setCurrentIndex(table.model.index(0, 0))
    qtbot.keyClick(table.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(table.activated) as blocker:
        qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert blocker.args == [employees["00000002"]]
    rect = table.view.visualRect(table.model.index(3, 1))
    # QTest's double click lacks the preceding press the view expects: click first, like a real user.
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(table.activated) as blocker:
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [employees["00000004"]]


def test_selection_survives_refresh_and_new_rows_appear(db, employees, qtbot):
    table = make_table(db, qtbot)
    table.select_id(employees["00000003"])
    assert table.selected_ids() == [employees["00000003"]]
    with db.unit_of_work() as session:
        session.add(Employee(personnel_number="00000000", last_name="Neu", first_name="Nina"))
    table.refresh()
    assert table.model.total_count == 5 and table.count_label.text() == tr("{count} entries").format(count=5)
    assert table.selected_ids() == [employees["00000003"]]
    assert table.current_id() == employees["00000003"]
    select_rows(table, [0, 3])  # several rows survive a re-sort too (they move, the ids stay selected)
    before = set(table.selected_ids())
    table.model.sort_by_key("pn", Qt.SortOrder.DescendingOrder)
    assert set(table.selected_ids()) == before and len(before) == 2


def test_export_buttons_emit_signals(db, employees, qtbot):
    table = make_table(db, qtbot)
    with qtbot.waitSignal(table.export_excel_requested):
        qtbot.mouseClick(table.excel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(table.export_pdf_requested):
        qtbot.mouseClick(table.pdf_button, Qt.MouseButton.LeftButton)


def test_background_loading_shows_loading_then_rows(db, employees, qtbot):
    runner = TaskRunner()
    try:
        columns = [Column("pn", "Personalnummer", Employee.personnel_number),
                   Column("last", "Nachname", Employee.last_name)]
        model = SqlTableModel(db, columns, select(Employee), Employee.id, search_table="employee", runner=runner,
                              default_sort=("pn", Qt.SortOrder.AscendingOrder))
        table = DataTable(model)
        qtbot.addWidget(table)
        assert table.count_label.text() == tr("Loading…")
        qtbot.waitUntil(lambda: model.rowCount() == 4)
        assert table.count_label.text() == tr("{count} entries").format(count=4)
        table.search_edit.setText("özdemir")
        table.apply_search()
        qtbot.waitUntil(lambda: model.total_count == 1 and not model.loading)
        assert table.count_label.text() == tr("1 entry")
        with qtbot.waitSignal(model.load_failed) as blocker:
            model.set_filter("broken", text("no_such_column = 1"))
        assert "no_such_column" in str(blocker.args[0])
        assert not model.loading and model.total_count == 1  # the old rows stay on screen
    finally:
        assert runner.shutdown(5)


def test_columns_fit_rows_that_arrive_in_the_background(qtbot, db):
    """Regression: with a task runner the rows come after the widget is built; the columns must still be
    sized to what they show, not to their headers."""
    from sqlalchemy import select

    from bochum_desktop.reference.model import Employee
    from bochum_desktop.reference.service import EmployeeData, ReferenceService
    from bochum_desktop.ui.table_model import Column, SqlTableModel
    from bochum_desktop.ui.table_view import DataTable
    from bochum_desktop.ui.task_runner import TaskRunner

    ReferenceService(db).save_employee(EmployeeData(
        id=None, personnel_number="100001", last_name="Müller", first_name="Anna",
        email="anna.mueller-luedenscheidt@stadt-bochum.example"))
    runner = TaskRunner()
    columns = [Column("last_name", "Name", Employee.last_name), Column("email", "E", Employee.email),
               Column("first_name", "Vorname", Employee.first_name)]
    model = SqlTableModel(db, columns, select(Employee), Employee.id, runner=runner)
    table = DataTable(model)
    qtbot.addWidget(table)
    table.resize(1000, 400)
    table.show()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    header = table.view.horizontalHeader()
    assert header.sectionSize(1) > table.view.fontMetrics().horizontalAdvance("anna.mueller-luedenscheidt")
    index = model.index(0, 1)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "anna.mueller-luedenscheidt@stadt-bochum.example"
    runner.shutdown()


def test_select_id_right_after_a_background_refresh_selects_when_loaded(qtbot, db):
    """After a save the page refreshes the list and selects the new row; with a task runner the rows are
    not there yet when select_id is called."""
    from sqlalchemy import select

    from bochum_desktop.reference.model import Employee
    from bochum_desktop.reference.service import EmployeeData, ReferenceService
    from bochum_desktop.ui.table_model import Column, SqlTableModel
    from bochum_desktop.ui.table_view import DataTable
    from bochum_desktop.ui.task_runner import TaskRunner

    service = ReferenceService(db)
    service.save_employee(EmployeeData(id=None, personnel_number="100001", last_name="Becker", first_name="Max"))
    runner = TaskRunner()
    model = SqlTableModel(db, [Column("last_name", "Name", Employee.last_name)], select(Employee), Employee.id,
                          runner=runner)
    table = DataTable(model)
    qtbot.addWidget(table)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    new = service.save_employee(EmployeeData(id=None, personnel_number="100002", last_name="Adler", first_name="Eva"))
    model.refresh()
    assert table.select_id(new.id) is False  # not loaded yet
    qtbot.waitUntil(lambda: table.current_id() == new.id)
    runner.shutdown()


def test_columns_fit_when_a_table_loaded_while_hidden_is_shown(qtbot, db):
    """Regression: a page built before it is shown (at start, or behind the start preview) loaded its rows
    with no width to measure against, and every column stayed cut at the minimum."""
    from bochum_desktop.reference.service import EmployeeData, ReferenceService

    ReferenceService(db).save_employee(EmployeeData(
        id=None, personnel_number="100001", last_name="Müller", first_name="Anna",
        email="anna.mueller-luedenscheidt@stadt-bochum.example"))
    runner = TaskRunner()
    columns = [Column("last_name", "Name", Employee.last_name), Column("email", "E", Employee.email),
               Column("first_name", "Vorname", Employee.first_name)]  # e-mail not last: that one stretches
    model = SqlTableModel(db, columns, select(Employee), Employee.id, runner=runner)
    table = DataTable(model)
    qtbot.addWidget(table)
    table.resize(200, 100)  # the size of a page that has not been laid out yet
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # loaded while hidden
    table.resize(1000, 400)
    table.show()
    qtbot.waitExposed(table)
    header = table.view.horizontalHeader()
    assert header.sectionSize(1) > table.view.fontMetrics().horizontalAdvance("anna.mueller-luedenscheidt")
    runner.shutdown()
