"""Shared helpers of the ideas tests (importable from the test modules)."""

from __future__ import annotations

from bochum_desktop.ideas.dto import IntakeInput, SubmitterIn
from bochum_desktop.ideas.rules import AwardRules

HAMBURG = AwardRules(one_off_rate_bp=2000, annual_rate_bp=4000, lasting_bonus_bp=0, floor_cents=10_000,
                     cap_cents=500_000)



def intake(service, register, **changes):
    data = IntakeInput(
        code_word="Papierlos", title="Digitale Urlaubsanträge",
        current_state="Urlaubsanträge werden auf Papier ausgefüllt und per Hauspost verschickt.",
        proposal="Urlaubsanträge über ein Formular im Intranet stellen und elektronisch genehmigen.",
        benefit="Weniger Papier, schnellere Genehmigung.", org_unit_id=register.amt10.id,
        submitters=[SubmitterIn(register.anna.id), SubmitterIn(register.bernd.id)],
    )
    for k, v in changes.items():
        setattr(data, k, v)
    return service.intake(data)
