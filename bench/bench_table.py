"""Benchmark of the table infrastructure (run on demand):

    .venv/bin/python bench/bench_table.py [--rows 100000] [--repeat 5]

Builds a throw-away data file with N employees (sqlite3 executemany, FTS index filled in SQL), then for
several sort keys and filters compares
  (a) raw: the exact SQL the model issues (ids in display order - its length is the count - and the first
      page of values by id), compiled from the model and executed with the sqlite3 module, with
  (b) model: SqlTableModel.sort()/set_search_text()/set_filter() with a QTableView attached (offscreen),
      until the view has processed the reset,
and measures how long the UI thread is blocked: synchronous mode blocks for the whole call; with a
TaskRunner the COUNT/first page run in a worker and the UI thread only applies the result.
Also: DataTable creation over 50k rows (imports already done) and fetchMore deep in a sorted table.
Medians of --repeat runs; prints a table (paste it into docs/tables.md).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bochum_desktop.core.ids import new_id  # noqa: E402
from bochum_desktop.db.engine import (  # noqa: E402
    driver_sql,  # noqa: E402
    make_engine,
    sqlite_url,
)
from bochum_desktop.db.migrate import create_schema_file  # noqa: E402
from bochum_desktop.db.search import fold_for_sort  # noqa: E402
from bochum_desktop.db.session import Database  # noqa: E402
from bochum_desktop.models import load_all  # noqa: E402
from bochum_desktop.reference.model import Employee, OrgUnit  # noqa: E402
from bochum_desktop.ui.table_model import Column, SqlTableModel  # noqa: E402
from bochum_desktop.ui.table_view import DataTable  # noqa: E402
from bochum_desktop.ui.task_runner import TaskRunner  # noqa: E402

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
PAGE = 500  # the model's default page size
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Özdemir", "Yılmaz", "Kowalski", "Nowak", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner"]
FIRST = ["Anna", "Jürgen", "Ömer", "Ayşe", "Lukas", "Sophie", "Max", "Marie", "Paul", "Emma", "Jonas", "Mia",
         "Leon", "Hannah", "Elias", "Lea", "Noah", "Lena", "Felix", "Zoé"]


def build_file(path: Path, rows: int) -> None:
    create_schema_file(path)
    rnd = random.Random(42)
    now = datetime(2026, 11, 26, 8, 0, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    orgs = [(new_id(), f"{10 + i}", f"Amt {10 + i} – {rnd.choice(['Personal', 'Schule', 'Jugend', 'Umwelt'])}")
            for i in range(40)]
    con = sqlite3.connect(path)
    # The file has the German sort index on the names (db/search.sort_index_sql): writing them calls it.
    con.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
    with con:
        con.executemany(
            "INSERT INTO org_unit (id, code, name, active, created_at, updated_at, server_version, updated_by) "
            "VALUES (?, ?, ?, 1, ?, ?, 0, '')", [(i, c, n, now, now) for i, c, n in orgs])
        people = []
        for n in range(rows):
            last, first = rnd.choice(LAST) + (f"-{rnd.choice(LAST)}" if n % 7 == 0 else ""), rnd.choice(FIRST)
            email = f"{first}.{last}{n}@bochum.de".lower()
            people.append((new_id(), f"{n + 1:08d}", last, first, rnd.choice(orgs)[0], email, None,
                           int(n % 10 != 0), now, now))
        con.executemany(
            "INSERT INTO employee (id, personnel_number, last_name, first_name, org_unit_id, email, phone, active,"
            " created_at, updated_at, server_version, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,0,'')", people)
        # The same body db.search.body_of() builds, written in SQL for speed.
        con.execute("DELETE FROM fts_employee")
        con.execute(
            "INSERT INTO fts_employee(row_id, body) SELECT id, personnel_number || ' ' || last_name || ' ' || "
            "first_name || coalesce(' ' || email, '') FROM employee WHERE deleted_at IS NULL")
    con.execute("ANALYZE")
    con.close()


def columns() -> list[Column]:
    return [
        Column("pn", "Personalnummer", Employee.personnel_number),
        Column("last", "Nachname", Employee.last_name),
        Column("first", "Vorname", Employee.first_name),
        Column("org", "Amt", OrgUnit.name),
        Column("email", "E-Mail", Employee.email),
        Column("active", "Aktiv", Employee.active, kind="bool"),
        Column("created", "Angelegt", Employee.created_at, kind="datetime"),
        # Same values, sorted binary (digits only) so SQLite can use the personnel_number index.
        Column("pn_bin", "Personalnummer (binär)", Employee.personnel_number, visible=False,
               sort_expr=Employee.personnel_number),
    ]


def query():
    return select(Employee).outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id).where(
        Employee.deleted_at.is_(None))


def raw_sql(db: Database, stmt) -> tuple[str, tuple]:
    return driver_sql(stmt, db.engine.dialect)


def time_raw(path: Path, db: Database, model: SqlTableModel) -> float:
    """The statements the model issues for one sort/filter - ids in order, then the first page by id -
    compiled from the model and executed straight through sqlite3 on a fresh connection."""
    ids_sql, ids_params = raw_sql(db, model.ids_statement())
    page_sql, page_params = raw_sql(db, model.rows_by_ids_statement(model._ids[:PAGE]))
    con = sqlite3.connect(path)
    # The German sort key function the model's SQL calls (db.engine registers it the same way).
    con.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
    try:
        start = time.perf_counter()
        ids = [r[0] for r in con.execute(ids_sql, ids_params)]
        con.execute(page_sql, page_params).fetchall()
        elapsed = time.perf_counter() - start
        assert ids == model._ids, "raw query and model disagree"
        return elapsed
    finally:
        con.close()


def _no(m: SqlTableModel) -> None:
    pass


CASES = [
    # label, state before (not timed), the user's action (timed)
    ("sort Personalnummer ↑", _no, lambda m: m.sort_by_key("pn", ASC)),
    ("sort Personalnr. sort_expr ↑", _no, lambda m: m.sort_by_key("pn_bin", ASC)),
    ("sort Nachname ↑", _no, lambda m: m.sort_by_key("last", ASC)),
    ("sort Nachname ↓", _no, lambda m: m.sort_by_key("last", DESC)),
    ("sort Amt ↑ (join)", _no, lambda m: m.sort_by_key("org", ASC)),
    ("sort Angelegt ↓", _no, lambda m: m.sort_by_key("created", DESC)),
    ("search 'MÜLLER'", _no, lambda m: m.set_search_text("MÜLLER")),
    ("sorted Vorname, search 'mul'", lambda m: m.sort_by_key("first", ASC), lambda m: m.set_search_text("mul")),
    ("filter aktiv, sorted Nachname", lambda m: m.sort_by_key("last", ASC),
     lambda m: m.set_filter("a", Employee.active.is_(True))),
]


def reset_model(model: SqlTableModel) -> None:
    model._search_text = ""
    model._filters.clear()
    model._sort_key, model._sort_order = None, ASC


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def bench_cases(path: Path, db: Database, repeat: int) -> list[tuple]:
    app = QApplication.instance()
    model = SqlTableModel(db, columns(), query(), Employee.id, search_table="employee")
    view = QTableView()
    view.setModel(model)
    view.resize(1000, 600)
    view.show()
    runner = TaskRunner()
    amodel = SqlTableModel(db, columns(), query(), Employee.id, search_table="employee", runner=runner)
    aview = QTableView()
    aview.setModel(amodel)
    aview.resize(1000, 600)
    aview.show()
    applied: list[float] = []
    original_apply = amodel._apply

    def timed_apply(result):
        t = time.perf_counter()
        original_apply(result)
        app.processEvents()  # the view's reaction to the reset is UI-thread work too
        applied.append(time.perf_counter() - t)

    amodel._apply = timed_apply
    amodel.wait_loaded()
    results = []
    for label, before, action in CASES:
        raw, sync, submit, apply_ = [], [], [], []
        for _ in range(repeat):
            reset_model(model)
            before(model)
            model.refresh()
            app.processEvents()
            action(model)  # warm-up of this exact statement for the raw timing below
            raw.append(time_raw(path, db, model))
            reset_model(model)
            before(model)
            model.refresh()
            app.processEvents()
            t = time.perf_counter()
            action(model)
            app.processEvents()
            sync.append(time.perf_counter() - t)
            # Background mode: longest single UI-thread stretch = max(submitting, applying the result).
            reset_model(amodel)
            before(amodel)
            amodel.refresh()
            while amodel.loading:
                amodel.wait_loaded()
            applied.clear()
            t = time.perf_counter()
            action(amodel)
            submit.append(time.perf_counter() - t)
            while amodel.loading:
                amodel.wait_loaded()
            app.processEvents()
            apply_.append(max(applied) if applied else 0.0)
        assert model.total_count == amodel.total_count
        results.append((label, model.total_count, median_ms(raw), median_ms(sync), median_ms(submit),
                        median_ms(apply_)))
    runner.shutdown(5)
    view.close()
    aview.close()
    return results


def bench_fetch_more(db: Database, rows: int) -> list[tuple]:
    model = SqlTableModel(db, columns(), query(), Employee.id, search_table="employee",
                          default_sort=("last", ASC))
    out = []
    for target in (PAGE, rows // 2, rows - PAGE):
        # Jump straight to the page at `target` (as scrolling there would), then time that one fetchMore.
        filler = ("",) + (None,) * len(columns())
        model._rows = model._rows[:target] + [filler] * max(0, target - len(model._rows))
        t = time.perf_counter()
        model.fetchMore()
        out.append((target, (time.perf_counter() - t) * 1000))
    return out


def bench_create(db: Database, repeat: int) -> float:
    app = QApplication.instance()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        model = SqlTableModel(db, columns(), query(), Employee.id, search_table="employee",
                              default_sort=("last", ASC))
        table = DataTable(model, table_key="bench")
        table.resize(1000, 600)
        table.show()
        app.processEvents()
        times.append(time.perf_counter() - t)
        table.close()
        table.deleteLater()
        app.processEvents()
    return median_ms(times)


def bench_create_background(db: Database, repeat: int) -> tuple[float, float]:
    """With a TaskRunner: UI-thread time to build and show the table, and time until the rows are there."""
    app = QApplication.instance()
    runner = TaskRunner()
    ui, ready = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        model = SqlTableModel(db, columns(), query(), Employee.id, search_table="employee",
                              default_sort=("last", ASC), runner=runner)
        table = DataTable(model, table_key="bench")
        table.resize(1000, 600)
        table.show()
        app.processEvents()
        ui.append(time.perf_counter() - t)
        while model.loading:
            model.wait_loaded()
        app.processEvents()
        ready.append(time.perf_counter() - t)
        assert model.rowCount() == PAGE
        table.close()
        table.deleteLater()
        app.processEvents()
    runner.shutdown(5)
    return median_ms(ui), median_ms(ready)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_all()
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t = time.perf_counter()
        build_file(path, args.rows)
        print(f"built {args.rows:,} employees + FTS in {time.perf_counter() - t:.2f} s\n")
        db = Database(make_engine(sqlite_url(path)))
        print(f"{'case':32} {'rows':>7} {'raw ms':>8} {'model ms':>9} {'ratio':>6} "
              f"{'UI block sync':>14} {'UI block bg':>12}")
        for label, rows, raw, sync, submit, apply_ in bench_cases(path, db, args.repeat):
            block_bg = max(submit, apply_)
            print(f"{label:32} {rows:>7,} {raw:>8.1f} {sync:>9.1f} {sync / raw:>6.2f} {sync:>14.1f} "
                  f"{block_bg:>12.1f}")
        print("\nfetchMore (one page of 500, sorted by Nachname, UI thread):")
        for target, ms in bench_fetch_more(db, args.rows):
            print(f"  at row {target:>6,}: {ms:6.1f} ms")
        db.dispose()
        small = Path(tmp) / "bench50k.sqlite"
        build_file(small, 50_000)
        db50 = Database(make_engine(sqlite_url(small)))
        print(f"\nDataTable over 50,000 rows, created and shown (imports done), rows loaded on the UI thread: "
              f"{bench_create(db50, args.repeat):.1f} ms")
        ui, ready = bench_create_background(db50, args.repeat)
        print(f"same with a TaskRunner: UI thread {ui:.1f} ms, first rows visible after {ready:.1f} ms")
        db50.dispose()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
