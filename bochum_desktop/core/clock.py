"""One clock for the whole app so tests can set the time. Stored times are UTC; shown in Europe/Berlin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo

_ZONE: list[tzinfo] = []


def berlin() -> tzinfo:
    """Europe/Berlin, loaded on first use: zoneinfo and the zone file cost ~2.5 ms of a start-up that shows
    no time yet (bench/bench_startup.py)."""
    if not _ZONE:
        from zoneinfo import ZoneInfo

        _ZONE.append(ZoneInfo("Europe/Berlin"))
    return _ZONE[0]


def __getattr__(name: str):
    # `from ..core.clock import BERLIN` keeps working; it loads the zone then.
    if name == "BERLIN":
        return berlin()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Clock:
    """Source of 'now'. Tests construct it with a fixed or advancing function."""

    def __init__(self, now_fn: Callable[[], datetime] | None = None) -> None:
        self._now_fn = now_fn or (lambda: datetime.now(UTC))

    def now(self) -> datetime:
        value = self._now_fn()
        if value.tzinfo is None:
            raise ValueError("clock must return aware datetimes")
        return value.astimezone(UTC)

    def today(self) -> date:
        """Today's date as a user in Bochum sees it (not the UTC date)."""
        return self.now().astimezone(berlin()).date()


class FixedClock(Clock):
    """A clock standing still until moved; for tests and demos."""

    def __init__(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=berlin())
        super().__init__(lambda: self._at)

    def set(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=berlin())

    def advance(self, **kwargs: float) -> None:
        from datetime import timedelta

        self._at = self._at + timedelta(**kwargs)


def to_local(value: datetime | None) -> datetime | None:
    """UTC (or naive-as-UTC from SQLite) to Europe/Berlin for display."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(berlin())
