"""Progress and cancel for long jobs, without Qt: services take a TaskControl, the UI's task runner
passes one whose progress reaches the main thread by signal."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; the job must leave nothing half written (roll back, delete partial files)."""


class TaskControl:
    def __init__(self, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop. Call it between units of work."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)
        self.check()


NO_CONTROL = TaskControl()
