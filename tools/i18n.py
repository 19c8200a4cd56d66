"""Translation workflow (German is the users' language; English source strings in the code).

  python tools/i18n.py update [AREA]    extract tr()/translate() strings into resources/translations/AREA_de.ts
  python tools/i18n.py todo [AREA]      list source strings without a finished German translation
  python tools/i18n.py fill AREA F.json set translations from a JSON object {"English source": "Deutsch"}
  python tools/i18n.py build            compile every .ts into .qm (done by the set-up commands)
  python tools/i18n.py check            exit 1 if any string in the code lacks a finished German entry

An AREA is a group of source folders with its own .ts file, so features can be translated independently.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "bochum_desktop"
TS_DIR = ROOT / "resources" / "translations"

# area -> source paths (relative to the package). Areas not listed fall into "core".
AREAS: dict[str, list[str]] = {
    "core": ["app.py", "ui", "reference/views"],
    "export": ["export/views"],
    "sync": ["sync/views"],
    "kita": ["kita/views"],
    "ideas": ["ideas/views"],
}


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def _sources(area: str) -> list[str]:
    files: list[str] = []
    for rel in AREAS[area]:
        path = PKG / rel
        if path.is_file():
            files.append(str(path))
        elif path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*.py")))
    return files


def ts_path(area: str) -> Path:
    return TS_DIR / f"{area}_de.ts"


def update(area: str, target: Path | None = None) -> Path:
    target = target or ts_path(area)
    sources = _sources(area)
    if not sources:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if target != ts_path(area) and ts_path(area).exists():
        shutil.copy(ts_path(area), target)
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-source-language", "en", "-target-language", "de", *sources, "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    if not ts_file.exists():
        return []
    todo = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        ctx_name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            source = message.findtext("source", "")
            text = "".join(tr.itertext()) if tr is not None else ""
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                todo.append((ctx_name, source))
    return todo


def fill(area: str, mapping_file: Path) -> int:
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    ts_file = ts_path(area)
    tree = ET.parse(ts_file)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        if source in mapping:
            tr = message.find("translation")
            value = mapping[source]
            if message.get("numerus") == "yes":
                # German has two plural forms: a list [singular, plural] or "singular|plural".
                forms = value if isinstance(value, list) else value.split("|")
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value
            tr.attrib.pop("type", None)
            count += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return count


def build() -> None:
    for ts_file in sorted(TS_DIR.glob("*_de.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))], check=True)


def check() -> list[str]:
    """Extract the strings the code has now (into temp copies) and report what German lacks."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for area in AREAS:
            fresh = update(area, Path(tmp) / f"{area}_de.ts")
            for ctx_name, source in unfinished(fresh):
                problems.append(f"{area}: [{ctx_name}] {source!r}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    areas = rest[:1] or list(AREAS)
    if cmd == "update":
        for area in areas:
            print(update(area))
    elif cmd == "todo":
        for area in areas:
            for ctx_name, source in unfinished(ts_path(area)):
                print(f"{area}\t{ctx_name}\t{source}")
    elif cmd == "fill":
        print(fill(rest[0], Path(rest[1])), "translations set")
    elif cmd == "build":
        build()
    elif cmd == "check":
        problems = check()
        for p in problems:
            print(p)
        if problems:
            print(f"{len(problems)} strings without German translation", file=sys.stderr)
            return 1
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
