"""A batch gives the same answers and the same server state as its changes pushed one by one.

The service claims the new rows of a batch in one statement and inserts them in runs; these tests pin
down that this shortcut changes nothing a desk can observe: results, rows, row versions, change-log
order, conflicts."""

from __future__ import annotations

import logging
import threading

import pytest
from sqlalchemy import select

from bochum_desktop.core.ids import new_id
from bochum_desktop.server.schema import change_log, conflict, row_meta

from .changes import NOW, change

pytestmark = pytest.mark.pg

UNIT = {"code": "10", "name": "Amt", "parent_id": None, "active": True, "created_at": NOW, "deleted_at": None}
EMP = {"personnel_number": "12345", "last_name": "Müller", "first_name": "Anna", "email": "a@bochum.de",
       "phone": None, "org_unit_id": None, "active": True, "created_at": NOW, "deleted_at": None}


def _state(harness, ids: list[str]) -> dict:
    """What desks can observe of these rows: the rows, their meta, the change log in order, conflicts."""
    with harness.engine.connect() as conn:
        units = conn.exec_driver_sql(
            "SELECT id, code, name, parent_id, server_version, deleted_at FROM org_unit ORDER BY id").all()
        emps = conn.exec_driver_sql(
            "SELECT id, last_name, email, org_unit_id, server_version, deleted_at FROM employee ORDER BY id").all()
        meta = conn.execute(select(row_meta.c.tbl, row_meta.c.row_id, row_meta.c.row_version, row_meta.c.deleted_at,
                                   row_meta.c.purged_at.is_not(None), row_meta.c.origin_desk).order_by(row_meta.c.row_id)).all()
        log = conn.execute(select(change_log.c.tbl, change_log.c.row_id, change_log.c.op, change_log.c.row_version)
                           .order_by(change_log.c.seq)).all()
        conflicts = conn.execute(select(conflict.c.row_id, conflict.c.field, conflict.c.desk_value)
                                 .order_by(conflict.c.id)).all()
    name = {row_id: f"r{i}" for i, row_id in enumerate(ids)}  # stable labels for the comparison
    return {"units": [tuple(name.get(v, v) for v in r) for r in units],
            "emps": [tuple(name.get(v, v) for v in r) for r in emps],
            "meta": [tuple(name.get(v, v) for v in r) for r in meta],
            "log": [tuple(name.get(v, v) for v in r) for r in log],
            "conflicts": [tuple(name.get(v, v) for v in r) for r in conflicts]}


def _fresh_service(harness, api_for):
    harness.reset()
    app = harness.app()
    admin = api_for(app, "anna", "kita", "admin", desk_id="desk-a")
    other = api_for(app, "ben", "kita", desk_id="desk-b")
    return app, admin, other


@pytest.mark.parametrize("database_error", [False, True], ids=["in-one-go", "repeated-change-by-change"])
def test_a_mixed_batch_equals_its_changes_pushed_one_by_one(harness, api_for, caplog, database_error):
    """Without a database error the batch runs in one go; a change the database refuses (a dangling
    reference) makes the service repeat the batch change by change. Both give the same answers."""
    ids = [new_id() for _ in range(9)]
    parent, child, emp, known, same, purged, tomb, late_parent, twice = ids
    # Made beforehand by the other desk: a row this desk inserts too (different name -> conflict-free merge
    # or conflict), one with the same values, and one an admin erased.
    before = [
        change("org_unit", known, "insert", {**UNIT, "name": "Amt der anderen"}),
        change("org_unit", same, "insert", UNIT),
        change("org_unit", purged, "insert", UNIT),
    ]
    batch = [
        change("org_unit", parent, "insert", UNIT),
        change("employee", emp, "insert", {**EMP, "org_unit_id": parent}),  # refers to a row new in this batch
        change("org_unit", child, "insert", {**UNIT, "parent_id": parent}),
        change("org_unit", known, "insert", {**UNIT, "name": "Amt von hier"}),
        change("org_unit", same, "insert", UNIT),
        change("org_unit", purged, "insert", UNIT),  # refused: erased
        change("employee", tomb, "insert", {**EMP, "deleted_at": NOW}),  # a tombstone: no personal data
        change("employee", emp, "update", {"last_name": "Meier"}, {"last_name": "Müller"}, 1),
        change("nope", new_id(), "insert", {}),  # refused: unknown table
        change("employee", new_id(), "insert", {**EMP, "org_unit_id": late_parent if database_error else None}),
        change("org_unit", twice, "insert", UNIT),
        change("org_unit", twice, "insert", {**UNIT, "name": "Zweimal"}),  # the same row again in one batch
        change("org_unit", late_parent, "insert", UNIT),
    ]
    outcomes = []
    for one_by_one in (False, True):
        _app, admin, other = _fresh_service(harness, api_for)
        for c in before:
            assert other.push(c).json()["results"][0]["status"] == "applied"
        assert admin.push(change("org_unit", purged, "purge")).json()["results"][0]["status"] == "applied"
        if one_by_one:
            results = [admin.push(c).json()["results"][0] for c in batch]
        else:
            caplog.clear()
            with caplog.at_level(logging.INFO, logger="bochum_desktop.server.app"):
                results = admin.push(*batch).json()["results"]
            assert ("push batch repeated" in caplog.text) == database_error
        outcomes.append((results, _state(harness, ids)))
    (batched, state_batched), (single, state_single) = outcomes
    assert batched == single
    assert state_batched == state_single
    statuses = [r["status"] for r in batched]
    assert statuses == ["applied", "applied", "applied", "conflict", "noop", "rejected", "applied", "applied",
                        "rejected", "rejected" if database_error else "applied", "applied", "conflict", "applied"]
    assert "endgültig gelöscht" in batched[5]["error"]
    assert ("verweist" in batched[9].get("error", "")) == database_error
    assert next(r for r in state_batched["emps"] if r[0] == "r6")[1:3] == ("", None)  # tombstone scrubbed


def test_a_repeated_batch_returns_the_stored_answers(harness, api_for):
    app = harness.app()
    api = api_for(app, "anna", "kita")
    batch = [change("org_unit", new_id(), "insert", UNIT) for _ in range(50)]
    first = api.push(*batch).json()
    assert {r["status"] for r in first["results"]} == {"applied"}
    assert api.push(*batch).json() == first
    with harness.engine.connect() as conn:
        assert len(conn.execute(select(change_log.c.seq)).all()) == 50


def test_concurrent_batches_inserting_the_same_new_rows_both_answer(harness, api_for):
    """Two desks insert the same new ids in opposite orders at once: no error, one inserts each row,
    the other finds it there (a deadlock between the claims would be repeated, never reported)."""
    app = harness.app()
    desks = [api_for(app, f"writer{i}", "kita", desk_id=f"desk-{i}") for i in range(2)]
    ids = [new_id() for _ in range(200)]
    answers: list = [None, None]

    def push(i: int) -> None:
        order = ids if i == 0 else ids[::-1]
        answers[i] = desks[i].push(*[change("org_unit", row_id, "insert", UNIT) for row_id in order])

    threads = [threading.Thread(target=push, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200, 200]
    statuses = [r["status"] for a in answers for r in a.json()["results"]]
    assert statuses.count("applied") == len(ids) and statuses.count("noop") == len(ids)
    with harness.engine.connect() as conn:
        assert len(conn.execute(select(change_log.c.seq)).all()) == len(ids)
