"""History of a record for the 'Verlauf' tab: who changed which field from what to what, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text

from ..db.journal import AuditRecord
from ..db.session import Database

OPS_DE = {"insert": "angelegt", "update": "geändert", "delete": "gelöscht", "purge": "endgültig gelöscht"}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user: str
    op: str
    field: str
    old: object
    new: object
    note: str | None


# An initial sync pull records the rows it inserts in one record per table and page (row_id "*",
# changes = {"fields": [...], "ids": [...]}) instead of one per row; see docs/sync.md.
SUMMARY_ROW_ID = "*"


def history(db: Database, table: str, row_id: str) -> list[HistoryEntry]:
    """Newest first; one entry per changed field (an insert lists its fields with old = None)."""
    with db.read() as s:
        records = list(s.scalars(
            select(AuditRecord)
            .where(AuditRecord.tbl == table, AuditRecord.row_id == row_id)
            .order_by(AuditRecord.id.desc())
        ))
        if db.dialect == "sqlite":
            # The summary record of the initial pull that brought this row, if any.
            arrived = text(
                "SELECT audit_log.id FROM audit_log, json_each(audit_log.changes, '$.ids') AS ids "
                "WHERE audit_log.tbl = :tbl AND audit_log.row_id = :star AND ids.value = :row"
            )
            ids = [r[0] for r in s.execute(arrived, {"tbl": table, "star": SUMMARY_ROW_ID, "row": row_id})]
            if ids:
                records += s.scalars(select(AuditRecord).where(AuditRecord.id.in_(ids))).all()
                records.sort(key=lambda r: r.id, reverse=True)
    entries: list[HistoryEntry] = []
    for rec in records:
        if rec.row_id == SUMMARY_ROW_ID:
            entries.append(HistoryEntry(rec.at, rec.user, "insert", "", None, None, rec.note))
            continue
        changes = rec.changes or {}
        if not changes:
            entries.append(HistoryEntry(rec.at, rec.user, rec.op, "", None, None, rec.note))
        for field, (old, new) in sorted(changes.items()):
            entries.append(HistoryEntry(rec.at, rec.user, rec.op, field, old, new, rec.note))
    return entries
