"""Status-bar widget: last sync, pending changes, conflicts and errors, 'Sync now', automatic sync."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.formatting import format_datetime, format_number
from ..auth import TokenStore
from ..client import status
from ..setup import load_config, make_client
from ..transport import HttpTransport, LoginRequired, ServerError, TransportError

log = logging.getLogger(__name__)

# The push on quit may hold up the end of the program about this long (plus one request's timeout).
QUIT_PUSH_SECONDS = 3.0


class SyncStatusWidget(QWidget):
    synced = Signal(object)  # SyncReport after a successful run
    failed = Signal(str)  # German message

    def __init__(self, ctx, parent: QWidget | None = None, *, store: TokenStore | None = None,
                 transport=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store or TokenStore()
        self.transport = transport  # tests inject one; else HTTP to the configured server
        self.running = False
        self.quit_pushed = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Sync status"))
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.sync_button.setToolTip(self.tr("Send local changes to the sync service and fetch new ones"))
        self.sync_button.clicked.connect(self.sync_now)
        self.login_button = QPushButton(self.tr("Sync &login…"))
        self.login_button.clicked.connect(self.open_login)
        for w in (self.state_label, self.conflicts_button, self.sync_button, self.login_button):
            layout.addWidget(w)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        config = load_config(ctx)
        if config.auto_minutes > 0:
            self.timer.start(config.auto_minutes * 60_000)
        self.refresh()

    # -- state ---------------------------------------------------------------------------------------
    def has_login(self) -> bool:
        config = load_config(self.ctx)
        return config.configured and bool(self.store.get(config.server_url, config.username))

    def refresh(self, progress: str | None = None) -> None:
        info = status(self.ctx.db)
        config = load_config(self.ctx)
        parts = []
        if progress:
            parts.append(progress)
        elif not config.configured:
            parts.append(self.tr("Sync: local only"))
        elif info["last_ok"]:
            when = format_datetime(datetime.fromisoformat(info["last_ok"]))
            parts.append(self.tr("Last sync: {when}").format(when=when))
        else:
            parts.append(self.tr("Not synchronised yet"))
        if info["pending"]:
            parts.append(self.tr("{n} pending").format(n=format_number(info["pending"])))
        if info["rejected"]:
            parts.append(self.tr("{n} rejected").format(n=format_number(info["rejected"])))
        if info["last_error"] and not progress:
            parts.append("⚠ " + info["last_error"])
        self.state_label.setText(" · ".join(parts))
        self.state_label.setToolTip(info["last_error"] or "")
        self.conflicts_button.setText(self.tr("Conflicts: {n}").format(n=info["conflicts"]))
        self.conflicts_button.setVisible(bool(info["conflicts"] or info["rejected"]))
        self.sync_button.setEnabled(config.configured and not self.running)
        self.login_button.setVisible(not self.has_login())

    # -- actions -------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.running:
            return
        config = load_config(self.ctx)
        if not config.configured or not self.has_login():
            self.refresh()
            return
        client = make_client(self.ctx, config, self.store, self.transport)
        self.running = True
        self.refresh(progress=self.tr("Synchronising…"))
        runner = self.ctx.services.get("task_runner")

        def job(control=None):
            if control is not None:
                client.progress = lambda what, n: control.progress(n, 0, what)
            return client.sync_once()

        if runner is None:  # no app around (tests, scripts): run here
            try:
                self._done(job())
            except Exception as exc:  # reported like in the runner
                self._failed(exc)
            return
        runner.submit(job, on_done=self._done, on_error=self._failed, on_progress=self._progress,
                      description=self.tr("Synchronisation"))

    def sync_on_quit(self, timeout: float = QUIT_PUSH_SECONDS) -> int | None:
        """On quit (QCoreApplication.aboutToQuit): one short push of the pending changes, on this thread,
        bounded by `timeout` (per request and as the deadline for starting another batch). No pull: that
        can wait for the next start. Any failure only logs: entries leave the outbox only once the service
        acknowledged them, so nothing is lost. Returns the number sent, None if nothing was tried."""
        self.timer.stop()
        if self.quit_pushed or self.running or not self.has_login():
            # (a running background sync is pushing already; the task runner gives it time to finish)
            return None
        self.quit_pushed = True
        if not status(self.ctx.db)["pending"]:
            return 0
        config = load_config(self.ctx)
        transport = self.transport or HttpTransport(config.server_url, timeout=timeout)
        try:
            client = make_client(self.ctx, config, self.store, transport)
            return client.push(deadline=time.monotonic() + timeout).pushed
        except Exception as exc:  # never stop the program from ending; the outbox keeps everything
            log.warning("push on quit failed: %s", exc)
            return None
        finally:
            if self.transport is None:
                transport.close()

    def _progress(self, done: int, _total: int, what: str) -> None:
        text = self.tr("Fetching changes… {n}") if what == "pull" else self.tr("Sending changes… {n}")
        self.refresh(progress=text.format(n=format_number(done)))

    def _done(self, report) -> None:
        self.running = False
        self.refresh()
        self.synced.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, LoginRequired):
            config = load_config(self.ctx)
            self.store.clear(config.server_url, config.username)
        if isinstance(exc, ServerError | TransportError):
            message = getattr(exc, "message", None) or str(exc)
        else:
            log.exception("sync failed", exc_info=exc)
            message = self.tr("Synchronisation failed: {error}").format(error=str(exc))
        self.refresh()
        self.failed.emit(message)

    def open_conflicts(self) -> None:
        from .conflicts import ConflictDialog

        dialog = ConflictDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    def open_login(self) -> None:
        from .login import LoginDialog

        dialog = LoginDialog(self.ctx, self, store=self.store, transport=self.transport)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(self.sync_now)
        dialog.open()
