"""The 'Verlauf' of a record: every change, and where it came from when an initial sync brought it."""

from __future__ import annotations

from bochum_desktop.audit.service import SUMMARY_ROW_ID, history
from bochum_desktop.db.journal import AuditRecord
from bochum_desktop.reference.service import EmployeeData, ReferenceService


def test_history_lists_local_changes_newest_first(db, clock):
    service = ReferenceService(db)
    emp = service.save_employee(EmployeeData(id=None, personnel_number="100001", last_name="Kaya", first_name="Elif"))
    clock.advance(days=1)
    service.save_employee(EmployeeData(**{**emp.__dict__, "last_name": "Kaya-Öztürk", "org_unit_label": ""}))
    entries = history(db, "employee", emp.id)
    assert entries[0].op == "update" and (entries[0].old, entries[0].new) == ("Kaya", "Kaya-Öztürk")
    assert {e.op for e in entries[1:]} == {"insert"}


def test_a_row_brought_by_an_initial_pull_shows_its_arrival(db, clock):
    row_id = "0190a1b2-0000-7000-8000-000000000001"
    with db.unit_of_work() as s:
        s.add(AuditRecord(at=clock.now(), user="tester (Sync)", tbl="employee", row_id=SUMMARY_ROW_ID, op="insert",
                          changes={"fields": ["last_name"], "ids": ["other", row_id]},
                          note="Erstabgleich: 2 Datensätze übernommen"))
    entries = history(db, "employee", row_id)
    assert [(e.op, e.note) for e in entries] == [("insert", "Erstabgleich: 2 Datensätze übernommen")]
    assert history(db, "employee", "0190a1b2-0000-7000-8000-000000000099") == []
