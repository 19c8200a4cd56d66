"""The desk asks for several pull pages in one request where its transport can receive them streamed; an
answer cut short keeps the pages that arrived whole (each with its cursor) and the next pull goes on from
there. Transports that cannot stream get one page per request (test_pull_fast.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.sync.client import PULL_STREAM_PAGES
from bochum_desktop.sync.transport import TransportError

from .test_pull_fast import found, seeded

pytestmark = pytest.mark.pg


class Recording:
    """Counts requests and the pages of each answer; cuts a streamed answer after `cut_after` pages."""

    def __init__(self, inner, cut_after: int | None = None) -> None:
        self.inner, self.cut_after = inner, cut_after
        self.answers: list[int] = []  # pages per pull request

    def call(self, method, path, **kwargs):
        return self.inner.call(method, path, **kwargs)

    def stream(self, method, path, **kwargs):
        assert kwargs["params"]["pages"] == PULL_STREAM_PAGES
        self.answers.append(0)
        for document in self.inner.stream(method, path, **kwargs):
            if self.cut_after is not None and self.answers[-1] == self.cut_after:
                raise TransportError("Der Sync-Dienst ist nicht erreichbar (Test: Antwort abgebrochen).")
            self.answers[-1] += 1
            yield document


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(OrgUnit)), s.scalar(select(func.count()).select_from(Employee))


def test_an_initial_pull_of_several_pages_takes_one_request(pair):
    _app, _a_db, b_db, b = seeded(pair)  # one unit, five employees
    b.pull_page = 2
    b.transport = Recording(b.transport)
    report = b.pull()
    assert report.pulled == 6 and counts(b_db) == (1, 5)
    assert b.transport.answers == [4]  # three full pages and the empty one that says "no more"
    assert found(b_db, "weiss") == ["Weiß"]


def test_an_answer_cut_short_keeps_the_whole_pages_and_the_next_pull_goes_on(pair):
    _app, _a_db, b_db, b = seeded(pair)
    b.pull_page = 2
    b.transport = Recording(b.transport, cut_after=2)
    with pytest.raises(TransportError):
        b.pull()
    assert counts(b_db) == (1, 3)  # two pages of two changes
    assert all(found(b_db, name) == [name] for name in ("Weiß", "Müller", "Özdemir"))
    b.transport.cut_after = None
    report = b.pull()
    assert report.pulled == 2 and counts(b_db) == (1, 5)  # only the rest, nothing twice
    assert b.transport.answers == [2, 2]
    assert found(b_db, "strauss") == ["Strauß"] and len(found(b_db, "")) == 5


def test_the_garbage_collector_is_off_while_pulling_and_on_again_afterwards(pair, monkeypatch):
    """Paused for the pull (a page parses into thousands of objects), always switched on again - also when
    the pull fails - and left off where it was off before."""
    import gc

    from bochum_desktop.sync.apply import PageApplier

    _app, _a_db, b_db, b = seeded(pair)
    b.pull_page = 2
    original, seen = PageApplier.apply_columns, []

    def apply_columns(self, *args):
        seen.append(gc.isenabled())
        if len(seen) == 2 and fail:
            raise RuntimeError("Schreibfehler (Test)")
        return original(self, *args)

    monkeypatch.setattr(PageApplier, "apply_columns", apply_columns)
    fail = True
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        b.pull()
    assert gc.isenabled() and seen == [False, False]
    fail = False
    gc.disable()
    try:
        b.pull()
        assert not gc.isenabled() and not any(seen)
    finally:
        gc.enable()
    assert counts(b_db) == (1, 5)
