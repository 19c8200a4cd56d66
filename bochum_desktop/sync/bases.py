"""Lazy merge bases: the sync_base row of a row the pull inserted is written only when it is needed.

A pull that inserts a new row (no local copy, no outbox entry) does not write its sync_base row: the base
of such a row is by definition the row as pulled, and the row itself still says what that was. Rule:

    A synced row with server_version > 0 and no sync_base row has as its base the row's current values
    with every field an outbox entry (pending or rejected) of that row changed set back to the `base` of
    the OLDEST entry that changed it, at version = the row's server_version.

Why this holds: after such a pull only two things change the row without writing a concrete base: local
edits, which the change capture records in the outbox with the old values (db/capture.py), and nothing
else — every later pull of the row writes a concrete base (apply.PageApplier._apply_table), and a pull
never overwrites a field with pending local changes. The push's three-way merge does not read sync_base
at all: each outbox entry carries its own `base` and `base_version`, so a conflict shows the pulled value
as base, not an edited one.

The rule only breaks once outbox entries of the row go away while the row keeps their values; so
`materialize` writes the concrete base first, in the same transaction, wherever that happens: the
acknowledgement of a push (client.SyncClient._acknowledge) and discarding a parked change
(conflicts.discard_rejected). A purge removes row, outbox and base together and needs nothing. A row
with server_version 0 (inserted locally, not yet acknowledged) has no base, as before."""

from __future__ import annotations

from collections.abc import Iterable

import orjson
from sqlalchemy import Connection

from ..db.jsonvalues import to_json
from .apply import rows_by_id, synced_models


def lazy_base(conn: Connection, tbl: str, row_id: str) -> tuple[int, dict] | None:
    """(version, data) of a row whose base is lazy, without writing it; None if the row has a stored base
    or none at all."""
    return _compute(conn, tbl, [row_id]).get(row_id)


def materialize(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Write the concrete sync_base row of every (tbl, row id) in `keys` whose base is lazy (inside the
    caller's transaction, before outbox entries of those rows are deleted). Returns the data written per
    (tbl, row id)."""
    by_table: dict[str, set[str]] = {}
    for tbl, row_id in keys:
        by_table.setdefault(tbl, set()).add(row_id)
    written: dict[tuple[str, str], dict] = {}
    params = []
    for tbl, ids in by_table.items():
        for row_id, (version, data) in _compute(conn, tbl, sorted(ids)).items():
            written[(tbl, row_id)] = data
            params.append((tbl, row_id, version, orjson.dumps(data).decode()))
    if params:
        conn.exec_driver_sql("INSERT INTO sync_base (tbl, row_id, version, data) VALUES (?, ?, ?, ?)", params)
    return written


def _compute(conn: Connection, tbl: str, ids: list[str]) -> dict[str, tuple[int, dict]]:
    model = synced_models().get(tbl)
    if model is None or not ids:
        return {}
    # Rows inserted here and not yet acknowledged (server_version 0) have no base at all.
    rows = rows_by_id(conn, model.__table__, ids,
                      " AND server_version > 0 AND id NOT IN (SELECT row_id FROM sync_base WHERE tbl = ?)", (tbl,))
    if not rows:
        return {}
    out: dict[str, tuple[int, dict]] = {
        row_id: (values["server_version"], {name: to_json(value) for name, value in values.items()})
        for row_id, values in rows.items()}
    reverted: dict[str, set[str]] = {}
    for row_id, base in conn.exec_driver_sql(
        "SELECT row_id, base FROM sync_outbox WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))"
        " ORDER BY seq", (tbl, orjson.dumps(list(rows)).decode()),
    ):
        data, done = out[row_id][1], reverted.setdefault(row_id, set())
        for name, value in orjson.loads(base).items():
            # The oldest entry that changed a field holds its value as pulled; later ones hold edits.
            if name not in done and name in data:
                data[name] = value
                done.add(name)
    return out
