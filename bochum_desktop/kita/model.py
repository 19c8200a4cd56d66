"""Tables of the Kita-Kontingent: partner Kitas, reserved-place contracts, applications, offers, placements.

Reserved places (Belegplätze) are contracted per Kita and Kita-year (1 Aug – 31 Jul); the city may not
simply prioritise its staff in public Kitas, so the contingent only ever fills contracted places.
Age band and school cut-off are not stored: they follow from the child's birth date (see rules.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import PERSONAL, Base, SyncMixin

# Application statuses (domain.md). Keys are stored; labels are what users read – all capitalised, as they
# stand alone in lists, filters and table cells ("Angebot" and "Warteliste" are nouns anyway).
STATUS_LABELS: dict[str, str] = {
    "eingegangen": "Eingegangen",
    "in_pruefung": "In Prüfung",
    "angebot": "Angebot",
    "angenommen": "Angenommen",
    "abgelehnt": "Abgelehnt",
    "warteliste": "Warteliste",
    "zurueckgezogen": "Zurückgezogen",
    "beendet": "Beendet",
}

OFFER_STATUS_LABELS: dict[str, str] = {
    "open": "Offen",
    "accepted": "Angenommen",
    "declined": "Abgelehnt",
    "expired": "Abgelaufen",
    "withdrawn": "Zurückgezogen",
}

BAND_LABELS: dict[str, str] = {"U3": "U3", "UE3": "Ü3"}


class KitaFacility(SyncMixin, Base):
    """A partner Kita in which the city has reserved places."""

    __tablename__ = "kita_facility"
    __search_fields__ = ("name", "provider", "city")

    name: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200), default="")  # Träger
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="Bochum")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    contact_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class KitaContract(SyncMixin, Base):
    """Reserved places in one Kita for one Kita-year (kita_year = the year in which it starts on 1 Aug)."""

    __tablename__ = "kita_contract"

    kita_id: Mapped[str] = mapped_column(ForeignKey("kita_facility.id"), index=True)
    kita_year: Mapped[int] = mapped_column(Integer, index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    cost_per_place_cents: Mapped[int] = mapped_column(Integer, default=0)  # per place and month
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)


class KitaContractPlaces(SyncMixin, Base):
    """Number of places of a contract for one age band and one booking-hours class."""

    __tablename__ = "kita_contract_places"

    contract_id: Mapped[str] = mapped_column(ForeignKey("kita_contract.id"), index=True)
    age_band: Mapped[str] = mapped_column(String(3))  # "U3" / "UE3"
    booking_hours: Mapped[int] = mapped_column(Integer)  # 25 / 35 / 45
    places: Mapped[int] = mapped_column(Integer, default=0)


class KitaApplication(SyncMixin, Base):
    """An employee's application for a place for one child.

    employee_id links to the employee register when the applicant is found there; name and personnel
    number are then filled from it so the search index and letters work without joining (and keep
    working for applicants entered by hand, e.g. new staff not yet in the register)."""

    __tablename__ = "kita_application"
    __search_fields__ = ("personnel_number", "last_name", "first_name", "child_first_name")

    employee_id: Mapped[str | None] = mapped_column(ForeignKey("employee.id"), nullable=True, index=True)
    personnel_number: Mapped[str] = mapped_column(String(8), default="", index=True)
    last_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    first_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    street: Mapped[str | None] = mapped_column(String(200), nullable=True, info=PERSONAL)
    postcode_city: Mapped[str | None] = mapped_column(String(120), nullable=True, info=PERSONAL)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True, info=PERSONAL)
    return_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    working_hours: Mapped[Decimal | None] = mapped_column(Numeric(4, 1), nullable=True)
    single_parent: Mapped[bool] = mapped_column(Boolean, default=False)
    shift_work: Mapped[bool] = mapped_column(Boolean, default=False)
    hardship: Mapped[bool] = mapped_column(Boolean, default=False)
    hardship_note: Mapped[str | None] = mapped_column(Text, nullable=True, info=PERSONAL)
    sibling_kita_id: Mapped[str | None] = mapped_column(ForeignKey("kita_facility.id"), nullable=True)
    child_first_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    child_birth_date: Mapped[date | None] = mapped_column(Date, nullable=True, info=PERSONAL)
    desired_start: Mapped[date] = mapped_column(Date)
    booking_hours: Mapped[int] = mapped_column(Integer)
    remarks: Mapped[str | None] = mapped_column(Text, nullable=True, info=PERSONAL)
    received_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="eingegangen", index=True)


class KitaPreference(SyncMixin, Base):
    """One of up to five preferred Kitas of an application, position 1 = first choice."""

    __tablename__ = "kita_preference"

    application_id: Mapped[str] = mapped_column(ForeignKey("kita_application.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kita_id: Mapped[str] = mapped_column(ForeignKey("kita_facility.id"), index=True)


class KitaOffer(SyncMixin, Base):
    """A place offered to an application; the applicant answers by the deadline."""

    __tablename__ = "kita_offer"

    application_id: Mapped[str] = mapped_column(ForeignKey("kita_application.id"), index=True)
    kita_id: Mapped[str] = mapped_column(ForeignKey("kita_facility.id"), index=True)
    age_band: Mapped[str] = mapped_column(String(3))
    booking_hours: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Set when HR confirmed something other than the computed proposal.
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class KitaPlacement(SyncMixin, Base):
    """A child placed in a reserved place, from start to end (school cut-off or earlier end)."""

    __tablename__ = "kita_placement"

    application_id: Mapped[str] = mapped_column(ForeignKey("kita_application.id"), index=True)
    kita_id: Mapped[str] = mapped_column(ForeignKey("kita_facility.id"), index=True)
    offer_id: Mapped[str | None] = mapped_column(ForeignKey("kita_offer.id"), nullable=True)
    booking_hours: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    ended: Mapped[bool] = mapped_column(Boolean, default=False)
