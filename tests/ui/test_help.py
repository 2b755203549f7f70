"""帮助 → 使用手册 and F1: the manual opens at the chapter for a page, one window at a time, links and search."""
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import type_text
from ui.help import chapters
from ui.help.manual_window import ManualWindow
from ui.shell import help

# the topic keys the pages pass to open_help, and the chapter title each must show at the top
TITLES = {"start": "快速上手", "plans": "年度计划与工作要点", "classes": "班次", "periods": "期次", "calendar": "日历",
          "units": "单位", "roster": "学员名单与名额分配", "import": "导入单位名单", "people": "学员档案",
          "documents": "入学通知书与文书打印", "attendance": "签到、考勤与结班", "hours": "学时", "stats": "统计",
          "backups": "备份与换电脑", "teaching": "师资与讲课费", "funds": "经费",
          "evaluation": "质量评估", "survey": "需求调研", "class-management": "班级管理与结业考核"}


@pytest.fixture(autouse=True)
def no_manual_left():
    yield
    if help._window is not None:
        help._window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert help._window is None


def manual() -> ManualWindow:
    return help.manual_window()


def top_line(browser) -> str:
    """The text of the line at the top of the view: what the reader sees first."""
    return browser.cursorForPosition(QPoint(0, 2)).block().text()


@pytest.mark.parametrize("topic", sorted(TITLES))
def test_every_topic_opens_its_chapter_with_its_title_in_sight(qtbot, window, topic):
    help.open_help(window, topic)
    shown = manual()
    qtbot.waitExposed(shown)
    assert shown.browser.headings()[0] == TITLES[topic]
    assert top_line(shown.browser) == TITLES[topic]
    assert shown.contents.currentItem().text(0).endswith(TITLES[topic])
    assert shown.browser.source().fileName() == chapters.chapter(topic).file_name


def test_the_keys_other_engineers_bind_are_all_chapters():
    pages = {"plans", "classes", "periods", "calendar", "people", "units", "documents", "stats", "roster", "import",
             "hours", "backups"}
    assert pages <= {c.key for c in chapters.chapters()} == set(help.TOPICS) == set(TITLES)


def test_an_unknown_topic_opens_the_quick_start(qtbot, window):
    help.open_help(window, "no-such-page")
    assert manual().browser.headings()[0] == "快速上手"


def test_one_manual_window_at_a_time(qtbot, window):
    help.open_help(window, "plans")
    first = manual()
    help.open_help(window, "backups")
    assert manual() is first
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, ManualWindow) and w.isVisible()] == [first]
    assert first.browser.headings()[0] == "备份与换电脑"  # the open window moved to the new topic
    first.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    help.open_help(window, "plans")
    assert manual() is not first and manual().isVisible()


def test_the_manual_takes_clicks_while_a_modal_dialog_is_up(qtbot, window):
    """Opened by F1 inside a modal dialog, a window outside it would show but ignore the mouse and keys."""
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    help.open_help(dialog, "attendance")
    assert manual().parentWidget() is dialog and manual().isVisible() and manual().isWindow()
    dialog.close()
    help.open_help(window, "hours")
    assert manual().parentWidget() is None and manual().isVisible()
    assert manual().browser.headings()[0] == "学时"


def test_a_dialog_modal_to_its_window_only_leaves_the_manual_on_its_own(qtbot, window):
    """The import wizard blocks the main window only: the manual stays free, and open when the wizard closes."""
    from ui.importing.launch import open_import_wizard

    wizard = open_import_wizard(window, window.session)
    qtbot.waitExposed(wizard)
    help.open_help(wizard, "import")
    assert manual().parentWidget() is None
    wizard.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert manual().isVisible() and manual().browser.headings()[0] == "导入单位名单"


def click_link(qtbot, browser, text: str) -> None:
    """Clicks the first link whose text is `text`, where it is drawn."""
    cursor = browser.document().find(text)
    while not cursor.isNull() and not cursor.charFormat().isAnchor():
        cursor = browser.document().find(text, cursor)
    assert not cursor.isNull(), text
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    middle = QTextCursor(cursor)
    middle.setPosition(cursor.selectionStart() + 1)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(middle).center())


def test_a_link_opens_another_chapter_at_its_section_and_back_returns(qtbot, window):
    help.open_help(window, "plans")
    browser = manual().browser
    click_link(qtbot, browser, "班次")  # 详见[班次](03-classes.md#规则提示)
    assert browser.source().fileName() == "03-classes.md"
    assert top_line(browser) == "规则提示" == browser.current_section()
    assert manual().contents.currentItem().text(0) == "规则提示"
    browser.backward()
    assert browser.source().fileName() == "02-plans.md"


def test_searching_narrows_the_contents_and_enter_finds_the_word(qtbot, window):
    help.open_help(window, "start")
    shown = manual()
    type_text(shown.search, "回执")
    listed = [shown.contents.topLevelItem(i).text(0) for i in range(shown.contents.topLevelItemCount())]
    assert any("导入单位名单" in text for text in listed) and not any("日历" in text for text in listed)
    assert "含有“回执”" in shown.found.text()
    qtbot.keyClick(shown.search, Qt.Key.Key_Return)
    assert shown.browser.textCursor().selectedText() == "回执"
    for _ in range(10):  # on through the chapters that hold it
        qtbot.keyClick(shown.search, Qt.Key.Key_Return)
        assert shown.browser.textCursor().selectedText() == "回执"
    shown.search.clear()
    type_text(shown.search, "没有这个词语")
    assert shown.contents.topLevelItemCount() == 0 and "没有找到" in shown.found.text()


def test_every_picture_is_drawn_no_wider_than_the_view(qtbot, window):
    help.open_help(window, "start")
    shown = manual()
    shown.resize(700, 500)
    for chapter in chapters.chapters():
        shown.open(chapter.file_name)
        shown.browser.fit_images()
        assert shown.browser.image_names(), f"{chapter.file_name} shows no picture"
        for fragment in shown.browser._image_fragments():
            image = fragment.charFormat().toImageFormat()
            assert not shown.browser.picture(image.name()).isNull(), (chapter.file_name, image.name())
            assert 0 < image.width() <= shown.browser.viewport().width()


def test_the_window_fits_the_screen(qtbot, window):
    help.open_help(window, "import")
    room = manual().screen().availableGeometry()
    assert room.contains(manual().frameGeometry())


def test_a_click_on_a_picture_shows_it_pixel_for_pixel(qtbot, window):
    from ui.help.picture_window import PictureWindow

    help.open_help(window, "roster")
    browser = manual().browser
    fragment = next(browser._image_fragments())
    cursor = QTextCursor(browser.document())
    cursor.setPosition(fragment.position())
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    left = browser.cursorRect(cursor)
    point = QPoint(left.x() + 30, left.center().y())
    assert browser.picture_at(point) == "images/roster.png"
    assert browser.picture_at(QPoint(left.x() + 30, left.top() - 40)) == ""  # the text above it
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    shown = manual().findChildren(PictureWindow)
    assert len(shown) == 1 and shown[0].isVisible() and shown[0].windowTitle().startswith("学员名单窗口")
    full = shown[0].picture.pixmap()
    assert full.size() == browser.picture("images/roster.png").size()
    qtbot.keyClick(shown[0], Qt.Key.Key_Escape)
    assert not shown[0].isVisible()


def test_escape_closes_the_manual(qtbot, window):
    help.open_help(window, "stats")
    shown = manual()
    qtbot.keyClick(shown.search, Qt.Key.Key_Escape)
    assert not shown.isVisible()
