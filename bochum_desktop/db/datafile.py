"""The data file before the ORM: is it ours, which schema revision, is it intact, and its backups.

Only sqlite3 and the standard library: app.py decides here, before SQLAlchemy is imported, whether a start
can show the window at once (file at the current revision) or must check and migrate first
(db/migrate.open_data_file, which uses these functions too)."""

from __future__ import annotations

import re
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from ..core.errors import DataFileError
from .textfold import INDEX_VERSION, SORT_INDEX_PREFIX, fold_for_sort

SQLITE_MAGIC = b"SQLite format 3\x00"


def migrations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "migrations"



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



_SORT_INDEX = re.compile(rf"\b{SORT_INDEX_PREFIX}\w+")


def integrity_findings(con: sqlite3.Connection) -> tuple[list[str], set[str]]:
    """What PRAGMA integrity_check finds, but for the German sort indexes; and the names of those it found out
    of step with their rows. They hold bochum_fold() of a column: after a change to the folding (or to
    Python's Unicode tables under it) they disagree with it, but they are derived data, made anew when the
    file is opened (migrate.ensure_search_indexes), not damage."""
    findings, stale = [], set()
    # Every finding, not the first 100: a stale sort index can account for one per row.
    for (line,) in con.execute("PRAGMA integrity_check(1000000000)"):
        if line == "ok":
            continue
        names = _SORT_INDEX.findall(line)
        if names:
            stale.update(names)
        else:
            findings.append(line)
    return findings, stale


def check_file(path: Path, script_location: Path | None = None, integrity: bool = True,
               stale_sort_indexes: set[str] | None = None) -> str | None:
    """Refuse files that are not SQLite, are damaged, or come from a newer version. Returns the revision;
    German sort indexes out of step with their rows are added to `stale_sort_indexes` (integrity_findings).

    `integrity=False` skips PRAGMA integrity_check (80 ms on 30 MB)."""
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
            # The German sort indexes are on bochum_fold(...): checking them calls it (db/search.py).
            con.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
            findings, stale = integrity_findings(con) if integrity else ([], set())
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
    if findings:
        raise DataFileError(
            f"Die Datendatei „{path.name}“ ist beschädigt (Integritätsprüfung: {findings[0]}).", kind="damaged",
            path=str(path),
        )
    if stale_sort_indexes is not None:
        stale_sort_indexes.update(stale)
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


def ready_without_changes(path: Path, script_location: Path | None = None) -> bool:
    """True if opening the file will change nothing: an existing Bochum data file at the head revision with a
    current search index and some data in it (an empty file gets the demo question first). Cheap, no
    integrity check; any doubt answers False and the start takes the full path (check, back up, migrate)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return False
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            index = con.execute("SELECT value FROM local_meta WHERE key = 'fts_version'").fetchone()
            has_data = con.execute("SELECT 1 FROM employee UNION ALL SELECT 1 FROM org_unit LIMIT 1").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False
    return (
        revision is not None
        and revision[0] == head_revision(script_location)
        and index is not None
        and index[0] == INDEX_VERSION
        and has_data is not None
    )
