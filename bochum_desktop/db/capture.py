"""Change capture: every flush of a synced row writes, in the same transaction, an outbox entry for the
sync and an audit record (who, when, field old -> new), and keeps the local full-text index current.

Services never write outbox or audit rows themselves; they just change ORM objects in a unit of work.
A pull from the sync service sets session.info["sync_apply"] so pulled rows are not pushed back."""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ..core.ids import new_id
from . import search
from .base import SYNC_COLUMNS
from .journal import AuditRecord, OutboxEntry
from .jsonvalues import to_json

SCHEMA_VERSION_KEY = "schema_version"
_INTERNAL = {"created_at", "updated_at", "server_version", "updated_by"}


def _is_synced(obj) -> bool:
    return getattr(type(obj), "__synced__", False)


def _column_attrs(obj):
    mapper = inspect(obj).mapper
    return [attr for attr in mapper.column_attrs if attr.key in {c.key for c in mapper.columns}]


def _before_flush(session: Session, _ctx, _instances) -> None:
    clock = session.info["clock"]
    user = session.info.get("user", "")
    now = clock.now()
    pulled = session.info.get("sync_apply")
    for obj in list(session.new):
        if _is_synced(obj):
            if obj.id is None:
                obj.id = new_id()
            obj.created_at = obj.created_at or now
            # A row pulled from the server keeps who changed it when; a local one is stamped now.
            if not (pulled and obj.updated_at):
                obj.updated_at = now
            if not (pulled and obj.updated_by):
                obj.updated_by = user
            if obj.server_version is None:
                obj.server_version = 0
    if pulled:
        return
    for obj in list(session.dirty):
        if _is_synced(obj) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = user


def _record(session: Session, obj, op: str, patch: dict, base: dict) -> None:
    table = type(obj).__table__.name
    now = session.info["clock"].now()
    user = session.info.get("user", "")
    if not session.info.get("sync_apply"):
        session.add(
            OutboxEntry(
                change_id=new_id(),
                tbl=table,
                row_id=obj.id,
                op=op,
                patch=patch,
                base=base,
                base_version=obj.server_version or 0,
                schema_version=session.info.get(SCHEMA_VERSION_KEY, ""),
                status="pending",
                created_at=now,
            )
        )
    audit_changes = {k: [base.get(k), v] for k, v in patch.items() if k not in _INTERNAL}
    session.add(
        AuditRecord(
            at=now,
            user=user if not session.info.get("sync_apply") else f"{user} (Sync)",
            tbl=table,
            row_id=obj.id,
            op=op,
            changes=audit_changes,
            note=session.info.get("audit_note"),
        )
    )


def _after_flush(session: Session, _ctx) -> None:
    for obj in list(session.new):
        if not _is_synced(obj):
            continue
        state = inspect(obj)
        patch = {
            attr.key: to_json(getattr(obj, attr.key))
            for attr in state.mapper.column_attrs
            if attr.key not in ("id", "server_version")
        }
        _record(session, obj, "insert", patch, {})
        search.index_object(session, obj)
    for obj in list(session.dirty):
        if not _is_synced(obj):
            continue
        state = inspect(obj)
        patch, base = {}, {}
        for attr in state.mapper.column_attrs:
            if attr.key in ("id", "server_version"):
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                new = hist.added[0] if hist.added else None
                old = hist.deleted[0] if hist.deleted else None
                if to_json(new) == to_json(old):
                    continue
                patch[attr.key] = to_json(new)
                base[attr.key] = to_json(old)
        business = set(patch) - set(SYNC_COLUMNS) - {"deleted_at"}
        if not business and "deleted_at" not in patch:
            continue
        op = "delete" if "deleted_at" in patch and patch["deleted_at"] and not base.get("deleted_at") else "update"
        _record(session, obj, op, patch, base)
        search.index_object(session, obj)
    for obj in list(session.deleted):
        if not _is_synced(obj):
            continue
        # A hard delete of a synced row is a legal erasure (purge): it removes the row everywhere.
        _record(session, obj, "purge", {}, {})
        search.remove_object(session, obj)


def install(session_factory) -> None:
    """Attach the capture listeners to a sessionmaker (idempotent).

    The flag lives on the factory itself: event.contains() keys on the id() of the factory's session
    class, which a new factory can reuse after an old one was collected, and then it would wrongly
    report the listeners as present."""
    if getattr(session_factory, "_bochum_capture_installed", False):
        return
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)
    session_factory._bochum_capture_installed = True
