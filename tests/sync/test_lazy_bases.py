"""Merge bases of rows a pull inserted are stored lazily (sync/bases.py): the three-way merge, the conflict
queue, acknowledgements and discarding a parked change must behave as with a stored base."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import SyncBase
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.sync.bases import lazy_base
from bochum_desktop.sync.conflicts import discard_rejected, list_conflicts, list_rejected

from .sync_helpers import add_employee, add_unit, edit, get

pytestmark = pytest.mark.pg


def stored_base(db, tbl, row_id):
    with db.read() as s:
        base = s.get(SyncBase, (tbl, row_id))
        return None if base is None else (base.version, base.data)


def effective_base(db, tbl, row_id):
    with db.engine.connect() as conn:
        return lazy_base(conn, tbl, row_id)


def test_initial_pull_stores_no_base_but_the_row_as_pulled_is_its_base_after_local_edits(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    assert stored_base(b_db, "employee", emp_id) is None
    edit(b_db, Employee, emp_id, last_name="Schulz", phone="1")
    edit(b_db, Employee, emp_id, last_name="Schmidt")  # a second edit: the base stays the pulled value
    version, data = effective_base(b_db, "employee", emp_id)
    assert version == 1
    assert (data["last_name"], data["phone"], data["first_name"], data["server_version"]) == ("Müller", None, "Anna", 1)
    with a_db.read() as s:
        assert data["updated_at"] == s.get(Employee, emp_id).updated_at.isoformat()


def test_local_edit_after_an_initial_pull_conflicts_with_the_pulled_value_as_base(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()  # initial pull: lazy base
    edit(b_db, Employee, emp_id, last_name="Schulz")
    edit(a_db, Employee, emp_id, last_name="Meier")
    a.sync_once()
    assert b.sync_once().conflicts == 1
    [item] = list_conflicts(b_db)
    assert (item.field, item.base, item.mine, item.theirs, item.current) == ("last_name", "Müller", "Schulz", "Meier", "Meier")
    version, data = stored_base(b_db, "employee", emp_id)  # the pull after the push stored the service's row
    assert (version, data["last_name"]) == (2, "Meier")


def test_edits_of_different_fields_after_an_initial_pull_merge(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(b_db, Employee, emp_id, phone="0234 1")
    edit(a_db, Employee, emp_id, last_name="Meier")
    a.sync_once()
    assert b.sync_once().conflicts == 0
    a.sync_once()
    for db in (a_db, b_db):
        emp = get(db, Employee, emp_id)
        assert (emp.last_name, emp.phone, emp.first_name) == ("Meier", "0234 1", "Anna")
    version, data = stored_base(b_db, "employee", emp_id)
    assert (version, data["last_name"], data["phone"], data["first_name"]) == (3, "Meier", "0234 1", "Anna")
    assert list_conflicts(a_db) == []


def test_acknowledged_edit_moves_the_whole_pulled_base_forward(pair):
    """A fast-forward acknowledgement merges the pushed fields into the base: the lazy base is made
    concrete first, so the fields not edited keep their pulled values (not just the patch)."""
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(b_db, Employee, emp_id, phone="0234 2")
    b.push()
    version, data = stored_base(b_db, "employee", emp_id)
    assert version == 2
    assert (data["phone"], data["last_name"], data["first_name"], data["personnel_number"]) == (
        "0234 2", "Müller", "Anna", "12345")


def test_acknowledged_edit_that_the_service_merged_keeps_the_pulled_base(pair):
    _app, (a_db, a), (b_db, b) = pair
    emp_id = add_employee(a_db)
    a.sync_once()
    b.sync_once()
    edit(a_db, Employee, emp_id, last_name="Meier")
    a.sync_once()
    edit(b_db, Employee, emp_id, phone="0234 3")
    b.push()  # applied by merging (the row moved on): the entry goes, the base must not become the edit
    version, data = stored_base(b_db, "employee", emp_id)
    assert (version, data["phone"], data["last_name"]) == (1, None, "Müller")


def test_discarding_a_parked_change_of_a_pulled_row_restores_the_pulled_values(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("rita", "ideas_reviewer")
    a_db, r_db = desks.database("anna"), desks.database("rita")
    a, r = desks.client(a_db, app, "anna"), desks.client(r_db, app, "rita")
    unit_id = add_unit(a_db)
    a.sync_once()
    r.sync_once()
    edit(r_db, OrgUnit, unit_id, name="Umbenannt", code="99")
    r.sync_once()
    [parked] = list_rejected(r_db)
    discard_rejected(r_db, parked.seq)
    unit = get(r_db, OrgUnit, unit_id)
    assert (unit.name, unit.code, unit.server_version) == ("Personalamt", "10", 1)
    with r_db.read() as s:
        assert s.scalars(select(OrgUnit.id)).all() == [unit_id]
