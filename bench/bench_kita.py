"""Kita allocation proposal for 5,000 applications x 50 Kitas (target < 1 s), with baselines from the same run.

    .venv/bin/python bench/bench_kita.py [--runs 5] [--applications 5000] [--kitas 50]

Measures (median of --runs):
  baseline_read   plain sqlite3 SELECT of every application and preference row (the floor any proposal pays)
  rank            points + explanation + sort for all applications (pure)
  allocate        allocation.allocate on ranked candidates (pure, month-by-month capacity)
  service         KitaService.compute_proposal end to end (load from SQLite, rank, allocate, build entries)
With --list-rows N (default 50,000) also the Anträge tab's table over N applications (offscreen Qt):
  list_open       ApplicationsTab created (SqlTableModel: all ids in display order + first page)
  list_sort       sort by last name, descending
  list_search     FTS search for one name ("Name4711")
  list_filter     status filter "Warteliste"
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

from sqlalchemy import insert  # noqa: E402

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
    }
    proposal = results["service"][1]
    places = sum(sum(row[0] for row in c.places.values()) for c in capacities.values())
    print(f"{args.applications} applications x {args.kitas} Kitas, {places} places in August, "
          f"{len(proposal.entries)} proposed, median of {args.runs} runs")
    for name, (seconds, _) in results.items():
        print(f"  {name:14s} {seconds * 1000:8.1f} ms")
    db.dispose()
    if args.list_rows:
        bench_list(args.list_rows, args.runs)


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
