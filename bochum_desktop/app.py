"""Start-up: settings, logging, data file (check, back up, migrate), services, Qt, translations, shell."""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import os
import shutil
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from . import APP_ID, APP_NAME, __version__
from .context import AppContext, os_user
from .core.clock import Clock
from .core.errors import DataFileError
from .core.settings import SettingsStore, default_log_dir
from .db.engine import make_engine, sqlite_url
from .db.migrate import head_revision, open_data_file
from .db.session import Database
from .models import load_all as load_all_models
from .ui.error_dialog import ExceptionHook, show_error
from .ui.feature import FeatureSpec
from .ui.i18n import install_translators

log = logging.getLogger("bochum_desktop")

# The shell knows features only by these module names; each defines feature(ctx) -> FeatureSpec.
FEATURE_MODULES = [
    "bochum_desktop.kita.views",
    "bochum_desktop.ideas.views",
    "bochum_desktop.reference.views",
]



def setup_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / f"{APP_ID}.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
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


def ask_data_file_problem(error: DataFileError, backup_dir: Path, parent: QWidget | None = None) -> Path | None:
    """Offer the ways out of a data file that cannot be used. Returns a file to try, or None to quit."""
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
        damaged = Path(error.path)
        if damaged.exists():
            shutil.move(damaged, damaged.with_suffix(f".defekt-{int(time.time())}.sqlite"))
        shutil.copy(path, damaged)
        return damaged
    return None


def open_database(path: Path, backup_dir: Path, keep: int, interactive: bool) -> Path | None:
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
    parser.add_argument("--quit-when-shown", action="store_true", help="quit once the window is shown (benchmarks)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
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
    translators = install_translators(app, language)  # noqa: F841 - kept alive for the app's lifetime
    ExceptionHook().install()

    load_all_models()
    data_file = settings.resolved_data_file()
    backup_dir = data_file.parent / "backups"
    interactive = not (args.screenshot or args.quit_when_shown)
    opened = open_database(data_file, backup_dir, settings.backups_keep, interactive)
    if opened is None:
        return 2
    data_file = opened

    clock = Clock()
    user = settings.user_name or os_user()
    db = Database(make_engine(sqlite_url(data_file)), clock=clock, user=user, schema_version=head_revision())
    ctx = AppContext(settings=settings, settings_store=store, db=db, clock=clock, user=user, data_file=data_file,
                     backup_dir=backup_dir, log_file=log_file)

    from . import demo
    from .ui.main_window import MainWindow
    from .ui.task_runner import TaskRunner

    if demo.is_empty(db):
        wants_demo = args.demo
        if not wants_demo and interactive and not settings.demo_offered:
            answer = QMessageBox.question(
                None,
                APP_NAME,
                QCoreApplication.translate("App", "The data file is empty. Load fictitious demo data so you can try the program?\n"
                   "(You can delete the demo file later and start with an empty one.)"),
            )
            wants_demo = answer == QMessageBox.StandardButton.Yes
            settings.demo_offered = True
            store.save(settings)
        if wants_demo:
            try:
                demo.load_all(db, employees=args.demo_employees)
            except Exception as exc:
                log.exception("demo data failed")
                show_error(None, exc)

    runner = TaskRunner()
    ctx.services["task_runner"] = runner
    features = load_features(ctx)
    window = MainWindow(ctx, features)
    # Sync status, "Jetzt synchronisieren", conflict queue; syncs only once a server login exists.
    from .sync.views import status_widget

    window.set_sync_widget(status_widget(ctx, window, first_sync_after_ms=3000 if interactive else -1))
    app.aboutToQuit.connect(lambda: runner.shutdown())
    app.aboutToQuit.connect(db.dispose)
    if args.page:
        window.show_feature(args.page)
    window.show()

    if args.screenshot or args.quit_when_shown:
        def finish() -> None:
            if runner.active_count:  # the first page of a list is still loading in the background
                QTimer.singleShot(20, finish)
                return
            if args.screenshot:
                window.grab().save(args.screenshot)
            print(f"shown after {time.perf_counter() - started:.3f} s", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, finish)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
