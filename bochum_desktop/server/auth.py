"""Users, role grants (admin CLI) and expiring login tokens. Passwords are argon2 hashes; tokens are
random and stored only as their SHA-256, so a database dump does not hand out sessions."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, insert, select, update

from ..core.errors import DomainError
from .roles import KNOWN_ROLES
from .schema import role_grant, token, user

_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def use_cheap_hashes_for_tests() -> None:
    """Test suites create many users; production keeps argon2's default cost."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    _DUMMY_HASH = _hasher.hash("not-a-real-password")


@dataclass(frozen=True)
class Principal:
    username: str
    roles: frozenset[str]
    desk_id: str
    # The employee this user is in the shared register (admin CLI `user link`); None: not linked.
    personnel_number: str | None = None


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _clean_number(personnel_number: str | None) -> str | None:
    number = (personnel_number or "").strip()
    if len(number) > 40:
        raise DomainError("Die Personalnummer ist zu lang (höchstens 40 Zeichen).", "personnel_number")
    return number or None


def add_user(conn: Connection, username: str, password: str, now: datetime, personnel_number: str | None = None) -> None:
    username = username.strip()
    if not username:
        raise DomainError("Bitte einen Benutzernamen angeben.", "username")
    if len(password) < 8:
        raise DomainError("Das Passwort muss mindestens 8 Zeichen lang sein.", "password")
    if conn.execute(select(user.c.username).where(user.c.username == username)).first():
        raise DomainError(f"Den Benutzer „{username}“ gibt es schon.", "username")
    conn.execute(insert(user).values(username=username, password_hash=_hasher.hash(password), active=True, created_at=now,
                                     personnel_number=_clean_number(personnel_number)))


def link(conn: Connection, username: str, personnel_number: str | None) -> None:
    """Link the user to an employee by personnel number (None/empty removes the link). Takes effect on
    the next pull: the reviewer's desk then holds exactly the suggestions assigned to that employee."""
    done = conn.execute(
        update(user).where(user.c.username == username).values(personnel_number=_clean_number(personnel_number))
    )
    if not done.rowcount:
        raise DomainError(f"Den Benutzer „{username}“ gibt es nicht.", "username")


def set_password(conn: Connection, username: str, password: str) -> None:
    if len(password) < 8:
        raise DomainError("Das Passwort muss mindestens 8 Zeichen lang sein.", "password")
    done = conn.execute(update(user).where(user.c.username == username).values(password_hash=_hasher.hash(password)))
    if not done.rowcount:
        raise DomainError(f"Den Benutzer „{username}“ gibt es nicht.", "username")
    # A new password ends every session of that user.
    conn.execute(delete(token).where(token.c.username == username))


def grant(conn: Connection, username: str, role: str) -> None:
    if role not in KNOWN_ROLES:
        raise DomainError(f"Unbekannte Rolle „{role}“. Möglich: {', '.join(sorted(KNOWN_ROLES))}.", "role")
    if not conn.execute(select(user.c.username).where(user.c.username == username)).first():
        raise DomainError(f"Den Benutzer „{username}“ gibt es nicht.", "username")
    if not conn.execute(
        select(role_grant.c.role).where(role_grant.c.username == username, role_grant.c.role == role)
    ).first():
        conn.execute(insert(role_grant).values(username=username, role=role))


def revoke(conn: Connection, username: str, role: str) -> None:
    conn.execute(delete(role_grant).where(role_grant.c.username == username, role_grant.c.role == role))


def set_active(conn: Connection, username: str, active: bool) -> None:
    conn.execute(update(user).where(user.c.username == username).values(active=active))
    if not active:
        conn.execute(delete(token).where(token.c.username == username))


def list_users(conn: Connection) -> list[tuple[str, bool, list[str], str | None]]:
    """(username, active, roles, personnel number) per user."""
    grants: dict[str, list[str]] = {}
    for name, role in conn.execute(select(role_grant.c.username, role_grant.c.role).order_by(role_grant.c.role)):
        grants.setdefault(name, []).append(role)
    return [
        (name, active, grants.get(name, []), number)
        for name, active, number in conn.execute(
            select(user.c.username, user.c.active, user.c.personnel_number).order_by(user.c.username)
        )
    ]


def roles_of(conn: Connection, username: str) -> frozenset[str]:
    return frozenset(conn.execute(select(role_grant.c.role).where(role_grant.c.username == username)).scalars())


def login(conn: Connection, username: str, password: str, desk_id: str, now: datetime, ttl: timedelta) -> tuple[str, datetime] | None:
    """Check the password; on success store and return a new token and its expiry. None if refused."""
    row = conn.execute(select(user.c.password_hash, user.c.active).where(user.c.username == username)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    raw = secrets.token_urlsafe(32)
    expires = now + ttl
    conn.execute(
        insert(token).values(token_hash=_hash_token(raw), username=username, desk_id=desk_id, created_at=now, expires_at=expires)
    )
    # Expired tokens are cleaned up on the way; they are useless anyway.
    conn.execute(delete(token).where(token.c.expires_at < now))
    return raw, expires


def logout(conn: Connection, raw: str) -> None:
    conn.execute(delete(token).where(token.c.token_hash == _hash_token(raw)))


def authenticate(conn: Connection, raw: str, now: datetime) -> Principal | None:
    row = conn.execute(
        select(token.c.username, token.c.desk_id, token.c.expires_at, user.c.active, user.c.personnel_number)
        .join(user, user.c.username == token.c.username)
        .where(token.c.token_hash == _hash_token(raw))
    ).first()
    if row is None or not row.active or row.expires_at <= now:
        return None
    return Principal(username=row.username, roles=roles_of(conn, row.username), desk_id=row.desk_id,
                     personnel_number=row.personnel_number)
