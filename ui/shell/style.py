"""The application's look: Fusion style, a Chinese UI font, Qt's own Chinese translations, a calm sheet."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.config import resource_file

# Windows first (the office PCs), then what Linux and macOS have.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun")

ACCENT = "#b3261e"  # the red of official documents, used sparingly

SHEET = f"""
QListWidget#nav {{ background: #f3f4f6; border: none; border-right: 1px solid #dcdfe4; outline: 0; }}
QListWidget#nav::item {{ padding-left: 18px; border-left: 3px solid transparent; color: #1f2937; }}
QListWidget#nav::item:selected {{ background: #ffffff; border-left: 3px solid {ACCENT}; color: {ACCENT}; }}
QListWidget#nav::item:hover:!selected {{ background: #e9ebef; }}
QLabel#appTitle {{ font-weight: bold; color: {ACCENT}; padding: 14px 18px 10px 18px; background: #f3f4f6; }}
QLabel#pageTitle {{ font-size: 15pt; font-weight: bold; color: #111827; }}
QLabel#note {{ color: #6b7280; }}
QFrame#figures {{ background: #f9fafb; border: 1px solid #e5e7eb; border-radius: 4px; }}
QLabel#figureValue {{ font-size: 16pt; font-weight: bold; color: #111827; }}
QLabel#figureLabel {{ color: #6b7280; }}
QTableView {{ gridline-color: #e5e7eb; selection-background-color: #dbeafe; selection-color: #111827; }}
QHeaderView::section {{ background: #f3f4f6; border: none; border-right: 1px solid #e5e7eb;
                        border-bottom: 1px solid #d1d5db; padding: 4px 6px; }}
QLabel#calendarRange {{ font-weight: bold; font-size: 12pt; }}
QTextBrowser#detail {{ background: #fcfcfd; border: 1px solid #e5e7eb; }}
"""


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
    app.setStyle("Fusion")
    app.setFont(ui_font())
    app.setStyleSheet(SHEET)
    install_translations(app)
