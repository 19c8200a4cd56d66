"""Applying pushed changes: idempotent by change id, field-level three-way merge, purge wins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..db.base import UTCDateTime, personal_columns
from ..db.jsonvalues import from_json, to_json
from .auth import Principal
from .merge import SERVER_OWNED, FieldConflict, merge_update
from .pull import WRITER_LOCK_SQL
from .roles import access
from .schema import applied_change, change_log, conflict, row_meta
from .scope import Scope, check_push, current_scope

MAX_BATCH = 500
OPS = ("insert", "update", "delete", "purge")


class Rejected(Exception):
    """A change the server refuses (validation, permission); parked on the desk with this message."""


def _result(change: dict, status: str, row_version: int | None = None, **extra) -> dict:
    out = {"change_id": change["change_id"], "status": status, "row_version": row_version}
    out.update(extra)
    return out


def _values(table: Table, data: dict) -> dict:
    out = {}
    for name, value in data.items():
        try:
            out[name] = from_json(table.c[name], value)
        except (ValueError, TypeError) as exc:
            raise Rejected(f"Ungültiger Wert für das Feld „{name}“.") from exc
    return out


def _row_json(table: Table, row) -> dict[str, Any]:
    return {c.name: to_json(row._mapping[c.name]) for c in table.columns}


def _scrub_values(table: Table) -> dict[str, Any]:
    """Values that clear the personal columns of a tombstone."""
    out = {}
    for name in personal_columns(table):
        col = table.c[name]
        if col.nullable:
            out[name] = None
        elif isinstance(col.type, String):
            out[name] = ""
    return out


class Pusher:
    def __init__(self, conn: Connection, tables: dict[str, Table], principal: Principal, desk_id: str, now: datetime,
                 savepoints: bool = True):
        self.conn = conn
        # Without savepoints a batch saves two round trips per change; any database error then aborts the
        # whole batch, which the caller repeats with savepoints (so one bad change only rejects itself).
        self.savepoints = savepoints
        # In the fast path the change-log and applied-change rows of the batch go in at the end, in one
        # executemany each (psycopg pipelines it); flush() must run before the commit.
        self._log_rows: list[dict] = []
        self._applied_rows: list[dict] = []
        # Fast path: new rows of a batch claimed in one statement (claim_new_rows), their business rows
        # inserted in runs of one table by one multi-row INSERT each (flushed before anything else runs).
        self._claimed: dict[str, tuple[Table, dict, Any]] = {}
        self._new_rows: list[dict] = []
        self._new_rows_table: Table | None = None
        # First statement of every change-log writer, before it gets an xid (see pull.visible_bound).
        conn.exec_driver_sql(WRITER_LOCK_SQL)
        self.tables = tables
        self.principal = principal
        self.desk_id = desk_id
        self.now = now
        self._scope: Scope | None = None  # row-level scope (reviewers), read once per batch

    def _check_scope(self, change: dict, table: Table) -> None:
        """A scoped role (reviewer) may change only rows it may see, and only some of their fields."""
        if self._scope is None:
            self._scope = current_scope(self.conn, self.tables, self.principal)
        row = self.conn.execute(select(table).where(table.c.id == change["row_id"])).first()
        reason = check_push(self._scope, change["tbl"], change["op"], change["patch"], row)
        if reason:
            raise Rejected(reason)

    # -- bookkeeping -------------------------------------------------------------------------------
    def _log(self, change: dict, op: str, version: int, deleted_at=None, purged=False, update_meta=True) -> None:
        tbl, row_id = change["tbl"], change["row_id"]
        if update_meta:
            self._update_meta(change, version, deleted_at, purged)
        row = {"tbl": tbl, "row_id": row_id, "op": op, "row_version": version, "desk_id": self.desk_id,
               "change_id": change["change_id"], "logged_at": self.now}
        if self.savepoints:
            self.conn.execute(insert(change_log), row)
        else:
            self._log_rows.append(row)

    def apply_all(self, changes: list[dict], stored: dict[str, dict]) -> list[dict]:
        """Apply a batch in order; changes whose id the service already applied get the stored answer."""
        if not self.savepoints:
            self.claim_new_rows([c for c in changes if c["change_id"] not in stored])
        return [stored.get(c["change_id"]) or self.apply(c) for c in changes]

    def claim_new_rows(self, changes: list[dict]) -> None:
        """Claim the meta rows of the batch's inserts in one statement (not one round trip each).

        Only inserts of a row no other change of the batch touches, and that pass the checks: each then
        gets exactly the answer its own claim would give at its turn (the rows it locks are not touched
        by anything else of this batch). The others are claimed one by one when their turn comes."""
        touched: dict[tuple[str, str], int] = {}
        for c in changes:
            key = (c["tbl"], c["row_id"])
            touched[key] = touched.get(key, 0) + 1
        ready: dict[tuple[str, str], tuple[dict, Table, dict]] = {}
        for c in changes:
            if c["op"] != "insert" or touched[(c["tbl"], c["row_id"])] > 1:
                continue
            try:
                table, acc = self._check(c)
                if acc.scoped:
                    continue  # checked against the row at its turn
                values = self._insert_values(table, c["patch"])
            except Rejected:
                continue  # refused again at its turn, without a claim
            ready[(c["tbl"], c["row_id"])] = (c, table, values)
        if not ready:
            return
        keys = sorted(ready)  # one lock order for all instances: fewer deadlocks between concurrent pushes
        claimed = self.conn.execute(_CLAIM_MANY, {
            "tbls": [k[0] for k in keys], "row_ids": [k[1] for k in keys],
            "change_ids": [ready[k][0]["change_id"] for k in keys],
            "deleted": [ready[k][2].get("deleted_at") for k in keys],
            "desk": self.desk_id, "now": self.now, "user": self.principal.username,
        })
        for meta in claimed:
            change, table, values = ready[(meta.tbl, meta.row_id)]
            self._claimed[change["change_id"]] = (table, values, meta)

    def _flush_new_rows(self) -> None:
        if self._new_rows:
            self.conn.execute(insert(self._new_rows_table), self._new_rows)
            self._new_rows = []

    def flush(self) -> None:
        self._flush_new_rows()
        if self._log_rows:
            self.conn.execute(insert(change_log), self._log_rows)
            self._log_rows = []
        if self._applied_rows:
            self.conn.execute(insert(applied_change), self._applied_rows)
            self._applied_rows = []

    def _update_meta(self, change: dict, version: int, deleted_at, purged: bool) -> None:
        tbl, row_id = change["tbl"], change["row_id"]
        self.conn.execute(
            update(row_meta)
            .where(row_meta.c.tbl == tbl, row_meta.c.row_id == row_id)
            .values(
                row_version=version,
                origin_desk=self.desk_id,
                last_change_id=change["change_id"],
                updated_at=self.now,
                updated_by=self.principal.username,
                deleted_at=deleted_at,
                purged_at=self.now if purged else None,
            )
        )

    def _store_conflicts(self, change: dict, conflicts: list[FieldConflict], server_user: str) -> list[dict]:
        out = []
        for c in conflicts:
            record = {"field": c.field, "base": c.base, "server_value": c.server_value, "desk_value": c.desk_value}
            self.conn.execute(
                insert(conflict).values(
                    tbl=change["tbl"],
                    row_id=change["row_id"],
                    server_user=server_user,
                    desk_user=self.principal.username,
                    desk_id=self.desk_id,
                    change_id=change["change_id"],
                    created_at=self.now,
                    **record,
                )
            )
            out.append(record)
        return out

    def _record(self, change: dict, result: dict) -> None:
        row = {
            "change_id": change["change_id"], "desk_id": self.desk_id, "username": self.principal.username,
            "tbl": str(change.get("tbl", ""))[:64], "row_id": str(change.get("row_id", ""))[:36], "result": result,
            "row_version": result.get("row_version"), "applied_at": self.now,
        }
        if self.savepoints:
            self.conn.execute(insert(applied_change), row)
        else:
            self._applied_rows.append(row)

    # -- entry point -------------------------------------------------------------------------------
    def apply(self, change: dict) -> dict:
        """Apply one change inside a savepoint; a refused change is recorded as rejected."""
        if not self.savepoints:
            if change["change_id"] not in self._claimed:
                # Whatever this change reads or writes sees the new rows before it (foreign keys too).
                self._flush_new_rows()
            try:
                result = self._apply(change)
            except Rejected as exc:  # raised before anything was written
                result = _result(change, "rejected", error=str(exc))
            self._record(change, result)
            return result
        try:
            with self.conn.begin_nested():
                result = self._apply(change)
                self._record(change, result)
                return result
        except Rejected as exc:
            result = _result(change, "rejected", error=str(exc))
        except IntegrityError as exc:
            # Another request applied the same change id meanwhile: return what it stored.
            stored = self.stored([change["change_id"]])
            if change["change_id"] in stored:
                return stored[change["change_id"]]
            result = _result(change, "rejected", error=_integrity_message(exc))
        except DBAPIError as exc:
            if _is_retryable(exc):
                raise
            result = _result(change, "rejected", error="Der Datensatz enthält ungültige Werte.")
        with self.conn.begin_nested():
            self._record(change, result)
        return result

    def stored(self, change_ids: list[str]) -> dict[str, dict]:
        rows = self.conn.execute(
            select(applied_change.c.change_id, applied_change.c.result).where(applied_change.c.change_id.in_(change_ids))
        )
        return {r.change_id: r.result for r in rows}

    def _check(self, change: dict) -> tuple[Table, Any]:
        """Refuse what this principal may not push at all (raises Rejected before anything is written)."""
        tbl, op = change["tbl"], change["op"]
        table = self.tables.get(tbl)
        if table is None:
            raise Rejected(f"Die Tabelle „{tbl}“ ist dem Sync-Dienst unbekannt.")
        if op not in OPS:
            raise Rejected(f"Unbekannte Änderungsart „{op}“.")
        acc = access(tbl, self.principal.roles)
        if not acc.write:
            raise Rejected(f"Keine Berechtigung: Ihre Rollen erlauben keine Änderungen in „{tbl}“.")
        if op == "purge" and "admin" not in self.principal.roles:
            # Erasure is irreversible and removes the row on every desk: only an administrator may order it.
            raise Rejected("Keine Berechtigung: endgültig löschen (Datenschutz) dürfen nur Administrator*innen.")
        patch = change["patch"]
        unknown = [k for k in patch if k not in table.c]
        if unknown:
            raise Rejected(f"Unbekannte Felder für „{tbl}“: {', '.join(sorted(unknown))}.")
        if acc.pseudonymised and set(patch) & set(personal_columns(table)):
            raise Rejected("Keine Berechtigung: pseudonymisierte Daten dürfen nicht geändert werden.")
        return table, acc

    def _apply(self, change: dict) -> dict:
        claimed = self._claimed.pop(change["change_id"], None)
        if claimed is not None:
            table, values, meta = claimed  # checked and claimed with the batch (claim_new_rows)
        else:
            table, acc = self._check(change)
            if acc.scoped:
                self._check_scope(change, table)
        tbl, op, patch, row_id = change["tbl"], change["op"], change["patch"], change["row_id"]
        if op == "insert":
            if claimed is None:
                # Values first: a refused value must refuse before anything is written.
                values = self._insert_values(table, patch)
                meta = self.conn.execute(*_meta_claim(change, self.desk_id, self.principal.username, self.now,
                                                      values.get("deleted_at"))).one()
            if meta.inserted:  # a new row: its meta row is already final
                return self._insert(change, table, values)
        else:
            meta = self.conn.execute(
                select(row_meta).where(row_meta.c.tbl == tbl, row_meta.c.row_id == row_id).with_for_update()
            ).first()
            if meta is None:
                raise Rejected("Der Datensatz ist dem Sync-Dienst unbekannt.")
        if meta.purged_at is not None:
            raise Rejected("Der Datensatz wurde endgültig gelöscht (Löschung nach Datenschutzrecht).")
        row = self.conn.execute(select(table).where(table.c.id == row_id)).first()
        if op == "purge":
            return self._purge(change, table, meta, row)
        if row is None:
            raise Rejected("Der Datensatz ist dem Sync-Dienst unbekannt.")
        server = _row_json(table, row)
        if op == "delete":
            return self._delete(change, table, meta, server)
        if server.get("deleted_at") is not None and patch.get("deleted_at", "keep") is not None:
            # Edit of a row another desk deleted: the server keeps the deletion; the desk may restore.
            stored = self._store_conflicts(
                change, [FieldConflict("deleted_at", None, server["deleted_at"], None)], meta.updated_by
            )
            return _result(change, "conflict", meta.row_version, fast_forward=False, conflicts=stored)
        base = change["base"] if op == "update" else {}
        base_version = int(change["base_version"]) if op == "update" else 0
        merged = merge_update(patch, base, server, base_version, meta.row_version)
        version = meta.row_version
        if merged.apply:
            version += 1
            values = _values(table, merged.apply)
            deleted_at = values.get("deleted_at", row._mapping["deleted_at"])
            if values.get("deleted_at"):
                values.update(_scrub_values(table))
            self.conn.execute(
                update(table)
                .where(table.c.id == row_id)
                .values(**values, server_version=version, updated_at=self.now, updated_by=self.principal.username)
            )
            self._log(change, "delete" if values.get("deleted_at") else "update", version, deleted_at=deleted_at)
        conflicts = self._store_conflicts(change, merged.conflicts, meta.updated_by)
        status = "conflict" if conflicts else ("applied" if merged.apply else "noop")
        fast_forward = not conflicts and base_version == meta.row_version
        return _result(change, status, version, fast_forward=fast_forward, conflicts=conflicts)

    def _insert_values(self, table: Table, patch: dict) -> dict:
        data = {k: v for k, v in patch.items() if k not in SERVER_OWNED or k == "created_at"}
        values = _values(table, data)
        values.setdefault("created_at", self.now)
        if values.get("deleted_at"):
            values.update(_scrub_values(table))
        return values

    def _insert(self, change: dict, table: Table, values: dict) -> dict:
        row = {**values, "id": change["row_id"], "server_version": 1, "updated_at": self.now,
               "updated_by": self.principal.username}
        if self.savepoints:
            self.conn.execute(insert(table), row)
        else:
            # Batch order kept: a run ends at another table or other columns (one INSERT has one column list).
            if self._new_rows and (table is not self._new_rows_table or row.keys() != self._new_rows[0].keys()):
                self._flush_new_rows()
            self._new_rows_table = table
            self._new_rows.append(row)
        self._log(change, "insert", 1, update_meta=False)
        return _result(change, "applied", 1, fast_forward=True, conflicts=[])

    def _delete(self, change: dict, table: Table, meta, server: dict) -> dict:
        if server.get("deleted_at") is not None:
            return _result(change, "noop", meta.row_version, fast_forward=False, conflicts=[])
        base_version = int(change["base_version"])
        if base_version != meta.row_version and self._changed_by_others(change, base_version):
            stored = self._store_conflicts(
                change, [FieldConflict("deleted_at", None, None, change["patch"].get("deleted_at"))], meta.updated_by
            )
            return _result(change, "conflict", meta.row_version, fast_forward=False, conflicts=stored)
        when = _values(table, {"deleted_at": change["patch"].get("deleted_at")}).get("deleted_at") or self.now
        version = meta.row_version + 1
        self.conn.execute(
            update(table)
            .where(table.c.id == change["row_id"])
            .values(**_scrub_values(table), deleted_at=when, server_version=version, updated_at=self.now,
                    updated_by=self.principal.username)
        )
        # Conflict records may hold the personal values just cleared.
        personal = personal_columns(table)
        if personal:
            self.conn.execute(
                delete(conflict).where(
                    conflict.c.tbl == change["tbl"], conflict.c.row_id == change["row_id"], conflict.c.field.in_(personal)
                )
            )
        self._log(change, "delete", version, deleted_at=when)
        return _result(change, "applied", version, fast_forward=base_version == meta.row_version, conflicts=[])

    def _changed_by_others(self, change: dict, base_version: int) -> bool:
        """Did another desk change the row after the version this desk based its delete on?"""
        return (
            self.conn.execute(
                select(change_log.c.seq)
                .where(
                    change_log.c.tbl == change["tbl"],
                    change_log.c.row_id == change["row_id"],
                    change_log.c.row_version > base_version,
                    change_log.c.desk_id != self.desk_id,
                )
                .limit(1)
            ).first()
            is not None
        )

    def _purge(self, change: dict, table: Table, meta, row) -> dict:
        tbl, row_id = change["tbl"], change["row_id"]
        if row is not None:
            self.conn.execute(delete(table).where(table.c.id == row_id))
        self.conn.execute(delete(conflict).where(conflict.c.tbl == tbl, conflict.c.row_id == row_id))
        # Stored push results of this row may quote its values in conflicts: keep only the outcome.
        for stored in self.conn.execute(
            select(applied_change.c.change_id, applied_change.c.result).where(
                applied_change.c.tbl == tbl, applied_change.c.row_id == row_id
            )
        ).all():
            if stored.result.get("conflicts"):
                slim = dict(stored.result, conflicts=[{"field": c["field"]} for c in stored.result["conflicts"]])
                self.conn.execute(
                    update(applied_change).where(applied_change.c.change_id == stored.change_id).values(result=slim)
                )
        version = meta.row_version + 1
        self._log(change, "purge", version, purged=True)
        return _result(change, "applied", version, fast_forward=True, conflicts=[])


# Insert the meta rows of new rows at version 1, or lock and return the existing ones (one round trip for
# any number; `inserted` tells which: xmax is 0 only for a freshly inserted tuple). RETURNING names the row,
# as its order is not guaranteed. Plain SQL so SQLAlchemy caches its compiled form (the ON CONFLICT
# construct with RETURNING of an expression is compiled anew on every call, which cost more than the round trip).
_CLAIM_MANY = text(
    """
    INSERT INTO srv_row_meta (tbl, row_id, row_version, origin_desk, last_change_id, updated_at, updated_by,
                              deleted_at, purged_at)
    SELECT c.tbl, c.row_id, 1, :desk, c.change_id, :now, :user, c.deleted_at, NULL
    FROM unnest(CAST(:tbls AS text[]), CAST(:row_ids AS text[]), CAST(:change_ids AS text[]),
                CAST(:deleted AS timestamptz[])) AS c (tbl, row_id, change_id, deleted_at)
    ON CONFLICT (tbl, row_id) DO UPDATE SET tbl = excluded.tbl
    RETURNING tbl, row_id, row_version, purged_at, updated_by, (xmax = 0) AS inserted
    """
).bindparams(bindparam("now", type_=UTCDateTime()))


def _meta_claim(change: dict, desk_id: str, username: str, now: datetime, deleted_at):
    """_CLAIM_MANY for one new row."""
    return _CLAIM_MANY, {
        "tbls": [change["tbl"]], "row_ids": [change["row_id"]], "change_ids": [change["change_id"]],
        "deleted": [deleted_at], "desk": desk_id, "now": now, "user": username,
    }


def _integrity_message(exc: IntegrityError) -> str:
    text = str(getattr(exc, "orig", exc))
    if "foreign key" in text.lower():
        return "Der Datensatz verweist auf einen Datensatz, den der Sync-Dienst nicht kennt oder der noch verwendet wird."
    if "null value" in text.lower():
        return "Ein Pflichtfeld des Datensatzes ist leer."
    return "Der Datensatz verletzt eine Regel der Datenbank."


def _is_retryable(exc: DBAPIError) -> bool:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("40001", "40P01")  # serialization failure, deadlock

