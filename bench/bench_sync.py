"""Benchmark of the sync over loopback HTTP (real uvicorn process, real PostgreSQL), each with a raw
baseline measured in the same run on the same machine and database server.

  1. Initial pull of N rows (default 100,000 employees) into a fresh desk file, full-text index included,
     median of three rounds (--rounds)
     (checked after the pull; the merge bases of pulled rows are lazy, sync/bases.py), vs a raw
     keyset-select (psycopg, 1,000 per page) + sqlite3 executemany pipeline.
     Target: ours >= 50 % of the baseline's speed (time <= 2x).
  2. Push of 1,000 changes (inserts) vs a raw loop doing, per change, "insert change id + upsert the row
     + change-log row", 500 per transaction, on the same PostgreSQL. Target: >= 50 % (time <= 2x).
  3. Incremental sync with nothing to do: round trip < 100 ms (median of 20).

Run: .venv/bin/python bench/bench_sync.py [--rows 100000]
Needs PostgreSQL ($BOCHUM_TEST_DATABASE_URL or postgres@127.0.0.1:5432); uses a throwaway database."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bochum_desktop.core.ids import new_id  # noqa: E402
from bochum_desktop.db.engine import make_engine, sqlite_url  # noqa: E402
from bochum_desktop.db.migrate import create_schema_file, head_revision  # noqa: E402
from bochum_desktop.db.session import Database  # noqa: E402
from bochum_desktop.db.textfold import fold_for_sort  # noqa: E402
from bochum_desktop.models import load_all  # noqa: E402
from bochum_desktop.reference.model import OrgUnit  # noqa: E402
from bochum_desktop.server.testing import Harness, throwaway_database  # noqa: E402
from bochum_desktop.sync.client import SyncClient, login  # noqa: E402
from bochum_desktop.sync.transport import HttpTransport  # noqa: E402

load_all()
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def start_server(url: str) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "bochum_desktop.server.cli", "serve", "--database-url", url, "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    for line in proc.stderr:
        if "Uvicorn running on" in line:
            break
    else:
        raise SystemExit("server did not start")
    # Keep draining the log so the pipe never fills up.
    import threading

    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
    return proc, f"http://127.0.0.1:{port}"


def seed_server(url: str, rows: int) -> None:
    """Employees written straight into the service's tables, as if pushed earlier."""
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("LOCK TABLE srv_change_log IN ROW EXCLUSIVE MODE")
        ids = [new_id() for _ in range(rows)]
        with cur.copy(
            "COPY employee (id, personnel_number, last_name, first_name, org_unit_id, email, phone, active,"
            " created_at, updated_at, server_version, deleted_at, updated_by) FROM STDIN"
        ) as copy:
            for i, row_id in enumerate(ids):
                copy.write_row((row_id, f"{10000 + i}", f"Müller{i}", "Anna", None, f"a{i}@bochum.de",
                                "0234 910-0", True, NOW, NOW, 1, None, "seed"))
        with cur.copy("COPY srv_row_meta (tbl, row_id, row_version, origin_desk, updated_at, updated_by) FROM STDIN") as copy:
            for row_id in ids:
                copy.write_row(("employee", row_id, 1, "seed", NOW, "seed"))
        with cur.copy("COPY srv_change_log (tbl, row_id, op, row_version, desk_id, logged_at) FROM STDIN") as copy:
            for row_id in ids:
                copy.write_row(("employee", row_id, "insert", 1, "seed", NOW))
        conn.commit()
        # Statistics as autovacuum gathers them shortly after a bulk import on a live server; without them
        # PostgreSQL plans the pull's queries for empty tables (sequential scans, sorting the whole log).
        conn.execute("ANALYZE employee, srv_row_meta, srv_change_log")
        conn.commit()


def new_desk(template: Path, tmp: Path, name: str) -> Database:
    shutil.copy(template, tmp / f"{name}.sqlite")
    return Database(make_engine(sqlite_url(tmp / f"{name}.sqlite")), user=name, schema_version=head_revision())


def baseline_pull(url: str, template: Path, tmp: Path) -> float:
    shutil.copy(template, tmp / "raw.sqlite")
    lite = sqlite3.connect(tmp / "raw.sqlite")
    # The same file as the desk's, German sort index on the names included (db/search.sort_index_sql).
    lite.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
    cols = ("id, personnel_number, last_name, first_name, org_unit_id, email, phone, active, created_at, updated_at,"
            " server_version, deleted_at, updated_by")
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        last = ""
        while True:
            page = conn.execute(f"SELECT {cols} FROM employee WHERE id > %s ORDER BY id LIMIT 1000", (last,)).fetchall()
            if not page:
                break
            lite.executemany(f"INSERT INTO employee ({cols}) VALUES ({', '.join('?' * 13)})",
                             [(*r[:8], r[8].isoformat(), r[9].isoformat(), *r[10:]) for r in page])
            lite.commit()
            last = page[-1][0]
    elapsed = time.perf_counter() - start
    lite.close()
    return elapsed


def baseline_push(url: str, n: int) -> float:
    changes = [(new_id(), new_id()) for _ in range(n)]
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        for i in range(0, n, 500):
            with conn.transaction(), conn.cursor() as cur:
                for change_id, row_id in changes[i : i + 500]:
                    cur.execute("INSERT INTO srv_applied_change (change_id, desk_id, username, tbl, row_id, result,"
                                " applied_at) VALUES (%s, 'raw', 'raw', 'org_unit', %s, '{}', now())", (change_id, row_id))
                    cur.execute("INSERT INTO org_unit (id, code, name, active, created_at, updated_at, server_version,"
                                " updated_by) VALUES (%s, '10', 'Amt', true, now(), now(), 1, 'raw') ON CONFLICT (id) DO"
                                " UPDATE SET name = excluded.name, server_version = org_unit.server_version + 1", (row_id,))
                    cur.execute("INSERT INTO srv_change_log (tbl, row_id, op, row_version, desk_id, logged_at)"
                                " VALUES ('org_unit', %s, 'insert', 1, 'raw', now())", (row_id,))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="initial pulls (median)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_sync_"))
    template = tmp / "template.sqlite"
    create_schema_file(template)
    with throwaway_database("bochum_bench") as url:
        harness = Harness(url)
        harness.add_user("bench", "admin")
        seed_server(url, args.rows)
        proc, base = start_server(url)
        try:
            # Median of three rounds, each the baseline and then our pull into a fresh desk file, one after the
            # other: the shared machine's speed drifts by ±30 % within a minute.
            pulls, raw_pulls = [], []
            for run in range(args.rounds):
                # Each timed part starts with nothing left for the garbage collector from the one before (our
                # pull pauses it; the baseline runs with it on, as a plain script does).
                gc.collect()
                raw_pulls.append(baseline_pull(url, template, tmp))
                desk = new_desk(template, tmp, f"desk{run}")
                client = SyncClient(desk, HttpTransport(base), app_version="bench")
                login(client, "bench", Harness.PASSWORD)
                gc.collect()
                start = time.perf_counter()
                report = client.pull()
                pulls.append(time.perf_counter() - start)
                assert report.pulled == args.rows, report
                with desk.engine.connect() as conn:  # the pull counts only with its rows searchable
                    assert conn.exec_driver_sql("SELECT count(*) FROM fts_employee").scalar() == args.rows
                print(f"  round {run + 1}: pull {pulls[-1]:.2f} s, raw {raw_pulls[-1]:.2f} s", flush=True)
            ours_pull, raw_pull = statistics.median(pulls), statistics.median(raw_pulls)

            ours_runs, raw_runs = [], []
            for run in range(3):  # median of three: the shared machine is noisy
                with desk.unit_of_work() as s:
                    for i in range(args.changes):
                        s.add(OrgUnit(code=f"{i % 100}", name=f"Amt {run}-{i}", active=True))
                start = time.perf_counter()
                pushed = client.push()
                ours_runs.append(time.perf_counter() - start)
                assert pushed.pushed == args.changes, pushed
                raw_runs.append(baseline_push(url, args.changes))
            ours_push, raw_push = statistics.median(ours_runs), statistics.median(raw_runs)

            client.sync_once()  # catch up with our own pushes
            rounds = []
            for _ in range(20):
                start = time.perf_counter()
                client.sync_once()
                rounds.append(time.perf_counter() - start)
            noop = statistics.median(rounds)
        finally:
            proc.terminate()
            proc.wait()
            harness.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"initial pull {args.rows:,} rows (median of {args.rounds}): ours {ours_pull:.2f} s, raw keyset+executemany {raw_pull:.2f} s "
          f"-> {raw_pull / ours_pull:.0%} of baseline speed (target >= 50 %)")
    print(f"push {args.changes:,} changes (median of 3):  ours {ours_push:.2f} s, raw 3-statement loop {raw_push:.2f} s "
          f"-> {raw_push / ours_push:.0%} of baseline speed (target >= 50 %)")
    print(f"no-op sync round trip: median {noop * 1000:.1f} ms of 20 (target < 100 ms)")


if __name__ == "__main__":
    os.environ.setdefault("LANG", "C.UTF-8")
    main()
