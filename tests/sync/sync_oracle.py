"""An independent model of the service's merge rules (sync.md), replayed in the order the service
applied the changes; the convergence test compares its verdicts with what the service stored."""

from __future__ import annotations

from dataclasses import dataclass, field

SERVER_OWNED = {"id", "server_version", "created_at", "updated_at", "updated_by"}


@dataclass
class Row:
    fields: dict
    version: int = 1
    writers: list = field(default_factory=list)  # (version, desk)
    last_writer: dict = field(default_factory=dict)  # field -> desk
    purged: bool = False
    change_ids: set = field(default_factory=set)


class Oracle:
    def __init__(self, personal: dict[str, dict[str, object]]):
        # table -> {personal column: value it is cleared to}
        self.personal = personal
        self.rows: dict[tuple[str, str], Row] = {}
        self.conflicts: set[tuple[str, str]] = set()  # (change_id, field)
        self.status: dict[str, str] = {}

    def _write(self, row: Row, desk: str, values: dict) -> None:
        row.version += 1
        row.writers.append((row.version, desk))
        for k, v in values.items():
            row.fields[k] = v
            row.last_writer[k] = desk

    def replay(self, change: dict, desk: str) -> None:
        key = (change["tbl"], change["row_id"])
        cid, op, patch = change["change_id"], change["op"], change["patch"]
        row = self.rows.get(key)
        if row is not None and row.purged:
            self.status[cid] = "rejected"
            return
        if op == "purge":
            if row is None:
                row = self.rows[key] = Row(fields={})
            row.purged = True
            self.conflicts = {c for c in self.conflicts if c[0] not in row_changes(self, key)}
            self.status[cid] = "applied"
            return
        if row is None:
            if op != "insert":
                self.status[cid] = "rejected"
                return
            values = {k: v for k, v in patch.items() if k not in SERVER_OWNED}
            row = self.rows[key] = Row(fields=values, writers=[(1, desk)], last_writer=dict.fromkeys(values, desk))
            row.change_ids.add(cid)
            if values.get("deleted_at"):
                row.fields.update(self.personal[change["tbl"]])
            self.status[cid] = "applied"
            return
        row.change_ids.add(cid)
        if op == "delete":
            if row.fields.get("deleted_at") is not None:
                self.status[cid] = "noop"
                return
            bv = change["base_version"]
            if bv != row.version and any(v > bv and d != desk for v, d in row.writers):
                self.conflicts.add((cid, "deleted_at"))
                self.status[cid] = "conflict"
                return
            self._write(row, desk, {"deleted_at": patch.get("deleted_at"), **self.personal[change["tbl"]]})
            self._scrub_conflicts(change["tbl"], key)
            self.status[cid] = "applied"
            return
        if row.fields.get("deleted_at") is not None and patch.get("deleted_at", "keep") is not None:
            self.conflicts.add((cid, "deleted_at"))
            self.status[cid] = "conflict"
            return
        base = change["base"] if op == "update" else {}
        bv = change["base_version"] if op == "update" else 0
        apply, conflicted = {}, []
        for name, new in patch.items():
            if name in SERVER_OWNED or name not in row.fields:
                continue
            current = row.fields[name]
            if bv == row.version:
                if current != new:
                    apply[name] = new
            elif current == new:
                continue
            elif name in base and base[name] == current:
                apply[name] = new
            else:
                assert row.last_writer.get(name) != desk, "a desk never conflicts with its own value"
                conflicted.append(name)
        if apply:
            if apply.get("deleted_at"):
                apply.update(self.personal[change["tbl"]])
            self._write(row, desk, apply)
        for name in conflicted:
            self.conflicts.add((cid, name))
        if apply.get("deleted_at"):
            self._scrub_conflicts(change["tbl"], key)
        self.status[cid] = "conflict" if conflicted else ("applied" if apply else "noop")

    def _scrub_conflicts(self, tbl: str, key) -> None:
        ids = row_changes(self, key)
        self.conflicts = {c for c in self.conflicts if not (c[0] in ids and c[1] in self.personal[tbl])}


def row_changes(oracle: Oracle, key) -> set[str]:
    row = oracle.rows.get(key)
    return row.change_ids if row else set()
