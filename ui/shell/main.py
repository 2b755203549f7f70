"""Starting the window: `traindesk` or `python -m ui` [--db PATH] [--demo]."""
from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import config
from app.services import database
from ui.common import settings
from ui.common.windows import centre, remember_window
from ui.shell.backup_schedule import BackupSchedule
from ui.shell.database_actions import remember, remembered_path, start_database
from ui.shell.errors import install_excepthook
from ui.shell.help import offer_welcome
from ui.shell.main_window import MainWindow
from ui.shell.session import Session
from ui.shell.style import apply_style


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="traindesk", description=config.APP_TITLE)
    parser.add_argument("--db", type=database.target, help="打开此数据库文件，或服务器数据库（postgresql://用户@服务器/数据库）")
    parser.add_argument("--demo", action="store_true", help="数据库不存在时直接载入示范数据，不再询问")
    parser.add_argument("--self-test", action="store_true", help="检查程序是否完整可用（含窗口、预览和打印），然后退出")
    return parser.parse_args(argv)


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(config.APP_NAME)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName(config.APP_TITLE)
    app.setWindowIcon(QIcon(str(config.resource_file("icons", "traindesk.png"))))
    apply_style(app)
    return app


def place_main_window(window: MainWindow) -> None:
    """Where it was last time, else large enough to work in; never larger than the screen (1366×768 at 150%
    leaves about 895×430 inside the frame). Its smallest size is its pages' (the fit check holds them to that
    screen): no floor is set here, which would let Qt squeeze the pages' controls below theirs."""
    if not remember_window(window, "main", 1280, 800):
        centre(window)


def main(argv: list[str] | None = None) -> int:
    args = _args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from ui.shell import selftest

        make_app()
        return selftest.run()
    app = make_app()
    install_excepthook()
    path = args.db or remembered_path()
    first_start = not database.is_server(path) and not path.exists() and not args.demo  # --demo is for scripts: no question, no welcome
    opened = start_database(path, with_demo=args.demo)
    if opened is None:
        return 0
    remember(opened.path)
    session = Session(opened.db, opened.path, opened.lock)
    window = MainWindow(session)
    schedule = BackupSchedule(session, window)
    schedule.failed.connect(lambda text: window.statusBar().showMessage(f"自动备份失败：{text}", 60_000))
    place_main_window(window)
    window.show()
    schedule.in_background("启动")
    if first_start:
        offer_welcome(window, demo=database.counts(session.db)["people"] > 0)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        schedule.at_exit()
        session.close()
        settings.flush()  # the window's places, written now rather than left to the event loop
        release_windows()


def release_windows() -> None:
    """Every window deleted while Qt still runs: one left to Python's shutdown (the manual's, kept in a
    module) would be destroyed after the QApplication, and the program would crash on its way out."""
    from ui.timetable import clipboard

    clipboard.release()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
