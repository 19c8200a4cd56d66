"""Login to the sync service: server address, user name, password. The token goes to the keyring."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..auth import TokenStore
from ..client import SyncClient, login
from ..setup import SyncConfig, app_version, load_config, save_config
from ..transport import HttpTransport, ServerError, TransportError


class LoginDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, *, store: TokenStore | None = None, transport=None):
        super().__init__(parent)
        self.ctx = ctx
        self.store = store or TokenStore()
        self.transport = transport
        self.setWindowTitle(self.tr("Log in to the sync service"))
        config = load_config(ctx)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url_edit = QLineEdit(config.server_url)
        self.url_edit.setPlaceholderText("https://sync.bochum.example")
        self.user_edit = QLineEdit(config.username or ctx.user)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in (
            (self.tr("&Server address:"), self.url_edit),
            (self.tr("&User name:"), self.user_edit),
            (self.tr("&Password:"), self.password_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        layout.addLayout(form)
        if self.store.notice:
            notice = QLabel("ℹ " + self.store.notice)
            notice.setWordWrap(True)
            layout.addWidget(notice)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.login_button = buttons.addButton(self.tr("Log &in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.logout_button = buttons.addButton(self.tr("Log &out"), QDialogButtonBox.ButtonRole.ResetRole)
        self.logout_button.setVisible(bool(config.configured and self.store.get(config.server_url, config.username)))
        self.logout_button.clicked.connect(self.logout)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password_edit if self.user_edit.text() else self.url_edit).setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText("⚠ " + message)
        self.error_label.setVisible(True)

    def try_login(self) -> None:
        url, user, password = self.url_edit.text().strip(), self.user_edit.text().strip(), self.password_edit.text()
        if not url.startswith(("http://", "https://")):
            self._show_error(self.tr("Please enter the server address starting with https://"))
            self.url_edit.setFocus()
            return
        if not user or not password:
            self._show_error(self.tr("Please enter user name and password."))
            (self.user_edit if not user else self.password_edit).setFocus()
            return
        client = SyncClient(self.ctx.db, self.transport or HttpTransport(url), app_version=app_version())
        try:
            login(client, user, password, self.store, url)
        except (ServerError, TransportError) as exc:
            self._show_error(getattr(exc, "message", None) or str(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        old = load_config(self.ctx)
        save_config(self.ctx, SyncConfig(server_url=url, username=user, auto_minutes=old.auto_minutes))
        self.accept()

    def logout(self) -> None:
        config = load_config(self.ctx)
        token = self.store.get(config.server_url, config.username)
        if token:
            client = SyncClient(self.ctx.db, self.transport or HttpTransport(config.server_url), token=token)
            # Offline: the token expires on its own; it is gone from this desk anyway.
            with contextlib.suppress(ServerError, TransportError):
                client.call("POST", "/logout")
        self.store.clear(config.server_url, config.username)
        self.logout_button.setVisible(False)
        self.reject()
