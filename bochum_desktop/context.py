"""The app context passed explicitly to every service and view (no global main window)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .core.clock import Clock
from .core.permissions import Role
from .core.settings import Settings, SettingsStore

if TYPE_CHECKING:  # the quick start builds the window before SQLAlchemy is imported (app.py)
    from .db.session import Database


def os_user() -> str:
    import getpass  # (imported here: ~1.5 ms of the start-up, which measures against a bare window)

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return os.environ.get("USER", "unbekannt")


@dataclass
class AppContext:
    """`db` is None only in the first moments of a quick start, while the window shows a preview and the
    data file is checked in the background; nothing that reads or writes data runs before it is set."""

    settings: Settings
    settings_store: SettingsStore
    db: Database
    clock: Clock
    user: str
    data_file: Path
    backup_dir: Path
    log_file: Path | None = None
    # Services other features may call, registered at start-up by key (e.g. "reference").
    services: dict[str, object] = field(default_factory=dict)

    @property
    def roles(self) -> set[Role]:
        result = set()
        for name in self.settings.roles:
            try:
                result.add(Role(name))
            except ValueError:
                continue
        return result

    def has_role(self, role: Role) -> bool:
        return Role.ADMIN in self.roles or role in self.roles

    def feature_settings(self, key: str) -> dict:
        return self.settings.features.setdefault(key, {})

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)
