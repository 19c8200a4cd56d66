"""Alembic environment for the desk's SQLite file and the server's PostgreSQL database.

The desk's migration runner (bochum_desktop.db.migrate) passes an open connection in
config.attributes["connection"] so the whole upgrade runs in its one transaction."""

from __future__ import annotations

from alembic import context

from bochum_desktop.db.base import Base
from bochum_desktop.db.engine import make_engine
from bochum_desktop.db.migrate import ignore_sort_index_reflection, include_object
from bochum_desktop.models import load_all

load_all()
ignore_sort_index_reflection()
config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transactional_ddl=True,
        compare_type=True,
        include_object=include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        context.run_migrations()
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"), foreign_keys=False)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
