"""Local full-text index (SQLite FTS5, unicode61 with diacritics removed).

SQLite's LIKE and lower() fold only ASCII, so 'MÜLLER' would not find 'Müller'. Each model that names
`__search_fields__` gets a virtual table fts_<table>(row_id UNINDEXED, body) kept current by the change
capture. The index is local (not synced) and can be rebuilt from the rows at any time."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, Select, String, column, text
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session

from .textfold import INDEX_VERSION, SORT_INDEX_PREFIX, fold_for_sort, normalise  # noqa: F401 - re-exported

FTS_PREFIX = "fts_"


def fts_table(table_name: str) -> str:
    return f"{FTS_PREFIX}{table_name}"


def body_text(values) -> str:
    """The indexed text of a record: its search fields, normalised like the queries ('Weiß' -> 'weiss',
    which the unicode61 tokenizer alone would not do)."""
    # Field by field: folding goes character by character, so this is the whole text folded, and the ASCII
    # fields (numbers, e-mail addresses, many names) take the quick way (a large pull folds every row).
    return " ".join(normalise(v if isinstance(v, str) else str(v)) for v in values if v)


def body_of(obj) -> str:
    return body_text(getattr(obj, name, None) for name in type(obj).__search_fields__)


def _enabled(session: Session, obj) -> bool:
    return bool(type(obj).__search_fields__) and session.get_bind().dialect.name == "sqlite"


def _row_index_sql(table_name: str) -> str:
    """An index on the row ids the FTS5 table stores (column c0 of its content table, fts_<table>_content).

    Entries get FTS5's own rowids, which grow with every insert: FTS5 then appends to its tables and index
    pages instead of writing all over the file (a hash of the id as rowid made a pull's page transaction
    rewrite scattered pages: 2.6 s instead of 0.6 s for 100,000 rows in pages of 1,000). This index makes
    deleting the entry of a row a point lookup (row_id is UNINDEXED for FTS5: without it a full scan)."""
    fts = fts_table(table_name)
    return f"CREATE INDEX IF NOT EXISTS {fts}_row ON {fts}_content(c0)"


def sort_index_name(table_name: str, field: str) -> str:
    return f"{SORT_INDEX_PREFIX}{table_name}_{field}"


def sort_index_sql(table_name: str, field: str) -> str:
    """An index in the order a list sorts text by (ui/table_model.py: bochum_fold(field), then id, rows not
    deleted), so opening a list sorted by name reads its first page from the index instead of folding and
    sorting every row (50,000 employees: 25 ms -> 0.2 ms, the start-up preview included).

    Local like the full-text index: SQLite only, outside the models and migrations (Alembic can neither
    reflect nor compare an index on an expression), and it needs bochum_fold() registered on every
    connection that writes the table or checks its integrity (db/engine.py, db/datafile.py). A plain
    sqlite3 shell can read the file but not change these tables."""
    return (f'CREATE INDEX IF NOT EXISTS "{sort_index_name(table_name, field)}" '
            f'ON "{table_name}" (bochum_fold("{field}"), id) WHERE deleted_at IS NULL')


def delete_rows(conn, table_name: str, row_ids: Iterable[str]) -> None:
    params = [(r,) for r in row_ids]
    if params:
        fts = fts_table(table_name)
        conn.exec_driver_sql(f"DELETE FROM {fts} WHERE rowid IN (SELECT id FROM {fts}_content WHERE c0 = ?)", params)


def insert_rows(conn, table_name: str, rows: Iterable[tuple[str, str]]) -> None:
    """(row_id, body) pairs; the caller deleted earlier entries of these ids first."""
    params = list(rows)
    if params:
        conn.exec_driver_sql(f"INSERT INTO {fts_table(table_name)}(row_id, body) VALUES (?, ?)", params)


def index_object(session: Session, obj) -> None:
    if not _enabled(session, obj):
        return
    name = type(obj).__table__.name
    conn = session.connection()
    delete_rows(conn, name, [obj.id])
    if getattr(obj, "deleted_at", None) is None:
        insert_rows(conn, name, [(obj.id, body_of(obj))])


def remove_object(session: Session, obj) -> None:
    if not _enabled(session, obj):
        return
    delete_rows(session.connection(), type(obj).__table__.name, [obj.id])


def create_sql(table_name: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table(table_name)} USING fts5("
        "row_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def match_query(user_text: str) -> str | None:
    """Turn what a user typed into an FTS5 query: every word must occur, as a prefix. None if empty."""
    words = re.findall(r"\w+", normalise(user_text), flags=re.UNICODE)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def filter_ids(select: Select, id_column, table_name: str, user_text: str) -> Select:
    """Restrict a select to rows whose indexed text matches what the user typed."""
    query = match_query(user_text)
    if query is None:
        return select
    sub = text(f"SELECT row_id FROM {fts_table(table_name)} WHERE {fts_table(table_name)} MATCH :q").bindparams(q=query)
    return select.where(id_column.in_(sub.columns(column("row_id", String))))


def rebuild(bind: Session | Connection, model) -> int:
    """Write the index of one model afresh from its rows, in one statement (after an import, a migration or
    an initial pull that left it to its end). Returns the number of entries.

    (Computing the entries in the sync's fetch thread while the pages came in, and reusing them here where
    the fields were unchanged, was tried: the fetch thread then held up the pages more than it saved here.)"""
    if isinstance(bind, Session):
        bind.flush()  # (rows the caller added are indexed too)
    conn = bind.connection() if isinstance(bind, Session) else bind
    table = model.__table__
    fields = model.__search_fields__
    # Dropped and created rather than emptied: DELETE on an FTS5 table removes entry by entry.
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts_table(table.name)}")
    conn.exec_driver_sql(create_sql(table.name))
    conn.exec_driver_sql(_row_index_sql(table.name))
    if all(isinstance(table.c[f].type, String) for f in fields):
        # Stored text is the value: read it from the driver (result rows cost more than the query).
        cols = ", ".join(f'"{f}"' for f in fields)
        found = conn.connection.driver_connection.execute(f'SELECT id, {cols} FROM "{table.name}" WHERE deleted_at IS NULL')
    else:
        found = conn.execute(sa_select(table.c.id, *(table.c[f] for f in fields)).where(table.c.deleted_at.is_(None)))
    # In id order: the row-id index is then written in one sweep.
    rows = sorted((row[0], body_text(row[1:])) for row in found)
    insert_rows(conn, table.name, rows)
    return len(rows)
