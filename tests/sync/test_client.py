"""Desk-side behaviour: what a user relies on when two desks share data through the service."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import AuditRecord, OutboxEntry, SyncBase
from bochum_desktop.db.search import filter_ids
from bochum_desktop.db.session import soft_delete
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.sync.apply import SUMMARY_ROW_ID
from bochum_desktop.sync.bases import lazy_base
from bochum_desktop.sync.client import status
from bochum_desktop.sync.model import SyncConflict

from .sync_helpers import add_employee, add_unit, edit, get

pytestmark = pytest.mark.pg


def test_rows_created_on_one_desk_arrive_on_the_other_searchable_and_audited(pair):
    _app, (a_db, a), (b_db, b) = pair
    unit_id = add_unit(a_db)
    emp_id = add_employee(a_db, unit_id=unit_id)
    report = a.sync_once()
    assert report.pushed == 2 and report.rejected == 0
    with a_db.read() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        assert s.get(Employee, emp_id).server_version == 1
    b.sync_once()
    emp = get(b_db, Employee, emp_id)
    assert (emp.last_name, emp.org_unit_id, emp.server_version) == ("Müller", unit_id, 1)
    with b_db.read() as s:
        found = s.scalars(filter_ids(select(Employee.id), Employee.id, "employee", "MÜLLER")).all()
        assert found == [emp_id]
        assert s.scalars(select(OutboxEntry)).all() == []  # pulled rows are not pushed back
        # The first pull lists the rows it inserted in one audit record per table and page.
        summary = s.scalars(select(AuditRecord).where(AuditRecord.tbl == "employee")).one()
        assert (summary.user, summary.op, summary.row_id) == ("ben (Sync)", "insert", SUMMARY_ROW_ID)
        assert summary.changes["ids"] == [emp_id] and "last_name" in summary.changes["fields"]
        assert summary.note == "Erstabgleich: 1 Datensätze übernommen"
        # Its merge base is the row as pulled, stored only when a local edit needs it (sync/bases.py).
        assert s.get(SyncBase, ("employee", emp_id)) is None
        assert lazy_base(s.connection(), "employee", emp_id)[0] == 1
    # Later pulls record every row and field they change.
    add_employee(a_db, "67890", last="Schmidt")
    edit(a_db, Employee, emp_id, phone="0234 9")
    a.sync_once()
    b.sync_once()
    with b_db.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.row_id == emp_id)).all()
        assert [(r.user, r.op, r.changes) for r in audit] == [("ben (Sync)", "update", {"phone": [None, "0234 9"]})]
        new = s.scalars(select(AuditRecord).where(AuditRecord.op == "insert", AuditRecord.row_id != SUMMARY_ROW_ID)).one()
        assert new.changes["last_name"] == [None, "Schmidt"]


def test_edits_of_different_fields_merge_and_same_field_conflicts_go_to_the_queue(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(a_db, Employee, emp_id, phone="0234 1", last_name="Meier")
    edit(b_db, Employee, emp_id, email="a.m@bochum.de", last_name="Schulz")
    assert a.sync_once().conflicts == 0
    report = b.sync_once()
    assert report.conflicts == 1
    assert report.conflict_details[0]["field"] == "last_name"
    a.sync_once()
    for db in (a_db, b_db):
        emp = get(db, Employee, emp_id)
        # the server kept the first value; the other desk's value waits in its conflict queue
        assert (emp.phone, emp.email, emp.last_name) == ("0234 1", "a.m@bochum.de", "Meier")
    with b_db.read() as s:
        queue = s.scalars(select(SyncConflict)).all()
    assert [(c.field, c.base, c.mine, c.theirs) for c in queue] == [("last_name", "Müller", "Schulz", "Meier")]


def test_pulled_row_does_not_overwrite_pending_local_edit(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(a_db, Employee, emp_id, phone="111")
    a.sync_once()
    edit(b_db, Employee, emp_id, email="neu@bochum.de")
    b.pull()  # pull only: b's edit is still pending
    emp = get(b_db, Employee, emp_id)
    assert (emp.phone, emp.email) == ("111", "neu@bochum.de")
    assert status(b_db)["pending"] == 1
    b.sync_once()
    a.sync_once()
    assert get(a_db, Employee, emp_id).email == "neu@bochum.de"


def test_rejected_change_is_parked_and_does_not_block_the_queue(harness, desks):
    app = harness.app()
    harness.add_user("rita", "ideas_reviewer")
    harness.add_user("anna", "kita")
    a_db = desks.database("anna")
    a = desks.client(a_db, app, "anna")
    unit_id = add_unit(a_db)
    a.sync_once()
    r_db = desks.database("rita")
    r = desks.client(r_db, app, "rita")
    r.sync_once()
    edit(r_db, OrgUnit, unit_id, name="Umbenannt")  # reviewers may not change the register
    report = r.sync_once()
    assert report.rejected == 1
    with r_db.read() as s:
        parked = s.scalars(select(OutboxEntry)).one()
    assert parked.status == "rejected" and "Keine Berechtigung" in parked.error
    assert status(r_db)["rejected"] == 1
    # the service's later changes still arrive; the parked local value stays visible to its user
    edit(a_db, OrgUnit, unit_id, code="11")
    a.sync_once()
    r.sync_once()
    unit = get(r_db, OrgUnit, unit_id)
    assert (unit.code, unit.name) == ("11", "Umbenannt")


def test_delete_sends_tombstone_without_personal_data(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    with a_db.unit_of_work() as s:
        soft_delete(s, s.get(Employee, emp_id))
    a.sync_once()
    b.sync_once()
    emp = get(b_db, Employee, emp_id)
    assert emp.deleted_at is not None
    assert (emp.last_name, emp.first_name, emp.email) == ("", "", None)
    assert emp.personnel_number == "12345"


def test_purge_removes_row_outbox_and_base_everywhere(pair, harness):
    _app, (a_db, a), (b_db, b) = pair
    harness.grant("anna", "admin")  # legal erasure is ordered by an administrator
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(b_db, Employee, emp_id, phone="999")  # pending on b when the erasure arrives
    with a_db.unit_of_work() as s:
        s.delete(s.get(Employee, emp_id))
    a.sync_once()
    b.sync_once()
    with b_db.read() as s:
        assert s.get(Employee, emp_id) is None
        assert s.scalars(select(OutboxEntry)).all() == []
        assert s.get(SyncBase, ("employee", emp_id)) is None


def test_same_field_changed_to_the_same_value_is_no_conflict(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(a_db, Employee, emp_id, phone="1")
    edit(b_db, Employee, emp_id, phone="1")
    a.sync_once()
    assert b.sync_once().conflicts == 0


def test_pulled_new_rows_store_the_same_values_as_the_orm(pair):
    """New rows are written in SQLite's stored form directly (fast path); they must read back exactly."""
    from datetime import UTC, date, datetime

    from bochum_desktop.ideas.model import IdeaSuggestion
    from bochum_desktop.sync.apply import PageApplier, transaction_on

    _app, (a_db, _a), _b = pair
    unit_id = add_unit(a_db)
    received = datetime(2026, 11, 2, 9, 15, 30, 123456, tzinfo=UTC)
    data = {"id": "0193b5c0-0000-7000-8000-000000000001", "number": "VV-2026-0001", "number_provisional": False,
            "number_prefix": "", "year": 2026, "seq": 1, "code_word": "Kürbis", "title": "Weißes Licht", "current_state": "Ist",
            "proposal": "Soll", "benefit": "", "org_unit_id": unit_id, "received_at": received.isoformat(),
            "status": "eingegangen", "acknowledged_on": "2026-11-03", "decided_on": None,
            "created_at": "2026-11-02T09:15:30+00:00", "updated_at": "2026-11-02T10:00:00.000001+00:00",
            "updated_by": "kora", "server_version": 3, "deleted_at": None}
    with a_db.engine.connect() as conn, transaction_on(conn, foreign_keys=False):
        PageApplier(conn, "anna", received, summary_inserts=True).apply(
            [{"tbl": "idea_suggestion", "id": data["id"], "op": "upsert", "version": 3, "data": data}])
    sug = get(a_db, IdeaSuggestion, data["id"])
    assert sug.received_at == received and sug.acknowledged_on == date(2026, 11, 3)
    assert sug.created_at == datetime(2026, 11, 2, 9, 15, 30, tzinfo=UTC)
    assert sug.updated_at == datetime(2026, 11, 2, 10, 0, 0, 1, tzinfo=UTC)
    assert (sug.code_word, sug.number_provisional, sug.server_version, sug.decided_on) == ("Kürbis", False, 3, None)
    with a_db.read() as s:
        assert s.scalars(filter_ids(select(IdeaSuggestion.id), IdeaSuggestion.id, "idea_suggestion", "KURBIS")).all() == [
            data["id"]]
        # indexed like local rows (db.search.body_text): 'weiss' finds 'Weiß'
        assert s.scalars(filter_ids(select(IdeaSuggestion.id), IdeaSuggestion.id, "idea_suggestion", "weisses")).all() == [
            data["id"]]
        # the stored text equals what Core binds, so SQL comparisons with parameters still match
        assert s.scalars(select(IdeaSuggestion.id).where(IdeaSuggestion.created_at == sug.created_at,
                                                         IdeaSuggestion.acknowledged_on == sug.acknowledged_on)).all() == [
            data["id"]]
