"""Writing one application (form and Excel import) and the keys its duplicate check compares against.

The duplicate rule itself stays in rules.validate_application; ApplicationKeys only hands it the stored
applications that can match (same employee, same child), so an import that writes thousands of rows in one
transaction reads the applications once instead of once per row (that made an import quadratic)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.errors import ValidationError
from ..db.session import soft_delete
from . import rules
from .model import KitaApplication, KitaFacility, KitaPreference
from .workflow import _get

# Applications in these statuses no longer count as duplicates: a withdrawn or ended application may be
# filed again for the same child.
CLOSED_STATUSES = ("zurueckgezogen", "beendet")

_Key = tuple[str, str, date | None]


def _key(employee_key: str, child_first_name: str, child_birth_date: date | None) -> _Key:
    return employee_key, rules.normalise_name(child_first_name), child_birth_date


class ApplicationKeys:
    """Duplicate-check keys of the applications on file (not deleted, withdrawn or ended) and the ids of the
    Kitas, read inside the writing transaction. `record` keeps them current after each write, so a row
    written earlier in the same import counts like a stored one."""

    def __init__(self, rows: list[rules.ExistingApplication], kita_ids: set[str]) -> None:
        self.kita_ids = kita_ids
        self._by_key: dict[_Key, dict[str, rules.ExistingApplication]] = {}
        self._key_of: dict[str, _Key] = {}
        for row in rows:
            self._add(row)

    @classmethod
    def load(cls, s: Session) -> ApplicationKeys:
        t = KitaApplication.__table__
        rows = [
            rules.ExistingApplication(
                app_id, rules.employee_key(_Names(employee_id, pn, last, first)), child or "", birth)
            for app_id, employee_id, pn, last, first, child, birth in s.execute(
                select(t.c.id, t.c.employee_id, t.c.personnel_number, t.c.last_name, t.c.first_name,
                       t.c.child_first_name, t.c.child_birth_date)
                .where(t.c.deleted_at.is_(None), t.c.status.notin_(CLOSED_STATUSES)))
        ]
        kita_ids = set(s.scalars(select(KitaFacility.id).where(KitaFacility.deleted_at.is_(None))))
        return cls(rows, kita_ids)

    def candidates(self, draft: rules.ApplicationDraft) -> list[rules.ExistingApplication]:
        """The stored applications the duplicate rule could find for this draft (usually none)."""
        if draft.child_birth_date is None or not draft.child_first_name:
            return []
        key = _key(rules.employee_key(draft), draft.child_first_name, draft.child_birth_date)
        return list(self._by_key.get(key, {}).values())

    def record(self, app: KitaApplication) -> None:
        """After `app` was written: forget its old key, keep the new one while it counts as open."""
        old = self._key_of.pop(app.id, None)
        if old is not None:
            self._by_key.get(old, {}).pop(app.id, None)
        if app.deleted_at is None and app.status not in CLOSED_STATUSES:
            self._add(rules.ExistingApplication(app.id, rules.employee_key(app), app.child_first_name or "",
                                                app.child_birth_date))

    def _add(self, row: rules.ExistingApplication) -> None:
        key = _key(row.employee_key, row.child_first_name, row.child_birth_date)
        self._by_key.setdefault(key, {})[row.id] = row
        self._key_of[row.id] = key


class _Names:
    """The fields rules.employee_key reads, from a plain row."""

    __slots__ = ("employee_id", "personnel_number", "last_name", "first_name")

    def __init__(self, employee_id, personnel_number, last_name, first_name) -> None:
        self.employee_id, self.personnel_number = employee_id, personnel_number or ""
        self.last_name, self.first_name = last_name or "", first_name or ""


def write_application(s: Session, draft: rules.ApplicationDraft, app_id: str | None, today: date,
                      keys: ApplicationKeys | None = None) -> KitaApplication:
    """Validate and write one application with its preferences inside the caller's unit of work
    (the form and the Excel import both use it; the import writes all rows in one transaction and passes
    the same `keys` for every row, loaded once in that transaction)."""
    if draft.employee_id:
        from ..reference.model import Employee

        emp = s.get(Employee, draft.employee_id)
        if emp is None or emp.deleted_at is not None:
            raise ValidationError({"employee_id": "Die/der Beschäftigte wurde nicht gefunden."})
        draft = replace(draft, last_name=emp.last_name, first_name=emp.first_name,
                        personnel_number=emp.personnel_number, email=draft.email or emp.email)
    elif draft.personnel_number:
        draft = replace(draft, personnel_number=v.personnel_number(draft.personnel_number))
    if keys is None:
        keys = ApplicationKeys.load(s)
    rules.validate_application(draft, today, keys.candidates(draft), self_id=app_id)
    if any(p not in keys.kita_ids for p in draft.preferences):
        raise ValidationError({"preferences": "Wunsch-Kitas: eine gewählte Kita gibt es nicht (mehr)."})
    app = _get(s, KitaApplication, app_id, "Antrag") if app_id else KitaApplication(status="eingegangen")
    for name in ("employee_id", "personnel_number", "street", "postcode_city", "email", "return_date",
                 "working_hours", "single_parent", "shift_work", "hardship", "hardship_note",
                 "sibling_kita_id", "child_birth_date", "desired_start", "booking_hours", "remarks",
                 "received_date"):
        value = getattr(draft, name)
        if getattr(app, name, None) != value:
            setattr(app, name, value)
    app.last_name, app.first_name = draft.last_name.strip(), draft.first_name.strip()
    app.child_first_name = draft.child_first_name.strip()
    app.personnel_number = draft.personnel_number or ""
    s.add(app)
    s.flush()
    # A new application has no preferences yet: no need to ask the database.
    old = {} if app_id is None else {p.position: p for p in s.scalars(select(KitaPreference).where(
        KitaPreference.application_id == app.id, KitaPreference.deleted_at.is_(None)))}
    for pos, kita_id in enumerate(draft.preferences, start=1):
        pref = old.pop(pos, None) or KitaPreference(application_id=app.id, position=pos)
        if pref.kita_id != kita_id:
            pref.kita_id = kita_id
        s.add(pref)
    for pref in old.values():
        soft_delete(s, pref)
    s.flush()
    keys.record(app)
    return app
