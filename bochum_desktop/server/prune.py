"""Retention: tombstones and change-log history older than the longest allowed offline period go.

A desk whose cursor lies before the pruned history gets a "resync" answer on its next pull."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from .schema import meta, row_meta, scope, table_by_name


def prune(conn: Connection, now: datetime, retention: timedelta) -> dict:
    cutoff = now - retention
    tables = table_by_name()
    removed = 0
    for entry in conn.execute(
        select(row_meta.c.tbl, row_meta.c.row_id).where(
            row_meta.c.deleted_at.is_not(None), row_meta.c.deleted_at < cutoff, row_meta.c.purged_at.is_(None)
        )
    ).all():
        table = tables.get(entry.tbl)
        if table is None:
            continue
        try:
            with conn.begin_nested():
                conn.execute(delete(table).where(table.c.id == entry.row_id))
                conn.execute(
                    update(row_meta)
                    .where(row_meta.c.tbl == entry.tbl, row_meta.c.row_id == entry.row_id)
                    .values(purged_at=now)
                )
                removed += 1
        except Exception:  # still referenced by a live row: keep the tombstone for now
            continue
    # (ORDER BY gone.txid: the xid8, not the text form of the SELECT list, which sorts "10" before "9".)
    # Old entries go unless they are the latest entry of a row that still exists (a fresh desk's full
    # pull is driven by the log, so every live row keeps one entry).
    floor = conn.execute(
        text(
            """
            WITH doomed AS (
              SELECT l.seq, l.txid FROM srv_change_log l
              WHERE l.logged_at < :cutoff
                AND (EXISTS (SELECT 1 FROM srv_change_log n
                             WHERE n.tbl = l.tbl AND n.row_id = l.row_id AND (n.txid, n.seq) > (l.txid, l.seq))
                     OR EXISTS (SELECT 1 FROM srv_row_meta m
                                WHERE m.tbl = l.tbl AND m.row_id = l.row_id AND m.purged_at IS NOT NULL))
            ), gone AS (
              DELETE FROM srv_change_log c USING doomed d WHERE c.seq = d.seq RETURNING c.txid, c.seq
            )
            SELECT txid::text AS txid, seq FROM gone ORDER BY gone.txid DESC, gone.seq DESC LIMIT 1
            """
        ),
        {"cutoff": cutoff},
    ).first()
    # Row-level scopes no cursor used within the retention: such a desk gets a resync anyway.
    conn.execute(delete(scope).where(scope.c.used_at < cutoff))
    deleted_entries = 0
    if floor is not None:
        value = f"{floor.txid}.{floor.seq}"
        current = conn.execute(select(meta.c.value).where(meta.c.key == "history_floor")).scalar()
        if current is None or tuple(map(int, current.split("."))) < (int(floor.txid), floor.seq):
            stmt = pg_insert(meta).values(key="history_floor", value=value)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
        deleted_entries = 1
    return {"tombstones_removed": removed, "history_pruned": bool(deleted_entries)}
