"""No change is skipped by the pull cursor when pushes commit out of order or run concurrently."""

from __future__ import annotations

import threading

import pytest

from bochum_desktop.core.clock import Clock
from bochum_desktop.core.ids import new_id
from bochum_desktop.server.auth import Principal
from bochum_desktop.server.push import Pusher
from bochum_desktop.server.schema import table_by_name

from .changes import NOW, change

pytestmark = pytest.mark.pg

UNIT = {"code": "10", "name": "Amt", "parent_id": None, "active": True, "created_at": NOW, "deleted_at": None}


def test_a_transaction_that_took_a_lower_number_but_commits_later_is_not_skipped(harness, api_for):
    app = harness.app()
    api = api_for(app, "anna", "kita")
    _nothing, cursor = api.pull_all()
    slow_id, fast_id = new_id(), new_id()
    who = Principal("anna", frozenset({"kita"}), "slow-desk")
    with harness.engine.connect() as slow:
        slow.begin()
        Pusher(slow, table_by_name(), who, "slow-desk", Clock().now()).apply(
            change("org_unit", slow_id, "insert", UNIT)
        )  # holds change-log seq n, not committed yet
        assert api.push(change("org_unit", fast_id, "insert", UNIT)).json()["results"][0]["status"] == "applied"
        first = api.pull(cursor).json()
        assert first["changes"] == []  # the committed later change waits for the running earlier one
        slow.commit()
    second, _cursor = api.pull_all(first["cursor"])
    assert [c["id"] for c in second] == [slow_id, fast_id]


def test_no_skipped_change_under_concurrent_pushes(harness, api_for):
    app = harness.app()
    writers = [api_for(app, f"writer{i}", "kita", desk_id=f"desk-{i}") for i in range(4)]
    reader = api_for(app, "reader", "kita")
    created: list[str] = []
    lock = threading.Lock()
    done = threading.Event()
    errors: list[BaseException] = []

    def write(api):
        try:
            for _ in range(12):
                ids = [new_id() for _ in range(8)]
                results = api.push(*[change("org_unit", i, "insert", UNIT) for i in ids]).json()["results"]
                assert {r["status"] for r in results} == {"applied"}
                with lock:
                    created.extend(ids)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    seen: set[str] = set()
    cursor = ""

    def read():
        nonlocal cursor
        while True:
            finished = done.is_set()
            answer = reader.pull(cursor, limit=25).json()
            seen.update(c["id"] for c in answer["changes"])
            cursor = answer["cursor"]
            if finished and not answer["more"] and not answer["held_back"]:
                return

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    puller = threading.Thread(target=read)
    puller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    puller.join()
    assert not errors, errors
    assert len(created) == 4 * 12 * 8
    assert seen == set(created)


def test_pages_follow_the_numeric_transaction_order(harness, api_for):
    """Transaction ids with more digits come later (a text sort put "10" before "9" and the cursor then
    skipped the change of transaction 9)."""
    from sqlalchemy import text

    app = harness.app()
    api = api_for(app, "anna", "kita")
    ids = [new_id(), new_id()]
    for row_id in ids:
        assert api.push(change("org_unit", row_id, "insert", UNIT)).json()["results"][0]["status"] == "applied"
    with harness.engine.begin() as conn:  # as if written by transactions 9 and 10 (both long committed)
        for txid, row_id in zip(("9", "10"), ids, strict=True):
            conn.execute(text("UPDATE srv_change_log SET txid = CAST(:tx AS xid8) WHERE row_id = :id"),
                         {"tx": txid, "id": row_id})
    pulled, cursor = [], ""
    while True:
        answer = api.pull(cursor, limit=1).json()
        pulled += [c["id"] for c in answer["changes"]]
        cursor = answer["cursor"]
        if not answer["more"]:
            break
    assert pulled == ids
