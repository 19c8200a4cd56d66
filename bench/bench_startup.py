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


# The same window after importing the SQLAlchemy ORM the app is built on: what any start-up that reads its
# data through the ORM before showing it would cost at least.
FLOOR = "import sqlalchemy.orm\n" + BARE

# The least a PySide6 program needs to show this screen: a window with a table of the first 500 of the
# employees in German order (the same SQL and sort function as the app), read with sqlite3, with Qt's
# item roles and alignment (touching PySide6's Qt namespace builds its enums: ~15 ms; the app does without).
RAW_LIST = """
import sqlite3, sys, unicodedata
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
def fold(v):
    if not isinstance(v, str):
        return v
    if v.isascii():
        return v.lower()
    v = unicodedata.normalize("NFKD", v.casefold())
    return "".join(c for c in v if not unicodedata.combining(c))
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
con.create_function("bochum_fold", 1, fold, deterministic=True)
key = "bochum_fold(e.last_name)"
rows = con.execute("SELECT e.personnel_number, e.last_name, e.first_name, o.code || ' ' || o.name, e.email, e.active "
                   "FROM employee e LEFT JOIN org_unit o ON e.org_unit_id = o.id WHERE e.deleted_at IS NULL "
                   "ORDER BY " + key + ", e.id LIMIT 500").fetchall()
class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return len(rows)
    def columnCount(self, parent=None): return 6
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
app = QApplication(sys.argv[:1])
w = QMainWindow(); view = QTableView(); model = Model(); view.setModel(model); w.setCentralWidget(view)
w.resize(1200, 780); w.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


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
    # An installed program starts from compiled bytecode (pip and the installer compile it); a checkout run
    # with PYTHONDONTWRITEBYTECODE=1 (as on these machines) would compile every module at every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "bochum_desktop")],
                   check=True)
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               BOCHUM_CONFIG_DIR=str(tmp / "cfg"), BOCHUM_LOG_DIR=str(tmp / "log"), BOCHUM_DATA_DIR=str(tmp))
    data = tmp / "bench.sqlite"
    app_cmd = [sys.executable, "-m", "bochum_desktop", "--data-file", str(data), "--page", "reference",
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
    raw_file = tmp / "raw_list.py"
    raw_file.write_text(RAW_LIST)
    full_cmd = ready_cmd + ["--no-quick-start"]
    bare, floor, raw, app, ready, full = [], [], [], [], [], []
    for _ in range(args.runs):
        bare.append(timed([sys.executable, str(bare_file)], env))
        floor.append(timed([sys.executable, str(floor_file)], env))
        raw.append(timed([sys.executable, str(raw_file), str(data)], env))
        app.append(timed(app_cmd, env))
        ready.append(timed(ready_cmd, env, "ready"))
        full.append(timed(full_cmd, env, "ready"))

    def line(label: str, values: list[float]) -> float:
        m = statistics.median(values)
        print(f"{label:<52} median {m:.3f} s  (runs: {', '.join(f'{x:.2f}' for x in values)})")
        return m

    b = line("bare QMainWindow shown", bare)
    line("same + import sqlalchemy.orm", floor)
    line("bare window + table of the first 500 (sqlite3)", raw)
    a = line(f"Bochum Desktop shown, {args.employees} employees listed", app)
    line("Bochum Desktop ready (checked, ORM loaded, page built)", ready)
    line("Bochum Desktop full start (--no-quick-start)", full)
    print(f"ratio shown/bare {a / b:.2f} (target <= 1.5)")
    # Also the median of each round's own ratio (its two processes ran back to back): the machine's speed
    # drifts within a run, and the two figures show how much that moves the result.
    print(f"median of the rounds' ratios {statistics.median(x / y for x, y in zip(app, bare, strict=True)):.2f}")


if __name__ == "__main__":
    main()
