"""Shared fixtures: a migrated temporary data file, a fixed clock, an app context."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bochum_desktop.context import AppContext  # noqa: E402
from bochum_desktop.core.clock import BERLIN, FixedClock  # noqa: E402
from bochum_desktop.core.settings import Settings, SettingsStore  # noqa: E402
from bochum_desktop.db.engine import make_engine, sqlite_url  # noqa: E402
from bochum_desktop.db.migrate import create_schema_file, head_revision  # noqa: E402
from bochum_desktop.db.session import Database  # noqa: E402
from bochum_desktop.models import load_all  # noqa: E402
from bochum_desktop.server.testing import Harness, pg_unavailable, throwaway_database  # noqa: E402
from bochum_desktop.sync.client import SyncClient, login  # noqa: E402
from bochum_desktop.sync.transport import in_process  # noqa: E402

load_all()

_TEMPLATE: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test touches the real user's config, data or log dirs."""
    monkeypatch.setenv("BOCHUM_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BOCHUM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BOCHUM_LOG_DIR", str(tmp_path / "log"))


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 11, 26, 9, 30, tzinfo=BERLIN))


def _migrated_template(tmp_path_factory) -> Path:
    # The schema comes from the models (create_all), stamped at head, so tests of a model run before its
    # migration exists; tests/db/test_migrations.py checks that the migrations build the same schema.
    # Building it once per session and copying the file keeps the suite fast.
    if "file" not in _TEMPLATE:
        path = tmp_path_factory.mktemp("template") / "template.sqlite"
        create_schema_file(path)
        _TEMPLATE["file"] = path
    return _TEMPLATE["file"]


@pytest.fixture
def data_file(tmp_path, tmp_path_factory) -> Path:
    import shutil

    target = tmp_path / "data.sqlite"
    shutil.copy(_migrated_template(tmp_path_factory), target)
    return target


@pytest.fixture
def db(data_file, clock):
    database = Database(make_engine(sqlite_url(data_file)), clock=clock, user="tester", schema_version=head_revision())
    yield database
    database.dispose()


@pytest.fixture
def german(qtbot):
    """The German UI: every .qm built from its .ts, and Qt's own German strings, installed for one test."""
    import sys

    from PySide6.QtCore import QCoreApplication

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import i18n

    i18n.build()
    from bochum_desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "de")
    yield
    for tr in translators:
        app.removeTranslator(tr)


@pytest.fixture
def settings():
    return Settings()


@pytest.fixture
def ctx(db, clock, data_file, tmp_path, settings, qapp):
    """As the app builds it, task runner included: lists load in the background as they do for users."""
    from bochum_desktop.ui.task_runner import TaskRunner

    store = SettingsStore(tmp_path / "config" / "settings.json")
    runner = TaskRunner()
    context = AppContext(
        settings=settings,
        settings_store=store,
        db=db,
        clock=clock,
        user="tester",
        data_file=data_file,
        backup_dir=tmp_path / "backups",
        services={"task_runner": runner},
    )
    yield context
    runner.shutdown()


# --- PostgreSQL and sync fixtures (tests/server, tests/sync) -----------------------------------------
# A real PostgreSQL behind an in-process service, and desks (SQLite files built from the models). Without
# PostgreSQL these tests skip with the reason, unless BOCHUM_REQUIRE_PG=1 (CI), where that is a failure.

@pytest.fixture(scope="session")
def pg_url():
    reason = pg_unavailable()
    if reason:
        if os.environ.get("BOCHUM_REQUIRE_PG") == "1":
            pytest.fail(f"BOCHUM_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    with throwaway_database("bochum_test") as url:
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
