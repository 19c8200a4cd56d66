"""Service-level behaviour over httpx/TestClient against a real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bochum_desktop.core.ids import new_id
from bochum_desktop.server.prune import prune
from bochum_desktop.server.schema import applied_change, change_log, conflict

from .changes import NOW, change

pytestmark = pytest.mark.pg

EMP = {"personnel_number": "12345", "last_name": "Müller", "first_name": "Anna", "email": "a@bochum.de",
       "phone": None, "org_unit_id": None, "active": True, "created_at": NOW, "deleted_at": None}


def insert_employee(api, **values):
    row_id = new_id()
    result = api.push(change("employee", row_id, "insert", {**EMP, **values})).json()["results"][0]
    assert result["status"] == "applied"
    return row_id


@pytest.fixture
def app(harness):
    return harness.app()


def count(harness, table, **where):
    stmt = select(func.count()).select_from(table)
    for k, v in where.items():
        stmt = stmt.where(table.c[k] == v)
    with harness.engine.connect() as conn:
        return conn.execute(stmt).scalar()


def test_repeated_push_returns_the_stored_result_and_changes_nothing(harness, app, api_for):
    api = api_for(app, "anna", "kita")
    row_id = insert_employee(api)
    batch = [change("employee", row_id, "update", {"phone": "1"}, {"phone": None}, 1),
             change("employee", row_id, "update", {"last_name": "Meier"}, {"last_name": "Müller"}, 1)]
    first = api.push(*batch).json()
    second = api.push(*batch).json()
    assert first == second
    assert [r["row_version"] for r in first["results"]] == [2, 3]
    assert count(harness, change_log, row_id=row_id) == 3
    assert count(harness, applied_change, row_id=row_id) == 3


def test_batches_over_500_are_refused(app, api_for):
    api = api_for(app, "anna", "kita")
    response = api.push(*[change("employee", new_id()) for _ in range(501)])
    assert response.status_code == 413 and "500" in response.json()["detail"]["message"]


def test_old_desk_version_is_refused_with_a_clear_german_message(app, api_for):
    api = api_for(app, "anna", "kita")
    api.schema_version = "0000-alt"
    for response in (api.pull(), api.push(change("employee", new_id())), api.login("anna")):
        assert response.status_code == 426
        message = response.json()["detail"]["message"]
        assert "zu alt" in message and "offline weiterarbeiten" in message


def test_service_accepts_current_and_previous_schema(harness, api_for):
    app = harness.app(schema_versions=("0002", "0001"))
    api = api_for(app, "anna", "kita", schema_version="0001")
    assert api.pull().status_code == 200
    api.schema_version = "0002"
    assert api.pull().status_code == 200


def test_conflict_is_stored_and_returned_and_different_fields_merge(harness, app, api_for):
    anna, ben = api_for(app, "anna", "kita"), api_for(app, "ben", "kita", desk_id="desk-ben")
    row_id = insert_employee(anna)
    assert anna.push(change("employee", row_id, "update", {"last_name": "Meier", "phone": "1"},
                            {"last_name": "Müller", "phone": None}, 1)).json()["results"][0]["status"] == "applied"
    result = ben.push(change("employee", row_id, "update", {"last_name": "Schulz", "email": "s@bochum.de"},
                             {"last_name": "Müller", "email": "a@bochum.de"}, 1)).json()["results"][0]
    assert result["status"] == "conflict" and result["row_version"] == 3
    assert result["conflicts"] == [{"field": "last_name", "base": "Müller", "server_value": "Meier", "desk_value": "Schulz"}]
    with harness.engine.connect() as conn:
        stored = conn.execute(select(conflict)).one()
    assert (stored.field, stored.desk_user, stored.server_user) == ("last_name", "ben", "anna")
    row = [c for c in anna.pull_all()[0] if c["id"] == row_id][0]["data"]
    assert (row["last_name"], row["phone"], row["email"]) == ("Meier", "1", "s@bochum.de")


def test_delete_against_a_concurrent_edit_is_a_conflict_but_not_against_own_edits(app, api_for):
    anna, ben = api_for(app, "anna", "kita"), api_for(app, "ben", "kita", desk_id="desk-ben")
    row_id = insert_employee(anna)
    anna.push(change("employee", row_id, "update", {"phone": "1"}, {"phone": None}, 1))
    result = ben.push(change("employee", row_id, "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1)).json()
    assert result["results"][0]["status"] == "conflict"
    # anna deletes based on version 1 too, but the only later change is her own
    result = anna.push(change("employee", row_id, "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1)).json()
    assert result["results"][0]["status"] == "applied"


def test_tombstone_carries_no_personal_data(harness, app, api_for):
    api = api_for(app, "anna", "kita")
    row_id = insert_employee(api)
    api.push(change("employee", row_id, "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1))
    pulled = [c for c in api.pull_all()[0] if c["id"] == row_id]
    assert pulled[0]["op"] == "delete"
    data = pulled[0]["data"]
    assert not {"last_name", "first_name", "email", "phone"} & set(data)
    assert data["personnel_number"] == "12345" and data["deleted_at"] is not None
    with harness.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT last_name, email FROM employee WHERE id = %s", (row_id,)).one()
    assert tuple(stored) == ("", None)


def test_purge_wins_over_later_edits_and_reinserts(harness, app, api_for):
    anna, ben = api_for(app, "anna", "kita", "admin"), api_for(app, "ben", "kita")  # erasure is an admin's
    row_id = insert_employee(anna)
    ben.push(change("employee", row_id, "update", {"last_name": "X"}, {"last_name": "Y"}, 0))  # leaves a conflict
    assert anna.push(change("employee", row_id, "purge")).json()["results"][0]["status"] == "applied"
    for op in ("update", "insert", "delete"):
        result = ben.push(change("employee", row_id, op, dict(EMP), {}, 1)).json()["results"][0]
        assert result["status"] == "rejected" and "endgültig gelöscht" in result["error"]
    assert count(harness, conflict, row_id=row_id) == 0
    pulled = [c for c in ben.pull_all()[0] if c["id"] == row_id]
    assert [c["op"] for c in pulled] == ["purge"]


def test_old_cursor_gets_resync_after_history_was_pruned_and_role_change_too(harness, app, api_for):
    api = api_for(app, "anna", "kita")
    row_id = insert_employee(api)
    _changes, cursor = api.pull_all()
    insert_employee(api)
    api.push(change("employee", row_id, "delete", {"deleted_at": NOW}, {"deleted_at": None}, 1))
    with harness.engine.begin() as conn:
        result = prune(conn, datetime.now(UTC) + timedelta(days=1), timedelta(days=0))
    assert result["tombstones_removed"] == 1
    assert api.pull(cursor).json() == {"resync": True, "reason": "history"}
    fresh, new_cursor = api.pull_all("")
    assert [c["op"] for c in fresh] == ["upsert"]  # the live row; the pruned tombstone is gone
    assert api.pull(new_cursor).json()["changes"] == []
    from bochum_desktop.server import auth

    with harness.engine.begin() as conn:
        auth.grant(conn, "anna", "ideas")
    assert api.pull(new_cursor).json() == {"resync": True, "reason": "roles"}


def test_logout_ends_the_token(app, api_for):
    api = api_for(app, "anna", "kita")
    api.client.post("/logout", headers=api.headers())
    assert api.pull().status_code == 401


def test_a_database_error_rejects_only_its_own_change(harness, app, api_for):
    api = api_for(app, "anna", "kita")
    incomplete = {k: v for k, v in EMP.items() if k != "personnel_number"}
    dangling = {**EMP, "org_unit_id": new_id()}
    batch = [change("employee", new_id(), "insert", EMP), change("employee", new_id(), "insert", incomplete),
             change("employee", new_id(), "insert", dangling), change("employee", new_id(), "insert", EMP)]
    results = api.push(*batch).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert "Pflichtfeld" in results[1]["error"] and "verweist" in results[2]["error"]
    assert api.push(*batch).json()["results"] == results  # and the verdicts are stored
