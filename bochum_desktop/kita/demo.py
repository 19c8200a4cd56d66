"""Fictitious Kita demo data (called by bochum_desktop.demo.load_all): four partner Kitas with contracts for
the current and the next Kita year, applications from demo employees, one open offer and placements.

Written with sync_apply like the reference demo data, so demo rows never reach a shared server's outbox."""

from __future__ import annotations

import logging
import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import inspect, select

from ..db.session import Database
from ..reference.model import Employee
from . import rules
from .application_writer import ApplicationKeys, write_application
from .model import KitaContract, KitaContractPlaces, KitaFacility, KitaOffer, KitaPlacement

KITAS = [
    ("Kita Rathaus", "AWO Unterbezirk Ruhr-Mitte", "Willy-Brandt-Platz 1", "44787", "Frau Kaya"),
    ("Kita Sonnenschein", "Caritasverband Bochum", "Hattinger Straße 40", "44789", "Herr Lange"),
    ("Kita Kunterbunt", "Evangelischer Kirchenkreis", "Castroper Straße 10", "44791", "Frau Nowak"),
    ("Kita Regenbogen", "DRK Kreisverband Bochum", "Wittener Straße 100", "44803", "Frau Öztürk"),
]
log = logging.getLogger(__name__)

CHILDREN = ["Ben", "Mia", "Noah", "Emma", "Elif", "Paul", "Lina", "Finn", "Mila", "Emil", "Lea", "Yusuf", "Ida",
            "Leo", "Zoe", "Jonas", "Ella", "Can", "Marie", "Anton"]


def load_demo(db: Database, rng: random.Random, applications: int = 24) -> None:
    if not inspect(db.engine).has_table(KitaFacility.__tablename__):
        # A data file migrated by a schema that predates the Kita tables: no demo rather than a failed start.
        log.warning("kita demo data skipped: table %s missing", KitaFacility.__tablename__)
        return
    today = db.clock.today()
    year = rules.kita_year_of(today)
    with db.unit_of_work(sync_apply=True, note="Demodaten Kita") as s:
        kitas = []
        for name, provider, street, postcode, contact in KITAS:
            kita = KitaFacility(name=name, provider=provider, street=street, postcode=postcode, city="Bochum",
                                contact_name=contact, contact_phone="0234 910-0", active=True)
            s.add(kita)
            kitas.append(kita)
        s.flush()
        for y in (year, year + 1):
            first, last = rules.kita_year_bounds(y)
            for kita in kitas:
                contract = KitaContract(kita_id=kita.id, kita_year=y, valid_from=first, valid_to=last,
                                        cost_per_place_cents=rng.choice([110000, 120000, 125000]))
                s.add(contract)
                s.flush()
                for band in rules.BANDS:
                    for hours in (35, 45):
                        s.add(KitaContractPlaces(contract_id=contract.id, age_band=band, booking_hours=hours,
                                                 places=rng.randint(1, 3)))
        employees = s.scalars(select(Employee).where(Employee.deleted_at.is_(None)).order_by(Employee.personnel_number)
                              .limit(applications)).all()
        apps = []
        keys = ApplicationKeys.load(s)
        for i, emp in enumerate(employees):
            birth = today - timedelta(days=rng.randint(300, 1500))
            start = date(today.year + (today.month >= 11), (today.month + 1) % 12 + 1, 1)
            wished = rng.sample(kitas, rng.randint(1, 3))
            draft = rules.ApplicationDraft(
                last_name=emp.last_name, first_name=emp.first_name, child_first_name=CHILDREN[i % len(CHILDREN)],
                child_birth_date=birth, desired_start=start, booking_hours=rng.choice([35, 35, 45]),
                received_date=today - timedelta(days=rng.randint(5, 120)), preferences=[k.id for k in wished],
                employee_id=emp.id, personnel_number=emp.personnel_number, street="Musterstraße 1",
                postcode_city="44787 Bochum", return_date=start + timedelta(days=rng.randint(-30, 200)),
                working_hours=Decimal(rng.choice([20, 25, 30, 39])), single_parent=rng.random() < 0.2,
                shift_work=rng.random() < 0.15, hardship=rng.random() < 0.05)
            apps.append(write_application(s, draft, None, today, keys))
        s.flush()
        # One child already placed and one open offer, so every tab shows something.
        if len(apps) >= 2:
            placed, offered = apps[0], apps[1]
            s.add(KitaPlacement(application_id=placed.id, kita_id=kitas[0].id, booking_hours=placed.booking_hours,
                                start_date=rules.kita_year_bounds(year)[0], end_date=rules.place_end(placed.child_birth_date),
                                ended=False))
            placed.status = "angenommen"
            s.add(KitaOffer(application_id=offered.id, kita_id=kitas[1].id,
                            age_band=rules.age_band_at(offered.child_birth_date, offered.desired_start),
                            booking_hours=offered.booking_hours, start_date=offered.desired_start,
                            deadline=today + timedelta(days=2), status="open"))
            offered.status = "angebot"
