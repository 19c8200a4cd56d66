"""Service-test fixtures; the PostgreSQL, harness and desk fixtures are in tests/conftest.py."""

from __future__ import annotations

import pytest

from bochum_desktop.db.migrate import head_revision
from bochum_desktop.server.testing import Harness


class Api:
    """Talks to an app like a desk would, through FastAPI's TestClient."""

    def __init__(self, app, schema_version: str | None = None, desk_id: str = "desk-test"):
        from fastapi.testclient import TestClient

        self.client = TestClient(app)
        self.schema_version = schema_version or head_revision()
        self.token: str | None = None
        self.desk_id = desk_id  # given at login; the service binds the token to it

    def headers(self) -> dict:
        out = {"X-Bochum-Schema": self.schema_version, "X-Bochum-App": "test"}
        if self.token:
            out["Authorization"] = f"Bearer {self.token}"
        return out

    def login(self, user: str, password: str = Harness.PASSWORD):
        response = self.client.post("/login", json={"username": user, "password": password, "desk_id": self.desk_id},
                                    headers=self.headers())
        if response.status_code == 200:
            self.token = response.json()["token"]
        return response

    def push(self, *changes: dict):
        return self.client.post("/push", json={"desk_id": self.desk_id, "changes": list(changes)}, headers=self.headers())

    def pull(self, cursor: str = "", limit: int = 1000, page_format: int | None = None):
        """A page; without `page_format` as a desk of the previous version asks (format 1)."""
        params = {"cursor": cursor, "limit": limit}
        if page_format is not None:
            params["format"] = page_format
        return self.client.get("/pull", params=params, headers=self.headers())

    def pull_all(self, cursor: str = "") -> tuple[list[dict], str]:
        changes = []
        while True:
            answer = self.pull(cursor).json()
            assert not answer.get("resync"), answer
            changes.extend(answer["changes"])
            cursor = answer["cursor"]
            if not answer["more"]:
                return changes, cursor


@pytest.fixture
def api_for(harness):
    def make(app, user: str | None = None, *roles: str, **kwargs) -> Api:
        api = Api(app, **kwargs)
        if user:
            harness.add_user(user, *roles)
            assert api.login(user).status_code == 200
        return api

    return make
