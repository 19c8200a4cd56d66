"""Applying what the service sent to the local file, page by page, each page in one transaction.

Written with SQLAlchemy Core (not the ORM) so a 100,000-row initial pull stays fast; it does what the
change capture does for a pull (db/capture.py with sync_apply): no outbox entries, but an audit record
per changed row ("<user> (Sync)") and a current full-text index. Rows with pending local changes are
re-based, not overwritten: fields this desk changed keep the desk's value, all others take the server's.
Foreign keys are off while a page is applied: a page may name a row before the row it refers to (the
service joins the current rows), and the service's PostgreSQL enforces them for the final state."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    String,
    Table,
    bindparam,
    column,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..audit.service import SUMMARY_ROW_ID
from ..db import search
from ..db.base import Base, personal_columns
from ..db.journal import AuditRecord, LocalMeta, OutboxEntry, SyncBase
from ..db.jsonvalues import to_json
from . import columns as fast
from .columns import INTERNAL
from .model import SyncConflict

HIDDEN_NOTE = "Nicht mehr sichtbar (z. B. Zuweisung aufgehoben)"


def synced_models() -> dict[str, type]:
    return {
        m.class_.__table__.name: m.class_ for m in Base.registry.mappers if getattr(m.class_, "__synced__", False)
    }


@contextmanager
def write_transaction(engine: Engine, foreign_keys: bool = True) -> Iterator[Connection]:
    """One local write transaction that takes SQLite's write lock first (no busy-snapshot errors when the
    UI writes at the same time); optionally with foreign keys off for its duration."""
    with engine.connect() as conn, transaction_on(conn, foreign_keys):
        yield conn


@contextmanager
def transaction_on(conn: Connection, foreign_keys: bool = True) -> Iterator[Connection]:
    """write_transaction on a connection the caller keeps open (a pull keeps one for all its pages: with
    NullPool each new connection repeats its PRAGMAs and each close checkpoints the WAL)."""
    raw = conn.connection.driver_connection
    sqlite = conn.dialect.name == "sqlite"
    if sqlite and not foreign_keys:
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with conn.begin():
            if sqlite:
                conn.exec_driver_sql("UPDATE local_meta SET value = value WHERE key = 'desk_id'")
            yield conn
    finally:
        if sqlite and not foreign_keys:
            raw.execute("PRAGMA foreign_keys=ON")


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(LocalMeta.value).where(LocalMeta.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    # Plain SQL (once per pulled page): the Core construct is built and looked up in the cache every time.
    conn.exec_driver_sql("INSERT INTO local_meta (key, value) VALUES (?, ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def _json_ids():
    """Subquery of the ids in the JSON array bound as :ids."""
    return select(column("value", String)).select_from(func.json_each(bindparam("ids", type_=String)))


def rows_by_id(conn: Connection, table: Table, ids: list[str], where: str = "", params: tuple = ()) -> dict[str, dict]:
    """The rows of `ids` this desk has (values as the columns give them), optionally only those meeting
    the SQL condition `where` (with `params`). The ids go in as one JSON text (json_each): one cached
    statement per table, where IN with 1,000 expanded parameters is compiled anew for every page. Plain
    SQL for the ids first: an initial pull (or a push of rows inserted here) finds nothing."""
    found = [row[0] for row in conn.exec_driver_sql(
        f'SELECT id FROM "{table.name}" WHERE id IN (SELECT value FROM json_each(?)){where}',
        (orjson.dumps(ids).decode(), *params))]
    if not found:
        return {}
    return {row.id: dict(row._mapping)
            for row in conn.execute(select(table).where(table.c.id.in_(_json_ids())), {"ids": orjson.dumps(found).decode()})}


def _raw_insert(conn: Connection, table: Table, rows: list[dict], upsert_keys: tuple[str, ...] = (),
                stored: bool = False) -> None:
    """executemany straight on the driver with SQLAlchemy's own bind processors: the same stored values
    as Core, without its per-row bookkeeping (a 100,000-row pull spends most of its time there).
    `stored`: the values are in stored form already (columns.stored_converter)."""
    if not rows:
        return
    dialect = conn.dialect
    names = list(rows[0])
    if stored:
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        conn.exec_driver_sql(sql, [tuple(row[n] for n in names) for row in rows])
        return
    procs = [table.c[n].type._cached_bind_processor(dialect) for n in names]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    if upsert_keys:
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in upsert_keys)
        sql += f" ON CONFLICT ({', '.join(upsert_keys)}) DO UPDATE SET {updates}"
    params = [tuple(p(row[n]) if p else row[n] for n, p in zip(names, procs, strict=True)) for row in rows]
    conn.exec_driver_sql(sql, params)


_BASES_SQL = (
    "INSERT INTO sync_base (tbl, row_id, version, data) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (tbl, row_id) DO UPDATE SET version = excluded.version, data = excluded.data"
)


def _write_bases(conn: Connection, bases: list[tuple[str, str, int, str]]) -> None:
    """The merge bases of a page, (tbl, row id, version, data as JSON text) each, in one executemany."""
    if bases:
        conn.exec_driver_sql(_BASES_SQL, bases)


def _base(tbl: str, row_id: str, version: int, data: dict) -> tuple[str, str, int, str]:
    return (tbl, row_id, version, orjson.dumps(data).decode())  # (orjson: a page's bases in a few ms)


def _scrubbed(table: Table, name: str):
    col = table.c[name]
    if col.nullable:
        return None
    return "" if isinstance(col.type, String) else ...


class PageApplier:
    """Applies pulled changes inside one open transaction `conn`."""

    def __init__(self, conn: Connection, user: str, now: datetime, note: str | None = None,
                 summary_inserts: bool = False, track_seen: bool = True) -> None:
        self.conn = conn
        self.user = f"{user} (Sync)"
        self.now = now
        self.note = note
        # Initial pull / resync: rows this page inserts get ONE audit record per table and page (which rows,
        # which fields; the values are the rows themselves) instead of one record per row with every value —
        # that record cost more than writing the row. Updates, deletes and purges keep one record per row.
        self.summary_inserts = summary_inserts
        self.inserted: dict[str, list[str]] = {}
        self.models = synced_models()
        self.audit: list[dict] = []
        self.bases: list[tuple[str, str, int, str]] = []
        # (tbl, id) of every row a page names: only a resync needs them (sweep_unseen).
        self.seen: list[tuple[str, str]] = []
        self.track_seen = track_seen

    def apply(self, changes: list[dict]) -> int:
        """A page of format 1: every change an object {tbl, id, op, version, data[, reason]}."""
        by_table: dict[str, list[dict]] = {}
        for change in changes:
            if change["tbl"] in self.models:  # a table this desk version does not know is skipped
                by_table.setdefault(change["tbl"], []).append(change)
        applied = 0
        for tbl, items in by_table.items():
            applied += self._apply_table(self.models[tbl], items)
        self._finish()
        return applied

    def apply_columns(self, columns: dict[str, list[str]], changes: list[list],
                      prepared: dict[str, fast.Prepared]) -> int:
        """A page of format 2 (server/pull.py) on the desk's SQLite: `columns` names each table's columns
        once, every change is [tbl, id, op, version, values(, "hidden")]. New rows without local changes go
        straight into SQLite (`prepared`: columns.prepare of this page, made outside the transaction);
        everything else takes the way of format 1."""
        by_table: dict[str, list[list]] = {}
        for change in changes:
            if change[0] in self.models:  # a table this desk version does not know is skipped
                by_table.setdefault(change[0], []).append(change)
        applied = 0
        for tbl, items in by_table.items():
            model = self.models[tbl]
            names = columns.get(tbl, [])
            known = self._known(model.__table__, [c[1] for c in items])
            existing, pending = known
            new, other = [], []
            for change in items:
                row_id = change[1]
                if change[2] == "upsert" and row_id not in existing and row_id not in pending:
                    new.append(change)
                else:
                    other.append(self._as_object(model.__table__, names, change))
            if other:
                applied += self._apply_table(model, other, known)
            if new:
                applied += self._insert_new(model, prepared[tbl], new)
        self._finish()
        return applied

    @staticmethod
    def _as_object(table: Table, names: list[str], change: list) -> dict:
        tbl, row_id, op, version, values = change[:5]
        data = None if values is None else dict(zip(names, values, strict=True))
        if op == "delete" and data is not None:
            # Format 2 sends a tombstone's personal columns empty; format 1 leaves them out (cleared here).
            for name in personal_columns(table):
                data.pop(name, None)
        out = {"tbl": tbl, "id": row_id, "op": op, "version": version, "data": data}
        if len(change) > 5:
            out["reason"] = change[5]
        return out

    def _insert_new(self, model, prepared: fast.Prepared, changes: list[list]) -> int:
        table: Table = model.__table__
        tbl = str(table.name)  # a plain str: sqlite3 adapts a str subclass (quoted_name) through getattr, per row
        plan, ready = prepared.plan, prepared.rows
        if self.summary_inserts:
            self.inserted.setdefault(tbl, []).extend(c[1] for c in changes)
        else:
            for _tbl, row_id, _op, _version, values in changes:
                received = plan.received(values)
                self.audit.append({"at": self.now, "user": self.user, "tbl": tbl, "row_id": row_id, "op": "insert",
                                   "changes": {name: [None, received[j]] for j, name in plan.audit_at},
                                   "note": self.note})
        # No merge bases: a new row's base is the row as pulled until a local edit is acknowledged or
        # discarded (sync/bases.py makes it concrete then) — 100,000 sync_base rows less in an initial pull.
        rows = [ready[c[1]] for c in changes]
        # A stored base left by an earlier life of the id would otherwise count instead of the lazy one.
        self.conn.exec_driver_sql("DELETE FROM sync_base WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))",
                                  (tbl, orjson.dumps([c[1] for c in changes]).decode()))
        if self.track_seen:
            self.seen.extend((tbl, c[1]) for c in changes)
        # Straight on the driver: the rows are parameter lists, not the tuples SQLAlchemy insists on.
        self.conn.connection.driver_connection.executemany(plan.sql, rows)
        if model.__search_fields__:
            # New rows: no earlier entries to delete.
            search.insert_rows(self.conn, tbl, prepared.search_entries(c[1] for c in changes))
        return len(rows)

    def _finish(self) -> None:
        for tbl, ids in self.inserted.items():
            fields = [c.name for c in self.models[tbl].__table__.columns if c.name not in INTERNAL]
            self.audit.append(
                {"at": self.now, "user": self.user, "tbl": tbl, "row_id": SUMMARY_ROW_ID, "op": "insert",
                 "changes": {"fields": fields, "ids": ids},
                 "note": self.note or f"Erstabgleich: {len(ids)} Datensätze übernommen"}
            )
        self.inserted = {}
        if self.conn.dialect.name == "sqlite":
            _raw_insert(self.conn, AuditRecord.__table__, self.audit)
            _write_bases(self.conn, self.bases)
        else:  # (the desk is SQLite; kept generic for tools that apply pages elsewhere)
            if self.audit:
                self.conn.execute(insert(AuditRecord.__table__), self.audit)
            if self.bases:
                stmt = sqlite_insert(SyncBase.__table__)
                stmt = stmt.on_conflict_do_update(
                    index_elements=["tbl", "row_id"], set_={"version": stmt.excluded.version, "data": stmt.excluded.data}
                )
                self.conn.execute(stmt, [{"tbl": t, "row_id": r, "version": v, "data": orjson.loads(d)}
                                         for t, r, v, d in self.bases])
        self.audit, self.bases = [], []

    def _known(self, table: Table, ids: list[str]) -> tuple[dict[str, dict], dict[str, set[str]]]:
        """The rows of `ids` this desk has, and the fields of them it changed and has not pushed yet."""
        existing = rows_by_id(self.conn, table, ids)
        pending: dict[str, set[str]] = {}
        for row_id, patch in self.conn.exec_driver_sql(
            "SELECT row_id, patch FROM sync_outbox WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))",
            (str(table.name), orjson.dumps(ids).decode()),
        ):
            pending.setdefault(row_id, set()).update(set(orjson.loads(patch)) - INTERNAL)
        return existing, pending

    def _apply_table(self, model, items: list[dict], known=None) -> int:
        table: Table = model.__table__
        tbl = str(table.name)  # (see _insert_new)
        existing, pending = known or self._known(table, [c["id"] for c in items])
        personal = personal_columns(table)
        columns = [(col.name, fast.converter(col)) for col in table.columns if col.name != "id"]
        sqlite = self.conn.dialect.name == "sqlite"
        if sqlite:
            stored = [(col.name, fast.stored_converter(col, self.conn.dialect)) for col in table.columns if col.name != "id"]
        inserts: dict[tuple, list[dict]] = {}
        fts_rows: list[tuple[str, str]] = []
        fts_gone: list[str] = []
        applied = 0
        for change in items:
            row_id = change["id"]
            if self.track_seen:
                self.seen.append((tbl, row_id))
            current = existing.get(row_id)
            if change["op"] == "purge":
                # "hidden": the user may no longer see the row (e.g. a withdrawn review assignment); it
                # goes like an erasure, with its own audit note.
                self._purge(table, row_id, current is not None,
                            HIDDEN_NOTE if change.get("reason") == "hidden" else self.note)
                fts_gone.append(row_id)
                applied += 1
                continue
            version = change["version"]
            if current is not None and (current.get("server_version") or 0) > version:
                continue  # older than what this desk already has
            data = change["data"]
            local = pending.get(row_id, set())
            values: dict[str, Any] = {}
            # New rows go straight into the stored form (raw executemany below); updates need Python values
            # (compared with the current row, written with Core).
            for name, convert in (stored if current is None and sqlite else columns):
                if name in local:
                    continue
                if name in data:
                    value = data[name]
                    values[name] = convert(value) if convert is not None and value is not None else value
                elif change["op"] == "delete" and name in personal:
                    value = _scrubbed(table, name)
                    if value is not ...:
                        values[name] = value
            values["server_version"] = version
            if current is None:
                values["id"] = row_id
                inserts.setdefault(tuple(values), []).append(values)  # (built in column order)
                if self.summary_inserts:
                    self.inserted.setdefault(tbl, []).append(row_id)
                    changes = None
                else:
                    # (the JSON form is what arrived: no need to convert the values back)
                    changes = {k: [None, v] for k, v in data.items() if k not in INTERNAL and k in values}
                op = "insert"
                final = values
            else:
                diff = {k: v for k, v in values.items() if current.get(k) != v}
                if not diff:
                    self.bases.append(_base(tbl, row_id, version, data))
                    continue
                self.conn.execute(update(table).where(table.c.id == row_id).values(**diff))
                changes = {k: [to_json(current.get(k)), to_json(v)] for k, v in diff.items() if k not in INTERNAL}
                op = "delete" if diff.get("deleted_at") and not current.get("deleted_at") else "update"
                final = {**current, **diff}
            applied += 1
            self.bases.append(_base(tbl, row_id, version, data))
            if changes:
                self.audit.append(
                    {"at": self.now, "user": self.user, "tbl": tbl, "row_id": row_id, "op": op,
                     "changes": changes, "note": self.note}
                )
            if model.__search_fields__:
                if current is not None:
                    fts_gone.append(row_id)
                if final.get("deleted_at") is None:
                    # normalised as db.search indexes local rows
                    fts_rows.append((row_id, search.body_text(final.get(f) for f in model.__search_fields__)))
        for rows in inserts.values():
            if sqlite:
                _raw_insert(self.conn, table, rows, stored=True)
            else:
                self.conn.execute(insert(table), rows)
        if model.__search_fields__ and (fts_gone or fts_rows):
            search.delete_rows(self.conn, table.name, fts_gone)
            search.insert_rows(self.conn, table.name, fts_rows)
        return applied

    def _purge(self, table: Table, row_id: str, exists: bool, note: str | None) -> None:
        """Legal erasure: the row, its pending changes, its merge base and its conflicts go."""
        if exists:
            self.conn.execute(delete(table).where(table.c.id == row_id))
            self.audit.append(
                {"at": self.now, "user": self.user, "tbl": table.name, "row_id": row_id, "op": "purge",
                 "changes": {}, "note": note}
            )
        purge_local(self.conn, table.name, row_id)


def purge_local(conn: Connection, tbl: str, row_id: str) -> None:
    conn.execute(delete(OutboxEntry).where(OutboxEntry.tbl == tbl, OutboxEntry.row_id == row_id))
    conn.execute(delete(SyncBase).where(SyncBase.tbl == tbl, SyncBase.row_id == row_id))
    conn.execute(delete(SyncConflict).where(SyncConflict.tbl == tbl, SyncConflict.row_id == row_id))


def sweep_unseen(conn: Connection, seen: set[tuple[str, str]], user: str, now: datetime) -> int:
    """After a full pull (resync): synced rows the service no longer has go, unless they carry local
    changes still to be pushed (those stay and are pushed)."""
    removed = 0
    models = synced_models()
    for tbl, model in models.items():
        table = model.__table__
        with_outbox = set(conn.execute(select(OutboxEntry.row_id).where(OutboxEntry.tbl == tbl)).scalars())
        for row_id in conn.execute(select(table.c.id).where(table.c.server_version > 0)).scalars().all():
            if (tbl, row_id) in seen or row_id in with_outbox:
                continue
            conn.execute(delete(table).where(table.c.id == row_id))
            conn.execute(delete(SyncBase).where(SyncBase.tbl == tbl, SyncBase.row_id == row_id))
            conn.execute(
                insert(AuditRecord.__table__).values(
                    at=now, user=f"{user} (Sync)", tbl=tbl, row_id=row_id, op="purge", changes={},
                    note="Beim Neuabgleich nicht mehr auf dem Server vorhanden",
                )
            )
            if model.__search_fields__:
                search.delete_rows(conn, tbl, [row_id])
            removed += 1
    return removed
