"""The window's part of `traindesk --self-test`: the main window with every page, the PDF preview (QtPdf),
one page printed through QPrinter and the manual with its pictures, so a build missing a Qt plugin, a page
module or a resource fails in CI."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from app.services import selftest


def window_steps(folder: Path, state: dict) -> list[tuple[str, Callable[[], str]]]:
    def main_window() -> str:
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication

        from app.services import database
        from ui.shell.main_window import PAGES, MainWindow
        from ui.shell.session import Session

        app = QApplication.instance() or QApplication([])  # `traindesk --self-test` has made it with its style
        path, lock = state["db_file"], state["lock"]
        session = Session(database.open_database(path, lock=lock), path, lock)
        window = state["window"] = MainWindow(session)
        # pages may have started background work (the print centre's preview): let it end first
        state.setdefault("close", []).insert(
            0, lambda: (window.close(), QThreadPool.globalInstance().waitForDone(), session.close()))
        window.resize(1280, 800)
        window.show()
        for index in range(len(PAGES)):
            window.nav.setCurrentRow(index)
            QApplication.processEvents()
            if window.stack.currentWidget() is not window.page(index):
                raise RuntimeError(f"页面“{PAGES[index][0]}”未能显示")
        app.processEvents()
        return f"{len(PAGES)}个页面：" + "、".join(entry[0] for entry in PAGES)

    def pdf_preview() -> str:
        from ui.common.pdf_preview import PdfPreview
        from ui.documents.printing import page_image

        preview = PdfPreview()
        pages = preview.show_pdf(state["letters"])
        if pages == 0:
            raise RuntimeError("QtPdf 无法读取入学通知书")
        image = page_image(preview.document, 0, dpi=40)
        inked = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                    if image.pixelColor(x, y).lightness() < 128)
        preview.show_message("")
        if inked == 0:
            raise RuntimeError("预览的第1页是空白")
        return f"{pages}页，第1页有字迹"

    def print_one_page() -> str:
        from PySide6.QtPrintSupport import QPrinter

        from ui.documents.printing import new_printer, print_pdf

        target = folder / "打印输出.pdf"
        printer = new_printer("自检")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setFromTo(1, 1)
        sent = print_pdf(state["letters"], printer)
        if sent != 1 or not target.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"应打印1页，实际{sent}页")
        return f"1页，{target.stat().st_size // 1024}KB"

    def manual() -> str:
        from ui.help import chapters
        from ui.shell.help import manual_window, open_help

        open_help(None, "start")
        window = manual_window()
        pictures, missing = 0, []
        for chapter in chapters.chapters():
            window.open(chapter.file_name)
            names = window.browser.image_names()
            pictures += len(names)
            missing += [name for name in names if window.browser.picture(name).isNull()]
        window.close()
        if not chapters.chapters() or missing:
            raise RuntimeError("使用手册不完整：" + ("、".join(missing) or f"{chapters.manual_dir()}中没有章节"))
        return f"{len(chapters.chapters())}章，{pictures}幅插图"

    return [("主窗口与各页面", main_window), ("PDF预览（QtPdf）", pdf_preview), ("打印一页（QPrinter）", print_one_page),
            ("使用手册", manual)]


def run(out=None) -> int:
    return selftest.run(out, window_steps)
