"""Start-up: settings, logging, data file (check, back up, migrate), services, Qt, translations, shell.

Two ways in. A data file that needs nothing (db/datafile.ready_without_changes: ours, at the current
schema, not empty) gets the quick start: the window appears before SQLAlchemy is imported, with a preview of
the page to open (ui/start_preview.py), while a worker checks the file's integrity and imports the rest;
then the real pages take over. Any other file - new, empty, older schema, damaged, foreign - takes the full
start: check, back up, migrate, then the window. This module imports nothing heavy at the top for that
reason (the quick start is measured by bench/bench_startup.py)."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from . import APP_ID, APP_NAME, __version__
from .context import AppContext, os_user
from .core.clock import Clock
from .core.errors import DataFileError
from .core.logfile import RotatingLog
from .core.settings import SettingsStore, default_log_dir
from .db.datafile import head_revision, ready_without_changes
from .ui.error_dialog import ExceptionHook, show_error
from .ui.feature import FeatureSpec
from .ui.i18n import install_translators
from .ui.main_window import MainWindow
from .ui.task_runner import TaskRunner

log = logging.getLogger("bochum_desktop")

# The shell knows features only by these module names; each defines feature(ctx) -> FeatureSpec.
FEATURE_MODULES = [
    "bochum_desktop.kita.views",
    "bochum_desktop.ideas.views",
    "bochum_desktop.reference.views",
]

# Imported by the quick start's worker while the window already shows (with the opened page's
# FeatureSpec.page_module), so the first page opens without delay.
WARM_UP_MODULES = [
    "bochum_desktop.db.session",
    "bochum_desktop.ui.table_model",
    "bochum_desktop.ui.table_view",
    "bochum_desktop.ui.table_export",
    "bochum_desktop.sync.views",
]



def setup_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / f"{APP_ID}.log"
    handler = RotatingLog(log_file, max_bytes=2_000_000, backups=5)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return log_file


def load_features(ctx: AppContext, modules: list[str] | None = None) -> list[FeatureSpec]:
    specs = []
    for name in modules or FEATURE_MODULES:
        try:
            module = importlib.import_module(name)
            factory = module.feature
        except (ImportError, AttributeError):
            log.exception("feature module %s could not be loaded", name)
            continue
        specs.append(factory(ctx))
    return specs


class AfterFirstPaint(QObject):
    """Calls `callback` once, after `window` has been drawn for the first time, or after `latest_ms` at the
    latest (a window that is never drawn - minimised, no screen - must still finish starting)."""

    def __init__(self, window: QWidget, callback, latest_ms: int = 300) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._callback is not None and event.type() == QEvent.Type.UpdateRequest:
            # The filter sees the request before the window paints; the next turn of the event loop is after.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self.parent().removeEventFilter(self)
        callback()


def ask_data_file_problem(error: DataFileError, backup_dir: Path, parent: QWidget | None = None) -> Path | None:
    """Offer the ways out of a data file that cannot be used. Returns a file to try, or None to quit."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox  # (dialogs of rare paths: not at start-up)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Data file cannot be opened"))
    box.setText(error.message)
    box.setInformativeText(QCoreApplication.translate("App", "The file has not been changed. What do you want to do?"))
    other = box.addButton(QCoreApplication.translate("App", "Open another file…"), QMessageBox.ButtonRole.ActionRole)
    restore = None
    backups = sorted(backup_dir.glob("*.sqlite")) if backup_dir.exists() else []
    if backups:
        restore = box.addButton(QCoreApplication.translate("App", "Restore a backup…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("App", "Open data file"), str(Path(error.path).parent),
                                              QCoreApplication.translate("App", "Data files (*.sqlite);;All files (*)"))
        return Path(path) if path else None
    if restore is not None and clicked is restore:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("App", "Choose backup"), str(backup_dir), QCoreApplication.translate("App", "Backups (*.sqlite)"))
        if not path:
            return None
        # The damaged file is kept beside the restored one, never overwritten.
        import shutil

        damaged = Path(error.path)
        if damaged.exists():
            shutil.move(damaged, damaged.with_suffix(f".defekt-{int(time.time())}.sqlite"))
        shutil.copy(path, damaged)
        return damaged
    return None


def open_database(path: Path, backup_dir: Path, keep: int, interactive: bool) -> Path | None:
    from .db.migrate import open_data_file

    while True:
        try:
            open_data_file(path, backup_dir, keep=keep)
            return path
        except DataFileError as exc:
            log.error("data file %s refused: %s", path, exc.message)
            if not interactive:
                print(exc.message, file=sys.stderr)
                return None
            path = ask_data_file_problem(exc, backup_dir)
            if path is None:
                return None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bochum-desktop", description=APP_NAME)
    parser.add_argument("--data-file", help="SQLite data file (default: in the user data dir)")
    parser.add_argument("--lang", choices=["de", "en"], help="UI language for this run")
    parser.add_argument("--demo", action="store_true", help="load demo data into an empty data file without asking")
    parser.add_argument("--demo-employees", type=int, default=120, help="number of demo employees")
    parser.add_argument("--page", help="open this page at start (e.g. reference, kita, ideas)")
    parser.add_argument("--screenshot", help="save a PNG of the main window once shown, then quit")
    parser.add_argument("--quit-when-shown", action="store_true",
                        help="quit once the window shows its first page (benchmarks)")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="quit once start-up has finished and the first page is loaded (benchmarks)")
    parser.add_argument("--no-quick-start", action="store_true",
                        help="always check and open the data file before showing the window")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


class Startup:
    """Builds the context and the main window, by the quick or the full way (see the module docstring)."""

    def __init__(self, app: QApplication, args: argparse.Namespace, store: SettingsStore, settings,
                 log_file: Path, language: str, started: float) -> None:
        self.app, self.args, self.store, self.settings = app, args, store, settings
        self.log_file, self.language, self.started = log_file, language, started
        self.interactive = not (args.screenshot or args.quit_when_shown or args.quit_when_ready)
        self.runner = TaskRunner()
        app.aboutToQuit.connect(lambda: self.runner.shutdown())
        self.window: MainWindow | None = None

    def begin(self) -> bool:
        data_file = self.settings.resolved_data_file()
        if not (self.args.demo or self.args.no_quick_start) and ready_without_changes(data_file):
            self.quick(data_file)
            return True
        return self.full(data_file)

    # --- pieces shared by both ways ----------------------------------------------------------------
    def _backup_dir(self, data_file: Path) -> Path:
        return data_file.parent / "backups"

    def _context(self, data_file: Path, db) -> AppContext:
        clock = Clock()
        ctx = AppContext(settings=self.settings, settings_store=self.store, db=db, clock=clock,
                         user=self.settings.user_name or os_user(), data_file=data_file,
                         backup_dir=self._backup_dir(data_file), log_file=self.log_file)
        ctx.services["task_runner"] = self.runner
        ctx.services["ui_language"] = self.language
        return ctx

    def _database(self, ctx: AppContext):
        from .db.engine import make_engine, sqlite_url
        from .db.session import Database

        db = Database(make_engine(sqlite_url(ctx.data_file)), clock=ctx.clock, user=ctx.user,
                      schema_version=head_revision())
        self.app.aboutToQuit.connect(db.dispose)
        return db

    def _first_page(self, window: MainWindow) -> str:
        """The page to open: --page, else the one open at the last close if the user chose so (settings);
        only a page this user may see."""
        wanted = self.args.page or (self.settings.last_page if self.settings.start_page == "last" else "")
        return wanted if wanted in {f.key for f in window.features} else ""

    def _attach_sync(self, window: MainWindow, ctx: AppContext) -> None:
        # Sync status, "Jetzt synchronisieren", conflict queue; syncs only once a server login exists.
        from .sync.views import status_widget

        window.set_sync_widget(status_widget(ctx, window, first_sync_after_ms=3000 if self.interactive else -1))

    # --- full start: check, back up, migrate, then the window ---------------------------------------
    def full(self, data_file: Path) -> bool:
        gc.enable()  # (paused for the quick start's window only; migrating and demo data make garbage)
        from .models import load_all as load_all_models

        load_all_models()
        opened = open_database(data_file, self._backup_dir(data_file), self.settings.backups_keep, self.interactive)
        if opened is None:
            return False
        ctx = self._context(opened, None)
        ctx.db = self._database(ctx)
        self._offer_demo(ctx)
        window = self.window = MainWindow(ctx, load_features(ctx))
        self._attach_sync(window, ctx)
        page = self._first_page(window)
        if page:
            window.show_feature(page)
        window.show()
        self._finish_when(lambda: self.runner.active_count == 0)
        return True

    def _offer_demo(self, ctx: AppContext) -> None:
        from PySide6.QtWidgets import QMessageBox

        from . import demo

        if not demo.is_empty(ctx.db):
            return
        wants_demo = self.args.demo
        if not wants_demo and self.interactive and not self.settings.demo_offered:
            answer = QMessageBox.question(
                None,
                APP_NAME,
                QCoreApplication.translate("App", "The data file is empty. Load fictitious demo data so you can try the program?\n"
                   "(You can delete the demo file later and start with an empty one.)"),
            )
            wants_demo = answer == QMessageBox.StandardButton.Yes
            self.settings.demo_offered = True
            self.store.save(self.settings)
        if wants_demo:
            try:
                demo.load_all(ctx.db, employees=self.args.demo_employees)
            except Exception as exc:
                log.exception("demo data failed")
                show_error(None, exc)

    # --- quick start: the window first, the checks and the ORM in a worker ---------------------------
    def quick(self, data_file: Path) -> None:
        log.info("quick start: %s needs no migration; checking it while the window shows", data_file)
        ctx = self._context(data_file, None)
        window = self.window = MainWindow(ctx, load_features(ctx), starting=True)
        page = self._first_page(window)
        if page:
            from .ui.start_preview import preview_page

            window.set_preview(page, preview_page(ctx, page, language=self.language))
            window.show_feature(page)
        window.show()
        modules = list(WARM_UP_MODULES)
        modules += [f.page_module for f in window.features if f.key == page and f.page_module]
        # Started once the window has been drawn: the worker's imports hold the GIL for most of their time, and
        # started earlier (a zero timer runs before the first paint) they held up drawing the window.
        def drawn() -> None:
            gc.enable()
            self.runner.submit(self._warm_up, data_file, modules, on_done=lambda _: self._quick_ready(window, ctx),
                               on_error=lambda exc: self._quick_failed(window, exc), description="start-up")

        AfterFirstPaint(window, drawn)
        self._finish_when(lambda: True, ready=lambda: not window.starting and self.runner.active_count == 0)

    def _warm_up(self, data_file: Path, modules: list[str]) -> None:
        from .db.migrate import open_data_file
        from .models import load_all as load_all_models

        load_all_models()
        for name in modules:
            importlib.import_module(name)
        # Checked after the imports, right before the database is opened, so a file replaced meanwhile (a
        # restore, a sync client) is checked too. DataFileError if it is damaged, foreign or from a newer
        # version; at the head revision nothing else changes but a missing search index. The integrity
        # check is C code that releases the GIL: the window stays responsive.
        open_data_file(data_file, self._backup_dir(data_file), keep=self.settings.backups_keep)

    def _quick_ready(self, window: MainWindow, ctx: AppContext) -> None:
        ctx.db = self._database(ctx)
        self._attach_sync(window, ctx)
        window.finish_start()

    def _quick_failed(self, window: MainWindow, exc: BaseException) -> None:
        window.hide()
        window.deleteLater()
        self.window = None
        if not isinstance(exc, DataFileError):
            log.error("start-up failed", exc_info=exc)
            message = QCoreApplication.translate(
                "App", "Bochum Desktop could not finish starting. Nothing has been changed. Details are in the "
                "log file: %1").replace("%1", str(self.log_file))
            if self.interactive:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(None, APP_NAME, message)
            else:
                print(message, file=sys.stderr)
            self.app.exit(1)
            return
        log.error("data file %s refused: %s", exc.path, exc.message)
        if not self.interactive:
            print(exc.message, file=sys.stderr)
            self.app.exit(2)
            return
        chosen = ask_data_file_problem(exc, self._backup_dir(Path(exc.path)))
        if chosen is None or not self.full(chosen):
            self.app.exit(2)

    # --- benchmarks and screenshots ---------------------------------------------------------------
    def _finish_when(self, shown, ready=None) -> None:
        """--quit-when-shown quits once `shown()` (the window shows its first page), --quit-when-ready and
        --screenshot once `ready()` (start-up finished, nothing loading)."""
        args = self.args
        if not (args.screenshot or args.quit_when_shown or args.quit_when_ready):
            return
        ready = ready or shown
        condition = shown if args.quit_when_shown else ready
        label = "shown" if args.quit_when_shown else "ready"

        def finish() -> None:
            if not condition():
                QTimer.singleShot(20, finish)
                return
            window = self.window
            if args.screenshot and window is not None:
                window.grab().save(args.screenshot)
            print(f"{label} after {time.perf_counter() - self.started:.3f} s", flush=True)
            if window is not None:
                window.close()
            self.app.quit()

        QTimer.singleShot(0, finish)


def main(argv: list[str] | None = None) -> int:
    """Starts the program. For a quick start the garbage collector is paused until the window has been drawn
    (bochum_desktop/__main__.py pauses it before the imports; at the latest a second into the event loop);
    a full start (migrations, demo data) turns it on before its work; it is on again when main returns."""
    started = time.perf_counter()
    gc.disable()
    try:
        return _run(argv, started)
    finally:
        gc.enable()


def _run(argv: list[str] | None, started: float) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("LANG", "C.UTF-8")
    log_file = setup_logging(default_log_dir())
    store = SettingsStore()
    settings = store.load()
    if args.data_file:
        settings.data_file = args.data_file
    language = args.lang or settings.language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Stadt Bochum")
    app.setApplicationVersion(__version__)
    QTimer.singleShot(1000, gc.enable)
    translators = install_translators(app, language)  # noqa: F841 - kept alive for the app's lifetime
    ExceptionHook().install()

    if not Startup(app, args, store, settings, log_file, language, started).begin():
        return 2
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
