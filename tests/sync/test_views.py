"""The sync views: login, status in the status bar, conflict queue and parked changes."""

from __future__ import annotations

import pytest

from bochum_desktop.reference.model import Employee
from bochum_desktop.sync.auth import TokenStore
from bochum_desktop.sync.client import status
from bochum_desktop.sync.transport import in_process
from bochum_desktop.sync.views.conflicts import ConflictDialog
from bochum_desktop.sync.views.login import LoginDialog
from bochum_desktop.sync.views.status import SyncStatusWidget

from .sync_helpers import add_employee, edit, get

pytestmark = [pytest.mark.pg, pytest.mark.gui]


@pytest.fixture
def setup(harness, desks, ctx, qtbot):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("ben", "kita")
    transport = in_process(app)
    store = TokenStore(use_keyring=False)
    dialog = LoginDialog(ctx, store=store, transport=transport)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("http://sync.test")
    dialog.user_edit.setText("anna")
    dialog.password_edit.setText("falsch-falsch")
    dialog.login_button.click()
    assert not dialog.error_label.isHidden() and "falsch" in dialog.error_label.text()
    dialog.password_edit.setText(harness.PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.login_button.click()
    assert store.get("http://sync.test", "anna")
    assert ctx.feature_settings("sync")["username"] == "anna"
    widget = SyncStatusWidget(ctx, store=store, transport=transport)
    qtbot.addWidget(widget)
    b_db = desks.database("ben")
    return widget, desks.client(b_db, app, "ben"), b_db


def test_status_shows_pending_and_last_sync_and_syncs_on_demand(setup, ctx, qtbot):
    widget, _b, _b_db = setup
    add_employee(ctx.db)
    widget.refresh()
    assert "1 pending" in widget.state_label.text()
    with qtbot.waitSignal(widget.synced):
        widget.sync_button.click()
    assert "Last sync: 26.11.2026" in widget.state_label.text()
    assert "pending" not in widget.state_label.text()
    assert widget.login_button.isHidden()


def test_conflict_is_resolved_in_the_queue_and_goes_back_as_a_change(setup, ctx, qtbot):
    widget, b, b_db = setup
    emp_id = add_employee(ctx.db)
    with qtbot.waitSignal(widget.synced):  # runs in the app's task runner
        widget.sync_now()
    b.sync_once()
    edit(ctx.db, Employee, emp_id, last_name="Meier")
    edit(b_db, Employee, emp_id, last_name="Schulz")
    b.sync_once()
    with qtbot.waitSignal(widget.synced):  # runs in the app's task runner
        widget.sync_now()
    assert widget.conflicts_button.text() == "Conflicts: 1"
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.conflict_list.count() == 1
    assert [dialog.value_labels[k].text() for k in ("base", "mine", "theirs")] == ["Müller", "Meier", "Schulz"]
    dialog.take_other.setChecked(True)
    dialog.other_edit.setText("Meier-Schulz")
    dialog.apply_button.click()
    assert dialog.conflict_list.count() == 0 and status(ctx.db)["pending"] == 1
    with qtbot.waitSignal(widget.synced):  # runs in the app's task runner
        widget.sync_now()
    b.sync_once()
    assert get(b_db, Employee, emp_id).last_name == "Meier-Schulz"


def test_rejected_change_listed_with_reason_and_discarded(setup, ctx, qtbot, harness):
    widget, b, _b_db = setup
    emp_id = add_employee(ctx.db)
    with qtbot.waitSignal(widget.synced):  # runs in the app's task runner
        widget.sync_now()
    from bochum_desktop.server import auth

    with harness.engine.begin() as conn:
        auth.revoke(conn, "anna", "kita")
        auth.grant(conn, "anna", "ideas_reviewer")
    edit(ctx.db, Employee, emp_id, phone="0234 5")
    with qtbot.waitSignal(widget.synced):  # runs in the app's task runner
        widget.sync_now()
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.rejected_table.rowCount() == 1
    assert "Keine Berechtigung" in dialog.rejected_table.item(0, 3).text()
    dialog.discard_button.click()
    assert dialog.rejected_table.rowCount() == 0
    assert get(ctx.db, Employee, emp_id).phone is None
