"""Login to the service and keeping the token: in the OS keyring (`keyring`), never in a settings file.

On a machine without a keyring backend the token is kept in memory only (`TokenStore.persistent` is
False and `TokenStore.notice` says so in German), so the user logs in again after a restart."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from .transport import Transport

log = logging.getLogger(__name__)

SERVICE = "bochum-desktop-sync"
NO_KEYRING_DE = (
    "Auf diesem Rechner steht kein Schlüsselbund des Betriebssystems zur Verfügung. Die Anmeldung am "
    "Sync-Dienst gilt deshalb nur bis zum Beenden des Programms."
)


def _keyring_backend():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or backend.priority <= 0:
        return None
    return keyring


class TokenStore:
    def __init__(self, use_keyring: bool = True) -> None:
        self._use_keyring = use_keyring
        self._backend_resolved = False
        self._backend = None
        self._memory: dict[str, str] = {}

    @property
    def _keyring(self):
        # Finding the keyring backend takes ~0.1 s; resolve it on first use, not when the window opens.
        if not self._backend_resolved:
            self._backend = _keyring_backend() if self._use_keyring else None
            self._backend_resolved = True
        return self._backend

    @property
    def persistent(self) -> bool:
        return self._keyring is not None

    @property
    def notice(self) -> str | None:
        return None if self.persistent else NO_KEYRING_DE

    @staticmethod
    def _key(server_url: str, username: str) -> str:
        return f"{server_url.rstrip('/')}|{username}"

    def get(self, server_url: str, username: str) -> str | None:
        key = self._key(server_url, username)
        if self._keyring is not None:
            try:
                return self._keyring.get_password(SERVICE, key)
            except Exception:
                log.exception("keyring read failed; using memory")
        return self._memory.get(key)

    def set(self, server_url: str, username: str, token: str) -> None:
        key = self._key(server_url, username)
        if self._keyring is not None:
            try:
                self._keyring.set_password(SERVICE, key, token)
                return
            except Exception:
                log.exception("keyring write failed; keeping the token in memory")
        self._memory[key] = token

    def clear(self, server_url: str, username: str) -> None:
        key = self._key(server_url, username)
        self._memory.pop(key, None)
        if self._keyring is not None:
            with contextlib.suppress(Exception):  # nothing stored is fine
                self._keyring.delete_password(SERVICE, key)


@dataclass(frozen=True)
class Session:
    username: str
    token: str
    expires_at: str
    roles: tuple[str, ...]


def login(transport: Transport, headers: dict[str, str], username: str, password: str, desk_id: str) -> Session:
    """Ask the service for a token. Raises LoginRequired (wrong password), VersionRefused, TransportError."""
    answer = transport.call(
        "POST", "/login", headers=headers, json={"username": username, "password": password, "desk_id": desk_id}
    )
    return Session(username=answer["username"], token=answer["token"], expires_at=answer["expires_at"],
                   roles=tuple(answer.get("roles", ())))


def logout(transport: Transport, headers: dict[str, str]) -> None:
    transport.call("POST", "/logout", headers=headers)
