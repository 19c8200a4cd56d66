"""Text folding shared by the search index, SQL sorting and the start-up preview.

Kept free of SQLAlchemy: the start-up preview (ui/start_preview.py) registers `fold_for_sort` on a plain
sqlite3 connection before the ORM is imported."""

from __future__ import annotations

import unicodedata


def normalise(value: str) -> str:
    """Case- and accent-insensitive form: 'Müller' and 'MUELLER' are not equal, but 'MÜLLER' = 'müller'."""
    value = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in value if not unicodedata.combining(ch))


_FOLD_CACHE: dict[str, str] = {}


def fold_for_sort(value):
    """Case- and accent-free sort key ('Özdemir' -> 'ozdemir'), registered as SQL function bochum_fold()
    on every SQLite connection (db.engine). Cached: names repeat, and the cache halves the cost of sorting
    100k rows (bench/bench_table.py)."""
    if not isinstance(value, str):
        return value
    if value.isascii():  # most names: casefold is lower() and there is nothing to decompose
        return value.lower()
    folded = _FOLD_CACHE.get(value)
    if folded is None:
        if len(_FOLD_CACHE) > 200_000:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[value] = normalise(value)
    return folded


# Bump when what goes into the search index changes: existing data files are re-indexed at the next start.
INDEX_VERSION = "2"
