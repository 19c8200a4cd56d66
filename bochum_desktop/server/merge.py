"""Field-level three-way merge (sync.md, 'Conflict rule per field'). Pure functions, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Columns the server sets itself; a desk's values for them never conflict and are not applied.
SERVER_OWNED = frozenset({"id", "server_version", "created_at", "updated_at", "updated_by"})


@dataclass
class FieldConflict:
    field: str
    base: Any
    server_value: Any
    desk_value: Any


@dataclass
class MergeResult:
    apply: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)


def merge_update(
    patch: dict[str, Any], base: dict[str, Any], server: dict[str, Any], base_version: int, row_version: int
) -> MergeResult:
    """Decide per field of `patch` (JSON values) against the current server row `server` (JSON values).

    base_version == row_version: the desk saw the current row, apply everything. Otherwise per field:
    server == desk's base -> apply; server == desk's new value -> nothing to do; else a real conflict
    (the server keeps its value)."""
    result = MergeResult()
    for name, new in patch.items():
        if name in SERVER_OWNED or name not in server:
            continue
        current = server[name]
        if base_version == row_version:
            if current != new:
                result.apply[name] = new
            continue
        if current == new:
            continue
        if name in base and current == base[name]:
            result.apply[name] = new
            continue
        result.conflicts.append(FieldConflict(name, base.get(name), current, new))
    return result
