"""The demo data a newcomer is offered: every feature has something to show, nothing is queued for sync."""

from __future__ import annotations

from sqlalchemy import func, select

from bochum_desktop import demo
from bochum_desktop.db.journal import OutboxEntry
from bochum_desktop.ideas.model import IdeaSuggestion
from bochum_desktop.kita.model import KitaApplication
from bochum_desktop.reference.model import Employee


def test_demo_data_fills_every_feature_and_is_never_pushed(db):
    assert demo.is_empty(db)
    loaded = demo.load_all(db, employees=150)
    assert loaded == demo.FEATURE_DEMO_MODULES
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Employee)) == 150
        assert s.scalar(select(func.count()).select_from(KitaApplication)) > 10
        statuses = sorted(s.scalars(select(IdeaSuggestion.status)))
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    # One suggestion in each stage a coordinator meets.
    assert statuses == ["abgelehnt", "angenommen", "angenommen", "begutachtung", "eingegangen"]
    assert not demo.is_empty(db)
