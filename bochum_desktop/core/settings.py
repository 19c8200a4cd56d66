"""Local settings in a JSON file in the user's config dir. Unknown or invalid values fall back to the
defaults with a log line; a damaged file never stops the app."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from .. import APP_ID

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(os.environ.get("BOCHUM_DATA_DIR") or platformdirs.user_data_dir(APP_ID, appauthor=False))


def default_config_dir() -> Path:
    return Path(os.environ.get("BOCHUM_CONFIG_DIR") or platformdirs.user_config_dir(APP_ID, appauthor=False))


def default_log_dir() -> Path:
    return Path(os.environ.get("BOCHUM_LOG_DIR") or platformdirs.user_log_dir(APP_ID, appauthor=False))


@dataclass
class SenderBlock:
    """The sender shown in letterheads and the DIN 5008 information block."""

    organisation: str = "Stadt Bochum"
    unit: str = "Personal- und Organisationsamt"
    street: str = "Willy-Brandt-Platz 2–6"
    postcode_city: str = "44777 Bochum"
    contact_name: str = ""
    phone: str = "0234 910-0"
    email: str = "info@bochum.de"
    website: str = "www.bochum.de"


@dataclass
class Settings:
    data_file: str = ""
    language: str = "de"
    roles: list[str] = field(default_factory=lambda: ["admin"])
    user_name: str = ""
    desk_prefix: str = ""
    backups_keep: int = 5
    letter_form: str = "B"
    sender: SenderBlock = field(default_factory=SenderBlock)
    # Per-feature rule settings, owned by each feature (key = feature key).
    features: dict[str, dict] = field(default_factory=dict)
    window_geometry: str = ""
    demo_offered: bool = False
    # What the window opens at start: the overview of due items, or the area open when it was closed.
    start_page: str = "overview"
    last_page: str = ""

    def resolved_data_file(self) -> Path:
        return Path(self.data_file) if self.data_file else default_data_dir() / "bochum.sqlite"


_ALLOWED = {"language": {"de", "en"}, "letter_form": {"A", "B"}, "start_page": {"overview", "last"}}


def _coerce(raw: dict) -> Settings:
    defaults = Settings()
    result = Settings()
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        default = getattr(defaults, f.name)
        if f.name == "sender":
            if isinstance(value, dict):
                sb = SenderBlock()
                for sf in fields(SenderBlock):
                    if isinstance(value.get(sf.name), str):
                        setattr(sb, sf.name, value[sf.name])
                result.sender = sb
            else:
                log.warning("settings: ignoring invalid value for sender: %r", value)
            continue
        ok = isinstance(value, type(default)) and not (isinstance(default, int) and isinstance(value, bool))
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        if ok and f.name in _ALLOWED and value not in _ALLOWED[f.name]:
            ok = False
        if ok and f.name == "roles":
            ok = all(isinstance(r, str) for r in value)
        if ok and f.name == "backups_keep":
            ok = 1 <= value <= 100
        if ok:
            setattr(result, f.name, value)
        else:
            log.warning("settings: unknown value %r for %s, using default %r", value, f.name, default)
    unknown = set(raw) - {f.name for f in fields(Settings)}
    for key in sorted(unknown):
        log.warning("settings: unknown key %r ignored", key)
    return result


class SettingsStore:
    """Loads and saves Settings atomically (write to temp file, then rename)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_config_dir() / "settings.json"

    def load(self) -> Settings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", self.path, exc)
            return Settings()
        if not isinstance(raw, dict):
            log.warning("settings file %s has no object; using defaults", self.path)
            return Settings()
        return _coerce(raw)

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(settings), fh, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
