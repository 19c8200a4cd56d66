"""Desk-side sync fixtures; the PostgreSQL, harness and desk fixtures are in tests/conftest.py."""

from __future__ import annotations

import pytest


@pytest.fixture
def pair(harness, desks):
    app = harness.app()
    harness.add_user("anna", "kita")
    harness.add_user("ben", "kita")
    a_db, b_db = desks.database("anna"), desks.database("ben")
    return app, (a_db, desks.client(a_db, app, "anna")), (b_db, desks.client(b_db, app, "ben"))
