"""Finding the fonts official documents use (仿宋, 黑体, 楷体, 宋体, 小标宋) and registering them with reportlab.

Each role takes the first font found on this PC, else the next style the standard allows, else the
TrueType font shipped in resources/fonts/. Any character a role's font lacks is drawn from another
loaded font that has it (FontSet.font_for, the same search the check before printing makes: see glyphs.py);
only a character missing from every font stops printing.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
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

# (style, file names as Windows, macOS and Linux name them). The cesi_* files are the standard fonts
# 统信UOS and 银河麒麟 ship (中国电子技术标准化研究院), in GB2312, GB13000 and GB18030 coverage.
XIAOBIAOSONG = ("方正小标宋", ("fzxbsjw.ttf", "fzxbsk.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf",
                               "fzxiaobiaosong-b05s.ttf", "cesi_xbs_gb18030.ttf", "cesi_xbs_gb13000.ttf",
                               "cesi_xbs_gb2312.ttf"))
FANGSONG = ("仿宋", ("simfang.ttf", "fangsong.ttf", "仿宋_gb2312.ttf", "fs_gb2312.ttf", "fzfsk.ttf",
                     "stfangso.ttf", "华文仿宋.ttf", "cesi_fs_gb18030.ttf", "cesi_fs_gb13000.ttf", "cesi_fs_gb2312.ttf"))
HEITI = ("黑体", ("simhei.ttf", "fzhtk.ttf", "stheiti medium.ttc", "stxihei.ttf", "cesi_ht_gb18030.ttf",
                  "cesi_ht_gb13000.ttf", "cesi_ht_gb2312.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc"))
KAITI = ("楷体", ("simkai.ttf", "kaiti.ttf", "楷体_gb2312.ttf", "kai_gb2312.ttf", "fzktk.ttf", "stkaiti.ttf",
                  "华文楷体.ttf", "cesi_kt_gb18030.ttf", "cesi_kt_gb13000.ttf", "cesi_kt_gb2312.ttf", "ukai.ttc",
                  "lxgwwenkai-regular.ttf"))
SONGTI = ("宋体", ("simsun.ttc", "simsun.ttf", "stsong.ttf", "华文宋体.ttf", "fzssk.ttf", "cesi_ss_gb18030.ttf",
                   "cesi_ss_gb13000.ttf", "cesi_ss_gb2312.ttf", "uming.ttc"))
EXTENSION_B = ("宋体-方正超大字符集", ("simsunb.ttf", "simsun-extb.ttf", "mingliub.ttc", "hanazonominb.ttf"))
# The family names fontconfig reports for each style, so a font installed under a file name not listed
# above (by WPS, a font package, or the user) is still found on Linux.
FAMILIES = {
    "方正小标宋": ("方正小标宋简体", "方正小标宋_gbk", "fzxiaobiaosong-b05s", "fzxiaobiaosong-b05",
                "cesi小标宋-gb18030", "cesi小标宋-gb13000", "cesi小标宋-gb2312"),
    "仿宋": ("仿宋", "仿宋_gb2312", "fangsong", "fangsong_gb2312", "方正仿宋_gbk", "fzfangsong-z02",
           "cesi仿宋-gb18030", "cesi仿宋-gb13000", "cesi仿宋-gb2312"),
    "黑体": ("黑体", "simhei", "方正黑体_gbk", "fzheiti-b01", "cesi黑体-gb18030", "cesi黑体-gb13000", "cesi黑体-gb2312"),
    "楷体": ("楷体", "楷体_gb2312", "kaiti", "kaiti_gb2312", "方正楷体_gbk", "fzkai-z03", "cesi楷体-gb18030",
           "cesi楷体-gb13000", "cesi楷体-gb2312"),
    "宋体": ("宋体", "simsun", "nsimsun", "方正书宋_gbk", "fzshusong-z01", "cesi宋体-gb18030", "cesi宋体-gb13000",
           "cesi宋体-gb2312"),
}

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
# Many Linux desktops have only these CJK fonts; their CFF outlines cannot be embedded by reportlab.
_CFF_FAMILIES = re.compile(r"noto (sans|serif)( mono)? cjk|source han|思源")


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
    else:  # with WPS for Linux's own fonts folder, where its font packages put 方正 fonts
        data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        dirs += [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts"),
                 Path("/opt/kingsoft/wps-office/office6/fonts")]
    return dirs


def fontconfig_fonts() -> dict[str, tuple[Path, int]]:
    """Every font fontconfig knows, by each of its family names in lower case, with its collection index;
    empty where there is no fontconfig (Windows) or it fails."""
    if sys.platform == "win32" or shutil.which("fc-list") is None:
        return {}
    env = dict(os.environ)
    # a frozen build points LD_LIBRARY_PATH at its own libraries; fc-list wants the system's
    if "LD_LIBRARY_PATH_ORIG" in env:
        env["LD_LIBRARY_PATH"] = env["LD_LIBRARY_PATH_ORIG"]
    elif getattr(sys, "frozen", False):
        env.pop("LD_LIBRARY_PATH", None)
    try:
        listing = subprocess.run(["fc-list", "--format", "%{file}\t%{family}\t%{index}\n"], capture_output=True,
                                 text=True, encoding="utf-8", errors="replace", timeout=15, env=env).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_fc_list(listing)


def parse_fc_list(listing: str) -> dict[str, tuple[Path, int]]:
    found: dict[str, tuple[Path, int]] = {}
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip().isdigit():
            continue
        for family in parts[1].split(","):
            found.setdefault(family.strip().lower(), (Path(parts[0]), int(parts[2])))
    return found


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
    system = dirs is None  # the PC's own fonts: its folders, and fontconfig's families
    dirs = system_font_dirs() if system else dirs
    key = (system, *(str(d) for d in dirs))
    with _lock:
        if key not in _cache:
            _cache[key] = _discover(index_fonts(dirs), fontconfig_fonts() if system else {})
        return _cache[key]


def _discover(index: dict[str, Path], families: dict[str, tuple[Path, int]]) -> FontSet:
    bundled = bundled_font()
    roles, notes, skipped = {}, [], {}
    for role, choices in ROLES.items():
        roles[role] = _first(index, choices, skipped, families) or bundled
        if roles[role].style != choices[0][0]:
            notes.append(substitution_note(role, choices[0][0], roles[role].style))
    extension_b = _first(index, (EXTENSION_B,), skipped)
    fallbacks = [bundled] + ([extension_b] if extension_b else [])
    notes += [f"字体无法使用（已跳过）：{reason}" for reason in skipped.values()]
    if cff := sorted({path.name for family, (path, _) in families.items() if _CFF_FAMILIES.search(family)}):
        notes.append(f"本机的{'、'.join(cff[:3])}等思源/Noto CJK字体是CFF轮廓，无法嵌入PDF，未使用")
    return FontSet(roles, fallbacks, notes)


def substitution_note(role: str, wanted: str, used: str) -> str:
    """标题用黑体代替方正小标宋: one line of the settings dialog's font page and of the print command's output."""
    return f"{ROLE_NAMES[role]}用{used}代替{wanted}"


def _first(index: dict[str, Path], choices, skipped: dict,
           families: dict[str, tuple[Path, int]] | None = None) -> LoadedFont | None:
    """The first of the choices this PC has and reportlab can read, by file name, then by family name;
    those it cannot read (CFF outlines, damaged files) go into skipped."""
    for style, names in choices:
        places = [(index[name], 0) for name in names if name in index]
        places += [families[family] for family in FAMILIES.get(style, ()) if family in (families or {})]
        for path, number in places:
            font = _loader.load(path, style, number)
            if font is not None:
                return font
            if (path, number) in _loader.failures:
                skipped[path] = _loader.failures[(path, number)]
    return None


def clear_cache() -> None:
    """Forget what was found (after the user adds a font to the fonts folder)."""
    with _lock:
        _cache.clear()
