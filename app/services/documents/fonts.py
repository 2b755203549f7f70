"""Finding the fonts official documents use (仿宋, 黑体, 楷体, 宋体, 小标宋) and registering them with reportlab.

Each role takes the first font found on this PC, else the next style the standard allows, else the
TrueType font shipped in resources/fonts/. Any character a role's font lacks is drawn from another
loaded font that has it (FontSet.font_for, the same search the check before printing makes: see glyphs.py);
only a character missing from every font stops printing.
"""
from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.config import resource_file, user_data_dir

BUNDLED = ("wqy-microhei.ttc", 0)
BUNDLED_LABEL = "文泉驿微米黑（随软件附带）"

# (style, file names as Windows, macOS and Linux name them, collection index)
XIAOBIAOSONG = ("方正小标宋", ("fzxbsjw.ttf", "fzxbsk.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf",
                               "fzxiaobiaosong-b05s.ttf"))
FANGSONG = ("仿宋", ("simfang.ttf", "fangsong.ttf", "仿宋_gb2312.ttf", "fs_gb2312.ttf", "fzfsk.ttf",
                     "stfangso.ttf", "华文仿宋.ttf"))
HEITI = ("黑体", ("simhei.ttf", "fzhtk.ttf", "stheiti medium.ttc", "stxihei.ttf", "wqy-zenhei.ttc",
                  "wqy-microhei.ttc"))
KAITI = ("楷体", ("simkai.ttf", "kaiti.ttf", "楷体_gb2312.ttf", "kai_gb2312.ttf", "fzktk.ttf", "stkaiti.ttf",
                  "华文楷体.ttf", "ukai.ttc", "lxgwwenkai-regular.ttf"))
SONGTI = ("宋体", ("simsun.ttc", "simsun.ttf", "stsong.ttf", "华文宋体.ttf", "uming.ttc"))
EXTENSION_B = ("宋体-方正超大字符集", ("simsunb.ttf", "simsun-extb.ttf", "mingliub.ttc", "hanazonominb.ttf"))

# The standard's choice for each role, then what it allows instead.
ROLES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "title": (XIAOBIAOSONG, HEITI, SONGTI),
    "body": (FANGSONG, SONGTI),
    "heading": (HEITI,),
    "kai": (KAITI, FANGSONG),
    "song": (SONGTI,),
}
ROLE_LABELS = {"title": "标题（2号小标宋）", "body": "正文（3号仿宋）", "heading": "一级标题（黑体）",
               "kai": "二级标题（楷体）", "song": "页码（4号宋体）"}
ROLE_NAMES = {"title": "标题", "body": "正文", "heading": "一级标题", "kai": "二级标题", "song": "页码"}
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


@dataclass
class LoadedFont:
    name: str  # the name registered with reportlab
    style: str  # 仿宋, 黑体 ... or the bundled font's label
    path: Path
    chars: frozenset[str] = field(repr=False, default=frozenset())

    def covers(self, text: str) -> bool:
        return self.chars.issuperset(text)


@dataclass
class FontSet:
    roles: dict[str, LoadedFont]
    fallbacks: list[LoadedFont]  # tried in order for characters a role's font lacks
    notes: list[str]  # what the settings page and the print command tell the user (substitutions, failures)

    def font(self, role: str) -> LoadedFont:
        return self.roles[role]

    def search_order(self, font: LoadedFont) -> list[LoadedFont]:
        """Where a character font lacks is looked for: 宋体 (which has Extension A on Windows), the fallbacks,
        then the other roles' fonts; together every loaded font, so what the check finds is drawn."""
        order: dict[str, LoadedFont] = {font.name: font}
        for other in [self.roles["song"], *self.fallbacks, *self.roles.values()]:
            order.setdefault(other.name, other)
        return list(order.values())

    def font_for(self, char: str, font: LoadedFont) -> LoadedFont | None:
        """The font a character is drawn in, in text set in font: font itself if it has it, else the first of
        search_order that does; None when no font has it (the check reports it)."""
        return next((other for other in self.search_order(font) if char in other.chars), None)

    @cached_property
    def known(self) -> frozenset[str]:
        """Every character some font here can draw."""
        return frozenset().union(*(font.chars for font in self.all_fonts()))

    def all_fonts(self) -> list[LoadedFont]:
        seen: dict[str, LoadedFont] = {}
        for font in [*self.roles.values(), *self.fallbacks]:
            seen.setdefault(font.name, font)
        return list(seen.values())


def system_font_dirs() -> list[Path]:
    """Where this PC keeps fonts, the user's own first; the app's fonts folder lets an office add 小标宋."""
    home = Path.home()
    dirs = [user_data_dir() / "fonts"]
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA")
        dirs += [windows / "Fonts"] + ([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else [])
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/Library/Fonts/Microsoft"),
                 Path("/System/Library/Fonts/Supplemental"), Path("/System/Library/Fonts")]
    else:
        dirs += [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
                 Path("/usr/share/fonts")]
    return dirs


def index_fonts(dirs: list[Path]) -> dict[str, Path]:
    """Every font file under dirs by its lower-case file name; the first folder listed wins."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(_FONT_SUFFIXES):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


class _Loader:
    """Registers each font file once per process and remembers which ones reportlab cannot use."""

    def __init__(self):
        self.loaded: dict[tuple[Path, int], LoadedFont | None] = {}
        self.failures: dict[tuple[Path, int], str] = {}

    def load(self, path: Path, style: str, index: int = 0) -> LoadedFont | None:
        key = (path, index)
        if key not in self.loaded:
            self.loaded[key] = self._register(path, style, index)
        return self.loaded[key]

    def _register(self, path: Path, style: str, index: int) -> LoadedFont | None:
        name = f"TD{len(self.loaded)}-{path.stem}-{index}".replace(" ", "_")
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except Exception as error:  # CFF outlines, a damaged file: reportlab says why, we use another
            self.failures[(path, index)] = f"{path.name}：{error}"
            return None
        pdfmetrics.registerFont(font)
        return LoadedFont(name, style, path, frozenset(map(chr, font.face.charToGlyph)))


_loader = _Loader()
_lock = threading.Lock()
_cache: dict[tuple[str, ...], FontSet] = {}


def bundled_font() -> LoadedFont:
    path = resource_file("fonts", BUNDLED[0])
    font = _loader.load(path, BUNDLED_LABEL, BUNDLED[1])
    if font is None:
        raise RuntimeError(f"随软件附带的字体无法读取：{path}")
    return font


def font_set(dirs: list[Path] | None = None) -> FontSet:
    """The fonts for official documents on this PC (found once, then cached)."""
    dirs = system_font_dirs() if dirs is None else dirs
    key = tuple(str(d) for d in dirs)
    with _lock:
        if key not in _cache:
            _cache[key] = _discover(index_fonts(dirs))
        return _cache[key]


def _discover(index: dict[str, Path]) -> FontSet:
    bundled = bundled_font()
    roles, notes, skipped = {}, [], {}
    for role, choices in ROLES.items():
        roles[role] = _first(index, choices, skipped) or bundled
        if roles[role].style != choices[0][0]:
            notes.append(substitution_note(role, choices[0][0], roles[role].style))
    extension_b = _first(index, (EXTENSION_B,), skipped)
    fallbacks = [bundled] + ([extension_b] if extension_b else [])
    notes += [f"字体无法使用（已跳过）：{reason}" for reason in skipped.values()]
    return FontSet(roles, fallbacks, notes)


def substitution_note(role: str, wanted: str, used: str) -> str:
    """标题用黑体代替方正小标宋: one line of the settings dialog's font page and of the print command's output."""
    return f"{ROLE_NAMES[role]}用{used}代替{wanted}"


def _first(index: dict[str, Path], choices, skipped: dict) -> LoadedFont | None:
    """The first of the choices this PC has and reportlab can read; those it cannot go into skipped."""
    for style, names in choices:
        for file_name in names:
            path = index.get(file_name)
            font = _loader.load(path, style) if path else None
            if font is not None:
                return font
            if path and (path, 0) in _loader.failures:
                skipped[path] = _loader.failures[(path, 0)]
    return None


def clear_cache() -> None:
    """Forget what was found (after the user adds a font to the fonts folder)."""
    with _lock:
        _cache.clear()
