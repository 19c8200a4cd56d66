"""Sync on quit (issue 6: "automatic sync ... on start/quit when online"): one short, bounded push that
never loses the outbox."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from bochum_desktop.reference.model import Employee
from bochum_desktop.server.testing import Harness
from bochum_desktop.sync.auth import TokenStore
from bochum_desktop.sync.client import SyncClient, login, status
from bochum_desktop.sync.setup import SyncConfig, save_config
from bochum_desktop.sync.transport import TransportError, in_process
from bochum_desktop.sync.views import status_widget

from .sync_helpers import add_employee, get

pytestmark = [pytest.mark.pg, pytest.mark.gui]


class Unreachable:
    def __init__(self) -> None:
        self.calls = 0

    def call(self, *_args, **_kwargs):
        self.calls += 1
        raise TransportError("Der Sync-Dienst ist nicht erreichbar (ConnectTimeout).")


@pytest.fixture
def logged_in(harness, desks, ctx):
    """The desk `ctx` with a stored login for anna (kita) and a second desk of ben's."""
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("ben", "kita")
    save_config(ctx, SyncConfig(server_url="http://sync.test", username="anna"))
    store = TokenStore(use_keyring=False)
    transport = in_process(app)
    client = desks.client(ctx.db, app, "anna", transport=transport)
    store.set("http://sync.test", "anna", client.token)
    b_db = desks.database("ben")
    return app, store, transport, desks.client(b_db, app, "ben"), b_db


def test_quitting_pushes_pending_changes(logged_in, ctx, qtbot):
    _app, store, transport, ben, ben_db = logged_in
    widget = status_widget(ctx, first_sync_after_ms=-1, store=store, transport=transport)
    qtbot.addWidget(widget)
    emp_id = add_employee(ctx.db)
    assert status(ctx.db)["pending"] == 1
    QCoreApplication.instance().aboutToQuit.emit()  # what QApplication.quit() emits before the loop ends
    assert status(ctx.db)["pending"] == 0
    ben.sync_once()
    assert get(ben_db, Employee, emp_id).last_name == "Müller"
    assert widget.sync_on_quit() is None  # once per quit
    assert not widget.timer.isActive()  # no automatic sync starts while the program ends


def test_quit_without_the_service_keeps_every_change(logged_in, ctx, qtbot):
    _app, store, _transport, _ben, _ben_db = logged_in
    unreachable = Unreachable()
    widget = status_widget(ctx, first_sync_after_ms=-1, store=store, transport=unreachable)
    qtbot.addWidget(widget)
    add_employee(ctx.db)
    add_employee(ctx.db, "54321")
    assert widget.sync_on_quit() is None
    assert unreachable.calls == 1  # one attempt, no retries holding up the end of the program
    assert status(ctx.db)["pending"] == 2


def test_quit_without_login_or_with_a_running_sync_does_not_push(logged_in, ctx, qtbot):
    _app, store, _transport, _ben, _ben_db = logged_in
    unreachable = Unreachable()
    add_employee(ctx.db)
    logged_out = status_widget(ctx, first_sync_after_ms=-1, store=TokenStore(use_keyring=False), transport=unreachable)
    qtbot.addWidget(logged_out)
    assert logged_out.sync_on_quit() is None
    busy = status_widget(ctx, first_sync_after_ms=-1, store=store, transport=unreachable)
    qtbot.addWidget(busy)
    busy.running = True  # a background sync is pushing already
    assert busy.sync_on_quit() is None
    assert unreachable.calls == 0 and status(ctx.db)["pending"] == 1


def test_push_with_a_deadline_starts_no_batch_after_it(logged_in, ctx, monkeypatch):
    _app, _store, transport, _ben, _ben_db = logged_in
    from bochum_desktop.sync import client as client_module

    now = [100.0]
    monkeypatch.setattr(client_module.time, "monotonic", lambda: now[0])

    class Slow:
        """Each request takes a second of the (fake) clock."""

        def call(self, *args, **kwargs):
            now[0] += 1.0
            return transport.call(*args, **kwargs)

    client = SyncClient(ctx.db, Slow(), token=None, push_batch=1, app_version="test")
    login(client, "anna", Harness.PASSWORD)
    for n in range(4):
        add_employee(ctx.db, f"1000{n}")
    report = client.push(deadline=now[0] + 1.5)
    assert report.pushed == 2  # batches started at 0 s and 1 s; none at 2 s
    assert status(ctx.db)["pending"] == 2
