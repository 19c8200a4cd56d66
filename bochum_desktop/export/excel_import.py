"""All-or-nothing Excel import: a template per entity, a dry run that checks every row with the same
validators the forms use, and an apply step that writes all rows in one transaction.

Rows are matched on a natural key (e.g. the personnel number) so importing the same file twice
updates instead of duplicating; rows equal to the stored data are reported as unchanged and skipped.
Every problem with the file becomes a German message (DomainError) or a row error, never a traceback."""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import Session

from ..core.errors import DomainError, ValidationError
from ..core.formatting import format_date
from ..core.tasks import TaskControl
from ..db.session import Database

log = logging.getLogger(__name__)

MAX_ROWS = 50_000
LISTS_SHEET = "Auswahllisten"
HINTS_SHEET = "Hinweise"
_TRUE = {"ja", "j", "x", "wahr", "true", "1", "yes"}
_FALSE = {"nein", "n", "falsch", "false", "0", "no"}


class ImportFileError(DomainError):
    """The file as a whole cannot be imported (not xlsx, sheet or columns missing, merged cells, too big)."""


def yes_no(value: object, field: str, label: str, default: bool = True) -> bool:
    """Excel booleans, ja/nein, x, 1/0. Empty -> default."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError({field: f"„{label}“: „{value}“ ist weder ja noch nein."})


@dataclass(frozen=True)
class ImportColumn:
    key: str  # name of the clean value handed to apply_row
    header: str  # German column header in the sheet
    validator: Callable[[object], object]  # raw cell value -> clean value; raises ValidationError
    required: bool = False
    # Coded values (code -> German label); a callable is evaluated when the template is written.
    choices: Mapping[str, str] | Callable[[], Mapping[str, str]] | None = None
    example: object = None
    hint: str = ""  # German, shown on the "Hinweise" sheet of the template
    default: object = None  # clean value of an empty optional cell (the validator is not called)
    width: float = 18

    def choice_map(self) -> Mapping[str, str] | None:
        return self.choices() if callable(self.choices) else self.choices


@dataclass
class ImportSpec:
    """How one entity is imported. `lookup(session)` loads what checks and writes need once (e.g. code ->
    id maps); `existing(session, lookup)` returns natural key -> {"id": ..., column key: value, ...}."""

    entity: str  # German plural, e.g. "Beschäftigte"
    sheet: str
    columns: Sequence[ImportColumn]
    natural_key: str
    existing: Callable[[Session, object], Mapping[object, Mapping[str, object]]]
    apply_row: Callable[[Session, dict, str | None, object], None]
    lookup: Callable[[Session], object] = lambda session: None
    # Cross-field / reference checks: (values, lookup, all natural keys in the file) -> raise ValidationError.
    check_row: Callable[[dict, object, set], None] | None = None
    after_apply: Callable[[Session, object], None] | None = None
    max_rows: int = MAX_ROWS

    def column(self, key: str) -> ImportColumn | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True)
class RowError:
    row: int  # Excel row number (header is row 1)
    column: str  # header text, "" if the whole row is meant
    value: str
    message: str


@dataclass(frozen=True)
class PlannedRow:
    row: int
    action: str  # "insert" | "update" | "unchanged"
    key: object
    values: dict
    existing_id: str | None = None


ACTION_LABELS = {"insert": "neu", "update": "Änderung", "unchanged": "unverändert"}


@dataclass
class ImportReport:
    spec: ImportSpec
    path: Path
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def ok(self) -> bool:
        """Clean and with something to do: only then may apply() run."""
        return not self.errors and any(r.action != "unchanged" for r in self.rows)

    def summary(self) -> str:
        if self.errors:
            rows = len({e.row for e in self.errors})
            return f"{len(self.errors)} Fehler in {rows} Zeilen – es wird nichts importiert."
        return (f"{self.count('insert')} neu, {self.count('update')} geändert, "
                f"{self.count('unchanged')} unverändert.")

    def save(self, path: str | Path) -> Path:
        """The report as .xlsx: sheet "Fehler" and sheet "Zeilen" (what would happen to each row)."""
        path = Path(path)
        wb = Workbook(write_only=True)
        err = wb.create_sheet("Fehler")
        err.append(["Zeile", "Spalte", "Wert", "Fehler"])
        for e in self.errors:
            err.append([e.row, _text(err, e.column), _text(err, e.value), _text(err, e.message)])
        plan = wb.create_sheet("Zeilen")
        key_header = (self.spec.column(self.spec.natural_key) or ImportColumn("", "Schlüssel", str)).header
        plan.append(["Zeile", "Aktion", key_header])
        for r in self.rows:
            plan.append([r.row, ACTION_LABELS[r.action], _text(plan, str(r.key))])
        info = wb.create_sheet("Info")
        for label, value in (("Datei", str(self.path)), ("Import", self.spec.entity), ("Ergebnis", self.summary())):
            info.append([label, _text(info, value)])
        tmp = path.with_name(f".{path.name}.part")
        try:
            wb.save(tmp)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return path


def _text(ws, value: str) -> object:
    """A cell that stays text: a reported value like "=HEUTE()" must not become a formula again."""
    if not value or not value.startswith("="):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value) if value.time() == datetime.min.time() else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_template(spec: ImportSpec, path: str | Path) -> Path:
    """An empty import file: headers (required ones marked), an example row, dropdowns for coded
    columns (lists on a hidden sheet, so long lists work too) and a sheet explaining each column."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = spec.sheet
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    bold = Font(bold=True)
    for idx, col in enumerate(spec.columns, 1):
        letter = get_column_letter(idx)
        head = ws.cell(row=1, column=idx, value=col.header)
        head.font = bold
        ws.column_dimensions[letter].width = max(col.width, len(col.header) + 4)
        example = ws.cell(row=2, column=idx, value=col.example)
        if isinstance(col.example, date):
            example.number_format = "DD.MM.YYYY"
        elif isinstance(col.example, str):
            example.number_format = "@"  # text: keeps leading zeros of numbers typed later
        choices = col.choice_map()
        if choices:
            for r, code in enumerate(choices, 1):
                lists.cell(row=r, column=idx, value=code)
            ref = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(choices)}"
            dv = DataValidation(type="list", formula1=ref, allow_blank=not col.required)
            dv.error = f"Bitte einen Wert aus der Liste wählen ({col.header})."
            dv.errorTitle = "Ungültiger Wert"
            dv.showErrorMessage = True
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{spec.max_rows + 1}")
    ws.freeze_panes = "A2"
    hints = wb.create_sheet(HINTS_SHEET)
    hints.append(["Spalte", "Pflicht", "Hinweis"])
    for c in hints[1]:
        c.font = bold
    for col in spec.columns:
        hints.append([col.header, "ja" if col.required else "nein", col.hint])
    hints.append([])
    hints.append(["Die Zeile 2 ist ein Beispiel – bitte überschreiben oder löschen."])
    hints.column_dimensions["A"].width = 28
    hints.column_dimensions["C"].width = 80
    tmp = path.with_name(f".{path.name}.part")
    try:
        wb.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _merged_ref(path: Path, ws) -> str | None:
    """First merged range of the sheet, read from its XML (read-only worksheets do not expose merges)."""
    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return None
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        while chunk := fh.read(1 << 20):
            found = _MERGE.search(tail + chunk)
            if found:
                return found.group(1).decode()
            tail = chunk[-200:]
    return None


def _open_sheet(spec: ImportSpec, path: Path):
    if not path.exists():
        raise ImportFileError(f"Die Datei „{path.name}“ wurde nicht gefunden.")
    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:8]
        hint = " Bitte in Excel als „Excel-Arbeitsmappe (.xlsx)“ speichern."
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportFileError(f"„{path.name}“ ist eine alte Excel-Datei (.xls) oder verschlüsselt.{hint}")
        raise ImportFileError(f"„{path.name}“ ist keine Excel-Datei (.xlsx).{hint}")
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        log.info("cannot open %s: %r", path, exc)
        raise ImportFileError(
            f"„{path.name}“ kann nicht gelesen werden (beschädigt oder kein Excel-Format)."
        ) from None
    if spec.sheet not in wb.sheetnames:
        shown = ", ".join(f"„{n}“" for n in wb.sheetnames)
        wb.close()
        raise ImportFileError(
            f"Das Tabellenblatt „{spec.sheet}“ fehlt in „{path.name}“ (vorhanden: {shown}). "
            "Bitte die Vorlage verwenden oder das Blatt umbenennen."
        )
    return wb, wb[spec.sheet]


def _header_map(spec: ImportSpec, header_row: Sequence[object]) -> tuple[dict[str, int], list[str]]:
    wanted = {c.header.strip().casefold(): c for c in spec.columns}
    found: dict[str, int] = {}
    ignored: list[str] = []
    for idx, value in enumerate(header_row):
        text = "" if value is None else str(value).strip()
        col = wanted.get(text.casefold())
        if col is None:
            if text:
                ignored.append(text)
            continue
        if col.key in found:
            raise ImportFileError(f"Die Spalte „{col.header}“ kommt in der Kopfzeile zweimal vor.")
        found[col.key] = idx
    missing = [c.header for c in spec.columns if c.key not in found and c.required]
    if missing:
        raise ImportFileError(
            "Es fehlen Spalten in der Kopfzeile (Zeile 1): " + ", ".join(f"„{m}“" for m in missing)
            + ". Bitte die Vorlage verwenden."
        )
    return found, ignored


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def dry_run(spec: ImportSpec, path: str | Path, db: Database, control: TaskControl | None = None) -> ImportReport:
    """Check every row and plan insert/update/unchanged. Writes nothing."""
    path = Path(path)
    wb, ws = _open_sheet(spec, path)
    try:
        declared = ws.max_row or 0  # from the sheet's dimension; may be missing (then we count)
        if declared > spec.max_rows + 1:
            raise ImportFileError(_too_many(spec, declared - 1))
        merged = _merged_ref(path, ws)
        if merged:
            raise ImportFileError(
                f"Das Blatt „{spec.sheet}“ enthält verbundene Zellen ({merged}). "
                "Bitte die Verbindung aufheben, damit jede Zeile einen eigenen Wert hat."
            )
        rows_iter = ws.iter_rows(values_only=False)
        header = next(rows_iter, None)
        if header is None:
            raise ImportFileError(f"Das Blatt „{spec.sheet}“ ist leer – die Kopfzeile fehlt.")
        positions, ignored = _header_map(spec, [getattr(c, "value", None) for c in header])
        with db.read() as session:
            lookup = spec.lookup(session)
            existing = spec.existing(session, lookup)
        report = ImportReport(spec, path, ignored_headers=ignored)
        parsed: list[tuple[int, dict]] = []
        seen: dict[object, int] = {}
        count = 0
        for cells in rows_iter:
            raw = {key: (cells[idx] if idx < len(cells) else None) for key, idx in positions.items()}
            values_raw = {k: getattr(c, "value", None) for k, c in raw.items()}
            if all(_blank(v) for v in values_raw.values()):
                continue
            count += 1
            if count > spec.max_rows:
                raise ImportFileError(_too_many(spec, None))
            row_no = next((c.row for c in cells if getattr(c, "row", None)), count + 1)
            if control is not None and count % 500 == 0:
                control.progress(count, max(declared - 1, count), f"Zeile {row_no} geprüft")
            clean = _check_row(spec, row_no, raw, report)
            if clean is None:
                continue
            key = clean.get(spec.natural_key)
            if key in seen:
                header_text = spec.column(spec.natural_key).header  # type: ignore[union-attr]
                report.errors.append(RowError(row_no, header_text, _shown(key),
                                              f"„{key}“ steht schon in Zeile {seen[key]}; jede {header_text} nur einmal."))
                continue
            seen[key] = row_no
            parsed.append((row_no, clean))
        file_keys = set(seen)
        for row_no, clean in parsed:
            if spec.check_row is not None:
                try:
                    spec.check_row(clean, lookup, file_keys)
                except ValidationError as exc:
                    _add_errors(spec, row_no, exc, clean, report)
                    continue
            key = clean[spec.natural_key]
            current = existing.get(key)
            if current is None:
                report.rows.append(PlannedRow(row_no, "insert", key, clean))
            else:
                same = all(current.get(k) == v for k, v in clean.items())
                report.rows.append(PlannedRow(row_no, "unchanged" if same else "update", key, clean, str(current["id"])))
        report.errors.sort(key=lambda e: e.row)
        return report
    finally:
        wb.close()


def _too_many(spec: ImportSpec, n: int | None) -> str:
    have = f"{n:,} Datenzeilen" if n is not None else f"mehr als {spec.max_rows:,} Datenzeilen"
    return (f"Die Datei hat {have}; ein Import nimmt höchstens {spec.max_rows:,} auf. "
            "Bitte in mehrere Dateien aufteilen.").replace(",", ".")


def _add_errors(spec: ImportSpec, row_no: int, exc: ValidationError, values: Mapping, report: ImportReport) -> None:
    for key, message in exc.errors.items():
        col = spec.column(key)
        report.errors.append(RowError(row_no, col.header if col else "", _shown(values.get(key)), message))


def _check_row(spec: ImportSpec, row_no: int, raw: Mapping[str, object], report: ImportReport) -> dict | None:
    clean: dict = {}
    ok = True
    for col in spec.columns:
        cell = raw.get(col.key)
        value = getattr(cell, "value", None)
        if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")
                                                       and getattr(cell, "data_type", None) != "s"):
            report.errors.append(RowError(row_no, col.header, str(value),
                                          "Formel statt Wert – bitte die Spalte als Werte einfügen."))
            ok = False
            continue
        if isinstance(value, str):
            value = value.strip()
        if _blank(value):
            if col.required:
                report.errors.append(RowError(row_no, col.header, "", f"Bitte „{col.header}“ ausfüllen."))
                ok = False
                continue
            clean[col.key] = col.default
            continue
        try:
            clean[col.key] = col.validator(value)
        except ValidationError as exc:
            report.errors.append(RowError(row_no, col.header, _shown(value), next(iter(exc.errors.values()))))
            ok = False
        except Exception:  # a validator bug must not stop the whole dry run
            log.exception("validator for %s failed on row %s", col.key, row_no)
            report.errors.append(RowError(row_no, col.header, _shown(value), "Der Wert kann nicht gelesen werden."))
            ok = False
    return clean if ok else None


@dataclass(frozen=True)
class ApplyResult:
    inserted: int
    updated: int
    unchanged: int


def apply(report: ImportReport, db: Database, control: TaskControl | None = None) -> ApplyResult:
    """Write all planned rows in ONE transaction. Any error or cancel rolls everything back.

    Matching is repeated inside the transaction, so a record created since the dry run is updated,
    not duplicated."""
    spec = report.spec
    if report.errors:
        raise DomainError("Der Import enthält Fehler und wird nicht ausgeführt. Bitte die Datei korrigieren.")
    todo = [r for r in report.rows if r.action != "unchanged"]
    if not report.rows:
        raise DomainError("Die Datei enthält keine Datenzeilen.")
    inserted = updated = 0
    with db.unit_of_work(f"Excel-Import {spec.entity}: {report.path.name}") as session:
        lookup = spec.lookup(session)
        existing = spec.existing(session, lookup)
        for i, planned in enumerate(todo):
            if control is not None and i % 200 == 0:
                control.progress(i, len(todo), f"{i} von {len(todo)} übernommen")
            current = existing.get(planned.key)
            existing_id = str(current["id"]) if current else None
            try:
                spec.apply_row(session, dict(planned.values), existing_id, lookup)
            except ValidationError as exc:
                raise DomainError(f"Zeile {planned.row}: {exc.message} – es wurde nichts importiert.") from exc
            if existing_id:
                updated += 1
            else:
                inserted += 1
        if spec.after_apply is not None:
            spec.after_apply(session, lookup)
        if control is not None:
            control.progress(len(todo), len(todo), "Speichern …")
    return ApplyResult(inserted, updated, len(report.rows) - len(todo))
