"""Cold start to the main window with 50,000 demo employees listed, against a bare PySide6 QMainWindow
script, both as fresh processes in the same run (median of several runs each).

Each process is timed from its launch to the line it prints once its window is shown (after the first
turn of the event loop, the same way in every script), so what a process does after that - the app's
background check and imports, joining its workers at exit - is not counted as start-up. Reported too:
the time until the app has finished starting (`--quit-when-ready`: data file checked, ORM loaded, the
real employee page built and its first rows loaded), and the full start path that checks the file before
showing anything (`--no-quick-start`).

    .venv/bin/python bench/bench_startup.py [--runs 7] [--employees 50000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


# The same window after importing the SQLAlchemy ORM the app is built on: the floor of any start-up that
# reads its data through the ORM, reported so the ratio can be read against it.
FLOOR = "import sqlalchemy.orm\n" + BARE


def timed(cmd: list[str], env: dict, marker: str = "shown") -> float:
    """Seconds from launch until the process prints a line starting with `marker`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    elapsed = None
    for line in proc.stdout:
        if line.startswith(marker) and elapsed is None:
            elapsed = time.perf_counter() - start
    if proc.wait() != 0 or elapsed is None:
        raise SystemExit(f"{cmd} failed or never printed {marker!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--employees", type=int, default=50_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               BOCHUM_CONFIG_DIR=str(tmp / "cfg"), BOCHUM_LOG_DIR=str(tmp / "log"), BOCHUM_DATA_DIR=str(tmp))
    data = tmp / "bench.sqlite"
    app_cmd = [sys.executable, "-m", "bochum_desktop.app", "--data-file", str(data), "--page", "reference",
               "--quit-when-shown"]
    # First run creates the file and loads the demo employees; the second builds the real page once, which
    # leaves the preview of its list for the next start (not timed).
    subprocess.run(app_cmd + ["--demo", "--demo-employees", str(args.employees)], check=True, env=env,
                   capture_output=True)
    ready_cmd = [c for c in app_cmd if c != "--quit-when-shown"] + ["--quit-when-ready"]
    subprocess.run(ready_cmd, check=True, env=env, capture_output=True)
    bare_file = tmp / "bare.py"
    bare_file.write_text(BARE)
    floor_file = tmp / "floor.py"
    floor_file.write_text(FLOOR)
    full_cmd = ready_cmd + ["--no-quick-start"]
    bare, floor, app, ready, full = [], [], [], [], []
    for _ in range(args.runs):
        bare.append(timed([sys.executable, str(bare_file)], env))
        floor.append(timed([sys.executable, str(floor_file)], env))
        app.append(timed(app_cmd, env))
        ready.append(timed(ready_cmd, env, "ready"))
        full.append(timed(full_cmd, env, "ready"))

    def line(label: str, values: list[float]) -> float:
        m = statistics.median(values)
        print(f"{label:<52} median {m:.3f} s  (runs: {', '.join(f'{x:.2f}' for x in values)})")
        return m

    b = line("bare QMainWindow shown", bare)
    line("same + import sqlalchemy.orm", floor)
    a = line(f"Bochum Desktop shown, {args.employees} employees listed", app)
    line("Bochum Desktop ready (checked, ORM loaded, page built)", ready)
    line("Bochum Desktop full start (--no-quick-start)", full)
    print(f"ratio shown/bare {a / b:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
