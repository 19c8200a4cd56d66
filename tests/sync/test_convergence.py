"""Convergence under faults: three desks edit offline at random (create/update/delete/purge on the same
and different rows and fields), the connection is cut at random points of push and pull (before the
request, and after the service committed but before the answer arrived), syncs are retried. After a
final sync every desk equals the service; no edit is lost, none applied twice, and conflicts are exactly
those an independent model of the merge rules predicts.

BOCHUM_SYNC_ROUNDS (default 200) and BOCHUM_SYNC_SEED choose the run; a failure names its seed."""

from __future__ import annotations

import os
import random
from collections import Counter

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import OutboxEntry
from bochum_desktop.db.jsonvalues import to_json
from bochum_desktop.db.session import soft_delete
from bochum_desktop.reference.model import Employee, OrgUnit
from bochum_desktop.server.schema import applied_change, change_log, conflict, row_meta
from bochum_desktop.sync.transport import TransportError, in_process

from .sync_oracle import Oracle

pytestmark = pytest.mark.pg

ROUNDS = int(os.environ.get("BOCHUM_SYNC_ROUNDS", "200"))
SEED = int(os.environ.get("BOCHUM_SYNC_SEED", "20261126"))
FAULT_RATE = 0.15
NAMES = ["Müller", "Meier", "Schulz", "Öztürk", "Nowak"]
PHONES = [None, "0234 1", "0234 2", "0234 3"]
CODES = ["10", "20", "30", "40"]
PERSONAL = {"employee": {"last_name": "", "first_name": "", "email": None, "phone": None}, "org_unit": {}}


class FaultyTransport:
    """Cuts the connection at random: before the request, or after the service answered."""

    def __init__(self, inner, rng: random.Random, rate: float):
        self.inner, self.rng, self.rate = inner, rng, rate
        self.enabled = True
        self.cuts = Counter()

    def call(self, method, path, **kwargs):
        if self.enabled and self.rng.random() < self.rate:
            self.cuts[f"{path} before"] += 1
            raise TransportError("cut before request")
        answer = self.inner.call(method, path, **kwargs)
        if self.enabled and self.rng.random() < self.rate:
            self.cuts[f"{path} after"] += 1
            raise TransportError("cut after the service committed")
        return answer


class FaultyStreamingTransport(FaultyTransport):
    """Also receives several pull pages in one answer, and cuts such an answer between its pages too."""

    def stream(self, method, path, **kwargs):
        if self.enabled and self.rng.random() < self.rate:
            self.cuts[f"{path} before"] += 1
            raise TransportError("cut before request")
        for document in self.inner.stream(method, path, **kwargs):
            if self.enabled and self.rng.random() < self.rate:
                self.cuts[f"{path} within"] += 1
                raise TransportError("cut within the answer")
            yield document


class Desk:
    def __init__(self, name, db, client, transport):
        self.name, self.db, self.client, self.transport = name, db, client, transport

    def live(self, model):
        with self.db.read() as s:
            return list(s.scalars(select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)))


def random_op(rng: random.Random, desk: Desk) -> None:
    db = desk.db
    units, employees = desk.live(OrgUnit), desk.live(Employee)
    roll = rng.random()
    with db.unit_of_work() as s:
        if roll < 0.15 or not units:
            s.add(OrgUnit(code=rng.choice(CODES), name=f"Amt {rng.randint(1, 99)}", active=True))
        elif roll < 0.35 or not employees:
            s.add(Employee(personnel_number=f"{rng.randint(10000, 99999)}", last_name=rng.choice(NAMES),
                           first_name="Anna", org_unit_id=rng.choice(units + [None]), active=True))
        elif roll < 0.90:
            if rng.random() < 0.6:
                emp = s.get(Employee, rng.choice(employees))
                for name in rng.sample(["last_name", "phone", "active", "org_unit_id"], rng.randint(1, 2)):
                    value = {"last_name": lambda: rng.choice(NAMES), "phone": lambda: rng.choice(PHONES),
                             "active": lambda: rng.random() < 0.5, "org_unit_id": lambda: rng.choice(units)}[name]()
                    setattr(emp, name, value)
            else:
                unit = s.get(OrgUnit, rng.choice(units))
                if rng.random() < 0.5:
                    unit.code = rng.choice(CODES)
                else:
                    unit.name = f"Amt {rng.randint(1, 99)}"
        elif roll < 0.97:
            model = Employee if rng.random() < 0.7 else OrgUnit
            choices = employees if model is Employee else units
            soft_delete(s, s.get(model, rng.choice(choices)))
        else:
            s.delete(s.get(Employee, rng.choice(employees)))  # legal erasure


def record_new_changes(desk: Desk, recorded: dict) -> None:
    with desk.db.read() as s:
        # (not by seq: SQLite reuses the numbers of pushed-and-deleted entries)
        for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)):
            if e.change_id in recorded:
                continue
            recorded[e.change_id] = {
                "change_id": e.change_id, "tbl": e.tbl, "row_id": e.row_id, "op": e.op, "patch": e.patch,
                "base": e.base, "base_version": e.base_version, "desk": desk.client.desk_id,
            }


def table_state(conn, table) -> dict:
    return {r.id: {c.name: to_json(r._mapping[c.name]) for c in table.columns} for r in conn.execute(select(table))}


def test_three_desks_converge_under_faults(harness, desks):
    rng = random.Random(SEED)
    app = harness.app()
    desk_list = []
    for i in range(3):
        name = f"desk{i}"
        harness.add_user(name, "kita", "admin")  # admin: the random edits include purges (legal erasure)
        db = desks.database(name)
        # Desks 0 and 2 pull several pages per request (streamed), desk 1 one page per request.
        kind = FaultyTransport if i == 1 else FaultyStreamingTransport
        transport = kind(in_process(app), rng, FAULT_RATE)
        transport.enabled = False
        client = desks.client(db, app, name, transport=transport, push_batch=3, pull_page=4)
        transport.enabled = True
        desk_list.append(Desk(name, db, client, transport))
    recorded: dict[str, dict] = {}
    failures = 0
    for _round in range(ROUNDS):
        desk = rng.choice(desk_list)
        for _ in range(rng.randint(1, 3)):
            random_op(rng, desk)
        record_new_changes(desk, recorded)
        if rng.random() < 0.6:
            try:
                desk.client.sync_once()
            except TransportError:
                failures += 1
    for desk in desk_list:
        desk.transport.enabled = False
    for _ in range(2):
        for desk in desk_list:
            while desk.client.sync_once().held_back:  # only while another writer of the log is running
                pass

    context = f"seed={SEED} rounds={ROUNDS}"
    engine = harness.engine
    tables = {"org_unit": OrgUnit.__table__, "employee": Employee.__table__}
    with engine.connect() as conn:
        server = {name: table_state(conn, t) for name, t in tables.items()}
        applied = {r.change_id: r for r in conn.execute(select(applied_change).order_by(applied_change.c.seq))}
        logged = Counter(conn.execute(select(change_log.c.change_id)).scalars())
        stored_conflicts = set(conn.execute(select(conflict.c.change_id, conflict.c.field)).tuples())
        purged = set(conn.execute(select(row_meta.c.tbl, row_meta.c.row_id).where(row_meta.c.purged_at.is_not(None))).tuples())

    # every desk equals the service, and nothing is left to push
    for desk in desk_list:
        with desk.db.engine.connect() as conn:
            for name, table in tables.items():
                local = table_state(conn, table)
                diff = {
                    row_id: {k: (v, local.get(row_id, {}).get(k)) for k, v in row.items() if local.get(row_id, {}).get(k) != v}
                    for row_id, row in server[name].items()
                    if local.get(row_id) != row
                }
                extra = set(local) - set(server[name])
                assert not diff and not extra, f"{desk.name} differs in {name}: {diff} {extra} ({context})"
            assert conn.execute(select(OutboxEntry.change_id)).all() == [], f"{desk.name} outbox not empty ({context})"

    # no edit lost: every change reached the service, unless its row was erased before it got there
    for cid, change in recorded.items():
        assert cid in applied or (change["tbl"], change["row_id"]) in purged, f"change {cid} lost ({context})"
    # none applied twice
    assert all(n == 1 for cid, n in logged.items() if cid), context

    # conflicts exactly where the merge rules say two desks changed the same field differently
    oracle = Oracle(PERSONAL)
    for cid, row in applied.items():
        oracle.replay(recorded[cid], row.desk_id)
        assert row.result["status"] == oracle.status[cid], f"{cid}: {row.result} ({context})"
    assert stored_conflicts == oracle.conflicts, context
    for (tbl, row_id), row in oracle.rows.items():
        if row.purged:
            assert row_id not in server[tbl]
            continue
        actual = {k: v for k, v in server[tbl][row_id].items() if k in row.fields}
        assert actual == row.fields, f"{tbl} {row_id} ({context})"

    cuts = sum(sum(d.transport.cuts.values()) for d in desk_list)
    print(f"\n{context}: changes={len(recorded)} conflicts={len(stored_conflicts)} purged={len(purged)} "
          f"failed syncs={failures} cuts={cuts} rows={sum(len(v) for v in server.values())}")
    assert cuts > 0 and stored_conflicts, "the run must exercise faults and conflicts"
    assert sum(d.transport.cuts["/pull within"] for d in desk_list), "streamed answers must be cut too"
