"""An ideas reviewer's desk holds exactly the suggestions assigned to that reviewer (issue 6: "the desk's
file only ever holds what its user may see"), follows assignment changes, and may push only its statement."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import AuditRecord, OutboxEntry
from bochum_desktop.db.session import soft_delete
from bochum_desktop.ideas.model import IdeaDecision, IdeaReview, IdeaSubmitter, IdeaSuggestion

from .sync_helpers import add_employee, add_unit, edit

pytestmark = pytest.mark.pg


def _suggestion(db, unit_id: str, number: str) -> str:
    with db.unit_of_work() as s:
        sug = IdeaSuggestion(number=number, year=2026, seq=int(number[-2:]), code_word=f"Kennwort {number}",
                             title=f"Vorschlag {number}", current_state="Ist", proposal="Soll", org_unit_id=unit_id,
                             received_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC), status="begutachtung")
        s.add(sug)
    return sug.id


def _assign(db, suggestion_id: str, reviewer_id: str) -> str:
    with db.unit_of_work() as s:
        rv = IdeaReview(suggestion_id=suggestion_id, reviewer_id=reviewer_id, assigned_on=date(2026, 11, 20),
                        due_on=date(2026, 12, 20), status="offen")
        s.add(rv)
    return rv.id


def _ids(db, model) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(model.id)))


@pytest.fixture
def ideas(harness, desks):
    """A coordinator desk with three suggestions: S1 assigned to Rita (1001), S2 to Paul (1002), S3 to nobody."""
    app = harness.app()
    harness.add_user("kora", "ideas")
    harness.add_user("rita", "ideas_reviewer")
    harness.link("rita", "1001")
    coord_db = desks.database("kora")
    coord = desks.client(coord_db, app, "kora")
    unit = add_unit(coord_db)
    rita = add_employee(coord_db, "1001", "Reuter", "Rita", unit)
    paul = add_employee(coord_db, "1002", "Peters", "Paul", unit)
    submitter = add_employee(coord_db, "1003", "Sommer", "Sina", unit)
    s1, s2, s3 = (_suggestion(coord_db, unit, f"VV-2026-00{n}") for n in (11, 12, 13))
    with coord_db.unit_of_work() as s:
        for sug in (s1, s2, s3):
            s.add(IdeaSubmitter(suggestion_id=sug, employee_id=submitter, share_bp=10000))
        s.add(IdeaDecision(suggestion_id=s3, decision="abgelehnt", decided_on=date(2026, 11, 25), participants="X"))
    r1, r2 = _assign(coord_db, s1, rita), _assign(coord_db, s2, paul)
    coord.sync_once()
    return app, coord_db, coord, {"s1": s1, "s2": s2, "s3": s3, "r1": r1, "r2": r2, "rita": rita, "paul": paul}


def test_reviewer_desk_holds_only_own_assignments_and_follows_changes(ideas, desks):
    app, coord_db, coord, ids = ideas
    db = desks.database("rita")
    client = desks.client(db, app, "rita")
    client.sync_once()
    assert _ids(db, IdeaSuggestion) == {ids["s1"]}
    assert _ids(db, IdeaReview) == {ids["r1"]}  # not Paul's statement
    assert _ids(db, IdeaSubmitter) == set() and _ids(db, IdeaDecision) == set()

    # A new assignment: the next sync brings the suggestion (and only Rita's review of it).
    r3 = _assign(coord_db, ids["s2"], ids["rita"])
    coord.sync_once()
    client.sync_once()
    assert _ids(db, IdeaSuggestion) == {ids["s1"], ids["s2"]}
    assert _ids(db, IdeaReview) == {ids["r1"], r3}

    # The assignment of S1 is withdrawn: S1 and its review leave Rita's file, with an audit note.
    with coord_db.unit_of_work() as s:
        soft_delete(s, s.get(IdeaReview, ids["r1"]))
    coord.sync_once()
    report = client.sync_once()
    assert _ids(db, IdeaSuggestion) == {ids["s2"]}
    assert _ids(db, IdeaReview) == {r3}
    assert report.resync is False
    with db.read() as s:
        notes = set(s.scalars(select(AuditRecord.note).where(AuditRecord.row_id == ids["s1"], AuditRecord.op == "purge")))
    assert notes == {"Nicht mehr sichtbar (z. B. Zuweisung aufgehoben)"}

    # Assigned again later: it comes back.
    _assign(coord_db, ids["s1"], ids["rita"])
    coord.sync_once()
    client.sync_once()
    assert _ids(db, IdeaSuggestion) == {ids["s1"], ids["s2"]}


def test_reviewer_pushes_only_the_statement_of_own_assignments(ideas, desks):
    app, coord_db, coord, ids = ideas
    db = desks.database("rita")
    client = desks.client(db, app, "rita")
    client.sync_once()
    edit(db, IdeaReview, ids["r1"], statement="Gut umsetzbar", recommendation="annehmen", status="abgegeben")
    edit(db, IdeaSuggestion, ids["s1"], title="Anderer Titel")
    report = client.sync_once()
    assert report.pushed == 1 and report.rejected == 1
    with db.read() as s:
        refused = s.scalars(select(OutboxEntry).where(OutboxEntry.status == "rejected")).one()
    assert refused.row_id == ids["s1"] and "Keine Berechtigung" in refused.error
    coord.sync_once()
    with coord_db.read() as s:
        assert s.get(IdeaReview, ids["r1"]).statement == "Gut umsetzbar"
        assert s.get(IdeaSuggestion, ids["s1"]).title == "Vorschlag VV-2026-0011"


def test_reviewer_cannot_move_the_suggestion_on(ideas, desks):
    """Deciding where a case goes is the coordinator's and the committee's: a reviewer's status push on the
    suggestion (e.g. straight to "angenommen") is refused."""
    app, coord_db, coord, ids = ideas
    db = desks.database("rita")
    client = desks.client(db, app, "rita")
    client.sync_once()
    edit(db, IdeaSuggestion, ids["s1"], status="angenommen")
    report = client.sync_once()
    assert report.rejected == 1
    coord.sync_once()
    with coord_db.read() as s:
        assert s.get(IdeaSuggestion, ids["s1"]).status == "begutachtung"


def test_unlinked_reviewer_sees_no_suggestions_and_a_new_link_brings_them(ideas, desks, harness):
    app, _coord_db, _coord, ids = ideas
    harness.add_user("udo", "ideas_reviewer")
    db = desks.database("udo")
    client = desks.client(db, app, "udo")
    client.sync_once()
    assert _ids(db, IdeaSuggestion) == set() and _ids(db, IdeaReview) == set()
    harness.link("udo", "1002")  # Udo is Paul
    client.sync_once()
    assert _ids(db, IdeaSuggestion) == {ids["s2"]} and _ids(db, IdeaReview) == {ids["r2"]}
    harness.link("udo", "1001")  # relinked to another person: a fresh pull with exactly Rita's cases
    report = client.sync_once()
    assert report.resync
    assert _ids(db, IdeaSuggestion) == {ids["s1"]} and _ids(db, IdeaReview) == {ids["r1"]}
