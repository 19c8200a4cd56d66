"""Qt views of the sync: status-bar widget, conflict queue and parked changes, login dialog.

Wiring (app.py, after the main window exists):
    from bochum_desktop.sync.views import status_widget
    window.set_sync_widget(status_widget(ctx, window))
The widget reads the server address and user from the "sync" feature settings, takes the token from
the keyring, syncs on start, every few minutes and on demand through ctx.services["task_runner"]."""

from __future__ import annotations


def status_widget(ctx, parent=None):
    from .status import SyncStatusWidget

    return SyncStatusWidget(ctx, parent)


def conflict_dialog(ctx, parent=None):
    from .conflicts import ConflictDialog

    return ConflictDialog(ctx, parent)


def login_dialog(ctx, parent=None):
    from .login import LoginDialog

    return LoginDialog(ctx, parent)
