"""The Kita workflow end to end through the service: Kitas, contracts, applications, proposal, offers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from bochum_desktop.core.clock import BERLIN
from bochum_desktop.core.errors import DomainError, ValidationError
from bochum_desktop.db.journal import AuditRecord
from bochum_desktop.kita.dto import ProposalEntry

from .conftest import make_draft

JAN = date(2027, 1, 1)


def test_full_workflow_from_application_to_placement(service, kitas, db):
    rathaus, sonne = kitas
    anna = service.create_application(make_draft([rathaus.id, sonne.id], single_parent=True))
    carl = service.create_application(make_draft([rathaus.id], last_name="Schmidt", first_name="Carl",
                                                 personnel_number="22222", child_first_name="Mia",
                                                 received_date=date(2026, 10, 1)))
    ranking = service.ranking()
    assert [r.application_id for r in ranking] == [anna.id, carl.id]
    assert ranking[0].explanation == ("20 Punkte: alleinerziehend",)

    proposal = service.compute_proposal(2026, JAN)
    assert [(e.application_id, e.kita_name, e.band) for e in proposal.entries] == [(anna.id, "Kita Rathaus", "U3")]
    assert proposal.unplaced == [(carl.id, "Schmidt, Carl", proposal.unplaced[0][2])]

    offers = service.confirm_proposal(2026, JAN, proposal.entries)
    assert offers[0].deadline == date(2026, 12, 10) and offers[0].status == "open"
    assert service.get_application(anna.id).status == "angebot"
    # the open offer holds the place: Carl still gets nothing at Rathaus
    assert service.compute_proposal(2026, JAN).entries == []

    answer = service.accept_offer(offers[0].id)
    assert answer.placement.kita_name == "Kita Rathaus" and answer.placement.end_date == date(2031, 7, 31)
    assert service.get_application(anna.id).status == "angenommen"
    occ = service.occupancy(rathaus.id, 2026)
    assert (occ[5].month, occ[5].occupied_u3, occ[5].free) == (JAN, 1, 1)
    assert occ[4].occupied_u3 == 0

    with db.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.row_id == anna.id)).all()
    assert [a.changes.get("status", [None, None])[1] for a in audit if "status" in a.changes] == [
        "eingegangen", "angebot", "angenommen"]


def test_decline_puts_back_on_list_and_next_candidate_is_proposed(service, kitas):
    rathaus, _ = kitas
    first = service.create_application(make_draft([rathaus.id], hardship=True))
    second = service.create_application(make_draft([rathaus.id], last_name="Schmidt", personnel_number="22222"))
    offer = service.confirm_proposal(2026, JAN, service.compute_proposal(2026, JAN).entries)[0]
    assert offer.application_id == first.id
    answer = service.decline_offer(offer.id, back_to_list=False)
    assert service.get_application(first.id).status == "abgelehnt"
    assert [e.application_id for e in answer.next_proposal.entries] == [second.id]
    with pytest.raises(DomainError, match="nicht mehr offen"):
        service.accept_offer(offer.id)


def test_expired_offer_goes_back_to_waiting_list(service, kitas, clock):
    rathaus, _ = kitas
    app = service.create_application(make_draft([rathaus.id]))
    offer = service.confirm_proposal(2026, JAN, service.compute_proposal(2026, JAN).entries)[0]
    due = service.due_items()
    assert [d.kind for d in due] == []
    clock.set(datetime(2026, 12, 8, 9, 0, tzinfo=BERLIN))
    assert [d.kind for d in service.due_items()] == ["offer_expiring"]
    clock.set(datetime(2026, 12, 11, 9, 0, tzinfo=BERLIN))
    expired = service.expire_offers()
    assert [e.offer.id for e in expired] == [offer.id]
    assert service.get_application(app.id).status == "warteliste"
    assert [e.application_id for e in expired[0].next_proposal.entries] == [app.id]


def test_override_needs_reason_and_full_band_is_refused(service, kitas):
    rathaus, sonne = kitas
    a = service.create_application(make_draft([rathaus.id, sonne.id], single_parent=True))
    b = service.create_application(make_draft([sonne.id], last_name="Schmidt", personnel_number="22222"))
    c = service.create_application(make_draft([rathaus.id], last_name="Yilmaz", personnel_number="33333"))
    # HR wants a in Sonnenschein instead of Rathaus: needs a reason
    with pytest.raises(ValidationError) as err:
        service.confirm_proposal(2026, JAN, [ProposalEntry(a.id, sonne.id, JAN)])
    assert "Begründung" in err.value.message
    # both into Sonnenschein (1 place): the second is refused, and nothing of the first is kept
    with pytest.raises(ValidationError) as err:
        service.confirm_proposal(2026, JAN, [ProposalEntry(a.id, sonne.id, JAN, override_reason="Wohnortnähe"),
                                             ProposalEntry(b.id, sonne.id, JAN)])
    assert "keinen freien U3-Platz mit 35 Std." in err.value.message
    assert service.list_offers() == []
    offers = service.confirm_proposal(2026, JAN, [ProposalEntry(a.id, sonne.id, JAN, override_reason="Wohnortnähe"),
                                                  ProposalEntry(c.id, rathaus.id, JAN, override_reason="frei geworden")])
    assert [o.override_reason for o in offers] == ["Wohnortnähe", "frei geworden"]
    with pytest.raises(ValidationError, match="bereits ein offenes Angebot"):
        service.confirm_proposal(2026, JAN, [ProposalEntry(a.id, rathaus.id, JAN, override_reason="x")])


def test_duplicate_application_and_bad_input_refused(service, kitas):
    rathaus, _ = kitas
    service.create_application(make_draft([rathaus.id]))
    with pytest.raises(ValidationError, match="Duplikat"):
        service.create_application(make_draft([rathaus.id], child_first_name="BEN"))
    with pytest.raises(ValidationError) as err:
        service.create_application(make_draft([rathaus.id], child_first_name="Lea", booking_hours=40,
                                              child_birth_date=date(2027, 1, 1)))
    assert set(err.value.errors) == {"booking_hours", "child_birth_date"}
    assert len(service.list_applications()) == 1


def test_contract_reduction_warns_about_over_capacity(service, kitas):
    rathaus, _ = kitas
    service.create_application(make_draft([rathaus.id]))
    offer = service.confirm_proposal(2026, JAN, service.compute_proposal(2026, JAN).entries)[0]
    service.accept_offer(offer.id)
    contract = service.list_contracts(2026, rathaus.id)[0]
    result = service.save_contract(rathaus.id, 2026, {("U3", 35): 0, ("UE3", 35): 1}, 120000,
                                   contract_id=contract.id, reason="Träger reduziert")
    assert result.warnings and "Überbelegung 01/2027: U3 35 Std. – 0 Plätze, 1 Kinder" in result.warnings[0]
    assert len(service.list_placements()) == 1  # nobody silently dropped
    with pytest.raises(ValidationError, match="bereits einen Vertrag"):
        service.save_contract(rathaus.id, 2026, {}, 0)


def test_status_transitions_are_checked_and_audited_with_reason(service, kitas, db):
    rathaus, _ = kitas
    app = service.create_application(make_draft([rathaus.id]))
    service.change_status(app.id, "in_pruefung", "Unterlagen vollständig")
    with pytest.raises(ValidationError, match="nicht möglich"):
        service.change_status(app.id, "angenommen", "so nicht")
    with db.read() as s:
        notes = [a.note for a in s.scalars(select(AuditRecord).where(AuditRecord.row_id == app.id))]
    assert "Unterlagen vollständig" in notes


def test_waitlist_position_search_and_what_if(service, kitas):
    rathaus, sonne = kitas
    a = service.create_application(make_draft([rathaus.id], single_parent=True))
    b = service.create_application(make_draft([sonne.id, rathaus.id], last_name="Özdemir", first_name="Ümit",
                                              personnel_number="22222"))
    positions = service.waitlist_positions(b.id)
    assert [(p.kita_name, p.band, p.position, p.total) for p in positions] == [
        ("Kita Sonnenschein", "U3", 1, 1), ("Kita Rathaus", "U3", 2, 2)]
    w = service.what_if(b.id, hardship=True)
    assert (w.old_rank, w.new_rank) == (2, 1)
    assert service.get_application(b.id).hardship is False
    assert [h.target_id for h in service.search("OZDEMIR")] == [b.id]
    assert [h.target_id for h in service.search("müller")] == [a.id]


def test_due_items_for_start_and_school_leaving(service, kitas, clock):
    rathaus, _ = kitas
    app = service.create_application(make_draft([rathaus.id], child_birth_date=date(2021, 9, 1),
                                                desired_start=date(2026, 12, 1), received_date=date(2026, 11, 2)))
    offer = service.confirm_proposal(2026, date(2026, 12, 1), service.compute_proposal(2026, date(2026, 12, 1)).entries)[0]
    service.accept_offer(offer.id)
    assert [d.kind for d in service.due_items()] == ["placement_starting"]
    clock.set(datetime(2027, 7, 1, 9, 0, tzinfo=BERLIN))
    items = service.due_items()
    assert [(d.kind, d.due) for d in items] == [("school_leaving", date(2027, 7, 31))]
    assert app.child_first_name in items[0].title


def test_feature_hooks_share_one_service(ctx, kitas):
    from bochum_desktop.kita import feature

    rathaus, _ = kitas
    svc = feature.service(ctx)
    assert feature.service(ctx) is svc and ctx.services["kita"] is svc
    app = svc.create_application(make_draft([rathaus.id]))
    assert [h.target_id for h in feature.search(ctx, "Ben")] == [app.id]
    assert feature.due_items(ctx) == []


def test_demo_data_fills_every_tab(db, service):
    import random

    from bochum_desktop.demo import load_reference
    from bochum_desktop.kita.demo import load_demo

    load_reference(db, employees=30)
    load_demo(db, random.Random(1))
    assert len(service.list_kitas()) == 4 and len(service.list_contracts(2026)) == 4
    assert len(service.list_applications()) == 24
    assert [o.status for o in service.list_offers()] == ["open"]
    assert len(service.list_placements()) == 1
    assert service.compute_proposal(2026, date(2027, 1, 1)).entries
    assert [d.kind for d in service.due_items()] == ["offer_expiring"]


def test_a_bad_email_is_refused_at_the_field(service, kitas):
    with pytest.raises(ValidationError) as exc:
        service.create_application(make_draft([kitas[0].id], email="kein-at"))
    assert exc.value.errors == {"email": "E-Mail: „kein-at“ ist keine gültige E-Mail-Adresse."}
    assert service.list_applications() == []
    assert service.create_application(make_draft([kitas[0].id], email="a.mueller@bochum.example")).email


def test_the_form_shows_the_email_message_under_the_field(qtbot, service, kitas):
    from bochum_desktop.kita.views.application_dialog import ApplicationDialog

    dlg = ApplicationDialog(service, None)
    qtbot.addWidget(dlg)
    for edit, text in ((dlg.last_name, "Schmidt"), (dlg.first_name, "Carl"), (dlg.child_first_name, "Mia"),
                       (dlg.child_birth_date, "01.03.2025"), (dlg.desired_start, "01.01.2027"), (dlg.email, "kein-at")):
        qtbot.keyClicks(edit, text)
    dlg.preferences[0].setCurrentIndex(1)
    dlg.save()
    assert dlg.saved is None and "keine gültige E-Mail-Adresse" in dlg.errors.labels["email"].text()
