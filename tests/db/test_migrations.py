"""Migrations: they build exactly the models' schema, run in one transaction, never lose child rows,
and a data file that cannot be used is refused with a German message and left untouched."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
import warnings
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bochum_desktop.core.errors import DataFileError
from bochum_desktop.db.base import Base
from bochum_desktop.db.engine import make_engine, sqlite_url
from bochum_desktop.db.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    ignore_sort_index_reflection,
    include_object,
    migrations_dir,
    open_data_file,
)
from bochum_desktop.db.textfold import fold_for_sort

MIGRATIONS_ENV = migrations_dir()


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _diff(path: Path) -> list:
    from bochum_desktop.models import load_all

    load_all()
    engine = make_engine(sqlite_url(path))
    try:
        with engine.connect() as conn, warnings.catch_warnings():
            ignore_sort_index_reflection()
            ctx = MigrationContext.configure(
                conn,
                opts={"compare_type": True, "include_object": include_object},
            )
            return compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_and_no_drift(tmp_path):
    path = tmp_path / "m.sqlite"
    open_data_file(path, tmp_path / "backups")
    engine = make_engine(sqlite_url(path), foreign_keys=False)
    assert current_revision(engine) == head_revision()
    assert _diff(path) == [], "models and migrations differ: generate a migration"
    cfg = alembic_config(sqlite_url(path))
    command.downgrade(cfg, "base")
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables <= {"alembic_version"} | {t for t in tables if t.startswith("fts_")}
    command.upgrade(cfg, "head")
    engine.dispose()
    assert _diff(path) == []


def _script_dir_with(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_ENV, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "9999_test.py").write_text(
        textwrap.dedent(
            f'''
            from alembic import op
            import sqlalchemy as sa

            revision = "9999"
            down_revision = "{head}"
            branch_labels = None
            depends_on = None


            def upgrade():
            '''
        )
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n\ndef downgrade():\n    pass\n"
    )
    return scripts


def _file_with_employees(tmp_path: Path, db_factory) -> Path:
    path = tmp_path / "data.sqlite"
    open_data_file(path, tmp_path / "backups")
    db = db_factory(path)
    from bochum_desktop.reference.model import Employee, OrgUnit

    with db.unit_of_work() as s:
        unit = OrgUnit(code="10", name="Personalamt")
        s.add(unit)
        s.flush()
        s.add(Employee(personnel_number="123456", last_name="Groß", first_name="Jörg", org_unit_id=unit.id))
    db.dispose()
    return path


@pytest.fixture
def db_factory(clock):
    from bochum_desktop.db.session import Database

    return lambda path: Database(make_engine(sqlite_url(path)), clock=clock, user="t")


def test_failing_migration_leaves_the_file_exactly_as_before(tmp_path, db_factory):
    path = _file_with_employees(tmp_path, db_factory)
    before = _dump(path)
    scripts = _script_dir_with(
        tmp_path,
        """
        with op.batch_alter_table("org_unit") as batch:
            batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
        op.execute("UPDATE employee SET last_name = 'kaputt'")
        raise RuntimeError("simulated failure in the middle of a migration")
        """,
    )
    with pytest.raises(DataFileError) as info:
        open_data_file(path, tmp_path / "backups", script_location=scripts)
    assert info.value.kind == "migration_failed"
    assert "unverändert" in info.value.message
    assert _dump(path) == before
    assert not any("_alembic_tmp_" in line for line in _dump(path))
    assert list((tmp_path / "backups").glob("*.sqlite")), "a backup is taken before migrating"


def test_batch_migration_of_a_parent_table_keeps_child_rows(tmp_path, db_factory):
    path = _file_with_employees(tmp_path, db_factory)
    scripts = _script_dir_with(
        tmp_path,
        """
        with op.batch_alter_table("org_unit", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
        """,
    )
    open_data_file(path, tmp_path / "backups", script_location=scripts)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT last_name FROM employee").fetchall() == [("Groß",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_a_migration_that_rebuilds_the_employee_table_keeps_its_sort_index(tmp_path, db_factory):
    # A batch rebuild copies the table without the German sort index (Alembic cannot reflect an index on an
    # expression); the upgrade makes it again in the same transaction.
    path = _file_with_employees(tmp_path, db_factory)
    scripts = _script_dir_with(
        tmp_path,
        """
        with op.batch_alter_table("employee", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
        """,
    )
    open_data_file(path, tmp_path / "backups", script_location=scripts)
    con = sqlite3.connect(path)
    try:
        assert [r[1] for r in con.execute("PRAGMA table_info(employee)")][-1] == "extra"
        index = con.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_sort_employee_last_name'").fetchone()
    finally:
        con.close()
    assert index is not None and "bochum_fold" in index[0]


def test_a_migration_writing_employees_goes_through_a_sort_index_of_another_folding(tmp_path, db_factory):
    # SQLite refuses to write through an index whose function now answers differently ("database disk image
    # is malformed"); the upgrade drops the German sort indexes first and makes them again after.
    path = _file_with_employees(tmp_path, db_factory)
    con = sqlite3.connect(path)
    con.create_function("bochum_fold", 1, lambda v: v[::-1] if isinstance(v, str) else v, deterministic=True)
    con.execute('REINDEX "ix_sort_employee_last_name"')
    con.commit()
    con.close()
    scripts = _script_dir_with(tmp_path, """
        op.execute("UPDATE employee SET last_name = last_name || '-Neu'")
        """)
    open_data_file(path, tmp_path / "backups", script_location=scripts)
    con = sqlite3.connect(path)
    con.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
    try:
        assert con.execute("SELECT last_name FROM employee").fetchall() == [("Groß-Neu",)]
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def test_backups_keep_only_the_newest(tmp_path, db_factory):
    path = _file_with_employees(tmp_path, db_factory)
    backups = tmp_path / "backups"
    from bochum_desktop.db.migrate import backup_file

    for i in range(5):
        backup_file(path, backups, keep=3, tag=f"t{i}")
    kept = sorted(backups.glob("*.sqlite"))
    assert len(kept) == 3
    assert kept[-1].name.endswith("-t4.sqlite")
    con = sqlite3.connect(kept[-1])
    assert con.execute("SELECT count(*) FROM employee").fetchone() == (1,)
    con.close()


def test_text_file_is_refused_and_not_overwritten(tmp_path):
    path = tmp_path / "liste.sqlite"
    path.write_text("Name;Vorname\nMüller;Anna\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        open_data_file(path, tmp_path / "b")
    assert info.value.kind == "not_sqlite"
    assert "keine Datendatei" in info.value.message
    assert path.read_text(encoding="utf-8").startswith("Name;Vorname")


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE kunden (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DataFileError) as info:
        open_data_file(path, tmp_path / "b")
    assert info.value.kind == "foreign"


def test_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite"
    open_data_file(path, tmp_path / "b")
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    before = _dump(path)
    with pytest.raises(DataFileError) as info:
        open_data_file(path, tmp_path / "b")
    assert info.value.kind == "newer"
    assert "neueren Version" in info.value.message
    assert _dump(path) == before


def test_damaged_file_is_refused(tmp_path):
    path = tmp_path / "broken.sqlite"
    open_data_file(path, tmp_path / "b")
    data = bytearray(path.read_bytes())
    # Keep the header, scribble over the pages behind it.
    for i in range(100, min(len(data), 8000)):
        data[i] = 0xAB
    path.write_bytes(bytes(data))
    with pytest.raises(DataFileError) as info:
        open_data_file(path, tmp_path / "b")
    assert info.value.kind == "damaged"
