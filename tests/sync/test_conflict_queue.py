"""Conflict queue and parked changes: resolving goes back as a normal change; parked ones can be
retried or discarded."""

from __future__ import annotations

import pytest

from bochum_desktop.db.session import soft_delete
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.server import auth
from bochum_desktop.sync.client import status
from bochum_desktop.sync.conflicts import (
    discard_rejected,
    list_conflicts,
    list_rejected,
    resolve,
    retry_rejected,
)

from .sync_helpers import add_employee, add_unit, edit, get

pytestmark = pytest.mark.pg


def test_choosing_mine_in_the_queue_goes_back_as_a_normal_change(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(a_db, Employee, emp_id, last_name="Meier")
    edit(b_db, Employee, emp_id, last_name="Schulz")
    a.sync_once()
    b.sync_once()
    [item] = list_conflicts(b_db)
    assert (item.field, item.base, item.mine, item.theirs, item.current) == ("last_name", "Müller", "Schulz", "Meier", "Meier")
    resolve(b_db, item.id, item.mine)
    assert list_conflicts(b_db) == [] and status(b_db)["pending"] == 1
    b.sync_once()
    a.sync_once()
    assert get(a_db, Employee, emp_id).last_name == get(b_db, Employee, emp_id).last_name == "Schulz"


def test_edit_against_a_delete_can_restore_the_row(pair):
    _app, (a_db, a), (b_db, b) = pair
    unit_id = add_unit(a_db)
    a.sync_once()
    b.sync_once()
    with a_db.unit_of_work() as s:
        soft_delete(s, s.get(OrgUnit, unit_id))
    edit(b_db, OrgUnit, unit_id, name="Noch gebraucht")
    a.sync_once()
    b.sync_once()
    [item] = list_conflicts(b_db)
    assert item.field == "deleted_at" and item.current is not None
    resolve(b_db, item.id, None)  # restore
    edit(b_db, OrgUnit, unit_id, name="Noch gebraucht")
    b.sync_once()
    a.sync_once()
    unit = get(a_db, OrgUnit, unit_id)
    assert unit.deleted_at is None and unit.name == "Noch gebraucht"


def test_parked_change_can_be_retried_after_a_grant_or_discarded(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("rita", "ideas_reviewer")
    a_db, r_db = desks.database("anna"), desks.database("rita")
    a, r = desks.client(a_db, app, "anna"), desks.client(r_db, app, "rita")
    unit_id, other_id = add_unit(a_db), add_unit(a_db, "20", "Kämmerei")
    a.sync_once()
    r.sync_once()
    edit(r_db, OrgUnit, unit_id, name="Umbenannt")
    edit(r_db, OrgUnit, other_id, name="Auch umbenannt")
    r.sync_once()
    first, second = list_rejected(r_db)
    assert "Keine Berechtigung" in first.error and first.patch["name"] == "Umbenannt"
    discard_rejected(r_db, second.seq)
    assert get(r_db, OrgUnit, other_id).name == "Kämmerei"  # back to the last-synced state
    with harness.engine.begin() as conn:
        auth.grant(conn, "rita", "kita")
    retry_rejected(r_db, first.seq)
    report = r.sync_once()
    assert report.pushed == 1 and list_rejected(r_db) == []
    a.sync_once()
    assert get(a_db, OrgUnit, unit_id).name == "Umbenannt"
