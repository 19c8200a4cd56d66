"""Fictitious demo data so a newcomer sees something real. Every name here is invented.

Features add their own demo data through a `load_demo(db, rng)` function in a module listed in
FEATURE_DEMO_MODULES; the list is here so no feature imports another."""

from __future__ import annotations

import importlib
import logging
import random

from sqlalchemy import delete, func, insert, select

from .core.ids import new_id
from .db import search
from .db.journal import LocalMeta, OutboxEntry
from .db.session import Database
from .reference.model import Employee, OrgUnit

log = logging.getLogger(__name__)

FEATURE_DEMO_MODULES: list[str] = ["bochum_desktop.kita.demo", "bochum_desktop.ideas.demo"]

ORG_UNITS = [
    ("10", "Personal- und Organisationsamt"),
    ("12", "Amt für Informationstechnik"),
    ("20", "Kämmerei"),
    ("32", "Ordnungsamt"),
    ("37", "Feuerwehr und Rettungsdienst"),
    ("40", "Schulverwaltungsamt"),
    ("50", "Amt für Soziales"),
    ("51", "Jugendamt"),
    ("61", "Amt für Stadtplanung und Wohnen"),
    ("67", "Umwelt- und Grünflächenamt"),
]

LAST_NAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
    "Yılmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Günther", "Böhm", "Jäger", "Groß", "Weiß",
]
FIRST_NAMES = [
    "Anna", "Lena", "Marie", "Sophie", "Jana", "Özlem", "Aylin", "Katharina", "Jörg", "Jürgen", "Lukas",
    "Jonas", "Felix", "Max", "Paul", "Mehmet", "Ahmet", "Zoë", "Björn", "Sören", "Chiara", "Julia", "Hannah",
    "Leon", "Elif", "Niklas", "Tim", "Sarah", "Laura", "Mia",
]


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ë": "e", "Ö": "Oe", "Ü": "Ue", "Ä": "Ae"})


def _mail_part(text: str) -> str:
    return text.lower().translate(_TRANSLIT).encode("ascii", "ignore").decode()


def is_empty(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Employee.id).limit(1)) is None and s.scalar(select(OrgUnit.id).limit(1)) is None


def load_reference(db: Database, employees: int = 120, seed: int = 2026) -> None:
    """Org units and employees. Large counts go in through Core inserts (one transaction); the
    outbox gets no entries for them, as demo data must never be pushed to a shared server."""
    rng = random.Random(seed)
    with db.unit_of_work(sync_apply=True, note="Demodaten") as s:
        units = []
        for code, name in ORG_UNITS:
            unit = OrgUnit(code=code, name=name, active=True)
            s.add(unit)
            units.append(unit)
        s.flush()
        now = db.clock.now()
        rows = []
        for i in range(employees):
            last, first = rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES)
            rows.append(
                {
                    "id": new_id(),
                    "personnel_number": f"{100000 + i:06d}",
                    "last_name": last,
                    "first_name": first,
                    "org_unit_id": rng.choice(units).id,
                    "email": f"{_mail_part(first)}.{_mail_part(last)}{i}@bochum.example",
                    "phone": f"0234 910-{1000 + i % 9000}",
                    "active": rng.random() > 0.03,
                    "created_at": now,
                    "updated_at": now,
                    "server_version": 0,
                    "updated_by": db.user,
                }
            )
        for start in range(0, len(rows), 5000):
            s.execute(insert(Employee), rows[start : start + 5000])
        search.rebuild(s, Employee)
        s.merge(LocalMeta(key="demo_data", value="1"))


def load_all(db: Database, employees: int = 120, seed: int = 2026) -> list[str]:
    """Reference data plus every feature's demo data; returns the feature modules that loaded."""
    load_reference(db, employees=employees, seed=seed)
    with db.read() as s:
        before = s.scalar(select(func.max(OutboxEntry.seq))) or 0
    loaded = []
    for name in FEATURE_DEMO_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        module.load_demo(db, random.Random(seed))
        loaded.append(name)
    # Features build their demo data through their services (so it is realistic); none of it may ever be
    # pushed to a shared server.
    with db.unit_of_work() as s:
        s.execute(delete(OutboxEntry).where(OutboxEntry.seq > before))
    return loaded
