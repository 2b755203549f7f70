"""The calendar's colours: one per class kind (as on the legend), and the marks for conflicts and days."""
from __future__ import annotations

from PySide6.QtGui import QColor

from app.domain import vocab

# In the order of vocab class_kinds: 主体班, 专题班, 进修班, 研讨班, 轮训班, 初任培训, 任职培训, 专门业务培训, 在职培训;
# no red, which marks conflicts and holidays.
_KIND_COLORS = ("#1d4ed8", "#047857", "#7c3aed", "#c2410c", "#0e7490", "#a21caf", "#4d7c0f", "#92400e", "#475569")
OTHER = QColor("#6b7280")
CONFLICT = QColor("#dc2626")
HOLIDAY_TEXT = QColor("#b91c1c")
HOLIDAY_BACKGROUND = QColor("#fef2f2")
WORKDAY_TEXT = QColor("#1f2937")
WEEKEND_BACKGROUND = QColor("#f9fafb")
OUTSIDE_BACKGROUND = QColor("#f3f4f6")
TODAY = QColor("#b3261e")
GRID = QColor("#e5e7eb")
TEXT = QColor("#111827")
MUTED = QColor("#9ca3af")
SELECTED = QColor("#111827")


def kind_color(kind: str) -> QColor:
    kinds = vocab.words("class_kinds")
    return QColor(_KIND_COLORS[kinds.index(kind) % len(_KIND_COLORS)]) if kind in kinds else OTHER


def planned_color(color: QColor) -> QColor:
    """Periods still 筹备 are drawn paler: dates not yet announced."""
    pale = QColor(color)
    pale.setAlpha(150)
    return pale


def away_color(count: int, most: int) -> QColor:
    """The year overview's shading: white for nobody away, deeper blue for more trainees away."""
    if count <= 0 or most <= 0:
        return QColor("#ffffff")
    share = min(count / most, 1.0)
    light, dark = QColor("#dbeafe"), QColor("#1e40af")
    mix = 0.15 + 0.85 * share
    return QColor(int(light.red() + (dark.red() - light.red()) * mix), int(light.green() + (dark.green() - light.green()) * mix),
                  int(light.blue() + (dark.blue() - light.blue()) * mix))
