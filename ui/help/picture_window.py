"""A picture of the manual at full size: the manual shrinks its pictures to the width of its view, which
at 150% makes a window's buttons hard to read; a click on a picture shows it pixel for pixel."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


class PictureWindow(QScrollArea):
    def __init__(self, image: QImage, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{title}（单击或按 Esc 关闭）")
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())  # one pixel of the file on one pixel of the screen
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(pixmap)
        self.setWidget(self.picture)
        self.setWidgetResizable(True)
        room = self.screen().availableGeometry()
        wanted = pixmap.deviceIndependentSize().toSize()
        edge = 2 * self.frameWidth() + 2
        self.resize(min(wanted.width() + edge, room.width() - 20), min(wanted.height() + edge, room.height() - 60))
        self.move(room.center() - self.rect().center())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.close()
        super().mouseReleaseEvent(event)
