"""Qt-free hooks of the Kita feature for the shell: the service from the app context, due items, search.

views/__init__.py wires these into the FeatureSpec; they are kept here so they can be tested without Qt."""

from __future__ import annotations

from ..core.features import DueItem, SearchHit
from .service import KitaService

KEY = "kita"


def service(ctx) -> KitaService:
    """One service per app context, registered under ctx.services["kita"] for other parts to call."""
    svc = ctx.services.get(KEY)
    if not isinstance(svc, KitaService):
        svc = KitaService.from_context(ctx)
        ctx.services[KEY] = svc
    return svc


def due_items(ctx) -> list[DueItem]:
    return service(ctx).due_items()


def search(ctx, text: str) -> list[SearchHit]:
    return service(ctx).search(text)
