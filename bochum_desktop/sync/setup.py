"""Building the desk's sync client from the app context (no Qt): settings say where and who, the
token comes from the OS keyring (or memory), never from the settings file."""

from __future__ import annotations

from dataclasses import dataclass

from .auth import TokenStore
from .client import SyncClient
from .transport import HttpTransport

FEATURE_KEY = "sync"


@dataclass
class SyncConfig:
    server_url: str = ""
    username: str = ""
    auto_minutes: int = 5  # 0 = only on demand

    @property
    def configured(self) -> bool:
        return bool(self.server_url and self.username)


def load_config(ctx) -> SyncConfig:
    raw = ctx.feature_settings(FEATURE_KEY)
    return SyncConfig(
        server_url=str(raw.get("server_url", "")),
        username=str(raw.get("username", "")),
        auto_minutes=int(raw.get("auto_minutes", 5) or 0),
    )


def save_config(ctx, config: SyncConfig) -> None:
    raw = ctx.feature_settings(FEATURE_KEY)
    raw.update(server_url=config.server_url, username=config.username, auto_minutes=config.auto_minutes)
    ctx.save_settings()


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("bochum-desktop")
    except Exception:  # running from a checkout without installation
        return "dev"


def make_client(ctx, config: SyncConfig, store: TokenStore, transport=None) -> SyncClient:
    return SyncClient(
        ctx.db,
        transport or HttpTransport(config.server_url),
        token=store.get(config.server_url, config.username),
        app_version=app_version(),
    )
