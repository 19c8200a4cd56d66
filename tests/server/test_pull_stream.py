"""A pull of several pages in one answer (`pages=`): the same pages, with the same cursors, as asked one by
one; streamed as one JSON line per page; ending at the last page or a resync; errors of the first page are
an HTTP status as before."""

from __future__ import annotations

import orjson
import pytest

from bochum_desktop.core.ids import new_id
from bochum_desktop.reference.model import Employee
from bochum_desktop.server.pull import STREAM_MEDIA_TYPE
from bochum_desktop.sync.transport import STREAM_MEDIA_TYPE as DESK_STREAM_MEDIA_TYPE

from .changes import change, sample_row

pytestmark = pytest.mark.pg


def seed_employees(harness, api_for, n: int):
    app = harness.app()
    admin = api_for(app, "root", "admin")
    unit = new_id()
    assert admin.push(change("org_unit", unit, "insert", {"code": "10", "name": "Amt", "active": True})
                      ).json()["results"][0]["status"] == "applied"
    for _ in range(n):
        row = sample_row(Employee.__table__, {"org_unit": unit})
        row["personnel_number"] = str(10000 + _)
        assert admin.push(change("employee", new_id(), "insert", row)).json()["results"][0]["status"] == "applied"
    return app, admin


def streamed(api, cursor: str, pages: int, limit: int) -> list[dict]:
    response = api.client.get("/pull", params={"cursor": cursor, "limit": limit, "format": 2, "pages": pages},
                              headers=api.headers())
    assert response.status_code == 200
    assert response.headers["content-type"] == STREAM_MEDIA_TYPE == DESK_STREAM_MEDIA_TYPE
    assert response.content.endswith(b"\n")
    return [orjson.loads(line) for line in response.content.splitlines()]


def one_by_one(api, limit: int) -> list[dict]:
    pages, cursor = [], ""
    while True:
        answer = api.pull(cursor, limit=limit, page_format=2).json()
        pages.append(answer)
        if not answer["more"]:
            return pages
        cursor = answer["cursor"]


def test_streamed_pages_are_the_pages_asked_one_by_one(harness, api_for):
    app, admin = seed_employees(harness, api_for, 10)  # 11 changes: pages of 3 -> 4 pages
    single = one_by_one(admin, limit=3)
    assert len(single) == 4
    assert streamed(admin, "", pages=32, limit=3) == single  # ends with the last page, not at 32

    first_two = streamed(admin, "", pages=2, limit=3)
    assert first_two == single[:2] and first_two[-1]["more"]
    # Going on from the cursor of the last page received gives the rest.
    assert streamed(admin, first_two[-1]["cursor"], pages=32, limit=3) == single[2:]


def test_a_reader_streams_only_what_its_role_may_read(harness, api_for):
    app, _admin = seed_employees(harness, api_for, 4)
    kita = api_for(app, "kim", "kita")
    reviewer = api_for(app, "rea", "ideas_reviewer")
    for api in (kita, reviewer):
        pages = streamed(api, "", pages=8, limit=2)
        assert [c for p in pages for c in p["changes"]] == [c for p in one_by_one(api, 2) for c in p["changes"]]


def test_a_resync_answer_ends_the_stream(harness, api_for):
    app, admin = seed_employees(harness, api_for, 2)
    pages = streamed(admin, "not-a-cursor", pages=8, limit=1)
    assert pages == [{"resync": True, "reason": "cursor"}]


def test_errors_of_the_first_page_are_a_status_not_a_stream(harness, api_for):
    app, admin = seed_employees(harness, api_for, 1)
    too_many = admin.client.get("/pull", params={"format": 2, "pages": 1000}, headers=admin.headers())
    assert too_many.status_code == 422
    admin.token = "forged"
    response = admin.client.get("/pull", params={"cursor": "", "format": 2, "pages": 8}, headers=admin.headers())
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"


def _after_first_page(monkeypatch, harness, action):
    """Runs `action` on the service's database once the first page of an answer has been read."""
    from bochum_desktop.server import app as app_module

    original, calls = app_module.pull, []

    def pull(*args, **kwargs):
        calls.append(1)
        answer = original(*args, **kwargs)
        if len(calls) == 1:
            with harness.engine.begin() as conn:
                action(conn)
        return answer

    monkeypatch.setattr(app_module, "pull", pull)


def test_a_user_disabled_during_a_stream_gets_no_further_page(harness, api_for, monkeypatch):
    """Each later page of an answer checks the login again (a slow link can take a while over its pages)."""
    from bochum_desktop.server import auth

    app, admin = seed_employees(harness, api_for, 6)
    _after_first_page(monkeypatch, harness, lambda conn: auth.set_active(conn, "root", False))
    pages = streamed(admin, "", pages=8, limit=2)
    assert len(pages) == 1 and pages[0]["more"]
    assert admin.pull(pages[0]["cursor"], limit=2, page_format=2).status_code == 401


def test_a_role_revoked_during_a_stream_ends_it_with_a_resync(harness, api_for, monkeypatch):
    """The cursor names the roles it was made with: the next page sees other roles and answers "resync", as a
    new request would - the desk's file must match what its user may see."""
    from bochum_desktop.server import auth

    app, _admin = seed_employees(harness, api_for, 6)
    kita = api_for(app, "kim", "kita", "ideas")
    _after_first_page(monkeypatch, harness, lambda conn: auth.revoke(conn, "kim", "ideas"))
    pages = streamed(kita, "", pages=8, limit=2)
    assert len(pages) == 2 and pages[0]["more"] and pages[1] == {"resync": True, "reason": "roles"}
