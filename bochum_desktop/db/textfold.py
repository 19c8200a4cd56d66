"""Text folding shared by the search index, SQL sorting and the start-up preview.

Kept free of SQLAlchemy: the start-up preview (ui/start_preview.py) registers `fold_for_sort` on a plain
sqlite3 connection before the ORM is imported."""

from __future__ import annotations

import unicodedata


def _fold_char(ch: str) -> str:
    value = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in value if not unicodedata.combining(c))


class _CharFold(dict):
    """Code point -> its folded form, filled on first use.

    Folding goes character by character (casefold and NFKD decompose each character on its own, and the
    combining marks dropped are the only characters canonical ordering moves), so str.translate with this
    table gives the same text as folding the whole string, in one C-level pass instead of a Python generator
    over every character (a large pull folds every searchable row)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_CHAR_FOLD = _CharFold()


def normalise(value: str) -> str:
    """Case- and accent-insensitive form: 'Müller' and 'MUELLER' are not equal, but 'MÜLLER' = 'müller'."""
    # ASCII: casefold is lower() and there is nothing to decompose.
    return value.lower() if value.isascii() else value.translate(_CHAR_FOLD)


_FOLD_CACHE: dict[str, str] = {}


def fold_for_sort(value):
    """Case- and accent-free sort key ('Özdemir' -> 'ozdemir'), registered as SQL function bochum_fold()
    on every SQLite connection (db.engine). The German sort indexes store what it returns: a change to it
    needs INDEX_VERSION bumped (a file checked with the new function finds those indexes out of step with
    their rows; db/datafile.check_file lets them be made anew rather than calling the file damaged). Cached: names repeat, and the cache halves the cost of sorting
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


# Bump when what goes into the search index or its layout changes, or what fold_for_sort returns (the German
# sort indexes store it): existing data files are re-indexed at the next start. 3: entries keyed by FTS5's
# own growing rowids, with an index on the row ids (db/search.py).
INDEX_VERSION = "3"

# Names of the German sort indexes (db/search.sort_index_sql); here for db/datafile, which runs before the ORM.
SORT_INDEX_PREFIX = "ix_sort_"
