"""A minimal background runner with the same `submit` API as ui.task_runner.TaskRunner.

The layer rules let export/ (views included) not import ui/, so the import dialog takes the app's
runner from ctx.services["task_runner"] by duck typing and falls back to this one (tests, stand-alone
use). Callbacks arrive on the main thread through queued signals; cancel goes through TaskControl."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import count

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ...core.tasks import Cancelled, TaskControl


class LocalHandle:
    def __init__(self) -> None:
        self.control: TaskControl | None = None

    def cancel(self) -> None:
        if self.control is not None:
            self.control.cancel()


class LocalRunner(QObject):
    _done = Signal(int, object)
    _failed = Signal(int, object)
    _cancelled = Signal(int)
    _progress = Signal(int, int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-task")
        self._ids = count(1)
        self._callbacks: dict[int, tuple] = {}
        queued = Qt.ConnectionType.QueuedConnection
        self._done.connect(self._on_done, queued)
        self._failed.connect(self._on_failed, queued)
        self._cancelled.connect(self._on_cancelled, queued)
        self._progress.connect(self._on_progress, queued)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    def submit(self, fn: Callable, *args, on_done=None, on_error=None, on_progress=None, on_cancelled=None,
               description: str = "", context: QObject | None = None) -> LocalHandle:
        task_id = next(self._ids)
        handle = LocalHandle()
        handle.control = TaskControl(on_progress=lambda d, t, text: self._progress.emit(task_id, d, t, text))
        self._callbacks[task_id] = (on_done, on_error, on_progress, on_cancelled)
        wants_control = "control" in inspect.signature(fn).parameters

        def work() -> None:
            try:
                result = fn(*args, control=handle.control) if wants_control else fn(*args)
            except Cancelled:
                self._cancelled.emit(task_id)
            except BaseException as exc:  # noqa: BLE001 - every failure must reach the dialog
                self._failed.emit(task_id, exc)
            else:
                self._done.emit(task_id, result)

        self._pool.submit(work)
        return handle

    @Slot(int, object)
    def _on_done(self, task_id: int, result: object) -> None:
        cb = self._callbacks.pop(task_id, (None,) * 4)[0]
        if cb is not None:
            cb(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: object) -> None:
        cb = self._callbacks.pop(task_id, (None,) * 4)[1]
        if cb is not None:
            cb(exc)

    @Slot(int)
    def _on_cancelled(self, task_id: int) -> None:
        cb = self._callbacks.pop(task_id, (None,) * 4)[3]
        if cb is not None:
            cb()

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        cb = self._callbacks.get(task_id, (None,) * 4)[2]
        if cb is not None:
            cb(done, total, text)
