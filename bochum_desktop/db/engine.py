"""Engine factory for the desk's SQLite file and for PostgreSQL URLs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from . import search

# Execution option marking connections of write transactions (see Database.unit_of_work).
WRITE_OPTION = "bochum_write"


def driver_sql(stmt, dialect) -> tuple[str, tuple | dict]:
    """The SQL text and parameters SQLAlchemy would send for `stmt`, to run it straight through the DB-API
    cursor: reading many rows through SQLAlchemy's Result costs a multiple of the query itself. Positional
    parameters (SQLite, psycopg's format style) come as a tuple, named ones as a dict."""
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if compiled.positiontup is None:
        return str(compiled), params
    return str(compiled), tuple(params[name] for name in compiled.positiontup)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def _install_sqlite_pragmas(engine: Engine, foreign_keys: bool = True) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT and transactional DDL;
        # we emit BEGIN ourselves (the recipe from the SQLAlchemy docs).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.close()
        # German sort order for lists: Ö with O, ß as ss, case ignored (SQLite's NOCASE folds ASCII only).
        dbapi_connection.create_function("bochum_fold", 1, search.fold_for_sort, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A use case that will write takes the write lock at once (BEGIN IMMEDIATE, waiting up to the busy
        # timeout): with a deferred BEGIN, a read followed by a write fails at once with "database is
        # locked" when a sync page or an import committed in between.
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, foreign_keys: bool = True, echo: bool = False) -> Engine:
    """Create an engine. SQLite gets WAL, busy timeout and foreign keys; PostgreSQL a normal pool."""
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, poolclass=NullPool if ":memory:" not in url else None)
        _install_sqlite_pragmas(engine, foreign_keys=foreign_keys)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return create_engine(url, echo=echo, pool_pre_ping=True)
