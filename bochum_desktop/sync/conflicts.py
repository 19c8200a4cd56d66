"""The conflict queue and parked (rejected) changes, as plain data for the UI (no Qt).

A resolution is an ordinary edit of the row in a unit of work: the change capture turns it into a normal
outbox entry that the next sync pushes, so resolving needs no special protocol."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from ..core.errors import NotFoundError
from ..core.ids import new_id
from ..db.journal import OutboxEntry, SyncBase
from ..db.jsonvalues import from_json, to_json
from ..db.session import Database, soft_delete
from .apply import synced_models
from .bases import materialize
from .model import SyncConflict


@dataclass(frozen=True)
class ConflictItem:
    id: int
    tbl: str
    row_id: str
    field: str
    base: Any
    mine: Any
    theirs: Any
    current: Any  # what the row holds on this desk now (the service's value after the pull)
    created_at: datetime


@dataclass(frozen=True)
class RejectedItem:
    seq: int
    tbl: str
    row_id: str
    op: str
    patch: dict
    error: str
    created_at: datetime


def list_conflicts(db: Database) -> list[ConflictItem]:
    models = synced_models()
    out = []
    with db.read() as session:
        for c in session.scalars(select(SyncConflict).order_by(SyncConflict.id)):
            model = models.get(c.tbl)
            obj = session.get(model, c.row_id) if model else None
            current = None
            if obj is not None and c.field in model.__table__.c:
                current = to_json(getattr(obj, c.field))
            out.append(ConflictItem(c.id, c.tbl, c.row_id, c.field, c.base, c.mine, c.theirs, current, c.created_at))
    return out


def resolve(db: Database, conflict_id: int, value: Any) -> None:
    """Set the field to `value` (JSON form: mine, theirs or an edited value) and close the conflict.

    For a `deleted_at` conflict a non-null value deletes the row (personal data cleared) and None restores it."""
    models = synced_models()
    with db.unit_of_work(note="Konflikt gelöst") as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise NotFoundError("Dieser Konflikt ist bereits erledigt.")
        model = models.get(conflict.tbl)
        obj = session.get(model, conflict.row_id) if model else None
        if obj is not None:
            if conflict.field == "deleted_at":
                if value is not None and obj.deleted_at is None:
                    soft_delete(session, obj)
                elif value is None and obj.deleted_at is not None:
                    obj.deleted_at = None
            else:
                column = model.__table__.c[conflict.field]
                setattr(obj, conflict.field, from_json(column, value))
        session.delete(conflict)


def list_rejected(db: Database) -> list[RejectedItem]:
    with db.read() as session:
        return [
            RejectedItem(e.seq, e.tbl, e.row_id, e.op, dict(e.patch), e.error or "", e.created_at)
            for e in session.scalars(select(OutboxEntry).where(OutboxEntry.status == "rejected").order_by(OutboxEntry.seq))
        ]


def retry_rejected(db: Database, seq: int) -> None:
    """After the cause was fixed on the service (e.g. a role granted): send the change again."""
    with db.unit_of_work() as session:
        entry = session.get(OutboxEntry, seq)
        if entry is None:
            raise NotFoundError("Diese Änderung gibt es nicht mehr.")
        # A new change id: the service stored its verdict on the old one.
        entry.change_id, entry.status, entry.error = new_id(), "pending", None


def discard_rejected(db: Database, seq: int) -> None:
    """Drop a parked change and put the row back to its last-synced state (an insert goes away)."""
    from .apply import PageApplier, write_transaction

    with write_transaction(db.engine, foreign_keys=False) as conn:
        entry = conn.execute(select(OutboxEntry.tbl, OutboxEntry.row_id).where(OutboxEntry.seq == seq)).first()
        if entry is None:
            return
        materialize(conn, [(entry.tbl, entry.row_id)])  # (a lazy base is defined by the entry deleted next)
        conn.execute(delete(OutboxEntry).where(OutboxEntry.seq == seq))
        base = conn.execute(
            select(SyncBase.version, SyncBase.data).where(SyncBase.tbl == entry.tbl, SyncBase.row_id == entry.row_id)
        ).first()
        applier = PageApplier(conn, db.user, db.clock.now(), note="Abgelehnte Änderung verworfen")
        if base is None:
            applier.apply([{"tbl": entry.tbl, "id": entry.row_id, "op": "purge", "version": None, "data": None}])
        else:
            op = "delete" if base.data.get("deleted_at") else "upsert"
            applier.apply([{"tbl": entry.tbl, "id": entry.row_id, "op": op, "version": base.version, "data": base.data}])
