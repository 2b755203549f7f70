"""The demo office's 2021 needs survey (需求调研, seed 000 item 21): made from the 2020 plans' themes, sent to
the units in August 2020 and returned by some of them in September (the others still missing on the demo's
today), through the import's own checks and writes: 县财政局 returned twice, and its second form replaced
the first with a note. A few units wrote in topics of their own and comments."""
from __future__ import annotations

import random
from pathlib import Path

from app.domain.survey import categories
from app.services import units as unit_service
from app.services.survey import importer, surveys
from app.services.survey.importer import SurveyFile, SurveyImport, TopicRequest
from app.storage.connection import Database

YEAR = 2021
DEADLINE = "2020年9月10日前"
# (date received, units returning that day); the units most cadres come from answer first
BATCHES = (("2020-09-03", ("县委办公室", "县政府办公室", "县财政局", "县教委", "县公安局", "县卫生健康委",
                           "县农业农村委", "县发展改革委")),
           ("2020-09-08", ("桃源街道", "凤鸣街道", "龙潭镇", "石桥镇", "县人力社保局", "县市场监管局")),
           ("2020-09-11", ("县财政局",)))
OWN_TOPICS = {"县卫生健康委": "公共卫生应急管理", "龙潭镇": "基层治理与矛盾纠纷化解", "石桥镇": "基层治理与矛盾纠纷化解",
              "县公安局": "网络安全与舆情应对"}
COMMENTS = {"县委办公室": "建议多安排现场教学和案例教学，每期不超过5天。",
            "龙潭镇": "乡镇干部工作忙，希望培训安排在农闲的3月和11月。",
            "县财政局": "希望增加政府债务管理和预算绩效管理的内容。"}


def build_survey(db: Database) -> int:
    """Makes the survey and its returns; returns how many units returned."""
    survey = surveys.create_survey(db, YEAR, deadline=DEADLINE)
    listed = surveys.topics(db, survey.id)
    units = {u.name: u for u in unit_service.list_units(db)}
    rng = random.Random("需求调研")
    for received, names in BATCHES:
        result = SurveyImport(YEAR, survey.id)
        for name in names:
            unit = units[name]
            again = name == "县财政局" and received != BATCHES[0][0]
            result.files.append(SurveyFile(Path(f"{name}需求调研表{'（修改）' if again else ''}.xlsx"),
                                           unit_id=unit.id, unit_name=name, contact=_contact(rng, name),
                                           comments=COMMENTS.get(name, "") if again or name != "县财政局" else "",
                                           requests=_requests(rng, listed, name, again)))
        importer.settle(db, result)
        importer.write(db, result, received)
    return len({name for _, names in BATCHES for name in names})


def _contact(rng: random.Random, name: str) -> str:
    surname = rng.choice("王李张刘陈杨黄赵周吴")
    return f"{surname}{rng.choice(['敏', '静', '磊', '洋', '勇', '艳'])} 023-{rng.randint(60000000, 69999999)}"


def _requests(rng: random.Random, listed, name: str, again: bool) -> list[TopicRequest]:
    town = name.endswith(("街道", "镇", "乡"))
    wanted = ["党政领导干部", "公务员", "优秀年轻干部"] + (["村(社区)干部"] if town else ["事业单位工作人员"])
    chosen = rng.sample(listed, min(len(listed), rng.randint(3, 5) + (2 if again else 0)))
    found = []
    for line, topic in enumerate(sorted(chosen, key=lambda t: t.sort_order), start=7):
        people = {c: rng.randint(1, 6) for c in rng.sample(wanted, rng.randint(1, 2)) if c in categories()}
        months = rng.sample([3, 4, 5, 6, 9, 10, 11], 2 if rng.random() < 0.7 else 1)
        found.append(TopicRequest(line, topic.topic, topic.id, people, months))
    if name in OWN_TOPICS:
        found.append(TopicRequest(40, OWN_TOPICS[name], None, {wanted[1]: rng.randint(2, 8)}, [rng.choice([4, 10])]))
    return found
