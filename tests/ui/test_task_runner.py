"""TaskRunner: work off the UI thread, results/errors/progress on the main thread, cancel, shutdown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread
from PySide6.QtWidgets import QApplication, QPushButton

from bochum_desktop.core.tasks import Cancelled, TaskControl
from bochum_desktop.ui.task_runner import CANCELLED, DONE, FAILED, TaskRunner, run_with_progress


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    assert r.shutdown(5)


def test_result_arrives_on_main_thread_and_fn_runs_elsewhere(runner, qtbot):
    seen = {}

    def job(a, b):
        seen["worker"] = QThread.currentThread()
        return a + b

    def done(result):
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda n: n == 0):
        handle = runner.submit(job, 2, 3, on_done=done)
        assert runner.busy and runner.active_count == 1
    assert seen["result"] == 5 and handle.result == 5 and handle.state == DONE
    main = QApplication.instance().thread()
    assert seen["callback"] is main or seen["callback"] == main
    assert seen["worker"] != main
    assert not runner.busy


def test_errors_are_delivered_not_lost(runner, qtbot):
    errors = []

    def job():
        raise ValueError("kaputt")

    handle = runner.submit(job, on_error=lambda e: errors.append((e, QThread.currentThread())))
    with qtbot.waitSignal(handle.failed):
        pass
    assert isinstance(errors[0][0], ValueError) and str(errors[0][0]) == "kaputt"
    assert errors[0][1] == QApplication.instance().thread()
    assert handle.state == FAILED


def test_error_without_handler_goes_to_task_failed_signal(runner, qtbot):
    def job():
        raise RuntimeError("boom")

    with qtbot.waitSignal(runner.task_failed) as blocker:
        runner.submit(job, description="Import")
    assert blocker.args[0] == "Import" and isinstance(blocker.args[1], RuntimeError)


def test_progress_reaches_main_thread_with_latest_value(runner, qtbot):
    progress = []

    def job(control: TaskControl):
        for i in range(1, 201):
            control.progress(i, 200, f"Zeile {i}")
        return "fertig"

    handle = runner.submit(job, on_progress=lambda d, t, s: progress.append((d, t, s, QThread.currentThread())))
    with qtbot.waitSignal(handle.finished):
        pass
    assert progress, "no progress delivered"
    assert progress[-1][:3] == (200, 200, "Zeile 200")  # coalesced, but the newest value always arrives
    assert all(p[3] == QApplication.instance().thread() for p in progress)
    assert [p[0] for p in progress] == sorted(p[0] for p in progress)


def test_cancel_raises_cancelled_inside_and_reports_cancelled(runner, qtbot):
    started, raised = threading.Event(), threading.Event()
    reported = []

    def job(control: TaskControl):
        started.set()
        try:
            while True:
                control.check()
                control._cancel.wait(0.01)  # stands in for a unit of work
        except Cancelled:
            raised.set()
            raise

    handle = runner.submit(job, on_cancelled=lambda: reported.append(QThread.currentThread()),
                           on_done=lambda r: reported.append("done"))
    assert started.wait(5)
    with qtbot.waitSignal(handle.cancelled):
        handle.cancel()
    assert raised.is_set()
    assert reported == [QApplication.instance().thread()]
    assert handle.state == CANCELLED and not runner.busy


def test_cancel_before_start_never_runs_the_job(qtbot, qapp):
    runner = TaskRunner(max_workers=1)
    gate = threading.Event()
    ran = []
    try:
        blocker_handle = runner.submit(lambda: gate.wait(5))
        queued = runner.submit(lambda: ran.append(1))
        with qtbot.waitSignal(queued.cancelled):
            queued.cancel()
        gate.set()
        with qtbot.waitSignal(blocker_handle.finished):
            pass
        assert ran == [] and queued.state == CANCELLED
    finally:
        gate.set()
        assert runner.shutdown(5)


def test_shutdown_cancels_and_joins_workers(qapp):
    runner = TaskRunner()
    started, finished = threading.Event(), threading.Event()

    def job(control):
        started.set()
        try:
            while True:
                control.check()
                control._cancel.wait(0.01)
        finally:
            finished.set()

    runner.submit(job)
    assert started.wait(5)
    assert runner.shutdown(timeout=5) is True
    assert finished.is_set()  # joined: the worker left its loop before shutdown returned
    with pytest.raises(RuntimeError):
        runner.submit(job)


def test_a_runner_that_never_ran_a_task_quits_at_once_and_takes_no_more(qapp):
    runner = TaskRunner()  # (made at every start; its workers start with the first task)
    assert runner.shutdown(timeout=0) is True
    with pytest.raises(RuntimeError):
        runner.submit(lambda: None)


def test_quitting_lets_a_write_the_user_started_run_even_if_it_waits_in_the_queue(qapp):
    """A write submitted with keep_on_quit (e.g. offers being created) is neither cancelled nor dropped when
    the app quits: it runs once the cancelled jobs have left the workers, and shutdown waits for it."""
    runner = TaskRunner(max_workers=1)
    started, done = threading.Event(), []

    def busy(control):  # occupies the only worker until cancelled
        started.set()
        while True:
            control.check()
            control._cancel.wait(0.01)

    runner.submit(busy)
    assert started.wait(5)
    runner.submit(lambda: done.append("offers written"), keep_on_quit=True)
    runner.submit(lambda: done.append("list reloaded"))  # an ordinary job queued as well: cancelled
    assert runner.shutdown(timeout=5) is True
    assert done == ["offers written"]


def test_callbacks_skipped_when_context_object_deleted(runner, qtbot):
    context = QObject()
    calls = []
    gate = threading.Event()
    handle = runner.submit(lambda: gate.wait(5), on_done=calls.append, context=context)
    context.deleteLater()
    qtbot.waitUntil(lambda: not _valid(context))
    gate.set()
    with qtbot.waitSignal(handle.finished):
        pass
    assert calls == []


def _valid(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_run_with_progress_dialog_closes_when_done(runner, qtbot):
    results = []

    def job(control):
        control.progress(1, 2, "Halbzeit")
        control.progress(2, 2)
        return 42

    handle, dialog = run_with_progress(runner, None, "Export läuft", job, on_done=results.append)
    with qtbot.waitSignal(handle.finished):
        pass
    assert results == [42] and not dialog.isVisible()


def test_run_with_progress_cancel_button_cancels(runner, qtbot):
    started = threading.Event()

    def job(control):
        started.set()
        while True:
            control.progress(0, 10)
            control._cancel.wait(0.01)

    handle, dialog = run_with_progress(runner, None, "Lange Arbeit", job)
    assert started.wait(5)
    button = dialog.findChild(QPushButton)
    assert button.text() == QCoreApplication.translate("TaskRunner", "Cancel")  # "Abbrechen" in German
    with qtbot.waitSignal(handle.cancelled):
        button.click()
    assert handle.state == CANCELLED
