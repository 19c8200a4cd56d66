"""Applying what the service sent to the local file, page by page, each page in one transaction.

Written with SQLAlchemy Core (not the ORM) so a 100,000-row initial pull stays fast; it does what the
change capture does for a pull (db/capture.py with sync_apply): no outbox entries, but an audit record
per changed row ("<user> (Sync)") and a current full-text index. Rows with pending local changes are
re-based, not overwritten: fields this desk changed keep the desk's value, all others take the server's.
Foreign keys are off while a page is applied: a page may name a row before the row it refers to (the
service joins the current rows), and the service's PostgreSQL enforces them for the final state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    Numeric,
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
from ..db.base import Base, UTCDateTime, personal_columns
from ..db.journal import AuditRecord, LocalMeta, OutboxEntry, SyncBase
from ..db.jsonvalues import from_json, to_json
from .model import SyncConflict

# Bookkeeping columns: never treated as the desk's own edits, never shown as audit changes.
INTERNAL = frozenset({"id", "server_version", "created_at", "updated_at", "updated_by"})
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
    stmt = sqlite_insert(LocalMeta.__table__).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def _converter(column):
    """JSON value -> column value; None where the JSON value is already right (str, int, bool)."""
    impl = getattr(column.type, "impl", column.type)
    if isinstance(impl, String | Integer | Boolean) and not isinstance(impl, Numeric):
        return None
    return lambda value: from_json(column, value)


def _stored_converter(column, dialect):
    """JSON value -> the value SQLite stores (what from_json + the bind processor give), for rows that are
    inserted: one step instead of two, and for UTC datetimes string slicing instead of parsing (the service
    sends `isoformat()` in UTC; anything else takes the general path)."""
    proc = column.type._cached_bind_processor(dialect)
    convert = _converter(column)
    impl = getattr(column.type, "impl", column.type)
    if dialect.name == "sqlite" and isinstance(column.type, UTCDateTime):
        def utc(value):
            if value.endswith("+00:00") and value[10] == "T":
                if len(value) == 25:
                    return f"{value[:10]} {value[11:19]}.000000"
                if len(value) == 32 and value[19] == ".":
                    return f"{value[:10]} {value[11:26]}"
            return proc(convert(value))

        return utc
    if dialect.name == "sqlite" and isinstance(impl, Date) and not isinstance(impl, DateTime):
        # SQLite stores a date as its ISO form; check the form, keep the string.
        return lambda value: value if len(value) == 10 and value[4] == "-" and value[7] == "-" else proc(convert(value))
    if convert is None:
        return proc
    if proc is None:
        return convert
    return lambda value: proc(convert(value))


def _json_ids():
    """Subquery of the ids in the JSON array bound as :ids."""
    return select(column("value", String)).select_from(func.json_each(bindparam("ids", type_=String)))


def _raw_insert(conn: Connection, table: Table, rows: list[dict], upsert_keys: tuple[str, ...] = (),
                stored: bool = False) -> None:
    """executemany straight on the driver with SQLAlchemy's own bind processors: the same stored values
    as Core, without its per-row bookkeeping (a 100,000-row pull spends most of its time there).
    `stored`: the values are in stored form already (_stored_converter)."""
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
    "INSERT INTO sync_base (tbl, row_id, version, data)"
    " SELECT value ->> 0, value ->> 1, value ->> 2, json(value -> 3) FROM json_each(?) WHERE true"
    " ON CONFLICT (tbl, row_id) DO UPDATE SET version = excluded.version, data = excluded.data"
)


def _write_bases(conn: Connection, bases: list[dict]) -> None:
    """The merge bases of a page in one statement: one JSON text for the page, split by SQLite's json_each,
    instead of one json.dumps and one bound row per pulled row."""
    if bases:
        page = json.dumps([[b["tbl"], b["row_id"], b["version"], b["data"]] for b in bases], separators=(",", ":"))
        conn.exec_driver_sql(_BASES_SQL, (page,))


def _scrubbed(table: Table, name: str):
    col = table.c[name]
    if col.nullable:
        return None
    return "" if isinstance(col.type, String) else ...


class PageApplier:
    """Applies pulled changes inside one open transaction `conn`."""

    def __init__(self, conn: Connection, user: str, now: datetime, note: str | None = None,
                 summary_inserts: bool = False) -> None:
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
        self.bases: list[dict] = []
        self.seen: list[tuple[str, str]] = []

    def apply(self, changes: list[dict]) -> int:
        by_table: dict[str, list[dict]] = {}
        for change in changes:
            if change["tbl"] in self.models:  # a table this desk version does not know is skipped
                by_table.setdefault(change["tbl"], []).append(change)
        applied = 0
        for tbl, items in by_table.items():
            applied += self._apply_table(self.models[tbl], items)
        for tbl, ids in self.inserted.items():
            fields = [c.name for c in self.models[tbl].__table__.columns if c.name not in INTERNAL]
            self.audit.append(
                {"at": self.now, "user": self.user, "tbl": tbl, "row_id": SUMMARY_ROW_ID, "op": "insert",
                 "changes": {"fields": fields, "ids": ids},
                 "note": self.note or f"Erstabgleich: {len(ids)} Datensätze übernommen"}
            )
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
                self.conn.execute(stmt, self.bases)
        return applied

    def _apply_table(self, model, items: list[dict]) -> int:
        table: Table = model.__table__
        ids = [c["id"] for c in items]
        existing: dict[str, dict] = {}
        pending: dict[str, set[str]] = {}
        # The ids go in as one JSON text (json_each): one cached statement per table, where IN with 1,000
        # expanded parameters is compiled anew for every page.
        id_list = json.dumps(ids)
        for row in self.conn.execute(select(table).where(table.c.id.in_(_json_ids())), {"ids": id_list}):
            existing[row.id] = dict(row._mapping)
        for row_id, patch in self.conn.execute(
            select(OutboxEntry.row_id, OutboxEntry.patch).where(OutboxEntry.tbl == table.name,
                                                                OutboxEntry.row_id.in_(_json_ids())),
            {"ids": id_list},
        ):
            pending.setdefault(row_id, set()).update(set(patch) - INTERNAL)
        personal = personal_columns(table)
        columns = [(col.name, _converter(col)) for col in table.columns if col.name != "id"]
        sqlite = self.conn.dialect.name == "sqlite"
        if sqlite:
            stored = [(col.name, _stored_converter(col, self.conn.dialect)) for col in table.columns if col.name != "id"]
        inserts: dict[tuple, list[dict]] = {}
        fts_rows: list[dict] = []
        fts_gone: list[dict] = []
        applied = 0
        for change in items:
            row_id = change["id"]
            self.seen.append((table.name, row_id))
            current = existing.get(row_id)
            if change["op"] == "purge":
                # "hidden": the user may no longer see the row (e.g. a withdrawn review assignment); it
                # goes like an erasure, with its own audit note.
                self._purge(table, row_id, current is not None,
                            HIDDEN_NOTE if change.get("reason") == "hidden" else self.note)
                fts_gone.append({"id": row_id})
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
                    self.inserted.setdefault(table.name, []).append(row_id)
                    changes = None
                else:
                    # (the JSON form is what arrived: no need to convert the values back)
                    changes = {k: [None, v] for k, v in data.items() if k not in INTERNAL and k in values}
                op = "insert"
                final = values
            else:
                diff = {k: v for k, v in values.items() if current.get(k) != v}
                if not diff:
                    self.bases.append({"tbl": table.name, "row_id": row_id, "version": version, "data": data})
                    continue
                self.conn.execute(update(table).where(table.c.id == row_id).values(**diff))
                changes = {k: [to_json(current.get(k)), to_json(v)] for k, v in diff.items() if k not in INTERNAL}
                op = "delete" if diff.get("deleted_at") and not current.get("deleted_at") else "update"
                final = {**current, **diff}
            applied += 1
            self.bases.append({"tbl": table.name, "row_id": row_id, "version": version, "data": data})
            if changes:
                self.audit.append(
                    {"at": self.now, "user": self.user, "tbl": table.name, "row_id": row_id, "op": op,
                     "changes": changes, "note": self.note}
                )
            if model.__search_fields__:
                if current is not None:
                    fts_gone.append({"id": row_id})
                if final.get("deleted_at") is None:
                    body = search.body_text(final.get(f) for f in model.__search_fields__)  # as db.search indexes
                    fts_rows.append({"id": row_id, "body": body})
        for rows in inserts.values():
            if sqlite:
                _raw_insert(self.conn, table, rows, stored=True)
            else:
                self.conn.execute(insert(table), rows)
        if model.__search_fields__ and (fts_gone or fts_rows):
            search.delete_rows(self.conn, table.name, [r["id"] for r in fts_gone])
            # In the order of their FTS rowid (a hash): the index pages of a page are then written in one
            # sweep instead of at random (a third less time for a 100,000-row pull). Same statement as
            # search.insert_rows, which takes the rows in the given order.
            params = sorted((search.docid(r["id"]), r["id"], r["body"]) for r in fts_rows)
            if params:
                self.conn.exec_driver_sql(
                    f"INSERT INTO {search.fts_table(table.name)}(rowid, row_id, body) VALUES (?, ?, ?)", params)
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
