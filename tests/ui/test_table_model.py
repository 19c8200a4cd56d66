"""SqlTableModel: paging, SQL sort per kind, FTS search with umlauts, filters, refresh, export, model checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from sqlalchemy import Boolean, Date, Integer, Numeric, String, case, insert, literal_column, select

from bochum_desktop.core.ids import new_id
from bochum_desktop.db import search
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.ui.table_model import Column, SqlTableModel, display_text
from bochum_desktop.ui.task_runner import TaskRunner

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
NOW = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)


def add_employees(db, people: list[dict], org: dict | None = None) -> list[str]:
    """Fast Core insert (bypasses change capture), then rebuild the FTS index like an import would."""
    ids = []
    with db.unit_of_work() as session:
        conn = session.connection()
        if org:
            conn.execute(insert(OrgUnit.__table__), [{"created_at": NOW, "updated_at": NOW, "active": True, **org}])
        rows = []
        for p in people:
            row = {"id": new_id(), "created_at": NOW, "updated_at": NOW, "active": True, "first_name": "Max",
                   "email": None, "phone": None, "org_unit_id": None, **p}
            ids.append(row["id"])
            rows.append(row)
        if rows:
            conn.execute(insert(Employee.__table__), rows)
        search.rebuild(session, Employee)
    return ids


def base_query():
    return (
        select(Employee)
        .outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id)
        .where(Employee.deleted_at.is_(None))
    )


def columns() -> list[Column]:
    # The employee table has text and bool columns; other kinds are derived in SQL so every kind is covered.
    return [
        Column("pn", "Personalnummer", Employee.personnel_number),
        Column("last", "Nachname", Employee.last_name),
        Column("first", "Vorname", Employee.first_name),
        Column("org", "Amt", OrgUnit.name),
        Column("active", "Aktiv", Employee.active, kind="bool"),
        Column("num", "Nummer", Employee.personnel_number.cast(Integer).label("num"), kind="int"),
        Column("cents", "Betrag", (Employee.personnel_number.cast(Integer) * 150).label("cents"), kind="cents"),
        Column("dec", "Faktor", (Employee.personnel_number.cast(Numeric(10, 2)) / 4).cast(Numeric(10, 2)).label("dec"),
               kind="decimal"),
        Column("born", "Datum", literal_column("date('2026-01-01', '+' || CAST(employee.personnel_number AS INTEGER) "
                                               "|| ' days')", Date).label("born"), kind="date"),
        Column("seen", "Gesehen", Employee.created_at, kind="datetime"),
        Column("state", "Status", case((Employee.active, "a"), else_="i").label("state"), kind="enum",
               labels={"a": "aktiv", "i": "inaktiv"}, visible=False),
    ]


def make_model(db, **kw) -> SqlTableModel:
    kw.setdefault("search_table", "employee")
    return SqlTableModel(db, columns(), base_query(), Employee.id, **kw)


PEOPLE = [
    {"personnel_number": "00000003", "last_name": "Müller", "first_name": "Jürgen", "email": "j.mueller@bochum.de"},
    {"personnel_number": "00000001", "last_name": "Özdemir", "first_name": "Ayşe", "active": False},
    {"personnel_number": "00000002", "last_name": "adler", "first_name": "Anna"},
    {"personnel_number": "00000004", "last_name": "Zander", "first_name": "Ömer"},
    {"personnel_number": "00000005", "last_name": "Mueller", "first_name": "Klaus"},
]


def column_texts(model: SqlTableModel, key: str) -> list[str]:
    section = [c.key for c in model.visible_columns()].index(key)
    return [model.index(r, section).data() for r in range(model.rowCount())]


def test_empty_table_passes_model_checks(db, qtmodeltester):
    model = make_model(db)
    assert model.rowCount() == 0 and model.total_count == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_few_rows_display_german_formats_and_raw_values(db, qtmodeltester):
    add_employees(db, PEOPLE)
    model = make_model(db, default_sort=("pn", ASC))
    qtmodeltester.check(model)
    assert model.total_count == 5 and model.rowCount() == 5
    keys = [c.key for c in model.visible_columns()]
    assert "state" not in keys  # hidden by default
    row = 2  # personnel number 3, Müller
    assert model.index(row, keys.index("last")).data() == "Müller"
    # "Ja" once the German translation is installed; tests run with whatever the app loaded.
    assert model.index(row, keys.index("active")).data() == QCoreApplication.translate("SqlTableModel", "Yes")
    assert model.index(row, keys.index("cents")).data() == "4,50\u00a0€"
    assert model.index(row, keys.index("dec")).data() == "0,75"
    assert model.index(row, keys.index("born")).data() == "04.01.2026"
    assert model.index(row, keys.index("seen")).data() == "26.11.2026 09:30"  # Berlin time
    assert model.index(row, keys.index("born")).data(Qt.ItemDataRole.UserRole) == date(2026, 1, 4)
    assert model.index(row, keys.index("cents")).data(Qt.ItemDataRole.UserRole) == 450
    align = Qt.AlignmentFlag(model.index(row, keys.index("cents")).data(Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight
    align = Qt.AlignmentFlag(model.index(row, keys.index("last")).data(Qt.ItemDataRole.TextAlignmentRole))
    assert not align & Qt.AlignmentFlag.AlignRight
    assert model.headerData(keys.index("last"), Qt.Orientation.Horizontal) == "Nachname"
    assert model.row_values(row)[keys.index("dec")] == Decimal("0.75")


def test_enum_and_large_numbers_display():
    col = Column("s", "S", Employee.active, kind="enum", labels={"a": "aktiv"})
    assert display_text(col, "a") == "aktiv" and display_text(col, "x") == "x" and display_text(col, None) == ""
    assert display_text(Column("n", "N", Employee.active, kind="int"), 1234567) == "1.234.567"
    assert display_text(Column("c", "C", Employee.active, kind="cents"), 123456) == "1.234,56\u00a0€"
    with pytest.raises(ValueError):
        Column("x", "X", Employee.active, kind="nonsense")


def test_paging_loads_2000_rows_in_pages(db, qtmodeltester):
    add_employees(db, [{"personnel_number": f"{i:08d}", "last_name": f"Name{i:05d}"} for i in range(2000)])
    model = make_model(db, page_size=300, default_sort=("pn", ASC))
    assert model.total_count == 2000
    assert model.rowCount() == 300 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # also calls fetchMore
    model.fetch_all()
    assert model.rowCount() == 2000 and not model.canFetchMore(QModelIndex())
    assert column_texts(model, "pn") == [f"{i:08d}" for i in range(2000)]  # no gaps, no duplicates
    qtmodeltester.check(model)


KIND_SORTS = [
    # key, expected raw order ascending (by personnel number 1..5 of PEOPLE)
    ("pn", ["00000001", "00000002", "00000003", "00000004", "00000005"]),
    ("last", ["adler", "Mueller", "Müller", "Özdemir", "Zander"]),  # German order: case-free, Ö as O
    ("num", [1, 2, 3, 4, 5]),
    ("cents", [150, 300, 450, 600, 750]),
    ("dec", [Decimal("0.25"), Decimal("0.50"), Decimal("0.75"), Decimal("1.00"), Decimal("1.25")]),
    ("born", [date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 4), date(2026, 1, 5), date(2026, 1, 6)]),
]


@pytest.mark.parametrize(("key", "ascending"), KIND_SORTS)
def test_sort_each_kind_asc_and_desc(db, qtmodeltester, key, ascending):
    add_employees(db, PEOPLE)
    model = make_model(db)
    section = [c.key for c in model.visible_columns()].index(key)
    model.sort(section, ASC)
    raw = [model.index(r, section).data(Qt.ItemDataRole.UserRole) for r in range(5)]
    assert raw == ascending
    qtmodeltester.check(model)
    model.sort(section, DESC)
    raw = [model.index(r, section).data(Qt.ItemDataRole.UserRole) for r in range(5)]
    assert raw == list(reversed(ascending))
    assert model.sort_section() == section


def test_text_sorts_in_german_order(db):
    add_employees(db, [{"personnel_number": str(i), "last_name": n}
                       for i, n in enumerate(["Oma", "Öl", "ober", "Strauß", "Strausz"])])
    model = make_model(db)
    model.sort_by_key("last", ASC)
    assert column_texts(model, "last") == ["ober", "Öl", "Oma", "Strauß", "Strausz"]  # case-free, Ö as O, ß as ss
    model.sort_by_key("last", DESC)
    assert column_texts(model, "last") == ["Strausz", "Strauß", "Oma", "Öl", "ober"]


def test_sort_bool_enum_and_datetime_use_id_as_tiebreak(db):
    ids = add_employees(db, PEOPLE)
    model = make_model(db)
    model.sort_by_key("active", ASC)
    assert model.row_id(0) == ids[1]  # the only inactive one first (False < True)
    assert [model.row_id(r) for r in range(1, 5)] == sorted(ids[:1] + ids[2:])  # equal values: by id
    model.sort_by_key("active", DESC)
    assert model.row_id(4) == ids[1]
    model.sort_by_key("state", DESC)  # hidden columns can still be the sort key
    assert model.row_id(0) == ids[1]  # 'i' (inaktiv) > 'a'
    assert [model.row_id(r) for r in range(1, 5)] == sorted(ids[:1] + ids[2:], reverse=True)
    assert model.sort_section() == -1
    model.sort_by_key("seen", ASC)
    assert model.rowCount() == 5


@pytest.mark.parametrize("typed", ["MÜLLER", "muller", "Müll", "jurgen mül", "J.MUELLER@BOCHUM"])
def test_search_is_case_and_diacritic_insensitive(db, qtmodeltester, typed):
    add_employees(db, PEOPLE)
    model = make_model(db)
    model.set_search_text(typed)
    assert column_texts(model, "last") == ["Müller"]
    assert model.total_count == 1
    qtmodeltester.check(model)


def test_search_and_sort_combined_and_cleared(db, qtmodeltester):
    add_employees(db, PEOPLE + [{"personnel_number": "00000006", "last_name": "Muller-Lüdenscheidt"}])
    model = make_model(db)
    model.sort_by_key("last", DESC)
    model.set_search_text("mul")
    # 'Mueller' does not start with 'mul'; 'Müller' sorts as 'muller', before 'muller-ludenscheidt'.
    assert column_texts(model, "last") == ["Muller-Lüdenscheidt", "Müller"]
    model.sort_by_key("last", ASC)
    assert column_texts(model, "last") == ["Müller", "Muller-Lüdenscheidt"]
    qtmodeltester.check(model)
    model.set_search_text("   ")
    assert model.total_count == 6
    model.set_search_text("nobody-called-so")
    assert model.rowCount() == 0 and model.total_count == 0


def test_extra_filters_combine_with_search_and_sort(db, qtmodeltester):
    add_employees(db, PEOPLE)
    model = make_model(db, default_sort=("pn", DESC))
    model.set_filter("active", Employee.active.is_(True))
    assert column_texts(model, "pn") == ["00000005", "00000004", "00000003", "00000002"]
    model.set_filter("pn", Employee.personnel_number <= "00000003")
    assert column_texts(model, "pn") == ["00000003", "00000002"]
    model.set_search_text("mueller")  # email of Müller
    assert column_texts(model, "last") == ["Müller"]
    qtmodeltester.check(model)
    model.set_search_text("")
    model.set_filter("active", None)
    assert column_texts(model, "pn") == ["00000003", "00000002", "00000001"]
    model.set_filter("unknown", None)  # removing an absent filter is harmless


def test_refresh_after_insert_keeps_sort_and_filter(db, qtmodeltester):
    add_employees(db, PEOPLE)
    model = make_model(db)
    model.sort_by_key("last", ASC)
    model.set_search_text("m")
    assert column_texts(model, "last") == ["Mueller", "Müller"]
    with db.unit_of_work() as session:  # through the ORM: the change capture indexes it for search
        session.add(Employee(personnel_number="00000009", last_name="Maier", first_name="Eva"))
    model.refresh()
    assert column_texts(model, "last") == ["Maier", "Mueller", "Müller"]
    assert model.total_count == 3
    qtmodeltester.check(model)


def test_column_visibility_changes_columns_not_data(db, qtmodeltester):
    add_employees(db, PEOPLE)
    model = make_model(db, default_sort=("pn", ASC))
    before = model.columnCount()
    model.set_column_visible("first", False)
    assert model.columnCount() == before - 1
    assert "first" not in [c.key for c in model.visible_columns()]
    model.set_column_visible("state", True)
    keys = [c.key for c in model.visible_columns()]
    assert keys[-1] == "state" and model.index(0, len(keys) - 1).data() == "inaktiv"
    qtmodeltester.check(model)
    for col in model.columns():
        model.set_column_visible(col.key, False)
    assert model.columnCount() == 1  # the last column stays


def test_rows_for_export_streams_all_rows_of_current_view(db):
    add_employees(db, [{"personnel_number": f"{i:08d}", "last_name": f"Name{i:05d}"} for i in range(1200)])
    model = make_model(db, page_size=100)
    model.sort_by_key("pn", DESC)
    model.set_filter("lt", Employee.personnel_number < "00001100")
    model.set_column_visible("first", False)
    assert model.rowCount() == 100
    rows = list(model.rows_for_export())
    assert len(rows) == 1100
    assert rows[0][:2] == ("00001099", "Name01099") and rows[-1][:2] == ("00000000", "Name00000")
    assert len(rows[0]) == len(model.visible_columns())
    assert rows[0][3] is True  # raw values, not display text


def test_rows_deleted_after_the_id_query_are_skipped_when_paging(db, qtmodeltester):
    add_employees(db, [{"personnel_number": f"{i:08d}", "last_name": "X"} for i in range(30)])
    model = make_model(db, page_size=10, default_sort=("pn", ASC))
    with db.unit_of_work() as session:
        session.connection().execute(Employee.__table__.delete().where(Employee.personnel_number >= "00000015"))
    model.fetch_all()
    assert model.rowCount() == 15 and not model.canFetchMore(QModelIndex()) and model.total_count == 15
    assert column_texts(model, "pn")[-1] == "00000014"
    qtmodeltester.check(model)


def test_background_loading_applies_latest_request_only(db, qtbot, qtmodeltester):
    add_employees(db, PEOPLE)
    runner = TaskRunner()
    try:
        model = make_model(db, runner=runner, default_sort=("pn", ASC))
        with qtbot.waitSignal(model.loaded):
            pass
        assert model.rowCount() == 5
        with qtbot.waitSignal(model.loaded):
            model.set_search_text("zander")
            model.set_search_text("müller")  # supersedes the first search
        qtbot.waitUntil(lambda: not model.loading)
        assert column_texts(model, "last") == ["Müller"]
        qtmodeltester.check(model)
    finally:
        assert runner.shutdown(5)


def test_statements_show_sql_work(db):
    model = make_model(db)
    model.set_search_text("müller")
    sql = str(model.ids_statement().compile(db.engine))
    assert "fts_employee MATCH" in sql and "LIKE" not in sql.upper()
    assert "ORDER BY" in str(model.ids_statement().compile(db.engine))
    assert isinstance(model.columns()[0].expr.type, String)
    assert isinstance(model.column_by_key("active").expr.type, Boolean)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(-5, 5),
                          st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)), max_size=25))
def test_the_sql_sort_key_orders_like_the_python_fold(values):
    """SQLite's ORDER BY on the sort key gives the German order the Python fold defines (also with the
    fold's ASCII shortcut, None and numbers in a text column)."""
    import sqlalchemy as sa

    from bochum_desktop.db.engine import make_engine
    from bochum_desktop.db.textfold import fold_for_sort
    from bochum_desktop.ui.table_model import german_sort_key

    engine = make_engine("sqlite://")
    table = sa.table("t", sa.column("n"), sa.column("v"))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (n INTEGER PRIMARY KEY, v)")
        conn.execute(table.insert(), [{"n": i, "v": v} for i, v in enumerate(values)])
        got = [r[0] for r in conn.execute(sa.select(table.c.n).order_by(german_sort_key(table.c.v), table.c.n))]
        folded = [r[0] for r in conn.execute(sa.select(table.c.n).order_by(sa.func.bochum_fold(table.c.v), table.c.n))]
    engine.dispose()
    assert got == folded
    # and for text alone, that is Python's order of the folded strings (UTF-8 order = code point order)
    texts = [i for i, v in enumerate(values) if isinstance(v, str)]
    assert [n for n in got if n in texts] == sorted(texts, key=lambda i: (fold_for_sort(values[i]), i))
