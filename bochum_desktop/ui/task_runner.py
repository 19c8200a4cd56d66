"""Run database work and long jobs off the UI thread; results, errors and progress come back on the main thread.

The app owns one TaskRunner. `fn` runs in a worker thread and gets a core.tasks.TaskControl as keyword
`control` when it accepts one (services stay free of Qt). Every callback (`on_done`, `on_error`,
`on_progress`, `on_cancelled`) is invoked on the thread that owns the runner, through queued signals,
so callbacks may touch widgets. `shutdown()` cancels and joins the workers when the app quits.
"""

from __future__ import annotations

import inspect
import logging
import os
import threading
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..core.errors import DomainError
from ..core.tasks import Cancelled, TaskControl
from .error_dialog import show_error

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger(__name__)

PENDING, RUNNING, DONE, FAILED, CANCELLED = "pending", "running", "done", "failed", "cancelled"


def _accepts_control(fn: Callable) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # some builtins have no signature
        return False
    return "control" in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class TaskHandle(QObject):
    """One submitted job. Signals fire on the runner's (main) thread, after the matching callback."""

    finished = Signal(object)  # result
    failed = Signal(object)  # exception
    cancelled = Signal()
    progress = Signal(int, int, str)  # done, total, text

    def __init__(self, task_id: int, description: str) -> None:
        super().__init__()
        self.task_id = task_id
        self.description = description
        self.control = TaskControl(on_progress=self._report_progress)
        self.state = PENDING
        self.result: Any = None
        self.error: BaseException | None = None
        self._future: Future | None = None
        # A write the user was told is under way: quitting waits for it instead of cancelling it.
        self.keep_on_quit = False
        self._worker_done = threading.Event()
        self._lock = threading.Lock()
        self._latest_progress: tuple[int, int, str] | None = None
        self._progress_posted = False
        self._post_progress: Callable[[int], None] | None = None

    def cancel(self) -> None:
        """Ask the job to stop: TaskControl.check()/progress() raise Cancelled inside; reports `cancelled`."""
        self.control.cancel()
        future = self._future
        if future is not None and future.cancel() and self._post_progress is not None:
            # It never started: nothing will run, so report the cancellation ourselves.
            self._worker_done.set()
            self._runner_cancel_unstarted()

    def _runner_cancel_unstarted(self) -> None:  # replaced by the runner
        pass

    @property
    def is_finished(self) -> bool:
        return self.state in (DONE, FAILED, CANCELLED)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker is through (not until callbacks ran). For tests and shutdown only."""
        return self._worker_done.wait(timeout_ms / 1000)

    def _report_progress(self, done: int, total: int, text: str) -> None:
        # Called in the worker. Coalesce: only the newest value matters, so a job reporting
        # every row does not flood the event queue; at most one delivery is queued at a time.
        with self._lock:
            self._latest_progress = (done, total, text)
            if self._progress_posted or self._post_progress is None:
                return
            self._progress_posted = True
        self._post_progress(self.task_id)

    def _take_progress(self) -> tuple[int, int, str] | None:
        with self._lock:
            self._progress_posted = False
            return self._latest_progress


class TaskRunner(QObject):
    busy_changed = Signal(int)  # number of unfinished jobs (0 = idle)
    task_failed = Signal(str, object)  # description, exception - for jobs submitted without on_error

    # Internal: worker -> main thread. Queued connections to slots of this object (which lives in the main
    # thread) guarantee delivery there even though the signals are emitted in worker threads.
    _sig_done = Signal(int, object)
    _sig_failed = Signal(int, object)
    _sig_cancelled = Signal(int)
    _sig_progress = Signal(int)

    def __init__(self, parent: QObject | None = None, max_workers: int | None = None) -> None:
        super().__init__(parent)
        self._workers = max_workers or max(2, min(4, os.cpu_count() or 2))
        self._executor: ThreadPoolExecutor | None = None
        self._ids = count(1)
        self._handles: dict[int, TaskHandle] = {}
        self._callbacks: dict[int, tuple] = {}
        self._closed = False

    def _start(self) -> ThreadPoolExecutor:
        # At the first task, not when made: the runner is made before the first window, which is built without
        # naming Qt's namespace (~15 ms, ui/main_window.py) and without the thread pool's imports. Queued even
        # when emitted on the main thread (a task cancelled before it started): callbacks never run inside
        # the call that caused them.
        from concurrent.futures import ThreadPoolExecutor

        queued = QtCore.Qt.ConnectionType.QueuedConnection
        self._sig_done.connect(self._deliver_done, queued)
        self._sig_failed.connect(self._deliver_failed, queued)
        self._sig_cancelled.connect(self._deliver_cancelled, queued)
        self._sig_progress.connect(self._deliver_progress, queued)
        self._executor = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="bochum-task")
        return self._executor

    @property
    def active_count(self) -> int:
        return len(self._handles)

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def submit(
        self,
        fn: Callable,
        *args,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        description: str = "",
        context: QObject | None = None,
        keep_on_quit: bool = False,
    ) -> TaskHandle:
        """Run fn(*args[, control=...]) in a worker. `context`: skip callbacks once that QObject is deleted.
        `keep_on_quit`: a write the user started - shutdown() lets it run (and waits), even if it has not
        started yet, instead of cancelling it."""
        if self._closed:
            raise RuntimeError("task runner is shut down")
        executor = self._executor or self._start()
        task_id = next(self._ids)
        handle = TaskHandle(task_id, description or getattr(fn, "__name__", "task"))
        handle.keep_on_quit = keep_on_quit
        handle._post_progress = self._sig_progress.emit
        handle._runner_cancel_unstarted = lambda: self._sig_cancelled.emit(task_id)
        self._handles[task_id] = handle
        self._callbacks[task_id] = (on_done, on_error, on_progress, on_cancelled, context)
        with_control = _accepts_control(fn)
        handle._future = executor.submit(self._work, handle, fn, args, with_control)
        self.busy_changed.emit(len(self._handles))
        return handle

    def _work(self, handle: TaskHandle, fn: Callable, args: tuple, with_control: bool) -> None:
        # Runs in a worker thread: touch no widgets, only emit.
        try:
            if handle.control.cancelled:
                raise Cancelled()
            handle.state = RUNNING
            result = fn(*args, control=handle.control) if with_control else fn(*args)
        except Cancelled:
            self._sig_cancelled.emit(handle.task_id)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI, not die in a thread
            self._sig_failed.emit(handle.task_id, exc)
        else:
            self._sig_done.emit(handle.task_id, result)
        finally:
            handle._worker_done.set()

    # ----- main-thread delivery -----

    def _finish(self, task_id: int, state: str) -> tuple[TaskHandle | None, tuple, bool]:
        """Bookkeeping for a finished job; returns (handle, callbacks, dropped)."""
        handle = self._handles.pop(task_id, None)
        callbacks = self._callbacks.pop(task_id, (None,) * 5)
        if handle is None:
            return None, callbacks, True
        handle.state = state
        self.busy_changed.emit(len(self._handles))
        context = callbacks[4]
        if self._closed or (context is not None and not shiboken6.isValid(context)):
            return handle, (None,) * 5, True  # receiver gone or app quitting: drop callbacks
        return handle, callbacks, False

    @Slot(int, object)
    def _deliver_done(self, task_id: int, result: object) -> None:
        handle, (on_done, *_rest), _dropped = self._finish(task_id, DONE)
        if handle is None:
            return
        handle.result = result
        if on_done is not None:
            on_done(result)
        handle.finished.emit(result)

    @Slot(int, object)
    def _deliver_failed(self, task_id: int, exc: object) -> None:
        handle, (_d, on_error, *_rest), dropped = self._finish(task_id, FAILED)
        if handle is None:
            return
        handle.error = exc
        log.error("task %r failed", handle.description, exc_info=(type(exc), exc, exc.__traceback__))
        if on_error is not None:
            on_error(exc)
        elif not dropped:
            self.task_failed.emit(handle.description, exc)
        handle.failed.emit(exc)

    @Slot(int)
    def _deliver_cancelled(self, task_id: int) -> None:
        handle, (_d, _e, _p, on_cancelled, _c), _dropped = self._finish(task_id, CANCELLED)
        if handle is None:
            return
        if on_cancelled is not None:
            on_cancelled()
        handle.cancelled.emit()

    @Slot(int)
    def _deliver_progress(self, task_id: int) -> None:
        handle = self._handles.get(task_id)
        if handle is None:
            return
        latest = handle._take_progress()
        if latest is None:
            return
        on_progress, context = self._callbacks[task_id][2], self._callbacks[task_id][4]
        if on_progress is not None and not self._closed and (context is None or shiboken6.isValid(context)):
            on_progress(*latest)
        handle.progress.emit(*latest)

    def cancel_all(self) -> None:
        for handle in list(self._handles.values()):
            handle.cancel()

    def shutdown(self, timeout: float = 5.0, writes_timeout: float = 30.0) -> bool:
        """Cancel every job and join the workers (call on quit). True if all stopped within `timeout` s.
        A job that never calls control.check()/progress() cannot be interrupted and keeps running. Jobs
        submitted with keep_on_quit are not cancelled: they run (queued ones after the cancelled jobs left
        the workers) and are waited for up to `writes_timeout` s."""
        if self._closed:
            return True
        self._closed = True
        if self._executor is None:  # no task was ever submitted
            return True
        from concurrent.futures import wait as wait_futures

        handles = list(self._handles.values())
        futures = [h._future for h in handles if h._future is not None and not h.keep_on_quit]
        kept = [h._future for h in handles if h._future is not None and h.keep_on_quit]
        for handle in handles:
            if handle.keep_on_quit:
                continue
            handle.control.cancel()
            if handle._future is not None:
                handle._future.cancel()
        _done, not_done = wait_futures(futures, timeout=timeout)
        if kept:
            _done, kept_not_done = wait_futures(kept, timeout=writes_timeout)
            if kept_not_done:
                log.error("%d write(s) did not finish within %.1f s of quitting", len(kept_not_done), writes_timeout)
            not_done |= kept_not_done
        self._executor.shutdown(wait=False, cancel_futures=True)
        if not_done:
            log.warning("%d background job(s) did not stop within %.1f s", len(not_done), timeout)
        return not not_done


class LatestJob(QObject):
    """One kind of background computation of a view (a ranking, a proposal, ...) in the app's task runner: the
    database reads and the computing run in a worker, the result is applied on the main thread, and only the
    newest request's result is applied - one overtaken by a newer request or dropped (the user changed the
    selection or the input, or the data changed meanwhile) never lands over newer state. Without a runner
    (a view built on its own, e.g. in a test) the work runs at once. (SqlTableModel does the same for lists.)

    For a write the user started (`keep_on_quit=True`), the view must not start another while it is busy
    (nothing would drop the first one's result): quitting then waits for it instead of cancelling it."""

    busy_changed = Signal(bool)

    def __init__(self, runner, description: str, parent: QObject, keep_on_quit: bool = False) -> None:
        super().__init__(parent)
        self._runner = runner
        self._description = description
        self._keep_on_quit = keep_on_quit
        self._generation = 0
        self._handle = None

    @property
    def busy(self) -> bool:
        return self._handle is not None

    def start(self, fn: Callable, *args, on_done: Callable, on_error: Callable[[DomainError], None],
              on_unexpected: Callable[[BaseException], None] | None = None) -> None:
        """Run fn(*args); on_done(result) on the main thread if no newer request came; a DomainError goes to
        on_error, anything else to on_unexpected (e.g. to replace a "saving …" note) and the error dialog."""
        was_busy = self._forget()
        generation = self._generation

        def work():  # no keyword arguments: the runner must not hand `control` to a service method's **changes
            return fn(*args)

        if self._runner is None:
            if was_busy:
                self.busy_changed.emit(False)
            try:
                result = work()
            except DomainError as exc:
                on_error(exc)
                return
            on_done(result)
            return

        def done(result) -> None:
            if self._take(generation):
                try:
                    on_done(result)
                finally:
                    self.busy_changed.emit(False)

        def failed(exc: BaseException) -> None:
            if not self._take(generation):
                return
            self.busy_changed.emit(False)
            if isinstance(exc, DomainError):
                on_error(exc)
            else:
                if on_unexpected is not None:
                    on_unexpected(exc)
                parent = self.parent()
                show_error(parent if isinstance(parent, QWidget) else None, exc)

        def cancelled() -> None:
            if self._take(generation):
                self.busy_changed.emit(False)

        self._handle = self._runner.submit(work, on_done=done, on_error=failed, on_cancelled=cancelled,
                                           description=self._description, context=self,
                                           keep_on_quit=self._keep_on_quit)
        if not was_busy:
            self.busy_changed.emit(True)

    def drop(self) -> None:
        """Forget the running request: its result will not be applied."""
        if self._forget():
            self.busy_changed.emit(False)

    def _forget(self) -> bool:
        self._generation += 1
        if self._handle is None:
            return False
        self._handle.cancel()  # a job that has not started yet does not run at all
        self._handle = None
        return True

    def _take(self, generation: int) -> bool:
        """True (and the request no longer running) if `generation` is the newest request."""
        if generation != self._generation:
            return False
        self._handle = None
        return True


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget | None,
    label: str,
    fn: Callable,
    *args,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    title: str = "",
) -> tuple[TaskHandle, QProgressDialog]:
    """Run a long job with a modal progress dialog whose "Abbrechen" cancels it. `label` is translated."""
    from PySide6.QtWidgets import QProgressDialog  # (not at start-up: docs/architecture.md, quick start)

    dialog = QProgressDialog(label, QCoreApplication.translate("TaskRunner", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title or label)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flashing dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def close_then(callback: Callable | None) -> Callable:
        def inner(*a) -> None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            if callback is not None:
                callback(*a)

        return inner

    handle = runner.submit(
        fn, *args, on_done=close_then(on_done), on_error=close_then(on_error), on_progress=progress,
        on_cancelled=close_then(on_cancelled), description=label,
    )
    dialog.canceled.connect(handle.cancel)
    return handle, dialog
