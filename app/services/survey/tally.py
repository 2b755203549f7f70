"""The survey's tally (需求调研汇总): topics ranked by demand (people, then units asking), the months preferred,
the demand per unit and per cadre category, and the units that did not return the form; as JSON for the
command line and as a workbook for the office.

A request is one unit's row for one topic: its people are the sum over the cadre categories, its months the
first and second month the unit chose. A month's count is the requests naming it (and their people); a topic a
unit wrote in itself is ranked with the listed ones, marked 单位自填, units writing the same words counted
together."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.quality_records import NeedsSurvey
from app.domain.survey import MONTHS, categories, months_of, topic_key
from app.services import units as unit_service
from app.services.survey.surveys import survey_for, topics
from app.storage import survey as queries
from app.storage.connection import Database
from app.storage.survey import ReturnLine

ADDED = "单位自填"


@dataclass
class TopicDemand:
    topic: str
    topic_id: int | None
    order: int  # the survey's order; unit-added topics after the listed ones
    people: int = 0
    units: set[int] = field(default_factory=set)
    by_category: dict[str, int] = field(default_factory=dict)
    months: dict[int, int] = field(default_factory=dict)  # month -> requests naming it
    rank: int = 0

    @property
    def added(self) -> bool:
        return self.topic_id is None

    @property
    def top_months(self) -> list[int]:
        """The months most asked for, most first (at most three)."""
        return [m for m, _ in sorted(self.months.items(), key=lambda i: (-i[1], i[0]))][:3]


@dataclass
class MonthDemand:
    month: int
    requests: int = 0
    people: int = 0


@dataclass
class UnitDemand:
    unit_id: int
    unit_name: str
    topics: int = 0
    people: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    line: ReturnLine | None = None


@dataclass
class CategoryDemand:
    category: str
    people: int = 0
    units: set[int] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)


@dataclass
class Tally:
    survey: NeedsSurvey
    topics: list[TopicDemand]  # ranked
    months: list[MonthDemand]  # 1 to 12
    units: list[UnitDemand]  # units that returned, in the units' order
    categories: list[CategoryDemand]  # the office's order
    not_returned: list[str]
    unit_count: int  # units in the list

    @property
    def returned(self) -> int:
        return len(self.units)

    @property
    def people(self) -> int:
        return sum(u.people for u in self.units)

    @property
    def requests(self) -> int:
        return sum(u.topics for u in self.units)

    def summary(self) -> str:
        return (f"{self.survey.year}年需求调研：{self.unit_count}个单位中{self.returned}个已报送，"
                f"{len(self.not_returned)}个未报送；共{self.requests}项需求，{self.people}人次")


def tally(db: Database, year: int) -> Tally:
    survey = survey_for(db, year)
    listed = topics(db, survey.id)
    demand: dict[object, TopicDemand] = {t.id: TopicDemand(t.topic, t.id, t.sort_order) for t in listed}
    months = {m: MonthDemand(m) for m in MONTHS}
    cats = {c: CategoryDemand(c) for c in categories()}
    returns = queries.returns(db, survey.id)
    by_unit = {r.unit_id: UnitDemand(r.unit_id, r.unit_name, line=r) for r in returns}
    requests: dict[tuple[int, object], tuple[TopicDemand, list[int], int]] = {}
    for answer in queries.answers(db, survey.id):
        key = answer.topic_id if answer.topic_id in demand else ("added", topic_key(answer.topic))
        if key not in demand:
            demand[key] = TopicDemand(answer.topic, None, 10_000 + len(demand))
        topic = demand[key]
        topic.people += answer.people
        topic.units.add(answer.unit_id)
        topic.by_category[answer.category] = topic.by_category.get(answer.category, 0) + answer.people
        category = cats.setdefault(answer.category, CategoryDemand(answer.category))
        category.people += answer.people
        category.units.add(answer.unit_id)
        category.topics.add(topic.topic)
        unit = by_unit[answer.unit_id]
        unit.people += answer.people
        unit.by_category[answer.category] = unit.by_category.get(answer.category, 0) + answer.people
        request = (answer.return_id, key)
        _, seen, people = requests.get(request, (topic, months_of(answer.months), 0))
        requests[request] = (topic, seen, people + answer.people)
    for (return_id, _), (topic, chosen, people) in requests.items():
        unit = next(u for u in by_unit.values() if u.line.id == return_id)
        unit.topics += 1
        for month in chosen:
            topic.months[month] = topic.months.get(month, 0) + 1
            months[month].requests += 1
            months[month].people += people
    ranked = sorted(demand.values(), key=lambda t: (-t.people, -len(t.units), t.order))
    for rank, topic in enumerate(ranked, start=1):
        topic.rank = rank
    known = unit_service.list_units(db)
    missing = [u.name for u in known if u.id not in by_unit]
    return Tally(survey, ranked, list(months.values()), list(by_unit.values()),
                 [c for c in cats.values() if c.people or c.category in categories()], missing, len(known))


def tally_json(found: Tally) -> dict:
    s = found.survey
    return {
        "year": s.year, "title": s.title, "deadline": s.deadline,
        "units": found.unit_count, "returned": found.returned, "requests": found.requests, "people": found.people,
        "topics": [{"rank": t.rank, "topic": t.topic, "topic_id": t.topic_id, "added_by_unit": t.added,
                    "people": t.people, "units": len(t.units), "categories": t.by_category,
                    "months": {str(m): n for m, n in sorted(t.months.items())}} for t in found.topics],
        "months": [{"month": m.month, "requests": m.requests, "people": m.people} for m in found.months],
        "categories": [{"category": c.category, "people": c.people, "units": len(c.units)} for c in found.categories],
        "by_unit": [{"unit_id": u.unit_id, "unit": u.unit_name, "topics": u.topics, "people": u.people,
                     "categories": u.by_category, "contact": u.line.contact, "received_on": u.line.received_on,
                     "source": u.line.source, "note": u.line.note, "comments": u.line.comments} for u in found.units],
        "not_returned": found.not_returned,
    }


def month_text(months: list[int]) -> str:
    return "、".join(f"{m}月" for m in months)


def topic_label(t: TopicDemand) -> str:
    return f"{t.topic}（{ADDED}）" if t.added else t.topic


def export_tally(found: Tally, path: str | Path) -> Path:
    """The tally as a workbook: one sheet each for the ranking, months, units, categories, the units that did not
    return, and the comments."""
    from app.services.exports.xlsx import XlsxColumn, add_table, new_workbook, save

    cats = categories()
    book = new_workbook()
    year = found.survey.year
    add_table(book, "专题排名", f"{year}年干部教育培训需求调研汇总：专题排名",
              [XlsxColumn("排名", 2.5, center=True), XlsxColumn("培训专题", 22), XlsxColumn("需求人数", 4, center=True),
               XlsxColumn("提出单位数", 5, center=True), *[XlsxColumn(c, 4.5, center=True) for c in cats],
               XlsxColumn("集中月份", 8)],
              ([t.rank, topic_label(t), t.people, len(t.units), *[t.by_category.get(c, 0) for c in cats],
                month_text(t.top_months)] for t in found.topics), subtitle=found.summary())
    add_table(book, "月份", f"{year}年需求调研：希望参训月份",
              [XlsxColumn("月份", 4, center=True), XlsxColumn("选择次数（单位×专题）", 10, center=True),
               XlsxColumn("涉及人数", 6, center=True)],
              ([f"{m.month}月", m.requests, m.people] for m in found.months))
    add_table(book, "各单位需求", f"{year}年需求调研：各单位需求",
              [XlsxColumn("单位", 12), XlsxColumn("专题数", 3.5, center=True), XlsxColumn("人数", 3.5, center=True),
               *[XlsxColumn(c, 4.5, center=True) for c in cats], XlsxColumn("联系人及电话", 10),
               XlsxColumn("导入日期", 5.5, center=True), XlsxColumn("说明", 14)],
              ([u.unit_name, u.topics, u.people, *[u.by_category.get(c, 0) for c in cats], u.line.contact,
                u.line.received_on, u.line.note] for u in found.units))
    add_table(book, "干部类别", f"{year}年需求调研：按干部类别",
              [XlsxColumn("干部类别", 10), XlsxColumn("需求人数", 5, center=True), XlsxColumn("单位数", 4, center=True)],
              ([c.category or "（未分类别）", c.people, len(c.units)] for c in found.categories))
    add_table(book, "未报送单位", f"{year}年需求调研：未报送的单位",
              [XlsxColumn("序号", 3, center=True), XlsxColumn("单位", 16)],
              ([i, name] for i, name in enumerate(found.not_returned, start=1)))
    add_table(book, "意见建议", f"{year}年需求调研：各单位的意见建议",
              [XlsxColumn("单位", 12), XlsxColumn("意见建议", 40)],
              ([u.unit_name, u.line.comments] for u in found.units if u.line.comments))
    return save(book, path)
