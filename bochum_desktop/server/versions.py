"""Schema/app version negotiation: the server accepts the desk schema N (its own head) and N-1."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from ..db.migrate import alembic_config

SCHEMA_HEADER = "X-Bochum-Schema"
APP_HEADER = "X-Bochum-App"
PROTOCOL = "1"

TOO_OLD_DE = (
    "Diese Version von Bochum Desktop ist zu alt für den Sync-Dienst (Datenstand {client}, "
    "der Dienst erwartet {expected}). Bitte installieren Sie die aktuelle Version. "
    "Bis dahin können Sie offline weiterarbeiten; Ihre Änderungen bleiben gespeichert und werden "
    "nach dem Update übertragen."
)


def accepted_schema_versions() -> tuple[str, ...]:
    """Head revision of the shared migrations and its predecessor (if any)."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_revision(script.get_current_head())
    result = [head.revision]
    down = head.down_revision
    if isinstance(down, tuple):
        result.extend(down)
    elif down:
        result.append(down)
    return tuple(result)
