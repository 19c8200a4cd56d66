"""Local bookkeeping tables: the sync outbox, the sync base, and the audit log.

They are not business tables (no sync mixin): the outbox and sync base belong to this desk,
the audit log records what happened on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class OutboxEntry(Base):
    """One local change waiting to be pushed (sync.md: desk side)."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    tbl: Mapped[str] = mapped_column(String(64), index=True)
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))  # insert / update / delete / purge
    patch: Mapped[dict] = mapped_column(JSON)
    base: Mapped[dict] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer)
    schema_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)  # pending / rejected
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncBase(Base):
    """Last-synced values of a row: the base of the three-way merge."""

    __tablename__ = "sync_base"

    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)


class AuditRecord(Base):
    """Append-only: who changed which field of which row from what to what, and when."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_row", "tbl", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user: Mapped[str] = mapped_column(String(100))
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))
    changes: Mapped[dict] = mapped_column(JSON)  # field -> [old, new]
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


class LocalMeta(Base):
    """Key/value facts about this data file (desk id, sync cursor, demo data loaded, ...)."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
