"""Kita allocation proposal for 5,000 applications x 50 Kitas (target < 1 s), with baselines from the same run.

    .venv/bin/python bench/bench_kita.py [--runs 5] [--applications 5000] [--kitas 50]

Measures (median of --runs):
  baseline_read   plain sqlite3 SELECT of every application and preference row (the floor any proposal pays)
  rank            points + explanation + sort for all applications (pure)
  allocate        allocation.allocate on ranked candidates (pure, month-by-month capacity)
  service         KitaService.compute_proposal end to end (load from SQLite, rank, allocate, build entries)
  ranking_tab     KitaService.ranking_snapshot: ranking + every waiting-list position, what the Rangliste tab
                  computes in the app's task runner
With --list-rows N (default 50,000) also the Anträge tab's table over N applications (offscreen Qt):
  list_open       ApplicationsTab created (SqlTableModel: all ids in display order + first page)
  list_sort       sort by last name, descending
  list_search     FTS search for one name ("Name4711")
  list_filter     status filter "Warteliste"
With --import-rows N (default 2,000) also the Excel import of N applications (5 wished Kitas each) into a file
with the 50 Kitas, each run on a fresh copy, at N/2 and N (linear: the time doubles; quadratic: it quadruples):
  insert_raw      baseline: plain sqlite3 INSERT of the same applications and preferences, one transaction
  dry_run         export.excel_import.dry_run (read the sheet, check every row; writes nothing)
  import          export.excel_import.apply: every row validated and written in one transaction
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from bochum_desktop.core.clock import FixedClock  # noqa: E402
from bochum_desktop.core.ids import new_id  # noqa: E402
from bochum_desktop.db.engine import make_engine, sqlite_url  # noqa: E402
from bochum_desktop.db.migrate import create_schema_file  # noqa: E402
from bochum_desktop.db.session import Database  # noqa: E402
from bochum_desktop.kita import allocation as alloc  # noqa: E402
from bochum_desktop.kita import rules  # noqa: E402
from bochum_desktop.kita.model import (  # noqa: E402
    KitaApplication,
    KitaContract,
    KitaContractPlaces,
    KitaFacility,
    KitaPreference,
)
from bochum_desktop.kita.service import KitaService  # noqa: E402
from bochum_desktop.models import load_all  # noqa: E402

YEAR = 2026
START = date(2026, 8, 1)


def populate(db: Database, n_apps: int, n_kitas: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    sync = {"created_at": now, "updated_at": now, "server_version": 0, "updated_by": "bench"}
    kitas = [{"id": new_id(), "name": f"Kita {i:02d}", "provider": "Träger", "street": "", "postcode": "",
              "city": "Bochum", "contact_name": "", "active": True, **sync} for i in range(n_kitas)]
    contracts, places = [], []
    for k in kitas:
        cid = new_id()
        contracts.append({"id": cid, "kita_id": k["id"], "kita_year": YEAR, "valid_from": date(2026, 8, 1),
                          "valid_to": date(2027, 7, 31), "cost_per_place_cents": 110000, **sync})
        for band in rules.BANDS:
            for hours in rules.BOOKING_HOURS:
                places.append({"id": new_id(), "contract_id": cid, "age_band": band, "booking_hours": hours,
                               "places": rnd.randint(0, 4), **sync})
    apps, prefs = [], []
    for i in range(n_apps):
        aid = new_id()
        birth = date(2021, 10, 1) + timedelta(days=rnd.randint(0, 4 * 365))
        apps.append({
            "id": aid, "personnel_number": f"{10000 + i}", "last_name": f"Name{i}", "first_name": "Vorname",
            "child_first_name": f"Kind{i}", "child_birth_date": birth, "desired_start": START,
            "booking_hours": rnd.choice(rules.BOOKING_HOURS), "received_date": date(2026, 1, 1) + timedelta(days=rnd.randint(0, 200)),
            "return_date": START + timedelta(days=rnd.randint(-60, 300)), "working_hours": Decimal(rnd.choice([15, 20, 30, 39])),
            "single_parent": rnd.random() < 0.2, "shift_work": rnd.random() < 0.1, "hardship": rnd.random() < 0.05,
            "status": "eingegangen", **sync,
        })
        for pos, k in enumerate(rnd.sample(kitas, 5), start=1):
            prefs.append({"id": new_id(), "application_id": aid, "position": pos, "kita_id": k["id"], **sync})
    with db.engine.begin() as conn:
        conn.execute(insert(KitaFacility), kitas)
        conn.execute(insert(KitaContract), contracts)
        conn.execute(insert(KitaContractPlaces), places)
        if apps:  # an empty list would insert one row of defaults
            conn.execute(insert(KitaApplication), apps)
            conn.execute(insert(KitaPreference), prefs)


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--kitas", type=int, default=50)
    parser.add_argument("--list-rows", type=int, default=50_000)
    parser.add_argument("--import-rows", type=int, default=2000)
    args = parser.parse_args()
    load_all()
    path = Path(tempfile.mkdtemp(prefix="bench-kita-")) / "kita.sqlite"
    create_schema_file(path)
    db = Database(make_engine(sqlite_url(path)), clock=FixedClock(datetime(2026, 6, 1, 9, 0)), user="bench")
    populate(db, args.applications, args.kitas)
    service = KitaService(db)

    def baseline_read():
        con = sqlite3.connect(path)
        try:
            a = con.execute("SELECT * FROM kita_application").fetchall()
            p = con.execute("SELECT * FROM kita_preference").fetchall()
            return len(a) + len(p)
        finally:
            con.close()

    apps = service.list_applications()
    criteria = service._criteria(apps)
    scheme = rules.PointsScheme()
    by_id = {a.id: a for a in apps}
    with db.read() as s:
        capacities = service._capacities(s, YEAR)

    def rank():
        return rules.rank(criteria, scheme)

    ranked = rank()
    candidates = [alloc.Candidate(r.id, r.rank, by_id[r.id].child_birth_date, by_id[r.id].booking_hours,
                                  by_id[r.id].desired_start, by_id[r.id].preferences) for r in ranked]

    def allocate():
        return alloc.allocate(YEAR, START, candidates, capacities)

    results = {
        "baseline_read": timed(baseline_read, args.runs),
        "rank": timed(rank, args.runs),
        "allocate": timed(allocate, args.runs),
        "service": timed(lambda: service.compute_proposal(YEAR, START), args.runs),
        "ranking_tab": timed(service.ranking_snapshot, args.runs),
    }
    proposal = results["service"][1]
    places = sum(sum(row[0] for row in c.places.values()) for c in capacities.values())
    print(f"{args.applications} applications x {args.kitas} Kitas, {places} places in August, "
          f"{len(proposal.entries)} proposed, median of {args.runs} runs")
    for name, (seconds, _) in results.items():
        print(f"  {name:14s} {seconds * 1000:8.1f} ms")
    db.dispose()
    if args.import_rows:
        bench_import(args.import_rows, args.kitas, args.runs)
    if args.list_rows:
        bench_list(args.list_rows, args.runs)


def import_rows(n: int, kita_names: list[str], seed: int = 11) -> list[list]:
    """Rows of the application import (same columns as the template), personnel numbers all distinct."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append([f"{20000 + i}", f"Name{i}", "Vorname", f"Kind{i}",
                     date(2022, 1, 1) + timedelta(days=rnd.randint(0, 3 * 365)), date(2027, 1, 1),
                     rnd.choice(rules.BOOKING_HOURS), *rnd.sample(kita_names, 5),
                     date(2026, 1, 1) + timedelta(days=rnd.randint(0, 150)), "ja" if rnd.random() < 0.2 else "nein"])
    return rows


def bench_import(n: int, n_kitas: int, runs: int) -> None:
    import shutil

    from openpyxl import Workbook

    from bochum_desktop.export.excel_import import apply, dry_run
    from bochum_desktop.kita import importer

    work = Path(tempfile.mkdtemp(prefix="bench-kita-import-"))
    template = work / "kitas.sqlite"
    create_schema_file(template)
    clock = FixedClock(datetime(2026, 6, 1, 9, 0))
    db = Database(make_engine(sqlite_url(template)), clock=clock, user="bench")
    populate(db, 0, n_kitas)
    with db.read() as s:
        kitas = dict(s.execute(select(KitaFacility.name, KitaFacility.id)).all())
    db.dispose()
    header = ["Personalnummer", "Nachname", "Vorname", "Kind: Vorname", "Kind: Geburtsdatum", "Gewünschter Beginn",
              "Betreuungsumfang (Std.)", *(f"Wunsch-Kita {i}" for i in range(1, 6)), "Eingangsdatum",
              "Alleinerziehend"]

    def fresh(tag: str) -> tuple[Path, Database]:
        path = work / f"{tag}.sqlite"
        shutil.copy(template, path)
        return path, Database(make_engine(sqlite_url(path)), clock=clock, user="bench")

    print(f"Excel import of applications (5 wished Kitas each, {n_kitas} Kitas), median of {runs} runs")
    for size in (n // 2, n):
        rows = import_rows(size, sorted(kitas))
        wb = Workbook()
        ws = wb.active
        ws.title = "Anträge"
        ws.append(header)
        for row in rows:
            ws.append(row)
        xlsx = work / f"antraege-{size}.xlsx"
        wb.save(xlsx)

        def insert_raw(rows=rows):
            path, _db = fresh("raw")
            _db.dispose()
            con = sqlite3.connect(path)
            try:
                with con:
                    apps, prefs = [], []
                    for r in rows:
                        aid = new_id()
                        apps.append((aid, r[0], r[1], r[2], r[3], r[4].isoformat(), r[5].isoformat(), r[6],
                                     r[12].isoformat(), r[13] == "ja"))
                        prefs += [(new_id(), aid, pos, kitas[name]) for pos, name in enumerate(r[7:12], start=1)]
                    con.executemany(
                        "INSERT INTO kita_application (id, personnel_number, last_name, first_name, child_first_name,"
                        " child_birth_date, desired_start, booking_hours, received_date, single_parent, shift_work,"
                        " hardship, status, created_at, updated_at, server_version, updated_by) VALUES"
                        " (?,?,?,?,?,?,?,?,?,?,0,0,'eingegangen',datetime('now'),datetime('now'),0,'bench')", apps)
                    con.executemany(
                        "INSERT INTO kita_preference (id, application_id, position, kita_id, created_at, updated_at,"
                        " server_version, updated_by) VALUES (?,?,?,?,datetime('now'),datetime('now'),0,'bench')",
                        prefs)
                return con.execute("SELECT count(*) FROM kita_application").fetchone()[0]
            finally:
                con.close()

        def checked(tag: str, xlsx=xlsx, rows=rows):
            def run():
                _path, _db = fresh(tag)
                try:
                    report = dry_run(importer.application_spec(_db), xlsx, _db)
                    assert report.ok, report.errors[:3]
                    t0 = time.perf_counter()
                    result = apply(report, _db)
                    assert result.inserted == len(rows)
                    return time.perf_counter() - t0
                finally:
                    _db.dispose()
            return run

        def dry(tag="dry", xlsx=xlsx):
            _path, _db = fresh(tag)
            try:
                return dry_run(importer.application_spec(_db), xlsx, _db).count("insert")
            finally:
                _db.dispose()

        results = {
            "insert_raw": timed(insert_raw, runs)[0],
            "dry_run": timed(dry, runs)[0],
            # apply only: the dry run before it is timed separately above
            "import": statistics.median(checked("import")() for _ in range(runs)),
        }
        print(f"  {size} rows")
        for name, seconds in results.items():
            print(f"    {name:14s} {seconds * 1000:8.1f} ms   {seconds * 1e6 / size:7.0f} µs/row")


def bench_list(rows: int, runs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bochum_desktop.core.settings import Settings
    from bochum_desktop.db import search
    from bochum_desktop.kita.views.applications_tab import ApplicationsTab

    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp(prefix="bench-kita-list-")) / "list.sqlite"
    create_schema_file(path)
    db = Database(make_engine(sqlite_url(path)), clock=FixedClock(datetime(2026, 6, 1, 9, 0)), user="bench")
    populate(db, rows, 10)
    with db.unit_of_work() as s:
        s.execute(KitaApplication.__table__.update().where(KitaApplication.__table__.c.personnel_number.like("%7"))
                  .values(status="warteliste"))
        search.rebuild(s, KitaApplication)
    service = KitaService(db)
    results = {}
    results["list_open"], tab = timed(lambda: ApplicationsTab(service, Settings()), runs)
    model = tab.model
    results["list_sort"], _ = timed(lambda: (model.sort_by_key("last_name", Qt.SortOrder.DescendingOrder),
                                             model.sort_by_key("received_date")), runs)
    results["list_search"], _ = timed(lambda: (model.set_search_text("Name4711"), model.set_search_text("")), runs)
    results["list_filter"], _ = timed(lambda: (tab.status_filter.setCurrentIndex(tab.status_filter.findData("warteliste")),
                                               tab.status_filter.setCurrentIndex(0)), runs)
    print(f"Application list over {rows} applications (sort/search/filter timings include switching back)")
    for name, seconds in results.items():
        print(f"  {name:14s} {seconds * 1000:8.1f} ms")
    app.processEvents()
    db.dispose()


if __name__ == "__main__":
    main()
