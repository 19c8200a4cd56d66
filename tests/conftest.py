"""Shared fixtures: a migrated temporary data file, a fixed clock, an app context."""

from __future__ import annotations

import os
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
def settings():
    return Settings()


@pytest.fixture
def ctx(db, clock, data_file, tmp_path, settings):
    store = SettingsStore(tmp_path / "config" / "settings.json")
    return AppContext(
        settings=settings,
        settings_store=store,
        db=db,
        clock=clock,
        user="tester",
        data_file=data_file,
        backup_dir=tmp_path / "backups",
    )
