"""Pull: changes since the desk's (txid, seq) cursor, joined with the current rows, filtered by role.

Gap-free: only change-log rows of transactions older than the oldest running writer of this database
(see visible_bound: sync.md's pg_snapshot_xmin, restricted to change-log writers) are handed out, so a transaction that took a lower seq but commits later is
never skipped. The cursor also carries a fingerprint of the user's roles: a role change answers "resync"
(the desk's file must match what its user may see).

Two page formats (the desk asks with `format=2`; a desk that does not ask gets format 1, so desks of the
previous version keep working): format 1 sends every change as an object with its row as an object of
JSON values; format 2 names each table's columns once (`tables`) and sends every change as an array
`[tbl, id, op, version, values]` (values in that column order; `[..., "hidden"]` appended for a row the
desk must drop), encoded by the caller with orjson (datetimes come out of PostgreSQL as naive UTC)."""

from __future__ import annotations

import contextlib
from collections import namedtuple
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from sqlalchemy import Connection, Table, select, text

from ..db.base import UTCDateTime, personal_columns
from ..db.jsonvalues import to_json
from .auth import Principal
from .roles import Access, access, pseudonym, roles_fingerprint
from .schema import meta
from .scope import EMPTY, current_scope, delta, load_scope, remember_scope, suggestion_of

MAX_PAGE = 1000
# The newest page format this service writes (module doc).
PULL_FORMAT = 2
# At most this many pages answer one request with `pages=` (app.py: streamed one JSON line per page).
MAX_STREAM_PAGES = 32
STREAM_MEDIA_TYPE = "application/x-ndjson"


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


# Run on the driver's cursor (psycopg placeholders): 1,000 plain tuples instead of result rows.
_LOG_SQL = """
    SELECT txid::text AS txid, seq, tbl, row_id, op
    FROM srv_change_log
    WHERE (txid, seq) > (CAST(%s AS xid8), %s)
      AND txid < CAST(%s AS xid8)
      AND tbl = ANY(%s)
    -- Qualified: a bare "txid" would name the text column of the SELECT list, which orders "10" before
    -- "9" (pages out of order, the cursor skipping changes) and cannot use the cursor index.
    ORDER BY srv_change_log.txid, srv_change_log.seq
    LIMIT %s
"""

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


def json_default(value):
    """orjson: the column values it does not encode itself (Decimal, bytes), as format 1 sends them."""
    out = to_json(value)
    if out is value:
        raise TypeError(f"not JSON: {type(value).__name__}")
    return out


def _json_converter(column):
    """Column value -> JSON value (format 1); None where the value is JSON already (str, int, bool). UTC
    columns are read as naive UTC (_Shape.sql), which to_json takes as UTC."""
    if isinstance(column.type, UTCDateTime):
        return to_json
    impl = getattr(column.type, "impl", column.type)
    python_type = None
    with contextlib.suppress(NotImplementedError):
        python_type = impl.python_type
    return None if python_type in (str, int, bool) else to_json


class _Shape:
    """Per table, computed once: column names and positions, converters, personal columns, the rows query."""

    def __init__(self, table: Table) -> None:
        self.names = [c.name for c in table.columns]
        self.converters = [_json_converter(c) for c in table.columns]
        self.personal = personal_columns(table)
        self.personal_at = [(name, self.names.index(name)) for name in self.personal]
        self.pseudo = {n: not table.c[n].foreign_keys and hasattr(table.c[n].type, "length") for n in self.personal}
        self.id_at = self.names.index("id")
        self.version_at = self.names.index("server_version")
        self.deleted_at = self.names.index("deleted_at")
        # Row-level scopes (server/scope.py) read rows by attribute.
        self.row_type = namedtuple(f"{table.name}_row", self.names)
        # Read straight from the driver (SQLAlchemy's per-value result processing costs more than the query);
        # UTC columns as naive UTC, so they need no conversion before JSON. = ANY(one array): one statement
        # for any number of ids (IN with 1,000 parameters is converted anew for every page).
        cols = ", ".join(
            f"\"{c.name}\" AT TIME ZONE 'UTC'" if isinstance(c.type, UTCDateTime) else f'"{c.name}"' for c in table.columns
        )
        self.sql = f'SELECT {cols} FROM "{table.name}" WHERE id = ANY(CAST(%s AS varchar[]))'


_SHAPES: dict[str, _Shape] = {}


def _shape(table: Table) -> _Shape:
    shape = _SHAPES.get(table.name)
    if shape is None:
        shape = _SHAPES[table.name] = _Shape(table)
    return shape


def _pg_array(values: list[str]) -> str:
    """A text[] literal (one parameter instead of the driver adapting a list value by value)."""
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def _payload(shape: _Shape, row, acc: Access, secret: str) -> tuple[str, dict]:
    """Format 1: the row as an object of JSON values (format 2's values, by name)."""
    op, values = _values(shape, row, acc, secret)
    data = {
        name: (conv(value) if conv is not None and value is not None else value)
        for name, conv, value in zip(shape.names, shape.converters, values, strict=True)
    }
    if op == "delete":
        # Format 1 leaves a tombstone's personal columns out (format 2 sends them empty).
        for name in shape.personal:
            data.pop(name, None)
    return op, data


def _values(shape: _Shape, row, acc: Access, secret: str) -> tuple[str, tuple | list]:
    """Format 2: the row's values in column order (the driver's tuple itself where nothing changes)."""
    if row[shape.deleted_at] is not None:
        values = list(row)
        for _name, i in shape.personal_at:  # a tombstone carries no personal data
            values[i] = None
        return "delete", values
    if acc.pseudonymised:
        values = list(row)
        for name, i in shape.personal_at:
            if values[i] is not None:
                values[i] = pseudonym(values[shape.id_at], name, secret) if shape.pseudo[name] else None
        return "upsert", values
    return "upsert", row


class _Page:
    """The changes of one page in the format the desk asked for."""

    def __init__(self, fmt: int, readable: dict[str, Access], secret: str) -> None:
        self.fmt = fmt
        self.readable = readable
        self.secret = secret
        self.changes: list = []
        self.columns: dict[str, list[str]] = {}

    def row(self, tbl: str, shape: _Shape, row) -> None:
        if self.fmt == 2:
            op, values = _values(shape, row, self.readable[tbl], self.secret)
            self.columns.setdefault(tbl, shape.names)
            self.changes.append([tbl, row[shape.id_at], op, row[shape.version_at], values])
        else:
            op, data = _payload(shape, row, self.readable[tbl], self.secret)
            self.changes.append({"tbl": tbl, "id": row[shape.id_at], "op": op, "version": row[shape.version_at],
                                 "data": data})

    def purge(self, tbl: str, row_id: str, hidden: bool = False) -> None:
        """A row the desk must drop: erased, or (hidden) its user may no longer see it (e.g. a withdrawn
        review assignment); the desk handles both like an erasure."""
        if self.fmt == 2:
            self.changes.append([tbl, row_id, "purge", None, None, "hidden"] if hidden else [tbl, row_id, "purge", None, None])
        else:
            entry = {"tbl": tbl, "id": row_id, "op": "purge", "version": None, "data": None}
            if hidden:
                entry["reason"] = "hidden"
            self.changes.append(entry)

    def answer(self, cursor: Cursor, more: bool, held_back: bool) -> dict:
        out: dict = {"changes": self.changes, "cursor": str(cursor), "more": more, "held_back": held_back}
        if self.fmt == 2:
            out["format"] = 2
            out["tables"] = self.columns
        return out


def pull(conn: Connection, tables: dict[str, Table], principal: Principal, raw_cursor: str | None, limit: int,
         secret: str, now: datetime | None = None, fmt: int = 1) -> dict:
    """One page. Row-level scopes are stored (srv_scope) on `conn`: the caller commits. `fmt` 2 answers in
    format 2 (module doc); its values are not all JSON yet (encode with orjson, OPT_NAIVE_UTC, json_default)."""
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
    page = _Page(fmt, readable, secret)
    # What the scope change itself brings: newly visible rows (current state) and rows to drop.
    sent: set[tuple[str, str]] = set()
    if scoped and old_scope != new_scope:
        shown, hidden = delta(conn, tables, old_scope, new_scope)
        for tbl, row in shown:
            page.row(tbl, _shape(tables[tbl]), tuple(row))
            sent.add((tbl, row.id))
        for tbl, row_id in hidden:
            page.purge(tbl, row_id, hidden=True)
            sent.add((tbl, row_id))
    driver = conn.connection.dbapi_connection.cursor()
    driver.execute(_LOG_SQL, (str(start.txid), start.seq, str(bound), list(readable), limit))
    log = driver.fetchall()  # (txid, seq, tbl, row_id, op)
    if len(log) < limit:
        # Committed changes waiting behind a still running writer: the desk gets them next time.
        held_back = conn.execute(_HELD_BACK_SQL, {"bound": str(bound), "tbls": list(readable)}).scalar()
    else:
        held_back = False
    if not log:
        return page.answer(at_least_floor, False, held_back)
    # Several entries of one row in a page: the row is sent once, at its last position.
    latest: dict[tuple[str, str], int] = {}
    for i, (_tx, _seq, tbl, row_id, _op) in enumerate(log):
        latest[(tbl, row_id)] = i
    for key in sent:
        latest.pop(key, None)
    by_table: dict[str, list[str]] = {}
    for tbl, row_id in latest:
        by_table.setdefault(tbl, []).append(row_id)
    rows: dict[tuple[str, str], tuple] = {}
    for tbl, ids in by_table.items():
        shape = _shape(tables[tbl])
        driver.execute(shape.sql, (_pg_array(ids),))
        at = shape.id_at
        for row in driver.fetchall():
            rows[(tbl, row[at])] = row
    # In log order. When no row occurs twice (the common case) that is the order `latest` has already.
    ordered = latest.items() if len(latest) == len(log) else sorted(latest.items(), key=itemgetter(1))
    shapes = {tbl: _shape(tables[tbl]) for tbl in by_table}
    for (tbl, row_id), i in ordered:
        row = rows.get((tbl, row_id))
        if row is None:
            if log[i][4] == "purge":
                page.purge(tbl, row_id)
            # else: purged after this entry; its purge entry follows in a later page.
            continue
        shape = shapes[tbl]
        if readable[tbl].scoped:
            named = shape.row_type._make(row)
            if not new_scope.visible(tbl, named):
                # Outside the scope. The desk may hold it only if it hangs off a suggestion the desk knows
                # (e.g. a review reassigned to someone else): then it must go; otherwise say nothing.
                if suggestion_of(tbl, named) in old_scope.suggestions | new_scope.suggestions:
                    page.purge(tbl, row_id, hidden=True)
                continue
        page.row(tbl, shape, row)
    last = log[-1]
    more = len(log) == limit
    position = (int(last[0]), last[1])
    if not more:
        position = max(position, floor)
    return page.answer(Cursor(*position, fingerprint, digest), more, held_back)
