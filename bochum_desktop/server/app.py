"""The FastAPI app: login, push, pull. Stateless: every fact lives in PostgreSQL, so several instances
can serve one database behind a load balancer."""


import logging
import secrets
from datetime import timedelta
from typing import Annotated, Literal

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from ..core.clock import Clock
from ..db.engine import make_engine
from . import auth
from .pull import MAX_PAGE, MAX_STREAM_PAGES, PULL_FORMAT, STREAM_MEDIA_TYPE, json_default, pull
from .push import MAX_BATCH, Pusher, _is_retryable
from .schema import init_schema, meta, table_by_name
from .versions import APP_HEADER, PROTOCOL, SCHEMA_HEADER, TOO_OLD_DE, accepted_schema_versions

log = logging.getLogger(__name__)


class LoginIn(BaseModel):
    username: str = Field(max_length=100)
    password: str = Field(max_length=1000)
    desk_id: str = Field(default="", max_length=64)


class ChangeIn(BaseModel):
    change_id: str = Field(min_length=1, max_length=36)
    tbl: str = Field(max_length=64)
    row_id: str = Field(min_length=1, max_length=36)
    op: Literal["insert", "update", "delete", "purge"]
    patch: dict = Field(default_factory=dict)
    base: dict = Field(default_factory=dict)
    base_version: int = 0
    schema_version: str = ""


class PushIn(BaseModel):
    desk_id: str = Field(default="", max_length=64)
    changes: list[ChangeIn]


# 401: the desk then asks for a new login, which binds a token to its current desk id (e.g. after its data
# file was replaced by another desk's).
DESK_MISMATCH_DE = (
    "Diese Anmeldung gehört zu einem anderen Arbeitsplatz. Bitte melden Sie sich an diesem Arbeitsplatz "
    "erneut beim Sync-Dienst an; Ihre Änderungen bleiben gespeichert und werden danach übertragen."
)


def _error(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status_code=status, detail={"code": code, "message": message})


def _pseudonym_secret(engine: Engine) -> str:
    """Shared by all instances (kept in the database), so pseudonyms are stable."""
    with engine.begin() as conn:
        conn.execute(
            pg_insert(meta).values(key="pseudonym_secret", value=secrets.token_hex(16)).on_conflict_do_nothing()
        )
        return conn.execute(select(meta.c.value).where(meta.c.key == "pseudonym_secret")).scalar_one()


def create_app(
    database_url: str | None = None,
    *,
    engine: Engine | None = None,
    clock: Clock | None = None,
    schema_versions: tuple[str, ...] | None = None,
    token_ttl: timedelta = timedelta(days=7),
    init: bool = True,
) -> FastAPI:
    """Build the service. `schema_versions` = accepted desk schema revisions (default: head and head-1)."""
    engine = engine or make_engine(database_url)
    clock = clock or Clock()
    accepted = tuple(schema_versions or accepted_schema_versions())
    if init:
        init_schema(engine)
    tables = table_by_name()
    secret = _pseudonym_secret(engine)
    app = FastAPI(title="Bochum Desktop Sync", version=PROTOCOL)
    app.state.engine = engine
    app.state.clock = clock
    app.state.accepted = accepted

    @app.exception_handler(HTTPException)
    def _http_error(_request: Request, exc: HTTPException):
        detail = exc.detail if isinstance(exc.detail, dict) else {"code": "error", "message": str(exc.detail)}
        return JSONResponse(status_code=exc.status_code, content={"detail": detail}, headers=exc.headers)

    def check_version(
        schema: Annotated[str | None, Header(alias=SCHEMA_HEADER)] = None,
        app_version: Annotated[str | None, Header(alias=APP_HEADER)] = None,
    ) -> str:
        if schema not in accepted:
            raise _error(
                426, "version_too_old",
                TOO_OLD_DE.format(client=schema or "unbekannt", expected=" oder ".join(accepted)),
            )
        return schema

    def principal(
        _schema: Annotated[str, Depends(check_version)], authorization: Annotated[str | None, Header()] = None
    ) -> auth.Principal:
        if not authorization or not authorization.startswith("Bearer "):
            raise _error(401, "login_required", "Bitte melden Sie sich beim Sync-Dienst an.")
        with engine.connect() as conn:
            who = auth.authenticate(conn, authorization[7:], clock.now())
        if who is None:
            raise _error(401, "login_required", "Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich erneut an.")
        return who

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "protocol": PROTOCOL, "schema_versions": list(accepted)}

    @app.post("/login")
    def login(body: LoginIn, _schema: Annotated[str, Depends(check_version)]) -> dict:
        with engine.begin() as conn:
            issued = auth.login(conn, body.username, body.password, body.desk_id, clock.now(), token_ttl)
            roles = auth.roles_of(conn, body.username) if issued else frozenset()
        if issued is None:
            raise _error(401, "login_failed", "Benutzername oder Passwort ist falsch.")
        raw, expires = issued
        return {"token": raw, "expires_at": expires.isoformat(), "username": body.username, "roles": sorted(roles)}

    @app.post("/logout")
    def logout(_schema: Annotated[str, Depends(check_version)], authorization: Annotated[str | None, Header()] = None) -> dict:
        if authorization and authorization.startswith("Bearer "):
            with engine.begin() as conn:
                auth.logout(conn, authorization[7:])
        return {"ok": True}

    @app.get("/whoami")
    def whoami(who: Annotated[auth.Principal, Depends(principal)]) -> dict:
        return {"username": who.username, "roles": sorted(who.roles)}

    @app.post("/push")
    def push(body: PushIn, who: Annotated[auth.Principal, Depends(principal)]) -> Response:
        if len(body.changes) > MAX_BATCH:
            raise _error(413, "batch_too_large", f"Höchstens {MAX_BATCH} Änderungen je Übertragung.")
        # The desk id counts for conflicts (another desk's change) and the origin of rows: it is the one given
        # at login and stored with the token, never one a request claims.
        if body.desk_id and body.desk_id != who.desk_id:
            raise _error(401, "desk_mismatch", DESK_MISMATCH_DE)
        desk_id = who.desk_id
        changes = [c.model_dump() for c in body.changes]
        savepoints = False  # fast path first; a database error repeats the batch change by change
        for attempt in range(6):
            try:
                with engine.begin() as conn:
                    pusher = Pusher(conn, tables, who, desk_id, clock.now(), savepoints=savepoints)
                    stored = pusher.stored([c["change_id"] for c in changes])
                    results = pusher.apply_all(changes, stored)
                    pusher.flush()
                # orjson, not FastAPI's per-value encoder (500 results with their conflicts).
                return Response(orjson.dumps({"results": results}), media_type="application/json")
            except DBAPIError as exc:
                if attempt == 5 or (savepoints and not _is_retryable(exc)):
                    raise
                savepoints = savepoints or not _is_retryable(exc)
                log.info("push batch repeated after %s", exc.orig.__class__.__name__)
        raise AssertionError("unreachable")

    @app.get("/pull")
    def pull_changes(
        who: Annotated[auth.Principal, Depends(principal)],
        cursor: Annotated[str, Query()] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
        # The newest page format the desk reads (server/pull.py); it gets that or the newest this service
        # writes, and the answer names it. Desks that do not ask (the previous version) get format 1.
        page_format: Annotated[int, Query(alias="format")] = 1,
        # Pages wanted in this answer. More than one: streamed, one JSON line per page as it is read, so the
        # service reads the next page while the desk receives and writes this one (one request instead of
        # `pages`; each page carries its own cursor and stands alone). Desks of the previous version do not
        # ask and get one page as before; a service of the previous version ignores the parameter.
        pages: Annotated[int, Query(ge=1, le=MAX_STREAM_PAGES)] = 1,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        fmt = min(max(page_format, 1), PULL_FORMAT)

        def page(position: str, who: auth.Principal | None) -> tuple[dict, bytes] | None:
            with engine.connect() as conn:
                if who is None:
                    # A later page of a streamed answer: the login and roles as they are now, not as they were
                    # when the answer started (a slow link can take a while over sixteen pages).
                    who = auth.authenticate(conn, authorization[7:], clock.now())
                    if who is None:
                        return None  # logged out, disabled or expired: the next request gets the 401
                answer = pull(conn, tables, who, position, limit, secret, clock.now(), fmt=fmt)
                conn.commit()  # the row-level scope named by the cursor (srv_scope)
            # orjson straight into bytes, not FastAPI's per-value encoder (large pages); format 2 leaves UTC
            # datetimes naive and Decimal/bytes to json_default.
            return answer, orjson.dumps(answer, option=orjson.OPT_NAIVE_UTC, default=json_default)

        # The first page before the answer starts: its errors are an HTTP status, not a cut stream.
        answer, body = page(cursor, who)
        if pages == 1:
            return Response(body, media_type="application/json")

        def stream(answer: dict, body: bytes):
            for _ in range(pages - 1):
                yield body + b"\n"
                if answer.get("resync") or not answer["more"]:
                    return
                # An error from here on ends the answer early; the desk keeps the pages it got and asks again.
                # A changed role set answers "resync" (the cursor's fingerprint), like a new request would.
                following = page(answer["cursor"], None)
                if following is None:
                    return
                answer, body = following
            yield body + b"\n"

        return StreamingResponse(stream(answer, body), media_type=STREAM_MEDIA_TYPE)

    return app


__all__ = ["create_app"]
