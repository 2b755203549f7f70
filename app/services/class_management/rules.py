"""学员守则: the office's rules for trainees, printed with the roster; kept in the settings, with a default
drawn from seed 000 item 22 (严以治学, 学员管理相关规定, 学员自我管理, 学风督查). Saved together with the 结业考核's
pass score, which the same settings dialog shows."""
from __future__ import annotations

from app.domain.errors import ValidationError
from app.services import settings
from app.services.class_management.completion import PASS_SCORE_KEY, pass_score
from app.services.safety import audit
from app.storage.connection import Database

RULES_KEY = "trainee_rules"
MAX_RULES = 3000
DEFAULT_RULES = """一、坚定理想信念，对党忠诚，自觉遵守党的政治纪律和政治规矩，严格执行干部教育培训学员管理相关规定。
二、端正学习态度，坚持严以治学，认真学习党的创新理论，按时完成学习任务和结业考核，按要求提交党性分析材料和研究报告（学习心得）。
三、严格遵守作息时间，按时参加教学活动，不迟到、不早退、不旷课；确需请假的，按规定履行请假手续。
四、培训期间集中食宿，不擅自离校，不参加与培训无关的宴请和娱乐活动，不接受可能影响公正执行公务的宴请。
五、遵守课堂纪律，课堂上关闭手机或调至静音，不做与学习无关的事情。
六、加强学员自我管理，服从班主任和跟班人员的管理，积极参与班委、小组的学习研讨活动。
七、厉行勤俭节约，严格执行中央八项规定及其实施细则精神。
八、自觉接受学风督查，违反本守则的，视情节予以批评教育、通报所在单位直至退学处理，并记入培训档案。"""


def trainee_rules(db: Database) -> str:
    return settings.get(db, RULES_KEY, DEFAULT_RULES)


MAX_SCORE = 100.0


def save_rules(db: Database, text: str, passing: float | None = None) -> str:
    """Keeps the office's text (a blank text puts the default back) and, when given, the pass score of the
    结业考核, in one transaction."""
    text = "\n".join(line.strip() for line in str(text or "").strip().splitlines() if line.strip())
    errors = {}
    if len(text) > MAX_RULES:
        errors["rules"] = f"学员守则过长（共{len(text)}字，不超过{MAX_RULES}字）"
    if passing is not None and not 0 < passing <= MAX_SCORE:
        errors["pass_score"] = f"合格分数线应在0到{MAX_SCORE:g}分之间"
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        if text and text != DEFAULT_RULES:
            settings.put(db, RULES_KEY, text)
        else:
            settings.remove(db, RULES_KEY)
        detail = f"学员守则{len(text or DEFAULT_RULES)}字"
        if passing is not None and passing != pass_score(db):
            settings.put(db, PASS_SCORE_KEY, passing)
            detail += f"，考核合格分数线{passing:g}分"
        audit.record(db, "修改学员守则", "settings", None, detail)
    return trainee_rules(db)
