"""Server-only tables (all named srv_*) and schema creation for the sync service's database.

Business tables come from the shared models (Base.metadata) and stay exactly as on the desk; what the
server needs in addition per row (row_version, origin desk, last change) lives in srv_row_meta, so the
shared models do not change. The desk's Alembic environment ignores srv_* tables.

Schema management: `init_schema()` runs create_all (checkfirst) for the synced business tables and the
srv_* tables and records SERVER_SCHEMA in srv_meta. Changes to business tables are applied with the
project's Alembic migrations (same models); srv_* changes bump SERVER_SCHEMA (see docs/sync.md)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Engine,
    Index,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)
from sqlalchemy.types import UserDefinedType

from ..db.base import Base, UTCDateTime, synced_tables
from ..models import load_all

SERVER_SCHEMA = "2"
SRV = MetaData()


class XID8(UserDefinedType):
    """PostgreSQL's 64-bit transaction id (pg_current_xact_id())."""

    cache_ok = True

    def get_col_spec(self, **kw):
        return "xid8"


meta = Table(
    "srv_meta",
    SRV,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

row_meta = Table(
    "srv_row_meta",
    SRV,
    Column("tbl", String(64), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("row_version", BigInteger, nullable=False),
    Column("origin_desk", String(64), nullable=False, default=""),
    Column("last_change_id", String(36), nullable=True),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("updated_by", String(100), nullable=False, default=""),
    Column("deleted_at", UTCDateTime(), nullable=True),
    # Legal erasure: the row is gone; the marker stops a stale desk from bringing it back.
    Column("purged_at", UTCDateTime(), nullable=True),
)

change_log = Table(
    "srv_change_log",
    SRV,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("txid", XID8, nullable=False, server_default=text("pg_current_xact_id()")),
    Column("tbl", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("row_version", BigInteger, nullable=False),
    Column("desk_id", String(64), nullable=False, default=""),
    Column("change_id", String(36), nullable=True),
    Column("logged_at", UTCDateTime(), nullable=False),
    Index("ix_srv_change_log_cursor", "txid", "seq"),
    Index("ix_srv_change_log_row", "tbl", "row_id", "row_version"),
)

applied_change = Table(
    "srv_applied_change",
    SRV,
    Column("change_id", String(36), primary_key=True),
    # Claim order (the convergence test replays it); not used by the protocol.
    Column("seq", BigInteger, nullable=False, server_default=text("nextval('srv_applied_change_seq')")),
    Column("desk_id", String(64), nullable=False),
    Column("username", String(100), nullable=False),
    Column("tbl", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("result", JSON, nullable=False),
    Column("row_version", BigInteger, nullable=True),
    Column("applied_at", UTCDateTime(), nullable=False),
)

conflict = Table(
    "srv_conflict",
    SRV,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("tbl", String(64), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("base", JSON, nullable=True),
    Column("server_value", JSON, nullable=True),
    Column("desk_value", JSON, nullable=True),
    Column("server_user", String(100), nullable=False, default=""),
    Column("desk_user", String(100), nullable=False),
    Column("desk_id", String(64), nullable=False),
    Column("change_id", String(36), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_srv_conflict_row", "tbl", "row_id"),
)

user = Table(
    "srv_user",
    SRV,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime(), nullable=False),
    # Which employee the user is (personnel number in the shared register): a reviewer sees the
    # suggestions assigned to that employee. Empty: no link, a reviewer then sees no suggestions.
    Column("personnel_number", String(40), nullable=True),
)

# What a pull cursor's row-level scope held (content-addressed by digest, so instances agree without
# coordination): the desk holds exactly these rows of the scoped tables; the next pull sends the difference.
scope = Table(
    "srv_scope",
    SRV,
    Column("digest", String(64), primary_key=True),
    Column("employee_id", String(36), nullable=True),
    Column("ids", JSON, nullable=False),
    Column("used_at", UTCDateTime(), nullable=False),
)

role_grant = Table(
    "srv_role_grant",
    SRV,
    Column("username", String(100), primary_key=True),
    Column("role", String(40), primary_key=True),
)

token = Table(
    "srv_token",
    SRV,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(100), nullable=False, index=True),
    Column("desk_id", String(64), nullable=False, default=""),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
)


def business_tables() -> list[Table]:
    load_all()
    return synced_tables()


def table_by_name() -> dict[str, Table]:
    return {t.name: t for t in business_tables()}


def init_schema(engine: Engine) -> None:
    """Create missing tables (idempotent; safe to run from two instances at once thanks to a lock)."""
    if engine.dialect.name != "postgresql":
        raise RuntimeError("the sync service needs PostgreSQL (xid8 cursor)")
    with engine.begin() as conn:
        # Two instances starting together must not race on CREATE TABLE.
        conn.execute(text("SELECT pg_advisory_xact_lock(7246001)"))
        conn.execute(text("CREATE SEQUENCE IF NOT EXISTS srv_applied_change_seq"))
        Base.metadata.create_all(conn, tables=business_tables(), checkfirst=True)
        SRV.create_all(conn, checkfirst=True)
        current = conn.execute(select(meta.c.value).where(meta.c.key == "server_schema")).scalar()
        if current == "1":
            # 1 -> 2: user -> employee link (srv_scope is new and made by create_all above).
            conn.execute(text("ALTER TABLE srv_user ADD COLUMN IF NOT EXISTS personnel_number VARCHAR(40)"))
            conn.execute(meta.update().where(meta.c.key == "server_schema").values(value=SERVER_SCHEMA))
        elif current is None:
            conn.execute(meta.insert().values(key="server_schema", value=SERVER_SCHEMA))
        elif current != SERVER_SCHEMA:
            raise RuntimeError(f"server schema {current} found, this version expects {SERVER_SCHEMA}")


def all_tables() -> list[Table]:
    return business_tables() + list(SRV.sorted_tables)
