"""Search as users type it: case, umlauts and ß do not matter, and old data files are re-indexed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from bochum_desktop.db import search
from bochum_desktop.db.migrate import open_data_file
from bochum_desktop.reference.service import EmployeeData, ReferenceService


def _add(service, number, last, first):
    return service.save_employee(EmployeeData(id=None, personnel_number=number, last_name=last, first_name=first))


def test_sharp_s_umlauts_and_case(db):
    service = ReferenceService(db)
    weiss = _add(service, "100001", "Weiß", "Jürgen")
    _add(service, "100002", "Weise", "Anna")
    for typed in ("Weiß", "weiss", "WEISS", "weiß jürgen", "Weiss Jurgen"):
        assert [e.id for e in service.find_employees(typed)] == [weiss.id], typed
    assert len(service.find_employees("wei")) == 2


def test_outdated_index_is_rebuilt_when_the_file_is_opened(tmp_path, db, data_file):
    service = ReferenceService(db)
    weiss = _add(service, "100001", "Weiß", "Jürgen")
    db.dispose()
    con = sqlite3.connect(data_file)
    # What an older version wrote: the raw text, and no index version.
    con.execute("UPDATE fts_employee SET body = 'Weiß Jürgen'")
    con.execute("DELETE FROM local_meta WHERE key = 'fts_version'")
    con.commit()
    con.close()
    assert service.find_employees("weiss") == []
    open_data_file(data_file, tmp_path / "backups")
    assert [e.id for e in service.find_employees("weiss")] == [weiss.id]
    con = sqlite3.connect(data_file)
    assert con.execute("SELECT value FROM local_meta WHERE key='fts_version'").fetchone() == (search.INDEX_VERSION,)
    con.close()


def _entries(db) -> list[tuple[int, str, str]]:
    with db.read() as s:
        return [tuple(r) for r in s.connection().exec_driver_sql("SELECT rowid, row_id, body FROM fts_employee ORDER BY rowid")]


def test_entries_are_appended_and_found_by_row_id_through_an_index(db):
    """Entries take FTS5's own growing rowids, so writing them appends (a hash of the id as rowid wrote pages
    all over the file: a large pull took four times as long); the entry of a row is found for an edit or a
    delete through an index on the row ids, not by scanning the whole index."""
    service = ReferenceService(db)
    first = _add(service, "100001", "Weiß", "Jürgen")
    second = _add(service, "100002", "Weise", "Anna")
    assert [row_id for _rowid, row_id, _body in _entries(db)] == [first.id, second.id]
    with db.read() as s:
        plan = s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM fts_employee_content WHERE c0 = ?", ("x",)).all()
    assert "INDEX fts_employee_row" in plan[0][-1]
    service.save_employee(replace(service.get_employee(first.id), last_name="Weißmann"))
    service.delete_employee(second.id)
    assert [(row_id, body) for _rowid, row_id, body in _entries(db)] == [(first.id, "100001 weissmann jurgen")]
    assert [e.id for e in service.find_employees("weissmann")] == [first.id]
    assert service.find_employees("anna") == []


def test_entries_stay_with_their_rows_when_a_table_is_rebuilt_or_the_file_vacuumed(db, data_file):
    """A batch migration copies a table into a new one, and VACUUM may renumber the rowids of tables without
    an integer key (the business tables): the index keeps the row ids themselves, so it does not care."""
    from bochum_desktop.reference.model import Employee

    service = ReferenceService(db)
    people = [_add(service, f"10000{i}", last, "Anna") for i, last in enumerate(["Adler", "Berg", "Conrad"])]
    with db.unit_of_work() as s:  # a legal erasure
        s.delete(s.get(Employee, people[0].id))
    db.dispose()
    con = sqlite3.connect(data_file)
    before = con.execute("SELECT rowid, id FROM employee ORDER BY rowid").fetchall()
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'employee'").fetchone()[0]
    con.executescript(  # what Alembic's batch mode does, here in another row order
        "PRAGMA foreign_keys = OFF; BEGIN;"
        f"{sql.replace('CREATE TABLE employee', 'CREATE TABLE _tmp_employee', 1)};"
        "INSERT INTO _tmp_employee SELECT * FROM employee ORDER BY id DESC;"
        "DROP TABLE employee; ALTER TABLE _tmp_employee RENAME TO employee; COMMIT; VACUUM;")
    assert con.execute("SELECT rowid, id FROM employee ORDER BY rowid").fetchall() != before  # renumbered
    con.close()
    service.save_employee(replace(service.get_employee(people[2].id), last_name="Dorn"))
    assert [e.id for e in service.find_employees("dorn")] == [people[2].id]
    assert service.find_employees("conrad") == [] and [e.id for e in service.find_employees("berg")] == [people[1].id]
    assert sorted(row_id for _rowid, row_id, _body in _entries(db)) == sorted(p.id for p in people[1:])


@pytest.mark.parametrize("text", ["Müller", "MÜLLER", "Weiß", "Straße", "Ayşe Özdemir", "İstanbul", "ﬁnanz", "ΣΊΣΥΦΟΣ",
                                  "Zoë Noël", "e\u0301cole", "Ørsted Łódź", "東京", "a\U0001F600b", "plain ascii 123"])
def test_the_fast_fold_equals_folding_the_whole_string(text):
    """normalise folds character by character through a lookup table (fast for large pulls); it must give
    what casefold + NFKD + dropping combining marks give for the whole string - the search index's definition."""
    import unicodedata

    from bochum_desktop.db.textfold import normalise

    whole = unicodedata.normalize("NFKD", text.casefold())
    assert normalise(text) == "".join(c for c in whole if not unicodedata.combining(c))


@pytest.mark.parametrize("values", [("100001", "Weiß", "Jürgen", "j.weiss@bochum.de"), ("Müller", None, "", "ANNA"),
                                    (20261126, "Ayşe", "ÖZDEMİR"), ()])
def test_the_indexed_text_is_the_whole_text_folded(values):
    """body_text folds field by field (ASCII fields the quick way); that is the joined text folded."""
    from bochum_desktop.db.textfold import normalise

    assert search.body_text(values) == normalise(" ".join(str(v) for v in values if v))
