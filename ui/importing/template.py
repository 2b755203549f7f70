"""Saving the blank list template units fill in."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.errors import UserError
from app.services.importing.template import write_template
from ui.common import messages
from ui.common.files import XLSX_FILTER, ask_save_file


def download_template(parent: QWidget, title: str = "参训学员信息报送表") -> Path | None:
    """Asks where to save the blank template, then writes it."""
    path = ask_save_file(parent, "保存名单模板", f"{title}（模板）.xlsx", XLSX_FILTER)
    if path is None:
        return None
    try:
        saved = write_template(path, title)
    except UserError as problem:
        messages.error(parent, "未能保存模板", str(problem))
        return None
    messages.info(parent, "下载模板", f"模板已保存：\n{saved}\n\n请把它发给各单位填写；身份证号码一列已设为文本格式。")
    return saved
