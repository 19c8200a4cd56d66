"""Fixtures for desk-side sync tests: a real PostgreSQL behind an in-process service, and desks
(SQLite files built from the models). Without PostgreSQL these tests skip with the reason, unless
BOCHUM_REQUIRE_PG=1 (CI), where that is a failure."""

from __future__ import annotations

import os
import shutil

import pytest

from bochum_desktop.db.engine import make_engine, sqlite_url
from bochum_desktop.db.migrate import create_schema_file, head_revision
from bochum_desktop.db.session import Database
from bochum_desktop.server.testing import Harness, pg_unavailable, throwaway_database
from bochum_desktop.sync.client import SyncClient, login
from bochum_desktop.sync.transport import in_process


@pytest.fixture(scope="session")
def pg_url():
    reason = pg_unavailable()
    if reason:
        if os.environ.get("BOCHUM_REQUIRE_PG") == "1":
            pytest.fail(f"BOCHUM_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    with throwaway_database("bochum_sync") as url:
        yield url


@pytest.fixture(scope="session")
def _harness(pg_url):
    harness = Harness(pg_url)
    yield harness
    harness.dispose()


@pytest.fixture
def harness(_harness):
    _harness.reset()
    return _harness


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("desk_template") / "desk.sqlite"
    create_schema_file(path)
    return path


class Desks:
    """Creates desks: a data file, a Database and a logged-in SyncClient against one service app."""

    def __init__(self, tmp_path, template, clock, harness):
        self.tmp_path = tmp_path
        self.template = template
        self.clock = clock
        self.harness = harness
        self.databases: list[Database] = []

    def database(self, name: str, schema_version: str | None = None) -> Database:
        path = self.tmp_path / f"{name}.sqlite"
        shutil.copy(self.template, path)
        db = Database(make_engine(sqlite_url(path)), clock=self.clock, user=name,
                      schema_version=schema_version or head_revision())
        self.databases.append(db)
        return db

    def client(self, db: Database, app, user: str, transport=None, **kwargs) -> SyncClient:
        client = SyncClient(db, transport or in_process(app), app_version="test", **kwargs)
        login(client, user, Harness.PASSWORD)
        return client

    def close(self):
        for db in self.databases:
            db.dispose()


@pytest.fixture
def desks(tmp_path, desk_template, clock, harness):
    factory = Desks(tmp_path, desk_template, clock, harness)
    yield factory
    factory.close()


@pytest.fixture
def pair(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("ben", "kita")
    a_db, b_db = desks.database("anna"), desks.database("ben")
    return app, (a_db, desks.client(a_db, app, "anna")), (b_db, desks.client(b_db, app, "ben"))
