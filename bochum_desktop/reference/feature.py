"""What the employee register gives the shell (no Qt): search hits."""

from __future__ import annotations

from ..context import AppContext
from ..core.features import SearchHit
from .service import ReferenceService


def search(ctx: AppContext, text: str) -> list[SearchHit]:
    return ReferenceService(ctx.db).search_hits(text)
