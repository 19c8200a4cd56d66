"""Declarative base, naming convention and the sync mixin every business table carries."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..core.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Marker for columns holding personal data: erasure, Art. 15 export and tombstone scrubbing find them.
PERSONAL = {"personal": True}


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in and out, also on SQLite (which stores no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict: JSON(), list: JSON()}


class SyncMixin:
    """Columns every synced business table has (see docs/architecture.md, sync)."""

    __synced__ = True
    # Columns whose text goes into the local full-text index (FTS5); set per model.
    __search_fields__: tuple[str, ...] = ()
    # Text columns a list opens sorted by: each gets a local index in German order (search.sort_index_sql).
    __sort_fields__: tuple[str, ...] = ()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    server_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


SYNC_COLUMNS = ("id", "created_at", "updated_at", "server_version", "deleted_at", "updated_by")


def personal_columns(table) -> list[str]:
    return [c.name for c in table.columns if c.info.get("personal")]


def synced_tables() -> list:
    """All tables of models that carry the sync mixin, in dependency order."""
    synced = {
        m.class_.__table__.name
        for m in Base.registry.mappers
        if getattr(m.class_, "__synced__", False)
    }
    return [t for t in Base.metadata.sorted_tables if t.name in synced]
