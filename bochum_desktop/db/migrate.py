"""Opening a data file safely: check it, back it up, migrate it in one transaction.

A failing migration leaves the file exactly as it was: foreign keys are off during the upgrade (a batch
rebuild with foreign keys on deletes child rows through ON DELETE CASCADE), the whole upgrade runs in one
SQLite transaction, and `PRAGMA foreign_key_check` must come back empty before it commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from ..core.errors import DataFileError
from . import search
from .base import Base
from .datafile import (  # noqa: F401 - re-exported: the ORM-side API of opening a data file
    SQLITE_MAGIC,
    backup_file,
    check_file,
    head_revision,
    known_revisions,
    migrations_dir,
)
from .engine import make_engine, sqlite_url

log = logging.getLogger(__name__)

def alembic_config(url: str | None = None, script_location: Path | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What migrations and the drift check compare: not the local FTS5 indexes (and their shadow
    tables), not SQLite internals, not the sync service's own srv_* tables."""
    if type_ == "table" and name and name.startswith((search.FTS_PREFIX, "sqlite_", "srv_")):
        return False
    return True


def ignore_sort_index_reflection() -> None:
    """SQLAlchemy cannot reflect the German sort indexes (on an expression) and warns each time it reads the
    schema; they are not part of the models (search.sort_index_sql), so comparing and batch-migrating
    rightly leave them out - a batch rebuild of their table drops them and ensure_search_indexes, run
    after every upgrade, makes them again."""
    import warnings

    warnings.filterwarnings(
        "ignore", message=f"Skipped unsupported reflection of expression-based index {search.SORT_INDEX_PREFIX}"
    )


@dataclass
class OpenResult:
    path: Path
    created: bool
    migrated_from: str | None
    backup: Path | None


def upgrade_in_one_transaction(engine: Engine, revision: str = "head", script_location: Path | None = None) -> None:
    from alembic import command

    cfg = alembic_config(script_location=script_location)
    with engine.connect() as conn:
        # The engine must come from make_engine(..., foreign_keys=False): the pragma is a no-op
        # inside a transaction, so it is set when the connection opens.
        with conn.begin():
            if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
                raise RuntimeError("migrations must run with foreign keys off")
            # Derived data, made again below: a migration never writes through an index of a function that may
            # have changed with this version (SQLite calls a row's index entry missing then).
            for index in _sort_indexes(conn):
                conn.exec_driver_sql(f'DROP INDEX "{index}"')
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
            ensure_search_indexes(conn)


def _sort_indexes(conn) -> dict[str, str]:
    """The German sort indexes in the file: name -> table."""
    rows = conn.exec_driver_sql("SELECT name, tbl_name FROM sqlite_master WHERE type='index'")
    return {name: table for name, table in rows if name.startswith(search.SORT_INDEX_PREFIX)}


def ensure_search_indexes(conn, stale: Iterable[str] = ()) -> None:
    """Create missing FTS5 tables and fill them from their rows, and the German sort indexes; re-index all
    when the folding or the index format (search.INDEX_VERSION) changed since the file was last opened, and
    make the sort indexes in `stale` anew (found out of step by the integrity check, datafile.check_file)."""
    existing = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    stored = None
    if "local_meta" in existing:
        stored = conn.execute(text("SELECT value FROM local_meta WHERE key = 'fts_version'")).scalar()
    outdated = stored != search.INDEX_VERSION
    sort_indexes = _sort_indexes(conn)
    stale = set(stale)
    for mapper in Base.registry.mappers:
        model = mapper.class_
        name = model.__table__.name
        if name not in existing:
            continue
        wanted = {search.sort_index_name(name, field) for field in getattr(model, "__sort_fields__", ())}
        for index, table in sort_indexes.items():
            # Of a model loaded here: one no longer asked for, or one whose order may not match bochum_fold().
            if table == name and (index not in wanted or outdated or index in stale):
                conn.exec_driver_sql(f'DROP INDEX "{index}"')
        for field in getattr(model, "__sort_fields__", ()):
            conn.exec_driver_sql(search.sort_index_sql(name, field))
        if not getattr(model, "__search_fields__", ()):
            continue
        if search.fts_table(name) not in existing or outdated:
            search.rebuild(conn, model)  # (creates the index table)
    if outdated and "local_meta" in existing:
        conn.execute(text("DELETE FROM local_meta WHERE key = 'fts_version'"))
        conn.execute(text("INSERT INTO local_meta(key, value) VALUES ('fts_version', :v)"), {"v": search.INDEX_VERSION})


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_data_file(path: Path, backup_dir: Path, keep: int = 5, script_location: Path | None = None,
                   check_integrity: bool = True) -> OpenResult:
    """Check, back up and migrate a data file; create it if missing. Raises DataFileError.

    `check_integrity=False` only when the caller has run the integrity check itself (the quick start)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stale: set[str] = set()
    revision = check_file(path, script_location, integrity=check_integrity, stale_sort_indexes=stale)
    if stale:
        log.warning("German sort indexes %s of %s out of step with their rows: made anew", sorted(stale), path)
    created = not path.exists() or path.stat().st_size == 0
    head = head_revision(script_location)
    backup = None
    if revision != head:
        if not created:
            backup = backup_file(path, backup_dir, keep, tag=f"vor-{head}")
            log.info("backed up %s to %s before migrating %s -> %s", path, backup, revision, head)
        engine = make_engine(sqlite_url(path), foreign_keys=False)
        try:
            upgrade_in_one_transaction(engine, script_location=script_location)
        except Exception as exc:
            log.exception("migration of %s failed", path)
            raise DataFileError(
                f"Die Datendatei „{path.name}“ konnte nicht auf den neuen Stand gebracht werden. "
                f"Sie ist unverändert geblieben; eine Sicherung liegt in {backup_dir}. ({exc})",
                kind="migration_failed",
                path=str(path),
            ) from exc
        finally:
            engine.dispose()
    else:
        engine = make_engine(sqlite_url(path))
        try:
            with engine.begin() as conn:
                ensure_search_indexes(conn, stale)
        finally:
            engine.dispose()
    return OpenResult(path=path, created=created, migrated_from=revision, backup=backup)


def create_schema_file(path: Path) -> None:
    """A data file built from the models and stamped at head: for tests and benchmarks only."""
    from alembic import command

    engine = make_engine(sqlite_url(path), foreign_keys=False)
    try:
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "head")
            ensure_search_indexes(conn)
    finally:
        engine.dispose()
