"""Qt views of the sync: status-bar widget, conflict queue and parked changes, login dialog.

Wiring (app.py, after the main window exists):
    from bochum_desktop.sync.views import status_widget
    window.set_sync_widget(status_widget(ctx, window))
The widget reads the server address and user from the "sync" feature settings, takes the token from
the keyring, syncs on start, every few minutes and on demand through ctx.services["task_runner"], and
pushes pending changes once more when the application quits (connected to QCoreApplication.aboutToQuit
here, so before any aboutToQuit slot app.py connects later, e.g. the one closing the database)."""

from __future__ import annotations


def status_widget(ctx, parent=None, first_sync_after_ms: int = 3000, *, store=None, transport=None):
    """The status-bar widget; it also syncs once shortly after start and pushes on quit (when a login is
    stored). `store`/`transport`: for tests."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from .status import SyncStatusWidget

    widget = SyncStatusWidget(ctx, parent, store=store, transport=transport)
    if first_sync_after_ms >= 0:
        QTimer.singleShot(first_sync_after_ms, widget, widget.sync_now)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(widget.sync_on_quit)
    return widget


def conflict_dialog(ctx, parent=None):
    from .conflicts import ConflictDialog

    return ConflictDialog(ctx, parent)


def login_dialog(ctx, parent=None):
    from .login import LoginDialog

    return LoginDialog(ctx, parent)
