"""Fictitious Ideenmanagement demo data (called by bochum_desktop.demo.load_all): a rule set, suggestions
in several stages — just received, in review, decided with an award, implemented — from demo employees.

Goes through IdeasService like a coordinator would, so numbers, shares and awards are real."""

from __future__ import annotations

import logging
import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import inspect, select

from ..context import AppContext
from ..core.settings import Settings, SettingsStore
from ..db.session import Database
from ..reference.model import Employee, OrgUnit
from .dto import (
    AdmissibilityInput,
    AwardInputDTO,
    DecisionInput,
    ImplementationInput,
    IntakeInput,
    RuleSetInput,
    StatementInput,
    SubmitterIn,
)
from .model import IdeaSuggestion
from .rules import AwardRules
from .service import IdeasService

log = logging.getLogger(__name__)

IDEAS = [
    ("Papierlos", "Digitale Urlaubsanträge", "Urlaubsanträge werden auf Papier ausgefüllt und per Hauspost verschickt.",
     "Urlaubsanträge über ein Formular im Intranet stellen und elektronisch genehmigen.",
     "Weniger Papier und Porto, Genehmigung in Stunden statt Tagen."),
    ("Lichtblick", "LED-Beleuchtung in den Fluren des Rathauses",
     "Die Flure sind mit Leuchtstoffröhren beleuchtet, die den ganzen Tag brennen.",
     "LED-Leuchten mit Bewegungsmeldern einbauen.", "Stromkosten sinken um etwa 40 %."),
    ("Sprachbrücke", "Mehrsprachige Wegweiser im Bürgerbüro",
     "Neu Zugewanderte finden die Schalter im Bürgerbüro schwer.",
     "Wegweiser mit Piktogrammen und in den fünf häufigsten Sprachen aufhängen.",
     "Weniger Nachfragen am Empfang, freundlicherer Empfang."),
    ("Fuhrpark", "Dienstfahrräder für kurze Wege",
     "Für Termine in der Innenstadt werden Dienstwagen genutzt und Parkplätze gesucht.",
     "Zwei Dienst-E-Bikes pro Amt für Wege unter fünf Kilometern anschaffen.",
     "Weniger Fahrzeit und Parkgebühren, Beitrag zum Klimaschutz."),
    ("Formularfabrik", "Ausfüllbare PDF-Formulare",
     "Viele Formulare liegen nur als Word-Datei vor und werden ausgedruckt.",
     "Die 20 häufigsten Formulare als ausfüllbare PDF-Dateien anbieten.", "Schnellere Bearbeitung."),
]


def _context(db: Database) -> AppContext:
    return AppContext(settings=Settings(roles=["admin"]), settings_store=SettingsStore(Path("unused.json")), db=db,
                      clock=db.clock, user=db.user or "demo", data_file=Path(""), backup_dir=Path(""))


def load_demo(db: Database, rng: random.Random) -> None:
    if not inspect(db.engine).has_table(IdeaSuggestion.__tablename__):
        log.warning("ideas demo data skipped: table %s missing", IdeaSuggestion.__tablename__)
        return
    with db.read() as s:
        units = s.scalars(select(OrgUnit).where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code)).all()
        staff = s.scalars(select(Employee).where(Employee.active.is_(True)).order_by(Employee.personnel_number)).all()
    if len(units) < 2 or len(staff) < 10:
        return
    service = IdeasService(_context(db))
    today = db.clock.today()
    service.save_rule_set(RuleSetInput("Prämienordnung 2026 (Beispiel)", date(today.year, 1, 1), None,
                                       AwardRules().to_dict()))
    by_unit: dict[str, list[Employee]] = {}
    for e in staff:
        by_unit.setdefault(e.org_unit_id, []).append(e)
    for i, (code_word, title, ist, soll, benefit) in enumerate(IDEAS):
        unit = units[i % len(units)]
        colleagues = by_unit.get(unit.id, [])
        others = [e for e in staff if e.org_unit_id != unit.id]
        submitters = rng.sample(others, 2 if i % 2 == 0 else 1)
        received = db.clock.now() - timedelta(days=90 - i * 15)
        suggestion_id = service.intake(IntakeInput(
            code_word=code_word, title=title, current_state=ist, proposal=soll, benefit=benefit,
            org_unit_id=unit.id, submitters=[SubmitterIn(e.id) for e in submitters], received_at=received,
        ))
        if i == 4:
            continue  # just received
        service.acknowledge(suggestion_id, received.date() + timedelta(days=2))
        service.record_admissibility(suggestion_id, AdmissibilityInput(own_job_duty=False))
        reviewers = [e for e in colleagues if e not in submitters][:1]
        if not reviewers:
            continue
        review_ids = service.assign_reviewers(suggestion_id, [reviewers[0].id],
                                              due_on=today if i == 3 else None)
        if i == 3:
            continue  # review due today: shows on the start page
        # The statement is written by the reviewer, who sees the case pseudonymised.
        reviewer_ctx = _context(db)
        reviewer_ctx.settings.roles = ["ideas_reviewer"]
        reviewer_ctx.settings.features.setdefault("ideas", {})["reviewer_personnel_number"] = reviewers[0].personnel_number
        IdeasService(reviewer_ctx).submit_statement(review_ids[0], StatementInput(
            feasible=i != 2, savings_annual_cents=1_200_000 if i == 1 else 0, costs_cents=300_000 if i == 1 else 0,
            recommendation="annehmen" if i != 2 else "ablehnen", statement="Umsetzbar mit vertretbarem Aufwand."))
        if i == 2:
            service.decide(suggestion_id, DecisionInput(
                decision="abgelehnt", reasons="Die Beschilderung wird bereits im Rahmen der Sanierung erneuert.",
                decided_on=today - timedelta(days=10), participants="Kommission Ideenmanagement",
                award=AwardInputDTO(kind="recognition", recognition_cents=5_000)))
            continue
        award = (AwardInputDTO(kind="savings", annual_savings_cents=1_200_000, costs_cents=300_000) if i == 1
                 else AwardInputDTO(kind="points", benefit_level="mittel", scope="Stadtverwaltung",
                                    effort="gering", time="kurzfristig"))
        service.decide(suggestion_id, DecisionInput(
            decision="angenommen", reasons="Der Vorschlag spart Zeit und Kosten und ist schnell umsetzbar.",
            decided_on=today - timedelta(days=20 - i), participants="Kommission Ideenmanagement", award=award))
        service.save_implementation(suggestion_id, ImplementationInput(
            responsible_unit_id=unit.id, planned_on=today + timedelta(days=30) if i == 0 else today - timedelta(days=5),
            status="geplant"))
