"""Database handle and unit of work: one short transaction per use case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..core.clock import Clock
from . import capture
from .base import personal_columns
from .engine import WRITE_OPTION


class Database:
    """Owns the engine and the session factory. Services receive it (via the app context)."""

    def __init__(self, engine: Engine, clock: Clock | None = None, user: str = "", schema_version: str = "") -> None:
        self.engine = engine
        self.clock = clock or Clock()
        self.user = user
        self.schema_version = schema_version
        self._factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        capture.install(self._factory)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self, write: bool = False, **info) -> Session:
        session = self._factory(bind=self._write_engine) if write else self._factory()
        session.info.update(
            clock=self.clock, user=self.user, **{capture.SCHEMA_VERSION_KEY: self.schema_version}, **info
        )
        return session

    @contextmanager
    def unit_of_work(self, note: str | None = None, **info) -> Iterator[Session]:
        """Commit on success, roll back everything on any exception: nothing is half written."""
        session = self.session(write=True, audit_note=note, **info)
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.session()
        try:
            yield session
        finally:
            # close() (not rollback()) so loaded rows stay readable after the block.
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def soft_delete(session: Session, obj) -> None:
    """Tombstone a synced row: set deleted_at and clear personal data at once (sync.md)."""
    obj.deleted_at = session.info["clock"].now()
    mapper = inspect(obj).mapper
    for name in personal_columns(mapper.local_table):
        column = mapper.local_table.columns[name]
        attr = mapper.get_property_by_column(column).key
        setattr(obj, attr, None if column.nullable else "")
