"""Cold start to the main window with 50,000 demo employees listed, against a bare PySide6 QMainWindow
script, both as fresh processes in the same run (median of several runs each).

    .venv/bin/python bench/bench_startup.py [--runs 5] [--employees 50000]
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
QTimer.singleShot(0, app.quit)
app.exec()
"""


# The same window after importing the SQLAlchemy ORM the app is built on: the floor of any start-up that
# reads its data through the ORM, reported so the ratio can be read against it.
FLOOR = "import sqlalchemy.orm\n" + BARE


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


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
    # First run creates the file and loads the demo employees (not timed).
    subprocess.run(app_cmd + ["--demo", "--demo-employees", str(args.employees)], check=True, env=env,
                   capture_output=True)
    bare_file = tmp / "bare.py"
    bare_file.write_text(BARE)
    floor_file = tmp / "floor.py"
    floor_file.write_text(FLOOR)
    bare, floor, app = [], [], []
    for _ in range(args.runs):
        bare.append(timed([sys.executable, str(bare_file)], env))
        floor.append(timed([sys.executable, str(floor_file)], env))
        app.append(timed(app_cmd, env))
    b, f, a = statistics.median(bare), statistics.median(floor), statistics.median(app)
    print(f"bare QMainWindow process:          median {b:.3f} s  (runs: {', '.join(f'{x:.2f}' for x in bare)})")
    print(f"same + import sqlalchemy.orm:      median {f:.3f} s  (runs: {', '.join(f'{x:.2f}' for x in floor)})")
    print(f"Bochum Desktop, {args.employees} employees listed: median {a:.3f} s  (runs: {', '.join(f'{x:.2f}' for x in app)})")
    print(f"ratio {a / b:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
