"""Fixtures for the Kita tests: a service over the test data file and a small set-up."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from bochum_desktop.kita.dto import KitaInput
from bochum_desktop.kita.rules import ApplicationDraft
from bochum_desktop.kita.service import KitaService


@pytest.fixture
def service(ctx):
    return KitaService.from_context(ctx)


@pytest.fixture
def kitas(service):
    """Two partner Kitas with contracts for 2026/27: Rathaus (1 U3/35 + 1 Ü3/35), Sonnenschein (1 U3/35)."""
    rathaus = service.save_kita(KitaInput(name="Kita Rathaus", provider="AWO", street="Willy-Brandt-Platz 1",
                                          postcode="44787", contact_name="Frau Kaya"))
    sonne = service.save_kita(KitaInput(name="Kita Sonnenschein", provider="Caritas"))
    service.save_contract(rathaus.id, 2026, {("U3", 35): 1, ("UE3", 35): 1}, 120000)
    service.save_contract(sonne.id, 2026, {("U3", 35): 1}, 110000)
    return rathaus, sonne


def make_draft(prefs, **changes) -> ApplicationDraft:
    draft = ApplicationDraft(
        last_name="Müller", first_name="Anna", personnel_number="12345", child_first_name="Ben",
        child_birth_date=date(2025, 5, 1), desired_start=date(2027, 1, 1), booking_hours=35,
        received_date=date(2026, 11, 2), preferences=list(prefs), street="Hauptstr. 1", postcode_city="44787 Bochum",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


class Answers:
    """Stands in for the Ja/Nein questions of the Kita views (a modal message box would block the test):
    a test queues answers and checks `asked`; without a queued answer the question is answered Yes."""

    def __init__(self) -> None:
        self.queue: list[bool] = []
        self.asked: list[str] = []

    def __call__(self, _parent, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.queue.pop(0) if self.queue else True


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    from bochum_desktop.kita.views import common

    fake = Answers()
    monkeypatch.setattr(common, "ask_yes_no", fake)
    return fake


# --- background work of the Kita page (test_background*.py) ---------------------------------------------

def _select(view, row: int) -> None:
    view.selectRow(row)
    view.setCurrentIndex(view.model().index(row, 0))


class Held:
    """Wraps a service method: calls run it at once but return only when the test opens the gate."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.gate = threading.Event()
        self.started = threading.Event()

    def __call__(self, *args, **kwargs):
        result = self.fn(*args, **kwargs)  # read now, with the data as it is now
        self.started.set()
        assert self.gate.wait(10), "test never opened the gate"
        return result


@pytest.fixture
def page(qtbot, ctx, service, kitas):
    from bochum_desktop.kita.views.page import KitaPage

    service.create_application(make_draft([kitas[0].id], single_parent=True))
    service.create_application(make_draft([kitas[0].id, kitas[1].id], personnel_number="54321",
                                          last_name="Schmidt", child_first_name="Mia"))
    widget = KitaPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitUntil(lambda: not widget.ranking.busy and not widget.proposal.busy)
    return widget


@pytest.fixture
def idle(qtbot, ctx):
    runner = ctx.services["task_runner"]
    return lambda: qtbot.waitUntil(lambda: runner.active_count == 0)
