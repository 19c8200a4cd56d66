"""What the suggestion scheme gives the shell without Qt: start-page items and global search hits,
both filtered by the user's role in the service (reviewers get pseudonymised entries only)."""

from __future__ import annotations

from ..core.features import DueItem, SearchHit
from .service import IdeasService


def due_items(ctx) -> list[DueItem]:
    return IdeasService(ctx).due_items()


def search(ctx, text: str) -> list[SearchHit]:
    return IdeasService(ctx).search_hits(text)
