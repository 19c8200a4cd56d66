"""Opening a data file safely: check it, back it up, migrate it in one transaction.

A failing migration leaves the file exactly as it was: foreign keys are off during the upgrade (a batch
rebuild with foreign keys on deletes child rows through ON DELETE CASCADE), the whole upgrade runs in one
SQLite transaction, and `PRAGMA foreign_key_check` must come back empty before it commits."""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text

from ..core.errors import DataFileError
from . import search
from .base import Base
from .engine import make_engine, sqlite_url

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


def migrations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "migrations"


def alembic_config(url: str | None = None, script_location: Path | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def known_revisions(script_location: Path | None = None) -> tuple[set[str], str]:
    """All revision ids and the head, read from the version files without importing Alembic.

    Alembic costs ~0.1 s to import; a start-up with nothing to migrate does not need it."""
    revisions, downs = set(), set()
    for path in (script_location or migrations_dir()).joinpath("versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REV.search(source)
        if rev:
            revisions.add(rev.group(1))
            down = _DOWN.search(source)
            if down:
                downs.add(down.group(1))
    heads = revisions - downs
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return revisions, heads.pop()


def head_revision(script_location: Path | None = None) -> str:
    return known_revisions(script_location)[1]


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What migrations and the drift check compare: not the local FTS5 indexes (and their shadow
    tables), not SQLite internals, not the sync service's own srv_* tables."""
    if type_ == "table" and name and name.startswith((search.FTS_PREFIX, "sqlite_", "srv_")):
        return False
    return True


@dataclass
class OpenResult:
    path: Path
    created: bool
    migrated_from: str | None
    backup: Path | None


def check_file(path: Path, script_location: Path | None = None) -> str | None:
    """Refuse files that are not SQLite, are damaged, or come from a newer version. Returns the revision."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise DataFileError(
                f"Die Datei „{path.name}“ ist keine Datendatei von Bochum Desktop (keine SQLite-Datenbank).",
                kind="not_sqlite",
                path=str(path),
            )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            has_version = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DataFileError(
            f"Die Datendatei „{path.name}“ ist beschädigt und kann nicht geöffnet werden ({exc}).",
            kind="damaged",
            path=str(path),
        ) from exc
    if result != "ok":
        raise DataFileError(
            f"Die Datendatei „{path.name}“ ist beschädigt (Integritätsprüfung: {result}).", kind="damaged", path=str(path)
        )
    if revision is None:
        if tables:
            raise DataFileError(
                f"Die Datei „{path.name}“ ist eine SQLite-Datenbank, aber keine Datendatei von Bochum Desktop.",
                kind="foreign",
                path=str(path),
            )
        return None
    if revision[0] not in known_revisions(script_location)[0]:
        raise DataFileError(
            f"Die Datendatei „{path.name}“ stammt aus einer neueren Version von Bochum Desktop. "
            "Bitte installieren Sie die aktuelle Version oder öffnen Sie eine andere Datei.",
            kind="newer",
            path=str(path),
        )
    return revision[0]


def backup_file(path: Path, backup_dir: Path, keep: int, tag: str) -> Path:
    """Online backup through SQLite's backup API (consistent even with WAL); keeps the newest `keep`."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{path.stem}-{stamp}-{tag}.sqlite"
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    backups = sorted(backup_dir.glob(f"{path.stem}-*.sqlite"))
    for old in backups[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target


def upgrade_in_one_transaction(engine: Engine, revision: str = "head", script_location: Path | None = None) -> None:
    from alembic import command

    cfg = alembic_config(script_location=script_location)
    with engine.connect() as conn:
        # The engine must come from make_engine(..., foreign_keys=False): the pragma is a no-op
        # inside a transaction, so it is set when the connection opens.
        with conn.begin():
            if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
                raise RuntimeError("migrations must run with foreign keys off")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
            ensure_search_indexes(conn)


def ensure_search_indexes(conn) -> None:
    """Create missing FTS5 tables and fill them from their rows; re-index all when the index format
    (search.INDEX_VERSION) changed since the file was last opened."""
    from sqlalchemy.orm import Session

    existing = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    stored = None
    if "local_meta" in existing:
        stored = conn.execute(text("SELECT value FROM local_meta WHERE key = 'fts_version'")).scalar()
    outdated = stored != search.INDEX_VERSION
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if not getattr(model, "__search_fields__", ()):
            continue
        name = model.__table__.name
        if name not in existing:
            continue
        if search.fts_table(name) not in existing:
            conn.execute(text(search.create_sql(name)))
            search.rebuild(Session(bind=conn), model)
        elif outdated:
            search.rebuild(Session(bind=conn), model)
    if outdated and "local_meta" in existing:
        conn.execute(text("DELETE FROM local_meta WHERE key = 'fts_version'"))
        conn.execute(text("INSERT INTO local_meta(key, value) VALUES ('fts_version', :v)"), {"v": search.INDEX_VERSION})


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_data_file(path: Path, backup_dir: Path, keep: int = 5, script_location: Path | None = None) -> OpenResult:
    """Check, back up and migrate a data file; create it if missing. Raises DataFileError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    revision = check_file(path, script_location)
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
                ensure_search_indexes(conn)
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
