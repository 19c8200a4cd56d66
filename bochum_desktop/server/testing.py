"""Helpers for tests and benchmarks: a throwaway PostgreSQL database and an in-process service.

`throwaway_database()` uses $BOCHUM_TEST_DATABASE_URL (any database on the server; used to create and
drop a fresh one) or postgresql://postgres@127.0.0.1:5432/postgres, creates a database with a random
name and drops it afterwards. `pg_unavailable()` says why none could be reached."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def admin_url() -> str:
    return os.environ.get("BOCHUM_TEST_DATABASE_URL") or DEFAULT_ADMIN_URL


def pg_unavailable() -> str | None:
    try:
        with psycopg.connect(admin_url(), connect_timeout=3):
            return None
    except Exception as exc:  # any reason counts: it is reported as the skip reason
        return f"no PostgreSQL at {admin_url()} ({exc.__class__.__name__}: {str(exc).strip()[:200]})"


def _with_db(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


@contextmanager
def throwaway_database(prefix: str = "bochum_test") -> Iterator[str]:
    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _with_db(admin_url(), name)
    finally:
        with psycopg.connect(admin_url(), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def truncate_all(engine) -> None:
    """Empty every table of the service (between tests; much faster than a new database)."""
    from .schema import all_tables

    names = ", ".join(f'"{t.name}"' for t in all_tables())
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        conn.exec_driver_sql("DELETE FROM srv_meta WHERE key = 'history_floor'")


class Harness:
    """A service database for tests: apps on it, users with roles, logged-in tokens, desks."""

    PASSWORD = "passwort-123"

    def __init__(self, url: str) -> None:
        from ..db.engine import make_engine
        from . import auth
        from .schema import init_schema

        auth.use_cheap_hashes_for_tests()
        self.url = url
        self.engine = make_engine(url)
        init_schema(self.engine)

    def app(self, **kwargs):
        from .app import create_app

        return create_app(engine=self.engine, init=False, **kwargs)

    def add_user(self, name: str, *roles: str) -> str:
        from ..core.clock import Clock
        from . import auth

        with self.engine.begin() as conn:
            auth.add_user(conn, name, self.PASSWORD, Clock().now())
            for role in roles:
                auth.grant(conn, name, role)
        return name

    def grant(self, name: str, role: str) -> None:
        from . import auth

        with self.engine.begin() as conn:
            auth.grant(conn, name, role)

    def link(self, name: str, personnel_number: str | None) -> None:
        from . import auth

        with self.engine.begin() as conn:
            auth.link(conn, name, personnel_number)

    def reset(self) -> None:
        truncate_all(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
