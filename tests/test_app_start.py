"""The real program, started as a user would (offscreen): it creates and migrates the data file, loads demo
data, shows the main window, and refuses a file that is not its own without changing it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys


def _run(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOCHUM_CONFIG_DIR=str(tmp_path / "cfg"),
               BOCHUM_LOG_DIR=str(tmp_path / "log"), BOCHUM_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "bochum_desktop.app", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_first_start_creates_file_with_demo_data_and_shows_window(tmp_path):
    data = tmp_path / "probe.sqlite"
    shot = tmp_path / "shot.png"
    result = _run(tmp_path, "--data-file", str(data), "--demo", "--page", "reference", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "shown after" in result.stdout
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
