"""Local full-text index (SQLite FTS5, unicode61 with diacritics removed).

SQLite's LIKE and lower() fold only ASCII, so 'MÜLLER' would not find 'Müller'. Each model that names
`__search_fields__` gets a virtual table fts_<table>(row_id UNINDEXED, body) kept current by the change
capture. The index is local (not synced) and can be rebuilt from the rows at any time."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Select, String, column, text
from sqlalchemy.orm import Session

FTS_PREFIX = "fts_"


def fts_table(table_name: str) -> str:
    return f"{FTS_PREFIX}{table_name}"


def normalise(value: str) -> str:
    """Case- and accent-insensitive form: 'Müller' and 'MUELLER' are not equal, but 'MÜLLER' = 'müller'."""
    value = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in value if not unicodedata.combining(ch))


def body_of(obj) -> str:
    parts = []
    for name in type(obj).__search_fields__:
        value = getattr(obj, name, None)
        if value:
            parts.append(str(value))
    return " ".join(parts)


def _enabled(session: Session, obj) -> bool:
    return bool(type(obj).__search_fields__) and session.get_bind().dialect.name == "sqlite"


def index_object(session: Session, obj) -> None:
    if not _enabled(session, obj):
        return
    table = fts_table(type(obj).__table__.name)
    conn = session.connection()
    conn.execute(text(f"DELETE FROM {table} WHERE row_id = :id"), {"id": obj.id})
    if getattr(obj, "deleted_at", None) is None:
        conn.execute(text(f"INSERT INTO {table}(row_id, body) VALUES (:id, :body)"), {"id": obj.id, "body": body_of(obj)})


def remove_object(session: Session, obj) -> None:
    if not _enabled(session, obj):
        return
    session.connection().execute(text(f"DELETE FROM {fts_table(type(obj).__table__.name)} WHERE row_id = :id"), {"id": obj.id})


def create_sql(table_name: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table(table_name)} USING fts5("
        "row_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def match_query(user_text: str) -> str | None:
    """Turn what a user typed into an FTS5 query: every word must occur, as a prefix. None if empty."""
    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
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


def rebuild(session: Session, model) -> int:
    """Re-create the index of one model from its rows (after an import or a pull)."""
    table = fts_table(model.__table__.name)
    conn = session.connection()
    conn.execute(text(f"DELETE FROM {table}"))
    count = 0
    for obj in session.query(model).filter(model.deleted_at.is_(None)).yield_per(1000):
        conn.execute(text(f"INSERT INTO {table}(row_id, body) VALUES (:id, :body)"), {"id": obj.id, "body": body_of(obj)})
        count += 1
    return count
