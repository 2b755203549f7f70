"""Lecture fees (讲课费): the rates per 学时 by title (settings), each session's paid 学时 (a half-day counts at
most 4 for pay), leaders unpaid, a session's own rate first; the 讲课费发放表 of a period and of a lecturer's year.

Defaults follow the central training-fee rules (《中央和国家机关培训费管理办法》, 财行〔2016〕540号): 副高级
up to 500 元 per 学时, 正高级 up to 1,000, 院士 and nationally known experts up to 1,500. The rules name no
figure for 中级 and below; 300 and 200 are what the provinces that extended the table downwards commonly
allow, and both are settings.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.domain import teaching
from app.domain.errors import ValidationError
from app.domain.teaching_records import SessionRow
from app.domain.validation import Errors
from app.services import roster, settings
from app.services.safety import audit
from app.services.teaching.timetable import with_hours
from app.storage import tables
from app.storage import teaching as store
from app.storage.connection import Database

SETTING_KEY = "lecture_fees"
DEFAULT_RATES = {"院士": 1500.0, "知名专家": 1500.0, "正高级": 1000.0, "副高级": 500.0, "中级": 300.0,
                 "其他": 200.0, "领导干部": 500.0}
MAX_RATE = 10000.0
MAX_CAP = 12.0
LEADER_UNPAID = "领导干部不付酬"


@dataclass(frozen=True)
class FeeRules:
    rates: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_RATES))  # by title, 元 per 学时
    half_day_cap: float = 4.0  # a lecturer's 学时 paid for one half-day at most
    leaders_unpaid: bool = True  # 领导干部 teaching (in their own system) are not paid

    def rate(self, title: str) -> float:
        return float(self.rates.get(title or "其他", self.rates.get("其他", 0.0)))


@dataclass
class FeeLine:
    """One session on the 讲课费发放表."""
    session: SessionRow
    period_label: str
    hours: float  # the session's 学时
    paid_hours: float  # after the half-day cap
    rate: float
    amount: float
    note: str = ""

    @property
    def lecturer(self) -> str:
        return self.session.lecturer

    @property
    def title(self) -> str:
        return self.session.lecturer_title or ("" if self.session.lecturer_id else "未入库")


@dataclass
class FeeSheet:
    title: str
    lines: list[FeeLine]

    @property
    def total_hours(self) -> float:
        return round(sum(line.paid_hours for line in self.lines), 2)

    @property
    def total_amount(self) -> float:
        return round(sum(line.amount for line in self.lines), 2)


def fee_rules(db: Database) -> FeeRules:
    stored = settings.get(db, SETTING_KEY, {}) or {}
    defaults = FeeRules()
    rates = {**defaults.rates, **{k: float(v) for k, v in stored.get("rates", {}).items() if k in DEFAULT_RATES}}
    return FeeRules(rates, float(stored.get("half_day_cap", defaults.half_day_cap)),
                    bool(stored.get("leaders_unpaid", defaults.leaders_unpaid)))


def rules_errors(rules: FeeRules) -> Errors:
    errors: Errors = {}
    for title, rate in rules.rates.items():
        if title not in DEFAULT_RATES:
            errors[f"rate.{title}"] = f"没有“{title}”这一职称"
        elif not 0 <= rate <= MAX_RATE:
            errors[f"rate.{title}"] = f"{title}的标准应在0到{MAX_RATE:g}元之间"
    if not 0 < rules.half_day_cap <= MAX_CAP:
        errors["half_day_cap"] = f"半天计酬学时应大于0、不超过{MAX_CAP:g}"
    return errors


def save_fee_rules(db: Database, rules: FeeRules) -> None:
    if errors := rules_errors(rules):
        raise ValidationError(errors)
    value = {"rates": dict(rules.rates), "half_day_cap": rules.half_day_cap, "leaders_unpaid": rules.leaders_unpaid}
    with db.atomic():
        settings.put(db, SETTING_KEY, value)
        shown = "，".join(f"{title}{rate:g}元" for title, rate in rules.rates.items())
        audit.record(db, "修改讲课费标准", detail=f"{shown}；半天最多{rules.half_day_cap:g}学时；"
                                                 f"领导干部{'不' if rules.leaders_unpaid else ''}支付")


def fee_lines(sessions: list[SessionRow], rules: FeeRules, labels: dict[int, str]) -> list[FeeLine]:
    """A line for every session that has a lecturer, in the sessions' order. The cap is on one lecturer's
    half-day: what earlier sessions of the same half-day took is taken off first."""
    left: dict[tuple, float] = {}
    lines = []
    for s in sessions:
        if not s.lecturer:
            continue
        slot = (s.lecturer_id or s.lecturer, s.day, s.half)
        paid = round(min(s.credited_hours, left.setdefault(slot, rules.half_day_cap)), 2)
        left[slot] -= paid
        rate, note = _rate(s, rules)
        if paid < s.credited_hours:
            note = "；".join(filter(None, [note, f"半天最多计{rules.half_day_cap:g}学时"]))
        lines.append(FeeLine(s, labels.get(s.period_id, ""), s.credited_hours, paid, rate, round(paid * rate, 2), note))
    return lines


def _rate(session: SessionRow, rules: FeeRules) -> tuple[float, str]:
    if session.fee_rate is not None:
        return float(session.fee_rate), "按本节标准"
    if rules.leaders_unpaid and session.is_leader_lecture:
        return 0.0, LEADER_UNPAID
    return rules.rate(session.lecturer_title), ""


def period_sheet(db: Database, period_id: int) -> FeeSheet:
    period = roster.period_of(db, period_id)
    label = f"{period.class_name}第{period.number}期"
    sessions = with_hours(db, store.period_sessions(db, period_id))
    return FeeSheet(f"{label}讲课费发放表", fee_lines(sessions, fee_rules(db), {period_id: label}))


def lecturer_sheet(db: Database, lecturer_id: int, year: int) -> FeeSheet:
    lecturer = tables.lecturers(db).get(lecturer_id)
    sessions = lecturer_year_sessions(db, lecturer_id, year)
    return FeeSheet(f"{lecturer.name}{year}年讲课费发放表", fee_lines(sessions, fee_rules(db), period_labels(db, sessions)))


def lecturer_year_sessions(db: Database, lecturer_id: int, year: int) -> list[SessionRow]:
    """The lecturer's sessions of the year with their 学时 (counted within each period's timetable)."""
    own = store.lecturer_sessions(db, lecturer_id, f"{year}-01-01", f"{year}-12-31")
    periods = sorted({s.period_id for s in own})
    hours = {s.id: s.credited_hours for s in with_hours(db, store.sessions_of_periods(db, periods))}
    return [replace(s, credited_hours=hours[s.id]) for s in own]


def period_labels(db: Database, sessions: list[SessionRow]) -> dict[int, str]:
    labels = {}
    for period_id in {s.period_id for s in sessions}:
        period = roster.period_of(db, period_id)
        labels[period_id] = f"{period.class_name}第{period.number}期"
    return labels


def title_of(rules: FeeRules) -> list[tuple[str, float]]:
    """The rates in the order the settings dialog shows them."""
    return [(title, rules.rate(title)) for title in teaching.TITLES]
