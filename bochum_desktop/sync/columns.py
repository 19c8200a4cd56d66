"""What makes a large pull fast on the desk: format-2 pages (server/pull.py: each table's columns once, each
change an array), their new rows converted straight into SQLite's stored form and their full-text entries
made outside the page's transaction (client.pull does it in a thread of its own)."""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Table

from ..db import search
from ..db.base import UTCDateTime
from ..db.jsonvalues import from_json

# local_meta key of the previous version: its initial pull wrote the full-text index at its end and marked
# the file until then. Only removed now (client.pull); the index layout changed since, so opening such a
# file re-indexes it anyway.
KEY_SEARCH_REBUILD = "sync_search_rebuild"

# Bookkeeping columns: never treated as the desk's own edits, never shown as audit changes.
INTERNAL = frozenset({"id", "server_version", "created_at", "updated_at", "updated_by"})


def converter(column):
    """JSON value -> column value; None where the JSON value is already right (str, int, bool)."""
    impl = getattr(column.type, "impl", column.type)
    if isinstance(impl, String | Integer | Boolean) and not isinstance(impl, Numeric):
        return None
    return lambda value: from_json(column, value)


def stored_converter(column, dialect):
    """JSON value -> the value SQLite stores (what from_json + the bind processor give), for rows that are
    inserted: one step instead of two, and for UTC datetimes string slicing instead of parsing (the service
    sends `isoformat()` in UTC; anything else takes the general path). None: store the JSON value as it is."""
    proc = column.type._cached_bind_processor(dialect)
    convert = converter(column)
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
    if dialect.name == "sqlite" and isinstance(impl, Boolean):
        # sqlite3 stores True/False as 1/0, exactly what the bind processor would hand it (JSON has no
        # other value for a Boolean column).
        return None
    if convert is None:
        return proc
    if proc is None:
        return convert
    return lambda value: proc(convert(value))


def _remembered(convert):
    """convert() with the last few thousand results kept: timestamps repeat (the service stamps a whole
    pushed batch with one time), so most conversions become a dict lookup."""
    seen: dict = {}

    def remembered(value):
        out = seen.get(value)
        if out is None:
            if len(seen) >= 4096:
                seen.clear()
            out = seen[value] = convert(value)
        return out

    return remembered


class Plan:
    """How a format-2 row of one table becomes an INSERT of new rows, for one list of the service's columns
    (computed once per table and column list). Columns this desk does not know are left out, columns the
    service did not send take their default (as in format 1). (Converting UTC datetimes inside the INSERT
    with SQL string functions was tried: SQLite took 2.5 µs per value, Python's slicing 0.8 µs.)"""

    def __init__(self, table: Table, names: list[str], dialect, search_fields: tuple[str, ...]) -> None:
        known = [(i, name) for i, name in enumerate(names) if name in table.c]
        self.columns = [name for _i, name in known]
        positions = [i for i, _name in known]
        # itemgetter with one position returns the value, not a tuple; every row has at least id and version.
        self.pick = None if positions == list(range(len(names))) or len(positions) < 2 else itemgetter(*positions)
        self.convert = []
        for j, name in enumerate(self.columns):
            col = table.c[name]
            impl = getattr(col.type, "impl", col.type)
            conv = stored_converter(col, dialect)
            if conv is not None:
                self.convert.append((j, _remembered(conv) if isinstance(impl, DateTime | Date) else conv))
        self.version_at = self.columns.index("server_version")
        # Audit of a new row (when not summarised): its fields as they arrived (JSON values).
        self.audit_at = [(j, name) for j, name in enumerate(self.columns) if name not in INTERNAL]
        self.search_at = [self.columns.index(f) for f in search_fields if f in self.columns]
        self.sql = f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES ({', '.join('?' * len(self.columns))})"

    def received(self, values) -> list:
        """The known columns' JSON values, in self.columns order."""
        return list(values) if self.pick is None else list(self.pick(values))

    def row(self, values: list, version: int) -> list:
        """The parameters of the INSERT (`values` itself where nothing needs converting)."""
        if self.pick is not None or self.convert or values[self.version_at] != version:
            values = self.received(values)
            for j, conv in self.convert:
                value = values[j]
                if value is not None:
                    values[j] = conv(value)
            values[self.version_at] = version
        return values


_PLANS: dict[tuple[str, tuple[str, ...]], Plan] = {}


class Prepared:
    """The upserts of one table of a format-2 page, made ready for an INSERT before the page's transaction
    (the pull does it in its fetch thread, while the previous page is written): per row id, the INSERT's
    parameters (their merge bases are lazy: sync/bases.py). Whether a row is new is only known inside the
    transaction; rows that are not new take the general way and ignore this."""

    def __init__(self, plan: Plan, changes: list[list]) -> None:
        self.plan = plan
        self.rows: dict[str, list] = {}
        make_row = plan.row
        for change in changes:
            if change[2] == "upsert":
                self.rows[change[1]] = make_row(change[4], change[3])
        # Their full-text entries, also made here and not in the page's transaction (the writing thread is
        # the slower one of the two).
        at, body_text = plan.search_at, search.body_text
        self.bodies = {r: body_text([row[j] for j in at]) for r, row in self.rows.items()} if at else {}

    def search_entries(self, row_ids) -> list[tuple[str, str]]:
        """Full-text entries (row id, body) of these new rows."""
        bodies = self.bodies
        return [(r, bodies[r]) for r in row_ids]


def plan(model, names: list[str], dialect) -> Plan:
    key = (model.__table__.name, tuple(names))
    found = _PLANS.get(key)
    if found is None:
        found = _PLANS[key] = Plan(model.__table__, names, dialect, model.__search_fields__)
    return found


def prepare(models: dict[str, type], dialect, columns: dict[str, list[str]], changes: list[list]) -> dict[str, Prepared]:
    """Prepared upserts of a format-2 page per table (tables this desk does not know are left out)."""
    by_table: dict[str, list[list]] = {}
    for change in changes:
        if change[0] in models and change[2] == "upsert":
            by_table.setdefault(change[0], []).append(change)
    return {tbl: Prepared(plan(models[tbl], columns.get(tbl, []), dialect), items)
            for tbl, items in by_table.items()}
