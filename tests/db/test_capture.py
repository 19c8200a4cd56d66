"""Every change of a synced row writes an outbox entry and an audit record in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import AuditRecord, OutboxEntry
from bochum_desktop.db.session import soft_delete
from bochum_desktop.reference.model import Employee, OrgUnit


def _outbox(db):
    with db.read() as s:
        return s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()


def test_insert_writes_outbox_with_all_fields_and_sync_columns(db, clock):
    with db.unit_of_work() as s:
        unit = OrgUnit(code="10", name="Personalamt")
        s.add(unit)
    entries = _outbox(db)
    assert [e.op for e in entries] == ["insert"]
    entry = entries[0]
    assert entry.row_id == unit.id and entry.tbl == "org_unit"
    assert entry.patch["name"] == "Personalamt" and entry.base == {} and entry.base_version == 0
    assert unit.created_at == clock.now() and unit.updated_by == "tester"
    assert len(unit.id) == 36 and unit.id[14] == "7"  # UUIDv7


def test_update_patch_holds_only_changed_fields_and_their_base(db, clock):
    with db.unit_of_work() as s:
        unit = OrgUnit(code="10", name="Personalamt")
        s.add(unit)
    clock.advance(minutes=5)
    with db.unit_of_work() as s:
        s.get(OrgUnit, unit.id).name = "Personal- und Organisationsamt"
    update = _outbox(db)[-1]
    assert update.op == "update"
    assert update.patch["name"] == "Personal- und Organisationsamt"
    assert update.base["name"] == "Personalamt"
    assert "code" not in update.patch
    with db.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.op == "update")).one()
    assert audit.changes == {"name": ["Personalamt", "Personal- und Organisationsamt"]}
    assert audit.user == "tester"


def test_soft_delete_is_a_delete_and_clears_personal_columns(db):
    with db.unit_of_work() as s:
        emp = Employee(personnel_number="123456", last_name="Müller", first_name="Anna", email="a@bochum.de")
        s.add(emp)
    with db.unit_of_work() as s:
        soft_delete(s, s.get(Employee, emp.id))
    last = _outbox(db)[-1]
    assert last.op == "delete"
    with db.read() as s:
        row = s.get(Employee, emp.id)
    assert row.deleted_at is not None and row.last_name == "" and row.email is None


def test_failed_use_case_leaves_no_outbox_or_audit(db):
    with pytest.raises(RuntimeError), db.unit_of_work() as s:
        s.add(OrgUnit(code="20", name="Kämmerei"))
        s.flush()
        raise RuntimeError("boom")
    assert _outbox(db) == []
    with db.read() as s:
        assert s.scalars(select(AuditRecord)).all() == []
        assert s.scalars(select(OrgUnit)).all() == []


def test_sync_apply_writes_no_outbox(db):
    with db.unit_of_work(sync_apply=True) as s:
        s.add(OrgUnit(code="30", name="Stadtkasse"))
    assert _outbox(db) == []


def test_every_new_database_captures_changes(data_file, clock):
    """Regression: a Database created after others were collected must still get its listeners."""
    import gc

    from bochum_desktop.db.engine import make_engine, sqlite_url
    from bochum_desktop.db.session import Database

    engine = make_engine(sqlite_url(data_file))
    for i in range(40):
        database = Database(engine, clock=clock, user="t")
        with database.session() as s:
            unit = OrgUnit(code=str(i), name="x")
            s.add(unit)
            s.flush()
            assert unit.created_at is not None, f"database {i} had no capture listeners"
            s.rollback()
        del database
        gc.collect()
    engine.dispose()


def test_search_index_follows_edits_and_deletes(db):
    from bochum_desktop.reference.service import ReferenceService

    with db.unit_of_work() as s:
        emp = Employee(personnel_number="765432", last_name="Jäger", first_name="Sören")
        s.add(emp)
    service = ReferenceService(db)
    assert [e.id for e in service.find_employees("JAGER")] == [emp.id]
    with db.unit_of_work() as s:
        s.get(Employee, emp.id).last_name = "Förster"
    assert service.find_employees("Jäger") == []
    assert [e.id for e in service.find_employees("forster soren")] == [emp.id]
    with db.unit_of_work() as s:
        soft_delete(s, s.get(Employee, emp.id))
    assert service.find_employees("765432") == []
    with db.read() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT count(*) FROM fts_employee")).scalar() == 0


def test_a_save_waits_for_a_background_commit_instead_of_failing(db, data_file):
    """Regression: a use case reads, another connection (sync, import) commits, then the use case writes.
    With a deferred BEGIN SQLite refuses that write at once ("database is locked")."""
    import sqlite3
    import threading

    from sqlalchemy import select

    with db.unit_of_work() as s:
        s.add(OrgUnit(code="10", name="Personalamt"))
    started, release = threading.Event(), threading.Event()

    def background_writer():
        con = sqlite3.connect(data_file, timeout=10)
        started.wait(5)
        con.execute("UPDATE org_unit SET name = 'Personal- und Organisationsamt'")
        con.commit()
        release.set()
        con.close()

    worker = threading.Thread(target=background_writer)
    worker.start()
    with db.unit_of_work() as s:
        unit = s.scalars(select(OrgUnit)).one()  # read first ...
        started.set()
        release.wait(0.5)  # ... the background commit cannot happen while we hold the write lock
        unit.code = "11"  # ... then write
    worker.join(10)
    with db.read() as s:
        final = s.scalars(select(OrgUnit)).one()
    assert (final.code, final.name) == ("11", "Personal- und Organisationsamt")
