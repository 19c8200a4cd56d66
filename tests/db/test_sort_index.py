"""The German sort index of the employee list: every opened file has it, checking a file with it works, and it
is made again after anything that could leave it out of date or missing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bochum_desktop.core.errors import DataFileError
from bochum_desktop.db import search
from bochum_desktop.db.datafile import check_file
from bochum_desktop.db.migrate import head_revision, open_data_file
from bochum_desktop.reference.service import EmployeeData, ReferenceService

INDEX = search.sort_index_name("employee", "last_name")
# The statement the employee list sorts by name with (ui/table_model.py: folded name, then id).
LIST_SQL = ("SELECT employee.id FROM employee LEFT OUTER JOIN org_unit ON employee.org_unit_id = org_unit.id "
            "WHERE employee.deleted_at IS NULL ORDER BY bochum_fold(employee.last_name), employee.id LIMIT 3")


def _sql(path: Path, *statements: str, fold=search.fold_for_sort) -> list[tuple]:
    """Run statements on the file through plain sqlite3 (with `fold` as bochum_fold), committed; the rows of
    the last one."""
    con = sqlite3.connect(path)
    try:
        con.create_function("bochum_fold", 1, fold, deterministic=True)
        for statement in statements:
            rows = con.execute(statement).fetchall()
        con.commit()
    finally:
        con.close()
    return rows


def _index_sql(path: Path) -> str | None:
    rows = _sql(path, f"SELECT sql FROM sqlite_master WHERE type='index' AND name='{INDEX}'")
    return rows[0][0] if rows else None


def _fill(db) -> None:
    service = ReferenceService(db)
    for number, last in [("100001", "Zander"), ("100002", "adam"), ("100003", "Özdemir"), ("100004", "Ober"),
                         ("100005", "Weiß")]:
        service.save_employee(EmployeeData(id=None, personnel_number=number, last_name=last, first_name="A"))


def test_the_list_reads_names_in_german_order_from_the_index(db):
    _fill(db)
    with db.read() as s:
        conn = s.connection()
        plan = " ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + LIST_SQL))
        ids = [r[0] for r in conn.exec_driver_sql(LIST_SQL)]
        names = {r[0]: r[1] for r in conn.exec_driver_sql("SELECT id, last_name FROM employee")}
    assert f"USING INDEX {INDEX}" in plan and "TEMP B-TREE" not in plan, plan
    assert [names[i] for i in ids] == ["adam", "Ober", "Özdemir"]


def test_a_file_with_the_index_passes_the_integrity_check(tmp_path, db, data_file):
    # The check computes bochum_fold() for the index; without it the file would be called damaged.
    _fill(db)
    db.dispose()
    assert _index_sql(data_file) is not None
    assert check_file(data_file, integrity=True) == head_revision()
    open_data_file(data_file, tmp_path / "backups")  # (checks it too)


def test_a_file_without_the_index_gets_it_when_opened(tmp_path, db, data_file):
    _fill(db)
    db.dispose()
    _sql(data_file, f'DROP INDEX "{INDEX}"')
    open_data_file(data_file, tmp_path / "backups")
    assert "bochum_fold" in _index_sql(data_file)


def _index_written_with_another_folding(data_file) -> None:
    """What a version with another fold_for_sort (or Python with other Unicode tables) leaves behind: the same
    index, its entries computed by a function that now answers differently."""
    _sql(data_file, f'REINDEX "{INDEX}"', fold=lambda v: v[::-1] if isinstance(v, str) else v)


def _integrity(data_file) -> list[str]:
    return [r[0] for r in _sql(data_file, "PRAGMA integrity_check")]


def test_an_index_from_another_folding_is_made_anew_not_called_damage(tmp_path, db, data_file):
    _fill(db)
    db.dispose()
    _index_written_with_another_folding(data_file)
    assert _integrity(data_file) != ["ok"]  # what SQLite says of it
    # Whether or not the version that changed the folding bumped INDEX_VERSION:
    stale: set[str] = set()
    assert check_file(data_file, stale_sort_indexes=stale) == head_revision()
    assert stale == {INDEX}
    open_data_file(data_file, tmp_path / "backups")
    assert _integrity(data_file) == ["ok"]
    _index_written_with_another_folding(data_file)
    _sql(data_file, "UPDATE local_meta SET value = 'older' WHERE key = 'fts_version'")
    open_data_file(data_file, tmp_path / "backups")
    assert _integrity(data_file) == ["ok"]


def test_other_damage_is_still_damage_beside_a_stale_sort_index(tmp_path, db, data_file):
    _fill(db)
    db.dispose()
    _index_written_with_another_folding(data_file)
    # An ordinary index that no longer matches its table: real damage.
    _sql(data_file, "PRAGMA writable_schema = ON",
         "UPDATE sqlite_master SET sql = replace(sql, 'personnel_number', 'last_name') "
         "WHERE name = 'ix_employee_personnel_number'")
    with pytest.raises(DataFileError) as info:
        check_file(data_file)
    assert info.value.kind == "damaged"
    assert "ix_sort_" not in info.value.message


def test_an_index_no_model_asks_for_is_dropped(tmp_path, db, data_file):
    db.dispose()
    _sql(data_file, f'CREATE INDEX "{search.SORT_INDEX_PREFIX}employee_email" ON employee (email)')
    open_data_file(data_file, tmp_path / "backups")
    names = {r[0] for r in _sql(data_file, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert f"{search.SORT_INDEX_PREFIX}employee_email" not in names
    assert INDEX in names

