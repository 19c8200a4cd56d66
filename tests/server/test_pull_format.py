"""Pull page formats: format 2 (columns once, rows as arrays) carries exactly what format 1 carries, and a desk
that does not ask for it (the previous version) keeps getting format 1. Push: the desk id is the token's."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bochum_desktop.core.ids import new_id
from bochum_desktop.db.base import personal_columns, synced_tables
from bochum_desktop.server.schema import row_meta

from .changes import NOW, change, sample_row
from .test_role_matrix import seed

pytestmark = pytest.mark.pg


def expand(answer: dict) -> list[dict]:
    """The changes of a page in format 1's shape."""
    if answer.get("format") != 2:
        assert "tables" not in answer  # what a desk of the previous version reads
        return answer["changes"]
    tables = {t.name: t for t in synced_tables()}
    changes = []
    for tbl, row_id, op, version, values, *reason in answer["changes"]:
        data = None
        if values is not None:
            data = dict(zip(answer["tables"][tbl], values, strict=True))
            if op == "delete":  # format 1 leaves a tombstone's personal columns out, format 2 sends them empty
                for name in personal_columns(tables[tbl]):
                    assert data.pop(name) is None
        entry = {"tbl": tbl, "id": row_id, "op": op, "version": version, "data": data}
        if reason:
            entry["reason"] = reason[0]
        changes.append(entry)
    return changes


def pull_all(api, page_format: int | None, limit: int) -> tuple[list[dict], list[str]]:
    """Every change of a full pull in format 1's shape, and the cursors of the pages."""
    changes, cursors, cursor = [], [], ""
    while True:
        answer = api.pull(cursor, limit=limit, page_format=page_format).json()
        assert not answer.get("resync"), answer
        assert answer.get("format") == page_format
        changes.extend(expand(answer))
        cursors.append(answer["cursor"])
        cursor = answer["cursor"]
        if not answer["more"]:
            return changes, cursors


@pytest.mark.parametrize("role", ["admin", "kita", "ideas_reviewer"])
def test_format_2_carries_what_format_1_carries(harness, api_for, role):
    app, rows = seed(harness, api_for)  # one row of every synced table (all column types)
    admin = api_for(app, "boss", "admin")
    tables = {t.name: t for t in synced_tables()}
    gone, erased = new_id(), new_id()
    for row_id in (gone, erased):
        admin.push(change("employee", row_id, "insert", {**sample_row(tables["employee"], rows), "last_name": "Weiß"}))
    admin.push(change("employee", gone, "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1))  # tombstone
    admin.push(change("employee", erased, "purge", {}, {}, 1))  # erasure
    api = api_for(app, f"user_{role}", role)
    if role == "ideas_reviewer":  # sees the seeded suggestion and review, pseudonymised
        with harness.engine.connect() as conn:
            number = conn.exec_driver_sql("SELECT personnel_number FROM employee WHERE id = %(id)s",
                                          {"id": rows["employee"]}).scalar_one()
        harness.link(f"user_{role}", number)
    old, old_cursors = pull_all(api, None, limit=5)
    new, new_cursors = pull_all(api, 2, limit=5)
    assert new == old and new_cursors == old_cursors
    assert {c["op"] for c in old} >= ({"upsert", "delete", "purge"} if role != "ideas_reviewer" else {"upsert"})
    if role == "ideas_reviewer":
        # A withdrawn assignment: the next page says "drop it" (purge, reason hidden) in both formats alike.
        admin.push(change("idea_review", rows["idea_review"], "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1))
        old_next = expand(api.pull(old_cursors[-1]).json())
        assert {(c["op"], c.get("reason")) for c in old_next} == {("purge", "hidden")}
        assert expand(api.pull(new_cursors[-1], page_format=2).json()) == old_next


def test_the_answer_names_the_format_the_service_chose(harness, api_for):
    app, _rows = seed(harness, api_for)
    api = api_for(app, "anna", "kita")
    assert "format" not in api.pull().json()  # no format asked: format 1 (desks of the previous version)
    assert api.pull(page_format=1).json().get("format") is None
    assert api.pull(page_format=2).json()["format"] == 2
    assert api.pull(page_format=3).json()["format"] == 2  # a newer desk gets the newest this service writes


def test_push_naming_another_desk_is_refused(harness, api_for):
    app = harness.app()
    anna = api_for(app, "anna", "kita", desk_id="desk-anna")
    row_id = new_id()
    employee = sample_row({t.name: t for t in synced_tables()}["employee"], {})
    answer = anna.client.post("/push", headers=anna.headers(), json={
        "desk_id": "desk-ben", "changes": [change("employee", row_id, "insert", employee)]})
    assert answer.status_code == 401
    detail = answer.json()["detail"]
    assert detail["code"] == "desk_mismatch" and "anderen Arbeitsplatz" in detail["message"]
    with harness.engine.connect() as conn:
        assert conn.execute(select(row_meta.c.row_id)).all() == []  # nothing applied
    # Without a desk id, or with its own, the push counts for the desk the token was issued to.
    answer = anna.client.post("/push", headers=anna.headers(), json={
        "changes": [change("employee", row_id, "insert", employee)]})
    assert answer.json()["results"][0]["status"] == "applied"
    assert anna.push(change("employee", row_id, "update", {"phone": "1"}, {"phone": None}, 1)).json()[
        "results"][0]["status"] == "applied"
    with harness.engine.connect() as conn:
        assert conn.execute(select(row_meta.c.origin_desk)).scalar_one() == "desk-anna"
