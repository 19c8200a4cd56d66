"""Excel import of partner Kitas and applications from the lists HR keeps today, built on the generic
all-or-nothing import (export.excel_import: template, dry run with a per-row error report, one transaction).

Natural keys: the Kita name; for applications the personnel number (one application per employee and
file). A row whose personnel number already has an application for a *different* child is refused, so an
import can never overwrite a sibling's application; such a second child is entered in the form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.errors import ValidationError
from ..db.session import Database
from ..export.excel_import import ImportColumn, ImportSpec, yes_no
from ..reference.model import Employee
from . import rules
from .application_writer import ApplicationKeys, write_application
from .model import KitaApplication, KitaFacility, KitaPreference

YES_NO = {"ja": "ja", "nein": "nein"}
PREF_KEYS = tuple(f"pref{i}" for i in range(1, rules.MAX_PREFERENCES + 1))


# --- Kitas ---------------------------------------------------------------------------------------------

def _text(max_length: int = 200):
    return lambda x: v.optional_text(x, "text", "Text", max_length) or ""


KITA_COLUMNS = [
    ImportColumn("name", "Name", lambda x: v.require_text(x, "name", "Name", 200), required=True,
                 example="Kita Rathaus", width=30, hint="Name der Kita; ist der Schlüssel (gleicher Name = Änderung)"),
    ImportColumn("provider", "Träger", _text(), example="AWO", default=""),
    ImportColumn("street", "Straße", _text(), example="Willy-Brandt-Platz 1", default=""),
    ImportColumn("postcode", "PLZ", lambda x: str(int(x)) if isinstance(x, float | int) else _text(10)(x),
                 example="44787", default="", width=8),
    ImportColumn("city", "Ort", _text(100), example="Bochum", default="Bochum"),
    ImportColumn("contact_name", "Ansprechperson", _text(), example="Frau Kaya", default=""),
    ImportColumn("contact_phone", "Telefon", lambda x: v.phone(str(x), "contact_phone"), example="0234 910-0"),
    ImportColumn("contact_email", "E-Mail", lambda x: v.email(x, "contact_email"), example="kita@example.org"),
    ImportColumn("active", "Aktiv", lambda x: yes_no(x, "active", "Aktiv"), choices=YES_NO, example="ja",
                 default=True, width=8),
]


def _existing_kitas(session: Session, _lookup) -> dict:
    out: dict = {}
    for k in session.scalars(select(KitaFacility).where(KitaFacility.deleted_at.is_(None))
                             .order_by(KitaFacility.created_at)):
        out.setdefault(k.name, {"id": k.id, **{c.key: getattr(k, c.key) for c in KITA_COLUMNS}})
    return out


def _apply_kita(session: Session, values: dict, existing_id: str | None, _lookup) -> None:
    kita = session.get(KitaFacility, existing_id) if existing_id else KitaFacility()
    for key, value in values.items():
        if getattr(kita, key, None) != value:
            setattr(kita, key, value)
    session.add(kita)


def kita_spec(db: Database | None = None) -> ImportSpec:
    return ImportSpec(entity="Kitas", sheet="Kitas", columns=KITA_COLUMNS, natural_key="name",
                      existing=_existing_kitas, apply_row=_apply_kita)


# --- applications ----------------------------------------------------------------------------------------

@dataclass
class AppLookup:
    today: date
    kita_by_name: dict[str, str] = field(default_factory=dict)  # normalised name -> id
    kita_names: dict[str, str] = field(default_factory=dict)  # id -> name
    employees: dict[str, str] = field(default_factory=dict)  # personnel number -> employee id
    children: dict[str, tuple[str, date | None]] = field(default_factory=dict)  # pn -> existing child
    # Duplicate-check keys for writing, loaded at the first written row of the apply transaction and kept
    # current row by row (the dry run never loads them).
    keys: ApplicationKeys | None = None


def _hours(value: object) -> int:
    try:
        hours = int(float(str(value).replace(",", ".")))
    except ValueError:
        hours = 0
    if hours not in rules.BOOKING_HOURS:
        raise ValidationError({"booking_hours": "Betreuungsumfang: nur 25, 35 oder 45 Wochenstunden sind möglich."})
    return hours


def _decimal(value: object) -> Decimal:
    try:
        return Decimal(str(value).replace(",", ".")).quantize(Decimal("0.1"))
    except ArithmeticError:
        raise ValidationError({"working_hours": f"Wochenarbeitszeit: „{value}“ ist keine Zahl."}) from None


def _kita_name(value: object) -> str:
    return v.require_text(value, "kita", "Kita", 200)


def _kita_choices(db: Database | None):
    def choices() -> dict[str, str]:
        if db is None:
            return {}
        with db.read() as s:
            names = s.scalars(select(KitaFacility.name).where(KitaFacility.deleted_at.is_(None),
                                                              KitaFacility.active.is_(True))
                              .order_by(KitaFacility.name)).all()
        return {n: n for n in names}
    return choices


def application_columns(db: Database | None = None) -> list[ImportColumn]:
    kitas = _kita_choices(db)
    cols = [
        ImportColumn("personnel_number", "Personalnummer", lambda x: v.personnel_number(x), required=True,
                     example="12345", width=14, hint="Schlüssel: eine Zeile je Beschäftigte/r"),
        ImportColumn("last_name", "Nachname", lambda x: v.require_text(x, "last_name", "Nachname", 100),
                     required=True, example="Müller"),
        ImportColumn("first_name", "Vorname", lambda x: v.require_text(x, "first_name", "Vorname", 100),
                     required=True, example="Anna"),
        ImportColumn("street", "Straße", lambda x: v.optional_text(x, "street", "Straße", 200), example="Hauptstr. 1"),
        ImportColumn("postcode_city", "PLZ und Ort", lambda x: v.optional_text(x, "postcode_city", "PLZ und Ort", 120),
                     example="44787 Bochum"),
        ImportColumn("email", "E-Mail", lambda x: v.email(x, "email"), example="anna.mueller@bochum.de"),
        ImportColumn("child_first_name", "Kind: Vorname",
                     lambda x: v.require_text(x, "child_first_name", "Kind: Vorname", 100), required=True, example="Ben"),
        ImportColumn("child_birth_date", "Kind: Geburtsdatum",
                     lambda x: v.a_date(x, "child_birth_date", "Kind: Geburtsdatum"), required=True,
                     example=date(2025, 5, 1)),
        ImportColumn("desired_start", "Gewünschter Beginn", lambda x: v.a_date(x, "desired_start", "Gewünschter Beginn"),
                     required=True, example=date(2027, 1, 1)),
        ImportColumn("booking_hours", "Betreuungsumfang (Std.)", _hours, required=True,
                     choices={"25": "25", "35": "35", "45": "45"}, example=35, width=12),
    ]
    for i, key in enumerate(PREF_KEYS, start=1):
        cols.append(ImportColumn(key, f"Wunsch-Kita {i}", _kita_name, required=i == 1, choices=kitas,
                                 example="Kita Rathaus" if i == 1 else None, width=24))
    cols += [
        ImportColumn("return_date", "Rückkehr aus Elternzeit",
                     lambda x: v.a_date(x, "return_date", "Rückkehr aus Elternzeit", required=False),
                     example=date(2027, 1, 15)),
        ImportColumn("working_hours", "Wochenarbeitszeit", _decimal, example=30),
        ImportColumn("single_parent", "Alleinerziehend", lambda x: yes_no(x, "single_parent", "Alleinerziehend", False),
                     choices=YES_NO, default=False, example="nein", width=10),
        ImportColumn("shift_work", "Schichtdienst", lambda x: yes_no(x, "shift_work", "Schichtdienst", False),
                     choices=YES_NO, default=False, example="nein", width=10),
        ImportColumn("hardship", "Härtefall", lambda x: yes_no(x, "hardship", "Härtefall", False),
                     choices=YES_NO, default=False, example="nein", width=10),
        ImportColumn("sibling_kita", "Geschwisterkind in Kita", _kita_name, choices=kitas),
        ImportColumn("received_date", "Eingangsdatum", lambda x: v.a_date(x, "received_date", "Eingangsdatum"),
                     required=True, example=date(2026, 11, 2)),
        ImportColumn("remarks", "Bemerkungen", lambda x: v.optional_text(x, "remarks", "Bemerkungen", 2000), width=30),
    ]
    return cols


def _lookup(today: date):
    def load(session: Session) -> AppLookup:
        lk = AppLookup(today)
        for kita_id, name in session.execute(select(KitaFacility.id, KitaFacility.name)
                                             .where(KitaFacility.deleted_at.is_(None))):
            lk.kita_by_name.setdefault(rules.normalise_name(name), kita_id)
            lk.kita_names[kita_id] = name
        for emp_id, pn in session.execute(select(Employee.id, Employee.personnel_number)
                                          .where(Employee.deleted_at.is_(None))):
            lk.employees.setdefault(pn, emp_id)
        return lk
    return load


def _draft(values: dict, lk: AppLookup) -> rules.ApplicationDraft:
    prefs = [lk.kita_by_name.get(rules.normalise_name(values[k]), "?") for k in PREF_KEYS if values.get(k)]
    sibling = values.get("sibling_kita")
    return rules.ApplicationDraft(
        last_name=values["last_name"], first_name=values["first_name"], child_first_name=values["child_first_name"],
        child_birth_date=values["child_birth_date"], desired_start=values["desired_start"],
        booking_hours=values["booking_hours"], received_date=values["received_date"], preferences=prefs,
        employee_id=lk.employees.get(values["personnel_number"]), personnel_number=values["personnel_number"],
        street=values.get("street"), postcode_city=values.get("postcode_city"), email=values.get("email"),
        return_date=values.get("return_date"), working_hours=values.get("working_hours"),
        single_parent=bool(values.get("single_parent")), shift_work=bool(values.get("shift_work")),
        hardship=bool(values.get("hardship")),
        sibling_kita_id=lk.kita_by_name.get(rules.normalise_name(sibling)) if sibling else None,
        remarks=values.get("remarks"))


def _check_application(values: dict, lk: AppLookup, _file_keys: set) -> None:
    errors: dict[str, str] = {}
    for key in (*PREF_KEYS, "sibling_kita"):
        name = values.get(key)
        if name and rules.normalise_name(name) not in lk.kita_by_name:
            errors[key] = f"Die Kita „{name}“ gibt es nicht; bitte zuerst die Kitas anlegen oder importieren."
        elif name:
            # Spelling as stored ("kita rathaus" -> "Kita Rathaus"), so a re-import is "unchanged".
            values[key] = lk.kita_names[lk.kita_by_name[rules.normalise_name(name)]]
    child = lk.children.get(values["personnel_number"])
    if child and (rules.normalise_name(child[0]), child[1]) != (
            rules.normalise_name(values["child_first_name"]), values["child_birth_date"]):
        errors["child_first_name"] = (f"Für diese Personalnummer gibt es schon einen Antrag für ein anderes Kind "
                                      f"({child[0]}); bitte das zweite Kind im Formular erfassen.")
    try:
        rules.validate_application(_draft(values, lk), lk.today)
    except ValidationError as exc:
        for fld, message in exc.errors.items():
            errors.setdefault("pref1" if fld == "preferences" else fld, message)
    if errors:
        raise ValidationError(errors)


def _existing_applications(session: Session, lk: AppLookup) -> dict:
    """personnel number -> the stored application in the import's terms (for insert/update/unchanged)."""
    out: dict = {}
    apps = session.scalars(select(KitaApplication).where(
        KitaApplication.deleted_at.is_(None), KitaApplication.status.notin_(("zurueckgezogen", "beendet")))
        .order_by(KitaApplication.created_at)).all()
    prefs: dict[str, list[tuple[int, str]]] = {}
    for p in session.scalars(select(KitaPreference).where(KitaPreference.deleted_at.is_(None))):
        prefs.setdefault(p.application_id, []).append((p.position, p.kita_id))
    for a in apps:
        if not a.personnel_number or a.personnel_number in out:
            continue
        wished = [lk.kita_names.get(k, "") for _, k in sorted(prefs.get(a.id, []))]
        row = {"id": a.id, **{k: getattr(a, k) for k in (
            "personnel_number", "last_name", "first_name", "street", "postcode_city", "email", "child_first_name",
            "child_birth_date", "desired_start", "booking_hours", "return_date", "working_hours", "single_parent",
            "shift_work", "hardship", "received_date", "remarks")}}
        for i, key in enumerate(PREF_KEYS):
            row[key] = wished[i] if i < len(wished) else None
        row["sibling_kita"] = lk.kita_names.get(a.sibling_kita_id) if a.sibling_kita_id else None
        out[a.personnel_number] = row
        lk.children[a.personnel_number] = (a.child_first_name, a.child_birth_date)
    return out


def _apply_application(session: Session, values: dict, existing_id: str | None, lk: AppLookup) -> None:
    if lk.keys is None:
        lk.keys = ApplicationKeys.load(session)
    write_application(session, _draft(values, lk), existing_id, lk.today, lk.keys)


def application_spec(db: Database | None = None, today: date | None = None) -> ImportSpec:
    today = today or (db.clock.today() if db is not None else date.today())
    return ImportSpec(entity="Kita-Anträge", sheet="Anträge", columns=application_columns(db),
                      natural_key="personnel_number", existing=_existing_applications, apply_row=_apply_application,
                      lookup=_lookup(today), check_row=_check_application)
