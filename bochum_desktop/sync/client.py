"""The desk's sync run: push the outbox in batches, then pull pages since the stored cursor.

Safe to interrupt anywhere: outbox entries go only after the service acknowledged them (a repeated push
of the same change id returns the stored result), and each pulled page is applied together with its
cursor in one local transaction."""

from __future__ import annotations

import contextlib
import gc
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

import orjson
from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..core.ids import new_id
from ..db.journal import OutboxEntry
from ..db.session import Database
from .apply import (
    PageApplier,
    get_meta,
    set_meta,
    sweep_unseen,
    synced_models,
    transaction_on,
    write_transaction,
)
from .bases import materialize
from .columns import KEY_SEARCH_REBUILD, prepare
from .model import SyncConflict
from .transport import ServerError, Transport, TransportError

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 1000
# Pages fetched ahead of the one being written, and at most written in one transaction.
PAGES_AHEAD = 4
# Pages asked for in one request when the transport can receive them streamed (server/app.py, /pull).
PULL_STREAM_PAGES = 16
# The newest page format this desk reads (server/pull.py); an older service answers in format 1.
PULL_FORMAT = 2
KEY_DESK = "desk_id"
KEY_CURSOR = "sync_cursor"
KEY_LAST_OK = "sync_last_ok"
KEY_LAST_ERROR = "sync_last_error"
SCHEMA_HEADER = "X-Bochum-Schema"
APP_HEADER = "X-Bochum-App"


class Pending(NamedTuple):
    """A pending outbox entry as pushed (sync_outbox)."""

    seq: int
    change_id: str
    tbl: str
    row_id: str
    op: str
    patch: dict
    base: dict
    base_version: int
    schema_version: str


_paused_lock = threading.Lock()
_paused = {"count": 0, "was_enabled": False}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while pages are pulled, on again afterwards (if it was on).

    A page parses into some 15,000 lists and strings, so the collector ran every few hundred rows and, while
    pages wait in the queue, again and again over the same young objects: 10-15 % of a large pull (alternating
    runs, docs/sync.md). Pulled data makes next to no reference cycles (a few hundred unreachable objects
    after a pull at most): reference counting frees the pages. The collector is process-wide, so overlapping
    pulls count: the last one to end switches it on again."""
    with _paused_lock:
        if _paused["count"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["count"] += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused["count"] -= 1
            if _paused["count"] == 0 and _paused["was_enabled"]:
                gc.enable()


@dataclass
class SyncReport:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    resync: bool = False
    removed: int = 0
    # The service holds back changes behind a still running push: a later sync brings them.
    held_back: bool = False
    conflict_details: list[dict] = field(default_factory=list)


class SyncClient:
    """One desk's connection to the service. `token` is the login token (see sync.auth)."""

    def __init__(self, db: Database, transport: Transport, *, token: str | None = None, app_version: str = "",
                 push_batch: int = PUSH_BATCH, pull_page: int = PULL_PAGE,
                 progress: Callable[[str, int], None] | None = None) -> None:
        self.db = db
        self.transport = transport
        self.token = token
        self.app_version = app_version
        self.push_batch = push_batch
        self.pull_page = pull_page
        self.progress = progress or (lambda _what, _n: None)
        self.desk_id = self._desk_id()

    # -- plumbing ----------------------------------------------------------------------------------
    def _desk_id(self) -> str:
        with write_transaction(self.db.engine) as conn:
            desk = get_meta(conn, KEY_DESK)
            if desk is None:
                desk = new_id()
                set_meta(conn, KEY_DESK, desk)
            return desk

    def headers(self) -> dict[str, str]:
        out = {SCHEMA_HEADER: self.db.schema_version, APP_HEADER: self.app_version}
        if self.token:
            out["Authorization"] = f"Bearer {self.token}"
        return out

    def call(self, method: str, path: str, **kwargs) -> dict:
        return self.transport.call(method, path, headers=self.headers(), **kwargs)

    # -- the run -----------------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """Push everything pending, then pull everything new. Raises TransportError / ServerError."""
        report = SyncReport()
        try:
            self.push(report)
            self.pull(report)
            if report.resync:
                # Changes kept through a resync are pushed right after the fresh pull.
                self.push(report)
                self.pull(report)
        except (TransportError, ServerError) as exc:
            self._remember_error(str(exc))
            raise
        with write_transaction(self.db.engine) as conn:
            set_meta(conn, KEY_LAST_OK, self.db.clock.now().isoformat())
            set_meta(conn, KEY_LAST_ERROR, "")
        return report

    def _remember_error(self, message: str) -> None:
        try:
            with write_transaction(self.db.engine) as conn:
                set_meta(conn, KEY_LAST_ERROR, message)
        except Exception:  # never mask the real error
            log.exception("could not store sync error")

    # -- push --------------------------------------------------------------------------------------
    def _pending_batch(self) -> list[Pending]:
        # Plain SQL and orjson: 500 ORM objects with two JSON columns each cost more than the statement.
        with self.db.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT seq, change_id, tbl, row_id, op, patch, base, base_version, schema_version FROM sync_outbox"
                " WHERE status = 'pending' ORDER BY seq LIMIT ?", (self.push_batch,)
            ).all()
        loads = orjson.loads
        return [Pending(seq, change_id, tbl, row_id, op, loads(patch), loads(base), base_version, schema_version)
                for seq, change_id, tbl, row_id, op, patch, base, base_version, schema_version in rows]

    def push(self, report: SyncReport | None = None, deadline: float | None = None) -> SyncReport:
        """Push pending entries batch by batch; with `deadline` (time.monotonic()) no new batch starts after
        it (the push on quit). Whatever is not acknowledged stays in the outbox for the next run."""
        report = report or SyncReport()
        while True:
            if deadline is not None and time.monotonic() >= deadline:
                return report
            entries = self._pending_batch()
            if not entries:
                return report
            payload = [
                {"change_id": e.change_id, "tbl": e.tbl, "row_id": e.row_id, "op": e.op, "patch": e.patch,
                 "base": e.base, "base_version": e.base_version, "schema_version": e.schema_version}
                for e in entries
            ]
            answer = self.call("POST", "/push", json={"desk_id": self.desk_id, "changes": payload})
            results = {r["change_id"]: r for r in answer["results"]}
            self._acknowledge(entries, results, report)
            self.progress("push", report.pushed)

    def _acknowledge(self, entries: list[Pending], results: dict[str, dict], report: SyncReport) -> None:
        """Record the service's verdicts in one local transaction, a few statements per batch."""
        tables = {name: model.__table__ for name, model in synced_models().items()}
        now = self.db.clock.now()
        done, rejected, versions, conflicts = [], [], {}, []
        forward: dict[tuple[str, str], tuple[int, dict]] = {}
        for entry in entries:
            result = results.get(entry.change_id)
            if result is None:
                continue
            if result["status"] == "rejected":
                rejected.append((result.get("error"), entry.seq))
                continue
            done.append(entry.seq)
            if result.get("fast_forward") and entry.tbl in tables and entry.op != "purge":
                # The service's row is exactly this desk's row: adopt the version, move the base on.
                key = (entry.tbl, entry.row_id)
                _old, patch = forward.get(key, (0, {}))
                forward[key] = (result["row_version"], {**patch, **entry.patch})
            for c in result.get("conflicts") or []:
                conflicts.append({"change_id": entry.change_id, "tbl": entry.tbl, "row_id": entry.row_id,
                                  "field": c["field"], "base": c.get("base"), "mine": c.get("desk_value"),
                                  "theirs": c.get("server_value"), "created_at": now})
                report.conflict_details.append({"change_id": entry.change_id, "tbl": entry.tbl, "row_id": entry.row_id, **c})
        done_set = set(done)
        with write_transaction(self.db.engine) as conn:
            if rejected:
                conn.exec_driver_sql("UPDATE sync_outbox SET status = 'rejected', error = ? WHERE seq = ?", rejected)
            # Rows a pull inserted have lazy merge bases, defined through their outbox entries: store them
            # before the entries go (sync/bases.py).
            bases = materialize(conn, {(e.tbl, e.row_id) for e in entries if e.seq in done_set and e.tbl in tables})
            for chunk in range(0, len(done), 500):
                ids = done[chunk : chunk + 500]
                conn.exec_driver_sql(f"DELETE FROM sync_outbox WHERE seq IN ({', '.join('?' * len(ids))})", tuple(ids))
            for (tbl, row_id), (version, _patch) in forward.items():
                versions.setdefault(tbl, []).append((version, row_id, version))
            for tbl, params in versions.items():
                conn.exec_driver_sql(f"UPDATE {tbl} SET server_version = ? WHERE id = ? AND server_version < ?", params)
            if forward:
                # Bases just made concrete are at hand; only those stored before are read.
                keys = [key for key in forward if key not in bases]
                for chunk in range(0, len(keys), 400):
                    part = keys[chunk : chunk + 400]
                    where = " OR ".join("(tbl = ? AND row_id = ?)" for _ in part)
                    for tbl, row_id, data in conn.exec_driver_sql(
                        f"SELECT tbl, row_id, data FROM sync_base WHERE {where}", tuple(v for k in part for v in k)
                    ):
                        bases[(tbl, row_id)] = orjson.loads(data)
                conn.exec_driver_sql(
                    "INSERT INTO sync_base (tbl, row_id, version, data) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id)"
                    " DO UPDATE SET version = excluded.version, data = excluded.data",
                    [(tbl, row_id, version, orjson.dumps({**bases.get((tbl, row_id), {}), **patch}).decode())
                     for (tbl, row_id), (version, patch) in forward.items()],
                )
            if conflicts:
                conn.execute(sqlite_insert(SyncConflict.__table__), conflicts)
        report.pushed += len(done)
        report.rejected += len(rejected)
        report.conflicts += len(conflicts)

    # -- pull --------------------------------------------------------------------------------------
    def pull(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        with write_transaction(self.db.engine) as conn:
            cursor = get_meta(conn, KEY_CURSOR) or ""
            # Left by an earlier version, whose initial pull wrote the full-text index at its end; the index
            # layout changed since (search.INDEX_VERSION), so every index was rebuilt when the file was opened.
            conn.exec_driver_sql("DELETE FROM local_meta WHERE key = ?", (KEY_SEARCH_REBUILD,))
        seen: set[tuple[str, str]] | None = None
        initial = not cursor

        models = synced_models()

        def fetch(position: str) -> Iterator[dict]:
            """The pages of one request: several streamed where the transport can, else one."""
            params = {"cursor": position, "limit": self.pull_page, "format": PULL_FORMAT}
            stream = getattr(self.transport, "stream", None)
            if stream is None:
                answers = iter([self.call("GET", "/pull", params=params)])
            else:
                answers = stream("GET", "/pull", headers=self.headers(), params={**params, "pages": PULL_STREAM_PAGES})
            try:
                for answer in answers:
                    if answer.get("format") == 2:
                        # Rows converted for SQLite in a thread of their own, while the next page is received and
                        # earlier ones are written (the writing thread waits for this Future).
                        answer["prepared"] = preparer.submit(prepare, models, self.db.engine.dialect,
                                                             answer["tables"], answer["changes"])
                    yield answer
            finally:
                close = getattr(answers, "close", None)  # a stream left early ends its request
                if close is not None:
                    close()

        # Pages are fetched (the service reads them, the network carries them, JSON is parsed) while earlier
        # ones are written. Pages that arrived meanwhile are written in one transaction (fewer commits and
        # per-page statements), each with its cursor; a failure rolls back that transaction and its cursor.
        pages: queue.Queue = queue.Queue(maxsize=PAGES_AHEAD)
        stop = threading.Event()

        def produce(position: str) -> None:
            """Fetch pages into `pages` up to the last one, a resync answer or an error (handed on too)."""
            try:
                while not stop.is_set():
                    received = 0
                    with contextlib.closing(fetch(position)) as answers:  # (closing: ends a stream left early)
                        for answer in answers:
                            received += 1
                            pages.put(answer)
                            if answer.get("resync") or not answer["more"]:
                                return
                            position = answer["cursor"]
                            if stop.is_set():
                                return
                    if not received:
                        raise TransportError("Der Sync-Dienst hat eine leere Antwort geschickt.")
            except BaseException as exc:  # raised by the writing thread, after the pages before it
                pages.put(exc)

        with (collector_paused(), self.db.engine.connect() as conn,
              ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as fetcher,
              ThreadPoolExecutor(1, thread_name_prefix="sync-prepare") as preparer):
            if conn.dialect.name == "sqlite":
                raw = conn.connection.driver_connection
                # A large pull touches index pages all over the file; SQLite's default 2 MB page cache would
                # write and re-read them on every page.
                raw.execute("PRAGMA cache_size = -65536")
                # Checkpoint the WAL every ~40 MB instead of every 4 MB while pulling: a page then is
                # copied into the file once, not again and again (durability is unchanged: WAL + NORMAL).
                raw.execute("PRAGMA wal_autocheckpoint = 10000")
            fetcher.submit(produce, cursor)
            try:
                while True:
                    group = [pages.get()]
                    while (len(group) < PAGES_AHEAD and isinstance(group[-1], dict) and group[-1].get("more")
                           and not pages.empty()):
                        group.append(pages.get_nowait())
                    answers = [a for a in group if isinstance(a, dict) and not a.get("resync")]
                    if answers:
                        with transaction_on(conn, foreign_keys=False):
                            for answer in answers:
                                self._apply_page(conn, answer, report, seen, initial)
                        self.progress("pull", report.pulled)
                    last = group[-1]
                    if isinstance(last, BaseException):
                        raise last
                    if last.get("resync"):
                        if seen is not None:
                            raise TransportError("Der Sync-Dienst verlangt erneut einen Neuabgleich.")
                        log.info("service asks for a resync (%s)", last.get("reason"))
                        report.resync = True
                        seen, initial = set(), True
                        fetcher.submit(produce, "")  # (the one fetch thread: after the last producer ended)
                        continue
                    if not last["more"]:
                        report.held_back = bool(last.get("held_back"))
                        return report
            finally:
                # The fetch thread stops after its current request; emptying the queue frees a put it waits in.
                stop.set()
                while not pages.empty():
                    pages.get_nowait()

    def _apply_page(self, conn, answer: dict, report: SyncReport, seen: set | None, initial: bool) -> None:
        """One page inside the caller's transaction."""
        applier = PageApplier(conn, self.db.user, self.db.clock.now(), summary_inserts=initial,
                              track_seen=seen is not None)
        if answer.get("format") == 2:
            report.pulled += applier.apply_columns(answer["tables"], answer["changes"], answer["prepared"].result())
        else:  # a service of the previous version
            report.pulled += applier.apply(answer["changes"])
        if seen is not None:
            seen.update(applier.seen)
            if not answer["more"]:
                report.removed += sweep_unseen(conn, seen, self.db.user, self.db.clock.now())
        # During a resync the old cursor stays until the end: an interrupted resync starts over.
        if seen is None or not answer["more"]:
            set_meta(conn, KEY_CURSOR, answer["cursor"])


def sync_with_retry(client: SyncClient, attempts: int = 5, base_delay: float = 1.0,
                    sleep: Callable[[float], None] = time.sleep) -> SyncReport:
    """Retry after network failures with exponential backoff; other errors are raised at once."""
    for attempt in range(attempts):
        try:
            return client.sync_once()
        except TransportError:
            if attempt == attempts - 1:
                raise
            sleep(base_delay * (2**attempt))
    raise AssertionError("unreachable")


def status(db: Database) -> dict:
    """What the status bar shows: last successful sync, pending and rejected changes, conflicts, error."""
    with db.read() as session:
        conn = session.connection()
        counts = dict(conn.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
        return {
            "last_ok": get_meta(conn, KEY_LAST_OK) or None,
            "last_error": get_meta(conn, KEY_LAST_ERROR) or None,
            "pending": counts.get("pending", 0),
            "rejected": counts.get("rejected", 0),
            "conflicts": conn.execute(select(func.count()).select_from(SyncConflict)).scalar(),
        }


def login(client: SyncClient, username: str, password: str, store=None, server_url: str = ""):
    """Log in, keep the token in the client and (if given) in the token store."""
    from . import auth

    session = auth.login(client.transport, client.headers(), username, password, client.desk_id)
    client.token = session.token
    if store is not None:
        store.set(server_url, username, session.token)
    return session
