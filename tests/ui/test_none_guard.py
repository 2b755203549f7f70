"""PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call; the guard keeps the
window painting for good (ui/none_guard.py)."""
import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ui.shell.none_guard import keep_none_alive


def test_a_hundred_thousand_painter_calls_do_not_kill_none(qapp):
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color, rect = QColor("#ffffff"), QRectF(0, 0, 5, 5)
    for _ in range(100_000):
        painter.fillRect(rect, color)
    painter.end()
    assert sys.getrefcount(None) > 1_000_000 or sys.version_info >= (3, 12)


def test_the_guard_can_run_twice(qapp):
    before = sys.getrefcount(None)
    keep_none_alive()
    assert sys.getrefcount(None) - before < 1_000_000
