"""The application's look: Fusion style, a Chinese UI font, Qt's own Chinese translations, calm colours.

No application-wide style sheet: with one, Qt styles every widget through its style-sheet engine, which made
building and painting every window about a third slower (the start-up took 14% more instructions). The few
looks the program wants are given instead by OfficeStyle, by the names of the widgets that carry them, and
by small sheets on the two widgets whose items need one (the page list, the program's title)."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QProxyStyle,
    QStyleFactory,
    QWidget,
)

from app.config import resource_file

# Windows first (the office PCs), then what Linux and macOS have.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun")

ACCENT = "#b3261e"  # the red of official documents, used sparingly
INK, GREY = QColor("#111827"), QColor("#6b7280")

NAV_SHEET = f"""
QListWidget {{ background: #f3f4f6; border: none; border-right: 1px solid #dcdfe4; outline: 0; }}
QListWidget::item {{ padding-left: 18px; border-left: 3px solid transparent; color: #1f2937; }}
QListWidget::item:selected {{ background: #ffffff; border-left: 3px solid {ACCENT}; color: {ACCENT}; }}
QListWidget::item:hover:!selected {{ background: #e9ebef; }}
"""
APP_TITLE_SHEET = f"font-weight: bold; color: {ACCENT}; padding: 14px 18px 10px 18px; background: #f3f4f6;"
FIGURES_SHEET = "QFrame#figures { background: #f9fafb; border: 1px solid #e5e7eb; border-radius: 4px; }"
DETAIL_SHEET = "QTextBrowser { background: #fcfcfd; border: 1px solid #e5e7eb; }"

# objectName -> (point size or None, bold, colour): labels that look like what they are
_LABELS = {"pageTitle": (15.0, True, INK), "note": (None, False, GREY), "figureValue": (16.0, True, INK),
           "figureLabel": (None, False, GREY), "calendarRange": (12.0, True, None)}
# tables and lists: light rules, a light blue chosen row, flat headers (a sheet on each view, not on the program)
VIEW_SHEET = """
QTableView { gridline-color: #e5e7eb; selection-background-color: #dbeafe; selection-color: #111827; }
QHeaderView::section { background: #f3f4f6; border: none; border-right: 1px solid #e5e7eb;
                       border-bottom: 1px solid #d1d5db; padding: 4px 6px; }
"""


class OfficeStyle(QProxyStyle):
    """Fusion with the program's looks, given once as each widget is polished: titles and notes by their
    names, tables and lists by a sheet of their own. Only polish is overridden: a style's other calls come
    thousands of times a second, and each one overridden in Python would cost more than the sheet did."""

    def polish(self, target):
        if isinstance(target, QWidget):
            _dress(target)
        return super().polish(target)


def _dress(widget: QWidget) -> None:
    look = _LABELS.get(widget.objectName())
    if look is not None:
        size, bold, colour = look
        font = QFont(widget.font())
        if size:
            font.setPointSizeF(size)
        font.setBold(bold)
        widget.setFont(font)
        if colour is not None:
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            palette.setColor(QPalette.ColorRole.Text, colour)
            widget.setPalette(palette)
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and not widget.styleSheet():
        widget.setStyleSheet(VIEW_SHEET)  # polishes the view again, with its header


def ui_font() -> QFont:
    families = set(QFontDatabase.families())
    font = QApplication.font()
    available = [name for name in UI_FONTS if name in families]
    if available:
        font.setFamilies(available)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    return font


def install_translations(app: QApplication) -> None:
    """Qt's own dialogs (file dialogs, message-box buttons) in Chinese."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(resource_file("translations"))]
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)


def apply_style(app: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.setStyle(OfficeStyle(QStyleFactory.create("Fusion")))
    app.setFont(ui_font())
    install_translations(app)
