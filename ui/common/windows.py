"""Windows that fit the screen they open on, and remember their place.

Every window and dialog takes its size from `fit_window` (a preferred size, clamped to the screen's free
area less the frame) or, when it can be large, from `remember_window` (the size and place it had last time,
clamped the same way: a window saved on a big monitor still opens whole on the 1366×768 office PC at 150%,
whose free area is about 910×470). Column widths are remembered per list by a stable name (splitters:
ui/common/splitters.py).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ui.common import settings

# What Windows adds around a window, in logical pixels: the borders and the title bar. The free area a
# screen reports includes them, so a window's own size must leave room for them.
FRAME = QSize(16, 39)


def free_area(window: QWidget) -> QRect:
    """The free area (without the taskbar) of the screen the window opens on."""
    parent = window.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    """The frame around the window: measured once it is shown, Windows' before."""
    if window.isVisible():
        frame, inner = window.frameGeometry().size(), window.size()
        measured = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        return measured.expandedTo(FRAME)
    return FRAME


def room(window: QWidget) -> QSize:
    """The largest size the window itself may take on its screen."""
    return free_area(window).size() - frame_extra(window)


def fit_window(window: QWidget, width: int, height: int) -> QSize:
    """Sizes the window to width×height (logical pixels), or less when the screen is smaller. Layouts inside
    must be able to shrink that far (scroll areas, splitters, elided text): a minimum larger than the screen
    wins over resize(), and the fit check (tests/fit_check.py) reports it."""
    space = room(window)
    size = QSize(min(width, space.width()), min(height, space.height()))
    window.resize(size)
    return size


class _Keeper(QObject):
    """Saves the window's place when it is hidden or closed."""

    def __init__(self, window: QWidget, key: str):
        super().__init__(window)
        self.key = key
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Close) and isinstance(watched, QWidget):
            save_place(watched, self.key)
        return False


def save_place(window: QWidget, key: str) -> None:
    rect = window.normalGeometry() if window.isMaximized() or window.isMinimized() else window.geometry()
    if rect.width() <= 0 or rect.height() <= 0:
        return
    frame = window.frameGeometry() if not (window.isMaximized() or window.isMinimized()) else rect
    settings.set_numbers(f"windows/{key}", [frame.x(), frame.y(), rect.width(), rect.height()])
    settings.set_flag(f"windows/{key}-maximized", window.isMaximized())


def remember_window(window: QWidget, key: str, width: int, height: int) -> bool:
    """Opens the window as it was last time (clamped to the screen), else at width×height, and keeps its
    size and place when it closes. True when it was placed as last time."""
    saved, place = settings.numbers(f"windows/{key}"), None
    if len(saved) == 4 and saved[2] > 0 and saved[3] > 0:
        size = fit_window(window, saved[2], saved[3])
        place = _place(window, QPoint(saved[0], saved[1]), size)
        if place is not None:
            window.move(place)
        else:  # its screen is gone (a monitor taken away): the middle of this one
            centre(window)
        if settings.flag(f"windows/{key}-maximized"):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        fit_window(window, width, height)
    _Keeper(window, key)
    return len(saved) == 4 and place is not None


def _place(window: QWidget, corner: QPoint, size: QSize) -> QPoint | None:
    """Where the saved corner puts the whole window on a screen, moved in as little as needed;
    None when no screen holds the corner any more."""
    screen = QGuiApplication.screenAt(corner + QPoint(FRAME.width(), FRAME.height()))
    if screen is None:
        return None
    area = screen.availableGeometry()
    whole = size + FRAME
    x = min(max(corner.x(), area.left()), area.right() + 1 - whole.width())
    y = min(max(corner.y(), area.top()), area.bottom() + 1 - whole.height())
    return QPoint(max(x, area.left()), max(y, area.top()))


def centre(window: QWidget) -> None:
    area = free_area(window)
    whole = window.size() + frame_extra(window)
    window.move(area.x() + (area.width() - whole.width()) // 2, area.y() + (area.height() - whole.height()) // 2)


def remember_columns(view: QAbstractItemView, key: str) -> None:
    """The list's column widths as the user left them (when the list has as many columns as then)."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    saved = settings.numbers(f"columns/{key}")
    if len(saved) == header.count():
        for section, size in enumerate(saved):
            if size > 0 and not (header.stretchLastSection() and section == header.count() - 1):
                header.resizeSection(section, size)

    def keep(*_):
        settings.set_numbers(f"columns/{key}", [header.sectionSize(i) for i in range(header.count())])
    header.sectionResized.connect(keep)
