"""The sync service: FastAPI app, auth, change log, merge, PostgreSQL specifics (no Qt)."""
