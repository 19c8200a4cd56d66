"""Start-up preview: the list a start opens, shown from the data file before the ORM is loaded.

Importing SQLAlchemy and the models takes about half a second, longer than Python and Qt together. So a
start whose data file needs no checks or migration (db/datafile.ready_without_changes) shows the main
window at once. If it opens a list page, that page's main list is filled by the same SQL the real page ran
last time, read through plain sqlite3: the current rows in the user's sort, with their columns. Meanwhile
the app imports the rest and checks the file in the background; the real page then takes the preview's
place (app.py, MainWindow.finish_start). Nothing can be changed in the preview: it is read-only, the file is
opened with mode=ro, and writing only becomes possible once the integrity check has passed.

The SQL comes from the page itself: a page calls `remember(ctx, key, model, view)` for its main list, and
after the list's first load the compiled statement, its parameters, the column titles and widths are
written to start-preview.json in the user's config dir (mode 0600). It holds no names or addresses, but a
parameter may be a record id (a reviewer's list is filtered by the reviewer's employee id). An entry is
used only under the same `stamp`: program version, schema, language, data file, user, roles and feature
settings.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from .. import __version__
from ..db.datafile import head_revision
from ..db.textfold import fold_for_sort
from .cells import cell_text, from_stored

log = logging.getLogger(__name__)

CACHE_NAME = "start-preview.json"
# Rows a preview shows: more than any screen holds. Not the list's whole first page (500): reading and
# converting those took 6 ms of a start-up measured against a bare window (bench/bench_startup.py).
PREVIEW_ROWS = 100
_SAFE_PARAMS = (str, int, float, bool, type(None))
_IDS_PLACEHOLDER = "[\"bochum-preview-ids\"]"


@dataclass
class PreviewColumn:
    key: str
    title: str
    kind: str
    labels: list  # [[stored value, display text], ...] for enum columns (keeps non-string keys)
    decimals: int
    align: int
    visible: bool


@dataclass
class Snapshot:
    page: str
    stamp: str
    ids_sql: str  # the ids of the first PREVIEW_ROWS rows, in display order
    ids_params: list
    rows_sql: str  # their values, by id: the ids go in as a JSON array at rows_params[ids_position]
    rows_params: list
    ids_position: int
    columns: list[PreviewColumn]
    header: str  # the list header's state as the user last saw it (widths, sort indicator), base64; or ""


def stamp(ctx, language: str) -> str:
    """Who wrote an entry: SQL and titles are only reused by the same program version, schema, language,
    data file, user, roles and feature settings. A page may query differently for another of these - a
    reviewer's list is filtered by who the reviewer is (login name or the ideas setting
    reviewer_personnel_number) - so any change there means no preview until the page has run again."""
    # Kept as text, not hashed: importing hashlib (OpenSSL) would cost the start more than comparing it.
    identity = json.dumps(
        [str(Path(ctx.data_file).resolve()), ctx.settings.user_name or ctx.user,
         sorted(role.value for role in ctx.roles), ctx.settings.features],
        sort_keys=True, default=str, ensure_ascii=False,
    )
    return f"{__version__}|{head_revision()}|{language}|{identity}"


def cache_path(ctx) -> Path:
    return Path(ctx.settings_store.path).parent / CACHE_NAME


# ----- writing (after a real page loaded; SQLAlchemy is there by then) -------------------------------

def _compiled(stmt) -> tuple[str, list] | None:
    from sqlalchemy.dialects import sqlite

    from ..db.engine import driver_sql

    sql, params = driver_sql(stmt, sqlite.dialect())
    if not all(isinstance(v, _SAFE_PARAMS) for v in params):
        return None  # e.g. a datetime parameter: its stored form depends on a type processor
    return sql, list(params)


def snapshot_of(page: str, page_stamp: str, model, view: QTableView | None) -> Snapshot | None:
    from sqlalchemy import bindparam, func, select

    # Like the model itself: sort only the ids (narrow rows sort faster), then read one page by id.
    ids = _compiled(model.ids_statement().limit(PREVIEW_ROWS))
    page_ids = func.json_each(bindparam("preview_ids", _IDS_PLACEHOLDER)).table_valued("value")
    rows = _compiled(model.rows_by_ids_statement(select(page_ids.c.value)))
    if ids is None or rows is None:
        return None
    ids_position = rows[1].index(_IDS_PLACEHOLDER)
    visible = {c.key for c in model.visible_columns()}
    columns = [
        PreviewColumn(key=col.key, title=col.title, kind=col.kind,
                      labels=[[k, str(v)] for k, v in (col.labels or {}).items()], decimals=col.decimals,
                      align=int(model.alignment_of(col)), visible=col.key in visible)
        for col in model.columns()
    ]
    return Snapshot(page=page, stamp=page_stamp, ids_sql=ids[0], ids_params=ids[1], rows_sql=rows[0],
                    rows_params=rows[1], ids_position=ids_position, columns=columns,
                    header=header_state(view, len(visible)))


def header_state(view: QTableView | None, sections: int) -> str:
    """The header as the user sees it, for the preview to restore: section widths and the sort indicator in
    one (restoring it sets the indicator without naming Qt.SortOrder, see PreviewPage). "" if the header does
    not have one section per shown column."""
    if view is None or view.horizontalHeader().count() != sections:
        return ""
    return bytes(view.horizontalHeader().saveState().toBase64()).decode("ascii")


def save(path: Path, snap: Snapshot) -> None:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(entries, dict):
            entries = {}
    except (OSError, ValueError):
        entries = {}
    entries[snap.page] = asdict(snap)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".start-preview-")  # 0600: the user's own
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(entries, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _disconnect(signal, slot) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        signal.disconnect(slot)


def remember(ctx, page: str, model, view: QTableView | None = None) -> None:
    """Record `model` as the preview of `page`: its SQL as of its first load (the state a start shows), and
    the column widths as the user last saw them (written again when the program quits, while the list is
    still in the order recorded: the header's state carries the sort indicator too, which must match the
    rows the preview shows)."""
    recorded: list[Snapshot] = []
    recorded_order: list = []

    def write() -> None:
        try:
            language = ctx.services.get("ui_language", ctx.settings.language)
            snap = snapshot_of(page, stamp(ctx, language), model, view)
            if snap is not None:
                save(cache_path(ctx), snap)
                recorded.append(snap)
                recorded_order.append(model.sort_state())
        except Exception:  # a preview is a convenience; it must never disturb the page
            log.exception("start preview of %s not saved", page)

    def on_loaded() -> None:
        model.loaded.disconnect(on_loaded)
        write()

    def widths_at_quit() -> None:
        if not recorded or view is None or not shiboken6.isValid(view):
            return
        if model.sort_state() != recorded_order[0]:
            return  # re-sorted since: the recorded header (widths of then) goes with the recorded rows
        state = header_state(view, len([c for c in recorded[0].columns if c.visible]))
        if not state:
            return  # the user changed the columns since: the next start records them anew
        recorded[0].header = state
        try:
            save(cache_path(ctx), recorded[0])
        except OSError:
            log.warning("start preview widths of %s not saved", page, exc_info=True)

    model.loaded.connect(on_loaded)
    app = QCoreApplication.instance()
    if app is not None and view is not None:
        app.aboutToQuit.connect(widths_at_quit)
        # Pages closed before the program quits (and every page in the tests) must not pile up here.
        view.destroyed.connect(lambda *_: _disconnect(app.aboutToQuit, widths_at_quit))
    # The shell keeps the preview on screen until this model's first load (MainWindow.finish_start).
    ctx.services.setdefault("start_preview_models", {})[page] = model


# ----- reading (before SQLAlchemy) -------------------------------------------------------------------

def load(path: Path, page: str, expected_stamp: str) -> Snapshot | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8")).get(page)
        if not isinstance(raw, dict) or raw.get("stamp") != expected_stamp:
            return None
        raw["columns"] = [PreviewColumn(**c) for c in raw["columns"]]
        return Snapshot(**raw)
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def read_rows(data_file: Path, snap: Snapshot) -> list[tuple]:
    """The first rows, read-only, through sqlite3 with the app's sort function. No count: counting the
    rows of a joined query costs as much as the page, and the real list shows it a moment later."""
    con = sqlite3.connect(f"file:{data_file}?mode=ro", uri=True)
    try:
        con.create_function("bochum_fold", 1, fold_for_sort, deterministic=True)
        ids = list(dict.fromkeys(r[0] for r in con.execute(snap.ids_sql, snap.ids_params)))
        params = list(snap.rows_params)
        params[snap.ids_position] = json.dumps(ids)
        by_id = {r[0]: r for r in con.execute(snap.rows_sql, params)}
    finally:
        con.close()
    kinds = [c.kind for c in snap.columns]
    return [
        (i, *(from_stored(k, v) for k, v in zip(kinds, by_id[i][1:], strict=True))) for i in ids if i in by_id
    ]


# Qt's item roles as numbers (Qt.ItemDataRole): naming them builds PySide6's whole Qt namespace, ~15 ms of a
# start that is measured against a bare window (bench/bench_startup.py); the first window does without it.
DISPLAY_ROLE, TEXT_ALIGNMENT_ROLE, ACCESSIBLE_TEXT_ROLE = 0, 7, 11


class PreviewModel(QStandardItemModel):
    """The preview's rows. A QStandardItemModel for its header: the view asks a Python headerData() with a
    Qt.Orientation, which would build the Qt namespace (see above); the C++ one answers without it."""

    def __init__(self, snap: Snapshot, rows: list[tuple], parent=None) -> None:
        self._positions = [i for i, c in enumerate(snap.columns) if c.visible]
        self._columns = [snap.columns[i] for i in self._positions]
        super().__init__(len(rows), len(self._columns), parent)
        self._labels = [dict((k, v) for k, v in c.labels) for c in self._columns]
        self._rows = rows
        self.setHorizontalHeaderLabels([c.title for c in self._columns])
        for section, col in enumerate(self._columns):
            self.horizontalHeaderItem(section).setData(col.align, TEXT_ALIGNMENT_ROLE)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        col = self._columns[index.column()]
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            value = self._rows[index.row()][1 + self._positions[index.column()]]
            text = cell_text(col.kind, value, self._labels[index.column()], col.decimals)
            return text if role == DISPLAY_ROLE else f"{col.title}: {text}"
        if role == TEXT_ALIGNMENT_ROLE:
            return col.align
        return None


class PreviewPage(QWidget):
    """What stands in for a page while the program finishes starting: its list (if a snapshot exists),
    and a line saying that the page is still being loaded."""

    def __init__(self, snap: Snapshot | None, rows: list[tuple], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.view: QTableView | None = None
        if snap is None:
            self.status.setText(self.tr("Loading …"))
            layout.addStretch(1)
            return
        self.status.setText(self.tr("The page is being loaded …"))
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Table (preview, still loading)"))
        self.model = PreviewModel(snap, rows, self.view)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Looks like the DataTable that replaces it (ui/table_view.py), so the switch does not jump.
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        if snap.header:
            # Widths and sort indicator as the user left them.
            header.restoreState(QByteArray.fromBase64(snap.header.encode("ascii")))
        layout.addWidget(self.view, 1)


def preview_page(ctx, page: str, parent: QWidget | None = None, *, language: str) -> PreviewPage:
    """The preview of `page` from its snapshot, or a plain 'loading' page if there is none or it fails."""
    snap = load(cache_path(ctx), page, stamp(ctx, language))
    if snap is not None:
        try:
            rows = read_rows(ctx.data_file, snap)
            log.info("start preview of %s: %d rows", page, len(rows))
            return PreviewPage(snap, rows, parent)
        except (sqlite3.Error, ValueError, TypeError, IndexError):
            log.warning("start preview of %s could not be read; showing the page once loaded", page, exc_info=True)
    return PreviewPage(None, [], parent)
