"""Benchmark: 1,000 one-page DIN 5008 letters into one PDF vs a bare reportlab canvas script that draws
the same text with the same embedded font. Target: ours <= 1.5x bare.

Run: .venv/bin/python bench/bench_letters.py [--letters 1000] [--repeat 3]
Each variant runs in a fresh subprocess (font registration included); the best of --repeat runs counts."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BODY = (
    "Sehr geehrte Frau Müller,\n\n"
    "wir freuen uns, Ihnen für Ihr Kind Lena ab dem 01.08.2027 einen Platz in der Kita Rathaus anbieten zu "
    "können. Der Betreuungsumfang beträgt 35 Stunden pro Woche, der Elternbeitrag 123,45 € im Monat.\n\n"
    "Bitte teilen Sie uns bis zum 15.12.2026 mit, ob Sie das Angebot annehmen. Ohne Antwort bis zu diesem "
    "Tag geht der Platz an das nächste Kind auf der Warteliste.\n\n"
    "Für Rückfragen stehen wir Ihnen gern zur Verfügung."
)


def letters(n: int):
    from bochum_desktop.export.letter import Letter

    return [
        Letter(["Frau", f"Anna Müller {i}", "Hauptstraße 12", "44787 Bochum"], "Ihr Antrag auf einen Kita-Platz",
               BODY, our_ref=f"KK-2026-{i:04d}", name="Max Schäfer", phone="0234 910-1234",
               email="kita@bochum.de", date=date(2026, 11, 26), signature="Max Schäfer")
        for i in range(n)
    ]


def run_ours(n: int, out: Path) -> float:
    from bochum_desktop.export.letter import render_letters

    items = letters(n)
    t = time.perf_counter()
    render_letters(items, out)
    return time.perf_counter() - t


def run_bare(n: int, out: Path) -> float:
    """The same strings at the same places, without frame logic: what a hand-written script would do."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    items = letters(n)
    t = time.perf_counter()
    pdfmetrics.registerFont(TTFont("V", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("VB", "VeraBd.ttf"))
    c = Canvas(str(out), pagesize=A4)
    h = A4[1]
    for letter in items:
        c.setFont("VB", 16)
        c.drawString(25 * mm, h - 45, "Stadt Bochum")
        c.setFont("V", 10)
        c.drawString(25 * mm, h - 60, "Personal- und Organisationsamt")
        c.setFont("V", 6)
        c.drawString(25 * mm, h - 61 * mm, "Stadt Bochum · Personal- und Organisationsamt · Willy-Brandt-Platz 2–6 · 44777 Bochum")
        y = h - 64 * mm
        c.setFont("V", 10)
        for line in letter.recipient_lines:
            y -= 12
            c.drawString(25 * mm, y, line)
        y = h - 50 * mm
        for label, value in (("Unser Zeichen:", letter.our_ref), ("Name:", letter.name), ("Telefon:", letter.phone),
                             ("E-Mail:", letter.email), ("Datum:", "26.11.2026")):
            c.setFont("V", 7.5)
            c.drawString(125 * mm, y, label)
            c.setFont("V", 9)
            c.drawString(156 * mm, y, value)
            y -= 11.5
        c.setFont("VB", 11)
        y = h - 98.5 * mm
        c.drawString(25 * mm, y, letter.subject)
        c.setFont("V", 11)
        y -= 27
        for para in letter.body.split("\n\n"):
            for line in simpleSplit(para, "V", 11, 165 * mm):
                y -= 13.5
                c.drawString(25 * mm, y, line)
            y -= 13.5
        c.drawString(25 * mm, y - 13.5, "Mit freundlichen Grüßen")
        c.drawString(25 * mm, y - 67.5, letter.signature)
        c.setFont("V", 7)
        c.drawString(25 * mm, 10 * mm, "Stadt Bochum · Willy-Brandt-Platz 2–6 · 44777 Bochum · Telefon 0234 910-0 · www.bochum.de")
        c.showPage()
    c.save()
    return time.perf_counter() - t


def child(mode: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "letters.pdf"
        seconds = run_ours(n, out) if mode == "ours" else run_bare(n, out)
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
        print(json.dumps({"mode": mode, "seconds": seconds, "pages": pages, "bytes": out.stat().st_size}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["ours", "bare"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.letters)
        return
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for mode in ("bare", "ours"):
            out = subprocess.run([sys.executable, __file__, "--child", mode, "--letters", str(args.letters)],
                                 capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            if mode not in best or result["seconds"] < best[mode]["seconds"]:
                best[mode] = result
    ratio = best["ours"]["seconds"] / best["bare"]["seconds"]
    print(f"letters: {args.letters}, best of {args.repeat}")
    for mode in ("bare", "ours"):
        r = best[mode]
        print(f"  {mode:4}: {r['seconds']:.3f} s, {r['pages']} pages, {r['bytes'] / 1e6:.2f} MB")
    print(f"  ratio ours/bare: {ratio:.2f} (target <= 1.5) -> {'OK' if ratio <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
