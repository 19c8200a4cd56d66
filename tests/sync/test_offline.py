"""Offline work: an old desk version is refused but keeps working; a resync keeps local changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import OutboxEntry
from bochum_desktop.db.migrate import head_revision
from bochum_desktop.db.session import soft_delete
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.server.prune import prune
from bochum_desktop.sync.client import status, sync_with_retry
from bochum_desktop.sync.transport import TransportError, VersionRefused

from .sync_helpers import add_employee, add_unit, edit, get

pytestmark = pytest.mark.pg


def test_old_version_is_refused_work_continues_and_is_pushed_after_the_upgrade(harness, desks):
    app = harness.app(schema_versions=("0099", head_revision()))
    harness.add_user("anna", "kita")
    db = desks.database("anna")
    client = desks.client(db, app, "anna")  # logged in before ...
    db.schema_version = "0042"  # ... the desk turns out two versions behind (the token is bound to this desk)
    unit_id = add_unit(db)
    with pytest.raises(VersionRefused) as refused:
        client.sync_once()
    assert "zu alt" in refused.value.message
    edit(db, OrgUnit, unit_id, name="Weiter offline bearbeitet")  # the desk keeps working
    assert status(db)["pending"] == 2
    assert status(db)["last_error"] and "zu alt" in status(db)["last_error"]
    db.schema_version = head_revision()  # the upgrade
    report = client.sync_once()
    assert report.pushed == 2 and status(db)["pending"] == 0 and status(db)["last_error"] is None
    other = desks.database("ben")
    harness.add_user("ben", "kita")
    desks.client(other, app, "ben").sync_once()
    assert get(other, OrgUnit, unit_id).name == "Weiter offline bearbeitet"


def test_resync_keeps_pending_changes_and_drops_rows_gone_from_the_service(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("ben", "kita")
    a_db, b_db = desks.database("anna"), desks.database("ben")
    a, b = desks.client(a_db, app, "anna"), desks.client(b_db, app, "ben")
    keep_id, gone_id = add_employee(a_db, "11111"), add_employee(a_db, "22222")
    a.sync_once()
    b.sync_once()
    with a_db.unit_of_work() as s:
        soft_delete(s, s.get(Employee, gone_id))
    a.sync_once()
    with harness.engine.begin() as conn:  # b was offline longer than the retention
        prune(conn, datetime.now(UTC) + timedelta(days=1), timedelta(days=0))
    edit(b_db, Employee, keep_id, phone="0234 77")  # offline edit waiting on b
    mine = add_unit(b_db, "77", "Neu auf b")
    report = b.sync_once()
    assert report.resync and report.removed == 1
    with b_db.read() as s:
        assert s.get(Employee, gone_id) is None
        assert s.scalars(select(OutboxEntry)).all() == []
    a.sync_once()
    assert get(a_db, Employee, keep_id).phone == "0234 77"
    assert get(a_db, OrgUnit, mine).name == "Neu auf b"


def test_retry_with_backoff_after_network_failures(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    db = desks.database("anna")
    client = desks.client(db, app, "anna")
    real = client.transport
    failures = iter([True, True, False, False, False, False])

    class Flaky:
        def call(self, *args, **kwargs):
            if next(failures):
                raise TransportError("Netzwerk weg")
            return real.call(*args, **kwargs)

    client.transport = Flaky()
    add_unit(db)
    waits = []
    report = sync_with_retry(client, attempts=4, base_delay=1.0, sleep=waits.append)
    assert report.pushed == 1 and waits == [1.0, 2.0]
