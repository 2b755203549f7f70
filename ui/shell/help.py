"""帮助: open_help(parent, topic) shows the user manual at the section for a topic (a page's key such as
"plans", "periods", "roster" or "import"). The manual and its window land separately (issue 16's help
part); until then this says where the manual will be."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.common import messages


def open_help(parent: QWidget | None, topic: str) -> None:
    messages.info(parent, "帮助", f"使用手册即将随新版本提供（本页：{topic}）。")
