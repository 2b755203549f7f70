"""The demo office's 质量评估: the closed 2020 periods issued the default questionnaire, and most of each period's
trainees returned it (anonymous, as imported), with a few comments; one period's answers fall below the
threshold (县管领导干部学习贯彻党的十九届四中全会精神专题班 第1期, crowded and cold in winter)."""
from __future__ import annotations

import random
from dataclasses import replace

from app.domain import evaluation as scales
from app.domain.quality_records import EvaluationAnswer, EvaluationResponse
from app.services.evaluation.forms import period_form
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database

LOW_CLASS, LOW_NUMBER = "县管领导干部学习贯彻党的十九届四中全会精神专题班", 1
COMMENTS = ("希望增加现场教学和案例教学的比重", "课程安排紧凑，收获很大", "建议提前发放学习资料",
            "希望多安排研讨交流时间", "食宿安排周到，感谢工作人员", "建议邀请更多基层一线的同志授课")
LOW_COMMENTS = ("教室拥挤，空调效果差", "课程安排过满，消化不了", "报到当天通知不清楚")


def build_evaluation(db: Database) -> int:
    """Responses for every closed 2020 period; returns how many periods were evaluated."""
    rng = random.Random("质量评估")
    done = 0
    for period in store.closed_periods_of_year(db, 2020):
        training_class = tables.classes(db).get(period.class_id)
        if training_class.organiser_kind == "单位自办":
            continue  # a unit's own class: the unit evaluates it
        name = training_class.name
        low = name == LOW_CLASS and period.number == LOW_NUMBER
        form = period_form(db, period.id)
        tables.evaluations(db).update(replace(form.evaluation, created_on=period.end_date))  # handed out on the last day
        completed = store.completed_count(db, period.id)
        returned = max(3, round(completed * rng.uniform(0.8, 0.95)))
        weights = (0.55, 0.3, 0.15) if low else (0.82, 0.16, 0.02)
        for number in range(1, returned + 1):
            response = tables.evaluation_responses(db).insert(
                EvaluationResponse(form.evaluation.id, f"示范数据（第{number}份）", period.end_date))
            answers = []
            for line in form.lines:
                if not line.scored:
                    pool = LOW_COMMENTS if low else COMMENTS
                    if rng.random() < (0.5 if low else 0.2):
                        answers.append(EvaluationAnswer(response.id, line.item.id, None, "", None, rng.choice(pool)))
                    continue
                score = rng.choices((3.0, 2.0, 1.0), weights)[0]
                answers.append(EvaluationAnswer(response.id, line.item.id, line.session.id if line.session else None,
                                                line.aspect, score, scales.score_word(form.scale, score)))
            tables.evaluation_answers(db).insert_many(answers)
        done += 1
    return done
