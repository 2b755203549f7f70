"""What the returned questionnaires say: per period (how many came back, the satisfaction rate over every
scored answer, each question's average, rate and count per option, the comments), per session (内容 and 授课)
and per lecturer, and for a year per period and per class, a period below its threshold flagged. The lecturer
pool and the course library show each lecturer's and topic's figures over every period."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.domain.evaluation import Figures
from app.domain.teaching_records import SessionRow
from app.services.evaluation.forms import Line, PeriodForm, period_form
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database


@dataclass
class QuestionResult:
    line: Line
    figures: Figures
    counts: dict[float, int]  # score -> answers
    scale: str = scales.THREE

    @property
    def label(self) -> str:
        return self.line.label

    @property
    def counts_text(self) -> str:
        """满意20　基本满意6　不满意4"""
        return "　".join(f"{scales.score_word(self.scale, score)}{n}" for score, n in self.counts.items())


@dataclass
class SessionResult:
    session: SessionRow
    content: Figures
    teaching: Figures

    @property
    def both(self) -> Figures:
        return self.content + self.teaching


@dataclass
class LecturerResult:
    name: str
    lecturer_id: int | None
    sessions: int
    figures: Figures


@dataclass
class PeriodResults:
    form: PeriodForm
    responses: int
    overall: Figures
    questions: list[QuestionResult]  # the score questions
    sessions: list[SessionResult]
    lecturers: list[LecturerResult]
    comments: list[tuple[str, str]] = field(default_factory=list)  # (question, words)

    @property
    def scale(self) -> str:
        return self.form.scale

    @property
    def threshold(self) -> float:
        return self.form.evaluation.threshold

    @property
    def below(self) -> bool:
        return self.overall.rate is not None and self.overall.rate < self.threshold

    @property
    def flag_text(self) -> str:
        if self.overall.rate is None:
            return "尚未收回问卷" if not self.responses else "没有评分"
        word = "低于" if self.below else "达到"
        return f"满意率{scales.percent(self.overall.rate)}，{word}警戒线{self.threshold:.0%}"


def period_results(db: Database, period_id: int) -> PeriodResults:
    """The period's results (an evaluation not yet issued has none, and says so)."""
    tables.periods(db).get(period_id)
    if store.evaluation_of_period(db, period_id) is None:
        raise UserError("本期还没有发放评估问卷，没有评估结果")
    form = period_form(db, period_id, issue=False)
    scale = form.scale
    answers = store.answers(db, form.evaluation.id)
    by_line: dict[str, list[float]] = {}
    comments = []
    items = {item.id: item for item in form.items}
    for a in answers:
        item = items.get(a.item_id)
        if item is None:
            continue
        if item.kind == "text":
            if a.answer:
                comments.append((item.text, a.answer))
            continue
        if a.score is None:
            continue
        key = f"{a.item_id}:{a.session_id}:{a.aspect}" if item.kind == "sessions" else str(a.item_id)
        by_line.setdefault(key, []).append(a.score)
    lines = form.lines
    questions = [QuestionResult(line, scales.figures(scale, by_line.get(line.key, [])),
                                _counts(scale, by_line.get(line.key, [])), scale)
                 for line in lines if line.item.kind == "score"]
    sessions = []
    for s in form.sessions:
        content = [v for line in lines if line.session is s and line.aspect == "内容" for v in by_line.get(line.key, [])]
        teaching = [v for line in lines if line.session is s and line.aspect == "授课" for v in by_line.get(line.key, [])]
        sessions.append(SessionResult(s, scales.figures(scale, content), scales.figures(scale, teaching)))
    overall = scales.figures(scale, [v for values in by_line.values() for v in values])
    return PeriodResults(form, store.response_count(db, form.evaluation.id), overall, questions, sessions,
                         _lecturers(sessions), comments)


def _counts(scale: str, scores: list[float]) -> dict[float, int]:
    return {value: sum(1 for s in scores if s == value) for _, value in scales.option_scores(scale)}


def _lecturers(sessions: list[SessionResult]) -> list[LecturerResult]:
    found: dict[tuple, LecturerResult] = {}
    for result in sessions:
        s = result.session
        if not s.lecturer:
            continue
        key = (s.lecturer_id, s.lecturer if s.lecturer_id is None else "")
        entry = found.setdefault(key, LecturerResult(s.lecturer, s.lecturer_id, 0, Figures()))
        entry.sessions += 1
        entry.figures = entry.figures + result.both
    return sorted(found.values(), key=lambda e: -(e.figures.rate or 0))


@dataclass
class YearLine:
    period_id: int
    class_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    responses: int
    threshold: float
    figures: Figures

    @property
    def title(self) -> str:
        return f"{self.class_name}第{self.number}期"

    @property
    def below(self) -> bool:
        return self.figures.rate is not None and self.figures.rate < self.threshold


@dataclass
class ClassLine:
    class_id: int
    class_name: str
    periods: int
    responses: int
    figures: Figures
    below: int  # periods below their threshold


@dataclass
class YearResults:
    year: int
    periods: list[YearLine]
    classes: list[ClassLine]
    figures: Figures

    @property
    def below(self) -> list[YearLine]:
        return [line for line in self.periods if line.below]


def year_results(db: Database, year: int) -> YearResults:
    found = store.year_evaluations(db, year)
    scores = store.scores_of_evaluations(db, [e.evaluation_id for e in found])
    lines = [YearLine(e.period_id, e.class_id, e.class_name, e.number, e.start_date, e.end_date, e.responses,
                      e.threshold, scales.figures(e.scale, scores.get(e.evaluation_id, []))) for e in found]
    classes: dict[int, ClassLine] = {}
    for line in lines:
        entry = classes.setdefault(line.class_id, ClassLine(line.class_id, line.class_name, 0, 0, Figures(), 0))
        entry.periods += 1
        entry.responses += line.responses
        entry.figures = entry.figures + line.figures
        entry.below += line.below
    total = sum((line.figures for line in lines), Figures())
    return YearResults(year, lines, list(classes.values()), total)


def years(db: Database) -> list[int]:
    """The years with evaluations, newest first."""
    return store.evaluation_years(db)


@dataclass
class PoolFigures:
    """A lecturer's or a topic's scores over every period: rate, average, sessions scored, answers."""
    figures: Figures
    sessions: int

    @property
    def text(self) -> str:
        if not self.figures.count:
            return ""
        return f"{scales.percent(self.figures.rate)}（{self.sessions}次课）"


def _pool(db: Database, by: str) -> dict:
    found = store.session_scores_by(db, by, {scale: scales.satisfied_from(scale) for scale in scales.SCALES})
    return {g.key: PoolFigures(Figures(g.count, g.satisfied, g.total), g.sessions) for g in found}


def lecturer_figures(db: Database) -> dict[int, PoolFigures]:
    """Pool lecturer id -> their sessions' scores (内容 and 授课) over every period."""
    return _pool(db, "lecturer")


def topic_figures(db: Database) -> dict[str, PoolFigures]:
    """Topic -> its sessions' scores over every period (the course library)."""
    return _pool(db, "topic")
