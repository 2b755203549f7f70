import threading
import time

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from app.services.progress import Cancelled
from ui.shell.tasks import run_task


def test_work_runs_off_the_ui_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(progress):
        seen["thread"] = threading.current_thread()
        for done in range(1, 4):
            progress.step(done, 3)
        return 42

    task = run_task(parent, "正在计算…", work, lambda result: seen.setdefault("result", result))
    with qtbot.waitSignal(task.done, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["thread"] is not threading.main_thread()


def test_cancel_stops_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, errors = threading.Event(), []

    def work(progress):
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress.step(0, 10)
            time.sleep(0.001)

    task = run_task(parent, "正在导入…", work, lambda result: None, on_error=errors.append)
    assert started.wait(5)
    with qtbot.waitSignal(task.done, timeout=5000):
        task.dialog.canceled.emit()  # what the 取消 button sends
    assert isinstance(errors[0], Cancelled)


def test_a_user_error_is_shown_in_chinese(qtbot, answers):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress):
        raise UserError("文件已损坏")

    task = run_task(parent, "正在读取…", work, lambda result: None)
    qtbot.waitUntil(lambda: bool(answers["errors"]))
    assert answers["errors"] == [("未能完成", "文件已损坏")]
    assert task.error is not None


def test_work_that_ends_after_its_task_is_gone_ends_quietly(qtbot):
    """A script that leaves while a preview is still being made (the benchmarks do): the task's signals are
    destroyed before the work ends, and the work's last word has nobody to go to."""
    from PySide6.QtCore import QThreadPool
    from shiboken6 import delete

    started, release, done = threading.Event(), threading.Event(), []

    def work(progress):
        started.set()
        release.wait(5)
        progress.report(1, 2)
        return "made"

    task = run_task(QWidget(), "正在生成…", work, done.append)
    assert started.wait(5)
    delete(task.signals)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # pytest-qt fails the test on an exception raised in the worker's thread
    assert done == []
