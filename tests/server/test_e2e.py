"""End to end: the real `bochum-sync-server` processes (two instances on one database, uvicorn on
loopback) and two desks talking HTTP to different instances; they share data, edit offline, resolve a
conflict in the queue and end identical."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading

import pytest
from sqlalchemy import select

from bochum_desktop.db.base import SYNC_COLUMNS
from bochum_desktop.db.engine import make_engine, sqlite_url
from bochum_desktop.db.jsonvalues import from_json, to_json
from bochum_desktop.db.migrate import head_revision
from bochum_desktop.db.session import Database
from bochum_desktop.ideas.model import IdeaSuggestion
from bochum_desktop.kita.model import KitaApplication, KitaFacility
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.server import cli
from bochum_desktop.server.testing import Harness
from bochum_desktop.sync.client import SyncClient, login
from bochum_desktop.sync.conflicts import list_conflicts, resolve
from bochum_desktop.sync.transport import HttpTransport

from .changes import sample_row

pytestmark = pytest.mark.pg


class Server:
    def __init__(self, url: str):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bochum_desktop.server.cli", "serve", "--database-url", url,
             "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: queue.Queue = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def wait_ready(self):
        while True:  # wait for uvicorn's ready line (or the process's end)
            line = self.lines.get(timeout=60)
            if line is None:
                raise AssertionError("server did not start:\n" + "".join(self.log))
            if "Uvicorn running on" in line:
                break
        self.url = f"http://127.0.0.1:{self.port}"

    def _drain(self):
        for line in self.proc.stderr:
            self.log.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def servers(harness):
    started = [Server(harness.url), Server(harness.url)]  # both start at once
    for s in started:
        s.wait_ready()
    yield started
    for s in started:
        s.stop()


def make_row(model, parents):
    values = sample_row(model.__table__, parents)
    return model(**{k: from_json(model.__table__.c[k], v) for k, v in values.items() if k not in SYNC_COLUMNS})


def snapshot(db, *models):
    with db.engine.connect() as conn:
        return {m.__tablename__: sorted(tuple(to_json(v) for v in r) for r in conn.execute(select(m.__table__)))
                for m in models}


def test_two_desks_on_two_instances_share_edit_offline_resolve_and_end_identical(harness, servers, tmp_path,
                                                                                 desk_template, clock):
    harness.add_user("anna", "kita", "ideas")
    harness.add_user("ben", "kita", "ideas")
    desks = []
    for name, server in (("anna", servers[0]), ("ben", servers[1])):
        shutil.copy(desk_template, tmp_path / f"{name}.sqlite")
        db = Database(make_engine(sqlite_url(tmp_path / f"{name}.sqlite")), clock=clock, user=name,
                      schema_version=head_revision())
        client = SyncClient(db, HttpTransport(server.url), app_version="e2e")
        login(client, name, Harness.PASSWORD)
        desks.append((db, client))
    (a_db, a), (b_db, b) = desks
    with a_db.unit_of_work() as s:
        unit = OrgUnit(code="10", name="Personalamt", active=True)
        s.add(unit)
        s.flush()
        emp = Employee(personnel_number="4711", last_name="Öztürk", first_name="Ayşe", org_unit_id=unit.id, active=True)
        s.add(emp)
        s.flush()
        kita = make_row(KitaFacility, {})
        s.add(kita)
        s.flush()
        application = make_row(KitaApplication, {"employee": emp.id, "kita_facility": kita.id})
        s.add(application)
        suggestion = make_row(IdeaSuggestion, {"org_unit": unit.id})
        s.add(suggestion)
    assert a.sync_once().pushed == 5
    assert b.sync_once().pulled == 5
    # both edit offline: different fields merge, the same field conflicts
    with a_db.unit_of_work() as s:
        s.get(Employee, emp.id).last_name = "Öztürk-Schmidt"
        s.get(KitaApplication, application.id).remarks = "Schichtdienst"
        s.get(IdeaSuggestion, suggestion.id).title = "Papierlose Reisekosten"
    with b_db.unit_of_work() as s:
        s.get(Employee, emp.id).last_name = "Schmidt"
        s.get(Employee, emp.id).phone = "0234 910-0"
    a.sync_once()
    assert b.sync_once().conflicts == 1
    [item] = list_conflicts(b_db)
    assert (item.mine, item.theirs) == ("Schmidt", "Öztürk-Schmidt")
    resolve(b_db, item.id, "Öztürk-Schmidt")  # ben takes anna's spelling
    b.sync_once()
    a.sync_once()
    models = (OrgUnit, Employee, KitaFacility, KitaApplication, IdeaSuggestion)
    assert snapshot(a_db, *models) == snapshot(b_db, *models)
    with a_db.read() as s:
        e = s.get(Employee, emp.id)
        assert (e.last_name, e.phone) == ("Öztürk-Schmidt", "0234 910-0")
        assert s.get(KitaApplication, application.id).remarks == "Schichtdienst"
    with b_db.read() as s:
        assert s.get(IdeaSuggestion, suggestion.id).title == "Papierlose Reisekosten"
    for db, client in desks:
        client.transport.close()
        db.dispose()


def test_admin_cli_manages_users(harness, capsys, monkeypatch):
    monkeypatch.setenv("BOCHUM_SYNC_PASSWORD", "sehr-geheim-1")
    url = harness.url
    assert cli.main(["--database-url", url, "user", "add", "carla"]) == 0
    assert cli.main(["--database-url", url, "user", "grant", "carla", "kita"]) == 0
    assert cli.main(["--database-url", url, "user", "grant", "carla", "ideas"]) == 0
    assert cli.main(["--database-url", url, "user", "revoke", "carla", "ideas"]) == 0
    assert cli.main(["--database-url", url, "user", "grant", "carla", "chef"]) == 1
    assert "Unbekannte Rolle „chef“" in capsys.readouterr().err
    assert cli.main(["--database-url", url, "user", "add", "carla"]) == 1
    assert cli.main(["--database-url", url, "user", "passwd", "carla"]) == 0
    assert cli.main(["--database-url", url, "user", "disable", "carla"]) == 0
    capsys.readouterr()
    assert cli.main(["--database-url", url, "user", "list"]) == 0
    assert capsys.readouterr().out.strip() == "carla (gesperrt): kita"


def test_admin_cli_links_users_to_employees(harness, capsys, monkeypatch):
    monkeypatch.setenv("BOCHUM_SYNC_PASSWORD", "sehr-geheim-1")
    url = harness.url
    assert cli.main(["--database-url", url, "user", "add", "rita", "--personnel-number", "1001"]) == 0
    assert cli.main(["--database-url", url, "user", "add", "udo"]) == 0
    assert cli.main(["--database-url", url, "user", "grant", "udo", "ideas_reviewer"]) == 0
    assert cli.main(["--database-url", url, "user", "link", "udo", "1002"]) == 0
    assert cli.main(["--database-url", url, "user", "link", "nobody", "1"]) == 1
    capsys.readouterr()
    assert cli.main(["--database-url", url, "user", "list"]) == 0
    assert capsys.readouterr().out.strip().splitlines() == [
        "rita [Personalnr. 1001]: —", "udo [Personalnr. 1002]: ideas_reviewer"]
    assert cli.main(["--database-url", url, "user", "link", "udo"]) == 0  # removes the link
    capsys.readouterr()
    cli.main(["--database-url", url, "user", "list"])
    assert "udo: ideas_reviewer" in capsys.readouterr().out


def test_server_schema_1_is_upgraded_in_place(harness):
    from sqlalchemy import text

    from bochum_desktop.server.schema import SERVER_SCHEMA, init_schema

    with harness.engine.begin() as conn:
        conn.execute(text("ALTER TABLE srv_user DROP COLUMN personnel_number"))
        conn.execute(text("DELETE FROM srv_meta WHERE key = 'server_schema'"))
        conn.execute(text("INSERT INTO srv_meta (key, value) VALUES ('server_schema', '1')"))
    init_schema(harness.engine)
    with harness.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM srv_meta WHERE key = 'server_schema'")).scalar() == SERVER_SCHEMA
        assert conn.execute(text("SELECT count(personnel_number) FROM srv_user")).scalar() == 0
