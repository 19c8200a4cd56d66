"""The real program, started as a user would (offscreen): it creates and migrates the data file, loads demo
data, shows the main window, and refuses a file that is not its own without changing it."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys

import pytest


def _run(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOCHUM_CONFIG_DIR=str(tmp_path / "cfg"),
               BOCHUM_LOG_DIR=str(tmp_path / "log"), BOCHUM_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "bochum_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_first_start_creates_file_with_demo_data_and_shows_window(tmp_path):
    data = tmp_path / "probe.sqlite"
    shot = tmp_path / "shot.png"
    result = _run(tmp_path, "--data-file", str(data), "--demo", "--page", "reference", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ready after" in result.stdout
    con = sqlite3.connect(data)
    assert con.execute("SELECT count(*) FROM employee").fetchone()[0] == 120
    assert con.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0  # demo data is never pushed
    con.close()
    assert shot.stat().st_size > 10_000
    assert (tmp_path / "log" / "bochum-desktop.log").exists()


def test_a_text_file_is_refused_with_a_german_message_and_left_alone(tmp_path):
    data = tmp_path / "liste.sqlite"
    data.write_text("Name;Vorname\n", encoding="utf-8")
    result = _run(tmp_path, "--data-file", str(data), "--quit-when-shown")
    assert result.returncode == 2
    assert "keine Datendatei" in result.stderr
    assert data.read_text(encoding="utf-8") == "Name;Vorname\n"


def _log(tmp_path) -> str:
    return (tmp_path / "log" / "bochum-desktop.log").read_text(encoding="utf-8")


def test_a_second_start_shows_the_list_at_once_and_then_finishes_starting(tmp_path):
    data = tmp_path / "bochum.sqlite"
    first = _run(tmp_path, "--data-file", str(data), "--demo", "--page", "reference", "--quit-when-ready")
    assert first.returncode == 0, first.stderr[-3000:]
    assert "quick start" not in _log(tmp_path)  # a new file is created and migrated first

    shown = _run(tmp_path, "--data-file", str(data), "--page", "reference", "--quit-when-shown")
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert "shown after" in shown.stdout
    log = _log(tmp_path)
    assert "quick start" in log
    assert "start preview of reference: 100 rows" in log  # a screenful of the 120 (start_preview.PREVIEW_ROWS)

    # "Open at start: the area open when the program was closed" - the window was closed on the employees.
    settings_file = tmp_path / "cfg" / "settings.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    assert settings["last_page"] == "reference"
    settings["start_page"] = "last"
    settings_file.write_text(json.dumps(settings), encoding="utf-8")
    shot = tmp_path / "shot.png"
    ready = _run(tmp_path, "--data-file", str(data), "--screenshot", str(shot))
    assert ready.returncode == 0, ready.stderr[-3000:]
    assert "ready after" in ready.stdout
    assert shot.stat().st_size > 10_000
    assert _log(tmp_path).count("start preview of reference") == 2


# Started like the program, but noting what is loaded when it quits: when the window shows the list
# (--quit-when-shown) or when it has finished starting (--quit-when-ready).
_PROBE = """
import gc
import sys
import PySide6.QtCore
from bochum_desktop import app

noted = {}
finish_when = app.Startup._finish_when


def note(condition):
    def check():
        done = condition()
        if done and not noted:
            noted.update({"sqlalchemy": "sqlalchemy" in sys.modules, "Qt namespace": "Qt" in vars(PySide6.QtCore),
                          "collector": gc.isenabled()})
        return done
    return check


app.Startup._finish_when = lambda self, shown, ready=None: finish_when(self, note(shown), ready and note(ready))
code = app.main(sys.argv[1:])
print("noted", sorted(noted.items()))
sys.exit(code)
"""


def _probe(tmp_path, *args) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOCHUM_CONFIG_DIR=str(tmp_path / "cfg"),
               BOCHUM_LOG_DIR=str(tmp_path / "log"), BOCHUM_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_list_shows_before_the_orm_and_qt_namespace_are_loaded(tmp_path):
    """What the quick start saves: the ORM (half a second) and the Python enums of PySide6's Qt namespace
    (~15 ms, built on first use) load after the window shows the list; the garbage collector, paused while
    the program starts, runs again once it has (bench/bench_startup.py measures the start)."""
    data = tmp_path / "bochum.sqlite"
    assert _run(tmp_path, "--data-file", str(data), "--demo", "--page", "reference", "--quit-when-ready").returncode == 0
    shown = _probe(tmp_path, "--data-file", str(data), "--page", "reference", "--quit-when-shown")
    assert "start preview of reference: 100 rows" in _log(tmp_path)
    assert "noted [('Qt namespace', False), ('collector', False), ('sqlalchemy', False)]" in shown, shown
    ready = _probe(tmp_path, "--data-file", str(data), "--page", "reference", "--quit-when-ready")
    assert "('collector', True)" in ready and "('sqlalchemy', True)" in ready, ready


def test_a_damaged_file_at_the_current_version_is_refused_by_the_quick_start_too(tmp_path):
    data = tmp_path / "bochum.sqlite"
    first = _run(tmp_path, "--data-file", str(data), "--demo", "--page", "reference", "--quit-when-ready")
    assert first.returncode == 0, first.stderr[-3000:]
    con = sqlite3.connect(data)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(data, "r+b") as fh:  # a page the first window does not read, so only the check finds it
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * page_size)
    damaged = data.read_bytes()

    result = _run(tmp_path, "--data-file", str(data), "--page", "reference", "--quit-when-ready")
    assert result.returncode == 2
    assert "beschädigt" in result.stderr
    assert "quick start" in _log(tmp_path)
    assert data.read_bytes() == damaged


def test_the_bundle_entry_script_starts_the_program():
    """installer/bochum-desktop.spec builds from installer/launch.py (app.py alone cannot run as a script)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = (root / "installer" / "bochum-desktop.spec").read_text(encoding="utf-8")
    assert '"installer" / "launch.py"' in spec
    result = subprocess.run([sys.executable, str(root / "installer" / "launch.py"), "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Bochum Desktop ")


def test_the_collector_runs_again_after_a_start_that_ends_early(capsys):
    from bochum_desktop import app

    with pytest.raises(SystemExit):
        app.main(["--version"])  # (argparse prints it and exits)
    assert "Bochum Desktop" in capsys.readouterr().out
    assert gc.isenabled()
