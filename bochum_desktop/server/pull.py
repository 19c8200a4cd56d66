"""Pull: changes since the desk's (txid, seq) cursor, joined with the current rows, filtered by role.

Gap-free: only change-log rows of transactions older than the oldest running writer of this database
(see visible_bound: sync.md's pg_snapshot_xmin, restricted to change-log writers) are handed out, so a transaction that took a lower seq but commits later is
never skipped. The cursor also carries a fingerprint of the user's roles: a role change answers "resync"
(the desk's file must match what its user may see)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, select, text

from ..db.base import UTCDateTime, personal_columns
from ..db.jsonvalues import to_json
from .auth import Principal
from .roles import Access, access, pseudonym, roles_fingerprint
from .schema import meta
from .scope import EMPTY, current_scope, delta, load_scope, remember_scope, suggestion_of

MAX_PAGE = 1000


@dataclass(frozen=True)
class Cursor:
    txid: int
    seq: int
    roles: str
    # Digest of the row-level scope the desk holds after this page (server/scope.py); "" when unscoped.
    scope: str = ""

    def __str__(self) -> str:
        base = f"{self.txid}.{self.seq}.{self.roles}"
        return f"{base}.{self.scope}" if self.scope else base

    @classmethod
    def parse(cls, raw: str | None) -> Cursor | None:
        if not raw:
            return None
        try:
            tx, seq, roles, *rest = raw.split(".")
            if len(rest) > 1:
                return None
            return cls(int(tx), int(seq), roles, rest[0] if rest else "")
        except ValueError:
            return None


def history_floor(conn: Connection) -> tuple[int, int]:
    raw = conn.execute(select(meta.c.value).where(meta.c.key == "history_floor")).scalar()
    if not raw:
        return (0, 0)
    tx, seq = raw.split(".")
    return (int(tx), int(seq))


_LOG_SQL = text(
    """
    SELECT txid::text AS txid, seq, tbl, row_id, op
    FROM srv_change_log
    WHERE (txid, seq) > (CAST(:tx AS xid8), :seq)
      AND txid < CAST(:bound AS xid8)
      AND tbl = ANY(:tbls)
    -- Qualified: a bare "txid" would name the text column of the SELECT list, which orders "10" before
    -- "9" (pages out of order, the cursor skipping changes) and cannot use the cursor index.
    ORDER BY srv_change_log.txid, srv_change_log.seq
    LIMIT :n
    """
)

# Writers of the change log: every transaction that may write srv_change_log takes ROW EXCLUSIVE on it as
# its first statement (Pusher does), so the lock list names every writer that has or will have an xid.
# Read in a statement before the log query: a writer running now is excluded by its xid; one that gets its
# xid later gets one >= xmax; one that commits in between is visible to the next statement. Unlike
# pg_snapshot_xmin this ignores transactions of other databases and unrelated ones (autovacuum, reports).
_BOUND_SQL = text(
    """
    WITH locks AS MATERIALIZED (SELECT * FROM pg_locks)
    SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax,
           ARRAY(SELECT t.transactionid::text
                 FROM locks r JOIN locks t ON t.pid = r.pid AND t.locktype = 'transactionid'
                                          AND t.mode = 'ExclusiveLock' AND t.granted
                 WHERE r.locktype = 'relation' AND r.relation = 'srv_change_log'::regclass
                   AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND r.mode = 'RowExclusiveLock' AND r.granted AND r.pid <> pg_backend_pid()) AS xids
    """
)

_HELD_BACK_SQL = text(
    "SELECT EXISTS (SELECT 1 FROM srv_change_log WHERE txid >= CAST(:bound AS xid8) AND tbl = ANY(:tbls))"
)

WRITER_LOCK_SQL = "LOCK TABLE srv_change_log IN ROW EXCLUSIVE MODE"


def full_xid(xid: int, xmax: int) -> int:
    """32-bit xid -> 64-bit: the epoch that puts it nearest to xmax (xids assigned after the snapshot
    lie just above xmax; a wrap-around moves the epoch by one)."""
    low = xmax & 0xFFFFFFFF
    full = (xmax >> 32) << 32 | xid
    if xid > low + 2**31:
        full -= 1 << 32
    elif xid < low - 2**31:
        full += 1 << 32
    return full


def visible_bound(conn: Connection) -> int:
    """Change-log rows with txid below this are committed or rolled back, never still being written."""
    row = conn.execute(_BOUND_SQL).one()
    xmax = int(row.xmax)
    return min([xmax] + [full_xid(int(raw), xmax) for raw in row.xids])


def _utc_iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _rows_sql(table: Table):
    """The current rows named by :ids, as the driver gives them (the converters below take driver values
    and processed ones alike): SQLAlchemy's per-value result processors cost more than the query."""
    sql = _ROWS_SQL.get(table.name)
    if sql is None:
        names = ", ".join(f'"{c.name}"' for c in table.columns)
        sql = _ROWS_SQL[table.name] = text(f'SELECT {names} FROM "{table.name}" WHERE id = ANY(CAST(:ids AS varchar[]))')
    return sql


_ROWS_SQL: dict[str, object] = {}


def _json_converter(column):
    """Column value -> JSON value; None where the value is JSON already (str, int, bool)."""
    if isinstance(column.type, UTCDateTime):
        return _utc_iso
    impl = getattr(column.type, "impl", column.type)
    python_type = None
    with contextlib.suppress(NotImplementedError):
        python_type = impl.python_type
    return None if python_type in (str, int, bool) else to_json


class _Shape:
    """Per table, computed once: column names, converters, personal columns."""

    def __init__(self, table: Table) -> None:
        self.names = [c.name for c in table.columns]
        self.converters = [_json_converter(c) for c in table.columns]
        self.personal = personal_columns(table)
        self.pseudo = {n: not table.c[n].foreign_keys and hasattr(table.c[n].type, "length") for n in self.personal}


_SHAPES: dict[str, _Shape] = {}


def _payload(table: Table, row, acc: Access, secret: str) -> tuple[str, dict]:
    shape = _SHAPES.get(table.name)
    if shape is None:
        shape = _SHAPES[table.name] = _Shape(table)
    data = {
        name: (conv(value) if conv is not None and value is not None else value)
        for name, conv, value in zip(shape.names, shape.converters, row, strict=True)
    }
    if data.get("deleted_at") is not None:
        # A tombstone carries no personal data.
        for name in shape.personal:
            data.pop(name, None)
        return "delete", data
    if acc.pseudonymised:
        for name in shape.personal:
            if data.get(name) is not None:
                data[name] = pseudonym(data["id"], name, secret) if shape.pseudo[name] else None
    return "upsert", data


def _hidden(tbl: str, row_id: str) -> dict:
    """A row the desk must drop because its user may no longer see it (handled like a purge there)."""
    return {"tbl": tbl, "id": row_id, "op": "purge", "version": None, "data": None, "reason": "hidden"}


def pull(conn: Connection, tables: dict[str, Table], principal: Principal, raw_cursor: str | None, limit: int,
         secret: str, now: datetime | None = None) -> dict:
    """One page. Row-level scopes are stored (srv_scope) on `conn`: the caller commits."""
    limit = max(1, min(int(limit), MAX_PAGE))
    fingerprint = roles_fingerprint(principal.roles)
    readable = {name: access(name, principal.roles) for name in tables}
    readable = {name: acc for name, acc in readable.items() if acc.read}
    scoped = any(acc.scoped for acc in readable.values())
    cursor = Cursor.parse(raw_cursor)
    if raw_cursor and cursor is None:
        return {"resync": True, "reason": "cursor"}
    floor = history_floor(conn)
    if cursor is not None:
        if cursor.roles != fingerprint:
            return {"resync": True, "reason": "roles"}
        if (cursor.txid, cursor.seq) < floor:
            return {"resync": True, "reason": "history"}
    old_scope = EMPTY
    if scoped and cursor is not None:
        # A cursor from before row-level scopes (the desk may hold every suggestion) or one whose scope is
        # unknown starts over; so does a changed employee link (other reviews would be visible).
        old_scope = load_scope(conn, cursor.scope) if cursor.scope else None
        if old_scope is None:
            return {"resync": True, "reason": "scope"}
    start = cursor or Cursor(0, 0, fingerprint)
    bound = visible_bound(conn)
    # Read after the bound: an assignment committed later has a log entry behind this page's cursor.
    new_scope = current_scope(conn, tables, principal) if scoped else EMPTY
    if old_scope.employee_id is not None and old_scope.employee_id != new_scope.employee_id:
        return {"resync": True, "reason": "scope"}
    digest = new_scope.digest if scoped else ""
    if scoped:
        remember_scope(conn, new_scope, now or datetime.now().astimezone())
    # A complete pull ends at or after the pruned history, so its cursor is never "too old".
    at_least_floor = Cursor(*max((start.txid, start.seq), floor), fingerprint, digest)
    # What the scope change itself brings: newly visible rows (current state) and rows to drop.
    changes: list[dict] = []
    sent: set[tuple[str, str]] = set()
    if scoped and old_scope != new_scope:
        shown, hidden = delta(conn, tables, old_scope, new_scope)
        for tbl, row in shown:
            op, data = _payload(tables[tbl], row, readable[tbl], secret)
            changes.append({"tbl": tbl, "id": row.id, "op": op, "version": row.server_version, "data": data})
            sent.add((tbl, row.id))
        for tbl, row_id in hidden:
            changes.append(_hidden(tbl, row_id))
            sent.add((tbl, row_id))
    log = conn.execute(
        _LOG_SQL, {"tx": str(start.txid), "seq": start.seq, "bound": str(bound), "tbls": list(readable), "n": limit}
    ).all()
    if len(log) < limit:
        # Committed changes waiting behind a still running writer: the desk gets them next time.
        held_back = conn.execute(_HELD_BACK_SQL, {"bound": str(bound), "tbls": list(readable)}).scalar()
    else:
        held_back = False
    if not log:
        return {"changes": changes, "cursor": str(at_least_floor), "more": False, "held_back": held_back}
    # Several entries of one row in a page: the row is sent once, at its last position.
    latest: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(log):
        if (entry.tbl, entry.row_id) not in sent:
            latest[(entry.tbl, entry.row_id)] = i
    by_table: dict[str, list[str]] = {}
    for tbl, row_id in latest:
        by_table.setdefault(tbl, []).append(row_id)
    rows: dict[tuple[str, str], object] = {}
    for tbl, ids in by_table.items():
        table = tables[tbl]
        # = ANY(array): one cached statement with one parameter (IN with 1,000 expanded parameters is
        # compiled and converted anew on every page)
        for row in conn.execute(_rows_sql(table), {"ids": ids}):
            rows[(tbl, row.id)] = row
    for (tbl, row_id), i in sorted(latest.items(), key=lambda item: item[1]):
        entry = log[i]
        row = rows.get((tbl, row_id))
        if row is None:
            if entry.op == "purge":
                changes.append({"tbl": tbl, "id": row_id, "op": "purge", "version": None, "data": None})
            # else: purged after this entry; its purge entry follows in a later page.
            continue
        if readable[tbl].scoped and not new_scope.visible(tbl, row):
            # Outside the scope. The desk may hold it only if it hangs off a suggestion the desk knows
            # (e.g. a review reassigned to someone else): then it must go; otherwise say nothing.
            if suggestion_of(tbl, row) in old_scope.suggestions | new_scope.suggestions:
                changes.append(_hidden(tbl, row_id))
            continue
        op, data = _payload(tables[tbl], row, readable[tbl], secret)
        changes.append({"tbl": tbl, "id": row_id, "op": op, "version": row.server_version, "data": data})
    last = log[-1]
    more = len(log) == limit
    position = (int(last.txid), last.seq)
    if not more:
        position = max(position, floor)
    return {"changes": changes, "cursor": str(Cursor(*position, fingerprint, digest)), "more": more,
            "held_back": held_back}
