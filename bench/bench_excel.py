"""Benchmark: 100,000 x 10 Excel export with export.excel.write_table vs a bare openpyxl write-only
script writing the same values. Targets: ours <= 1.3x bare; peak memory < 150 MB.

Run: .venv/bin/python bench/bench_excel.py [--rows 100000] [--repeat 3]
Each variant runs in a fresh subprocess; rows are generated lazily (as a database cursor would deliver
them). Peak memory = peak resident set size of that subprocess (ru_maxrss), interpreter included."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def rows(n: int):
    for i in range(n):
        yield (i, f"Müller, Anna {i}", date(2020, 1, 1) + timedelta(days=i % 2000), START + timedelta(minutes=i),
               i * 37, Decimal("12.5") + i % 7, i % 2 == 0, "Bochum", f"{44700 + i % 99}", "Bemerkung zur Zeile")


def columns():
    from bochum_desktop.export.columns import OutColumn

    return [OutColumn("Nr.", "int"), OutColumn("Name", "text", 2), OutColumn("Geburtsdatum", "date"),
            OutColumn("Eingang", "datetime"), OutColumn("Betrag", "cents"), OutColumn("Anteil", "decimal"),
            OutColumn("Aktiv", "bool"), OutColumn("Ort"), OutColumn("PLZ"), OutColumn("Bemerkung", "text", 3)]


def run_ours(n: int, out: Path) -> float:
    from bochum_desktop.export.excel import write_table

    cols = columns()
    t = time.perf_counter()
    write_table(out, "Export", cols, rows(n), {"Erstellt von": "bench", "Erstellt am": START})
    return time.perf_counter() - t


def run_bare(n: int, out: Path) -> float:
    """What a hand-written script does: append plain values (dates get openpyxl's default format)."""
    from openpyxl import Workbook

    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Export")
    ws.append([c.title for c in columns()])
    for r in rows(n):
        ws.append([r[0], r[1], r[2], r[3].replace(tzinfo=None), r[4] / 100, float(r[5]), r[6], r[7], r[8], r[9]])
    wb.save(out)
    return time.perf_counter() - t


def child(mode: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.xlsx"
        seconds = run_ours(n, out) if mode == "ours" else run_bare(n, out)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
        print(json.dumps({"mode": mode, "seconds": seconds, "peak_mb": peak_mb, "bytes": out.stat().st_size}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["ours", "bare"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rows)
        return
    best: dict[str, dict] = {}
    peak: dict[str, float] = {}
    for _ in range(args.repeat):
        for mode in ("bare", "ours"):
            out = subprocess.run([sys.executable, __file__, "--child", mode, "--rows", str(args.rows)],
                                 capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            peak[mode] = max(peak.get(mode, 0.0), result["peak_mb"])
            if mode not in best or result["seconds"] < best[mode]["seconds"]:
                best[mode] = result
    ratio = best["ours"]["seconds"] / best["bare"]["seconds"]
    print(f"rows: {args.rows} x 10 columns, best of {args.repeat}")
    for mode in ("bare", "ours"):
        r = best[mode]
        print(f"  {mode:4}: {r['seconds']:.2f} s, peak RSS {peak[mode]:.0f} MB, file {r['bytes'] / 1e6:.1f} MB")
    print(f"  ratio ours/bare: {ratio:.2f} (target <= 1.3) -> {'OK' if ratio <= 1.3 else 'MISSED'}")
    print(f"  peak memory ours: {peak['ours']:.0f} MB (target < 150) -> {'OK' if peak['ours'] < 150 else 'MISSED'}")


if __name__ == "__main__":
    main()
