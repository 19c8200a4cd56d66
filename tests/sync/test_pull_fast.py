"""The fast initial pull: format-2 pages, the full-text index written with every page (also when a pull is
interrupted), a desk of this version against a service of the previous one, and the desk id bound to the
login."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bochum_desktop.db.journal import AuditRecord, LocalMeta, OutboxEntry, SyncBase
from bochum_desktop.db.search import filter_ids
from bochum_desktop.reference.model import Employee
from bochum_desktop.sync import columns
from bochum_desktop.sync.apply import SUMMARY_ROW_ID, write_transaction
from bochum_desktop.sync.bases import lazy_base
from bochum_desktop.sync.client import KEY_DESK, SyncClient, status
from bochum_desktop.sync.transport import LoginRequired, TransportError, in_process

from .sync_helpers import add_employee, add_unit, edit

pytestmark = pytest.mark.pg

NAMES = [("1001", "Weiß", "Jörg"), ("1002", "Müller", "Anna"), ("1003", "Özdemir", "Ayşe"), ("1004", "Strauß", "Ulf"),
         ("1005", "Meier", "Zoë")]


def found(db, text: str) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(filter_ids(select(Employee.last_name), Employee.id, "employee", text)).all())


def marker(db) -> str | None:
    with db.read() as s:
        return s.scalar(select(LocalMeta.value).where(LocalMeta.key == columns.KEY_SEARCH_REBUILD))


def seeded(pair) -> tuple:
    app, (a_db, a), (b_db, b) = pair
    unit_id = add_unit(a_db)
    for number, last, first in NAMES:
        add_employee(a_db, number=number, last=last, first=first, unit_id=unit_id)
    a.sync_once()
    return app, a_db, b_db, b


def effective(conn, tbl, row_id):
    """(version, data as sorted JSON) of a row's merge base, stored or lazy."""
    stored = conn.execute(select(SyncBase.version, SyncBase.data).where(SyncBase.tbl == tbl, SyncBase.row_id == row_id)).first()
    version, data = stored if stored is not None else lazy_base(conn, tbl, row_id)
    return version, json.dumps(data, sort_keys=True)


class Format1Service:
    """A service of the previous version: it knows no `format` and answers format 1."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def call(self, method, path, *, headers, json=None, params=None):
        params = {k: v for k, v in (params or {}).items() if k != "format"} or None
        return self.inner.call(method, path, headers=headers, json=json, params=params)


class FailingAfter:
    """The connection breaks after `n` pulled pages."""

    def __init__(self, inner, n: int) -> None:
        self.inner, self.left = inner, n

    def call(self, method, path, **kwargs):
        if path == "/pull":
            if self.left == 0:
                raise TransportError("Der Sync-Dienst ist nicht erreichbar (Test).")
            self.left -= 1
        return self.inner.call(method, path, **kwargs)


def test_initial_pull_makes_pulled_rows_searchable_with_umlauts_and_sharp_s(pair):
    _app, _a_db, b_db, b = seeded(pair)
    b.pull_page = 2  # several pages: the index is still written once, at the end
    report = b.sync_once()
    assert report.pulled == 6
    assert found(b_db, "weiss") == ["Weiß"] and found(b_db, "WEIß") == ["Weiß"]
    assert found(b_db, "muller") == ["Müller"] and found(b_db, "özdemir") == ["Özdemir"]
    assert found(b_db, "ayse") == ["Özdemir"] and found(b_db, "strauss") == ["Strauß"] and found(b_db, "zoe") == ["Meier"]
    assert not marker(b_db)
    with b_db.read() as s:  # merge bases (lazy: the rows as pulled), no outbox, audit summary per page
        assert s.scalars(select(SyncBase)).all() == []
        weiss = s.scalar(select(Employee.id).where(Employee.last_name == "Weiß"))
        assert lazy_base(s.connection(), "employee", weiss)[1]["last_name"] == "Weiß"
        assert s.scalars(select(OutboxEntry)).all() == []
        summaries = s.scalars(select(AuditRecord).where(AuditRecord.row_id == SUMMARY_ROW_ID)).all()
        assert sum(len(r.changes["ids"]) for r in summaries) == 6


def test_later_pulls_keep_the_index_current_row_by_row(pair):
    _app, a_db, b_db, b = seeded(pair)
    b.sync_once()
    with a_db.read() as s:
        weiss = s.scalar(select(Employee.id).where(Employee.last_name == "Weiß"))
    edit(a_db, Employee, weiss, last_name="Großmann")
    new_id = add_employee(a_db, number="1006", last="Däubler", first="Kai")
    pair[1][1].sync_once()
    b.sync_once()
    assert found(b_db, "grossmann") == ["Großmann"] and found(b_db, "weiss") == []
    assert found(b_db, "daubler") == ["Däubler"]
    with b_db.read() as s:  # a later pull records every row it inserts with its values
        record = s.scalars(select(AuditRecord).where(AuditRecord.row_id == new_id)).one()
        assert record.changes["last_name"] == [None, "Däubler"]


def test_interrupted_initial_pull_leaves_what_it_pulled_searchable_and_continues(pair):
    app, _a_db, b_db, _b = seeded(pair)
    client = SyncClient(b_db, FailingAfter(in_process(app), 2), token=_b.token, pull_page=2)
    with pytest.raises(TransportError):
        client.pull()
    with b_db.read() as s:
        names = sorted(s.scalars(select(Employee.last_name)).all())
    assert len(names) == 3  # two pages of two changes (the unit and three employees)
    for name in names:
        assert found(b_db, name) == [name]
    assert not marker(b_db)
    _b.sync_once()
    assert found(b_db, "weiss") == ["Weiß"] and len(found(b_db, "")) == 5


class SignalAfter:
    """Sets `event` when the n-th page is requested."""

    def __init__(self, inner, n: int, event) -> None:
        self.inner, self.left, self.event = inner, n, event

    def call(self, method, path, **kwargs):
        if path == "/pull":
            self.left -= 1
            if self.left == 0:
                self.event.set()
        return self.inner.call(method, path, **kwargs)


def test_pages_written_together_roll_back_together_and_the_next_pull_brings_them(pair, monkeypatch):
    """Pages that arrived while the previous one was written go into one transaction with their cursors. An
    error in one of them rolls all of them back - the stored cursor is never ahead of the stored rows (that
    would lose rows) - and the next pull brings them."""
    import threading

    from bochum_desktop.reference.model import OrgUnit
    from bochum_desktop.sync.apply import PageApplier

    _app, _a_db, b_db, b = seeded(pair)  # six changes: one page each
    b.pull_page = 1
    four_fetched = threading.Event()
    b.transport = SignalAfter(b.transport, 5, four_fetched)  # page 1 is being written, pages 2-4 wait
    original, calls = PageApplier.apply_columns, []

    def apply_columns(self, *args):
        calls.append(1)
        if len(calls) == 1:
            assert four_fetched.wait(10)
        if len(calls) == 4:
            raise RuntimeError("Schreibfehler (Test)")
        return original(self, *args)

    monkeypatch.setattr(PageApplier, "apply_columns", apply_columns)
    with pytest.raises(RuntimeError):
        b.pull()
    with b_db.read() as s:
        kept = len(s.scalars(select(Employee.id)).all()) + len(s.scalars(select(OrgUnit.id)).all())
    assert kept == 1  # page 1 only; pages 2 to 4 (at least) were one transaction
    monkeypatch.undo()
    b.pull()
    assert found(b_db, "weiss") == ["Weiß"] and len(found(b_db, "")) == 5
    with b_db.read() as s:
        assert len(s.scalars(select(OrgUnit.id)).all()) == 1


def test_the_marker_of_an_earlier_versions_unfinished_index_goes_with_the_next_pull(pair, tmp_path):
    """The previous version wrote an initial pull's index at its end and marked the file until then. The
    index layout changed since (search.INDEX_VERSION), so opening the file re-indexes it; the next pull
    drops the marker, and the index holds every row once."""
    from bochum_desktop.db.migrate import open_data_file

    _app, _a_db, b_db, b = seeded(pair)
    b.sync_once()
    with write_transaction(b_db.engine) as conn:  # an interrupted pull of the previous version
        conn.exec_driver_sql("DELETE FROM fts_employee")
        conn.exec_driver_sql("INSERT INTO local_meta (key, value) VALUES (?, '1')", (columns.KEY_SEARCH_REBUILD,))
        conn.exec_driver_sql("UPDATE local_meta SET value = '2' WHERE key = 'fts_version'")
    assert found(b_db, "weiss") == []
    b_db.dispose()
    open_data_file(Path(b_db.engine.url.database), tmp_path / "backups")
    assert found(b_db, "weiss") == ["Weiß"]
    b.sync_once()
    assert not marker(b_db)
    with b_db.read() as s:
        assert s.connection().exec_driver_sql("SELECT count(*), count(DISTINCT row_id) FROM fts_employee").one() == (5, 5)


def test_desk_against_a_service_of_the_previous_version_gets_the_same_file(pair, desks, harness):
    app, a_db, b_db, b = seeded(pair)
    harness.add_user("carl", "kita")
    c_db = desks.database("carl")
    c = desks.client(c_db, app, "carl", transport=Format1Service(in_process(app)))
    b.sync_once()
    c.sync_once()
    for db in (b_db, c_db):
        assert found(db, "weiss") == ["Weiß"] and found(db, "OZDEMIR") == ["Özdemir"]

    def content(db):
        with db.read() as s:
            rows = [(e.id, e.personnel_number, e.last_name, e.first_name, e.email, e.active, e.created_at, e.updated_at,
                     e.server_version, e.org_unit_id) for e in s.scalars(select(Employee).order_by(Employee.id))]
            # Format 1 stores the bases of new rows, format 2 leaves them lazy: compare what they mean.
            conn = s.connection()
            bases = sorted((tbl, row_id, *effective(conn, tbl, row_id))
                           for tbl, row_id in [("employee", i) for i in s.scalars(select(Employee.id))])
        return rows, bases

    assert content(b_db) == content(c_db)


def _apply_suggestion_page(db, unit_id: str) -> dict:
    """One format-2 page with a new suggestion (values of every kind), applied to `db` as the pull does."""
    from datetime import UTC, datetime

    from bochum_desktop.core.clock import Clock
    from bochum_desktop.sync.apply import PageApplier, transaction_on

    received = datetime(2026, 11, 2, 9, 15, 30, 123456, tzinfo=UTC)
    data = {"id": "0193b5c0-0000-7000-8000-000000000002", "number": "VV-2026-0002", "number_provisional": False,
            "number_prefix": "", "year": 2026, "seq": 2, "code_word": "Kürbis", "title": "Weißes Licht",
            "current_state": "Ist", "proposal": "Soll", "benefit": "", "org_unit_id": unit_id,
            "received_at": received.isoformat(), "status": "eingegangen", "acknowledged_on": "2026-11-03",
            "decided_on": None, "created_at": "2026-11-02T10:15:30+01:00",  # not UTC: the general way
            "updated_at": "2026-11-02T10:00:00.000001+00:00", "updated_by": "kora", "server_version": 3,
            "deleted_at": None, "extra_of_a_newer_service": 1}
    names = list(data)
    with db.engine.connect() as conn, transaction_on(conn, foreign_keys=False):
        columns_of_page = {"idea_suggestion": names}
        page = [["idea_suggestion", data["id"], "upsert", 3, [data[n] for n in names]]]
        applier = PageApplier(conn, "anna", Clock().now(), summary_inserts=True)
        applier.apply_columns(columns_of_page, page, columns.prepare(applier.models, conn.dialect, columns_of_page, page))
    return data


def test_pulled_new_rows_of_format_2_store_the_same_values_as_the_orm(pair):
    from datetime import UTC, date, datetime, timedelta, timezone

    from bochum_desktop.ideas.model import IdeaSuggestion

    _app, (a_db, _a), _b = pair
    unit_id = add_unit(a_db)
    data = _apply_suggestion_page(a_db, unit_id)
    received = datetime(2026, 11, 2, 9, 15, 30, 123456, tzinfo=UTC)
    with a_db.read() as s:
        sug = s.get(IdeaSuggestion, data["id"])
        assert sug.received_at == received and sug.acknowledged_on == date(2026, 11, 3)
        assert sug.created_at == datetime(2026, 11, 2, 10, 15, 30, tzinfo=timezone(timedelta(hours=1)))
        assert sug.updated_at == datetime(2026, 11, 2, 10, 0, 0, 1, tzinfo=UTC)
        assert (sug.code_word, sug.number_provisional, sug.server_version) == ("Kürbis", False, 3)
        assert s.scalars(select(IdeaSuggestion.id).where(IdeaSuggestion.created_at == sug.created_at,
                                                         IdeaSuggestion.received_at == received)).all() == [data["id"]]
        assert s.scalars(filter_ids(select(IdeaSuggestion.id), IdeaSuggestion.id, "idea_suggestion", "weisses")).all() == [
            data["id"]]


def test_a_push_under_another_desks_login_asks_for_a_new_login(pair):
    """The token is bound to the desk id given at login (e.g. the data file was replaced by another desk's)."""
    app, (a_db, a), _b = pair
    add_unit(a_db)
    with write_transaction(a_db.engine) as conn:
        conn.exec_driver_sql("UPDATE local_meta SET value = 'another-desk' WHERE key = ?", (KEY_DESK,))
    moved = SyncClient(a_db, in_process(app), token=a.token)
    with pytest.raises(LoginRequired) as refused:
        moved.sync_once()
    assert "anderen Arbeitsplatz" in refused.value.message
    state = status(a_db)
    assert state["pending"] == 1 and "anderen Arbeitsplatz" in state["last_error"]


class EditBeforePull:
    """Runs `action` before the n-th page request (in the pull's fetch thread, while pages are written)."""

    def __init__(self, inner, n: int, action) -> None:
        self.inner, self.left, self.action = inner, n, action

    def call(self, method, path, **kwargs):
        if path == "/pull":
            self.left -= 1
            if self.left == 0:
                self.action()
        return self.inner.call(method, path, **kwargs)


def test_local_edit_during_an_initial_pull_is_indexed_by_its_new_text(pair):
    """A pulled row edited while the pull goes on is found by its new text only (the index is written with
    each page, and the edit replaces the row's entry)."""
    _app, _a_db, b_db, b = seeded(pair)
    edited = []

    def rename_a_pulled_employee():
        with b_db.read() as s:
            row = s.execute(select(Employee.id, Employee.last_name).order_by(Employee.id)).first()
        edited.append(row.last_name)
        edit(b_db, Employee, row.id, last_name="Neumann")

    b.transport = EditBeforePull(b.transport, 3, rename_a_pulled_employee)  # page 1 is written by then
    b.pull_page = 2
    b.sync_once()
    [old] = edited
    assert found(b_db, "neumann") == ["Neumann"]
    assert found(b_db, old) == []
    others = [last for _n, last, _f in NAMES if last != old]
    assert all(found(b_db, last) == [last] for last in others)
    assert not marker(b_db)
