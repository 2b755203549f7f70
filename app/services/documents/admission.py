"""入学通知书: one letter per trainee of a period, from the office's template.

With the 课程表 asked for, it follows each letter as its 附件 ("附件" at the top of its page, the page
numbers running on; the 附件说明 line is the template's to carry, since a full letter would lose its
one page for it): the letters are handed out one to each trainee, often through their units, and each trainee
needs the timetable in hand; a 附件 belongs with its 公文 (GB/T 9704), and one copy at the end of the batch
would have to be photocopied and matched to every letter by hand."""
from __future__ import annotations

from pathlib import Path

from reportlab.platypus import PageBreak

from app.services.documents import heads
from app.services.documents.layout import OFFICIAL
from app.services.documents.letters import checked_template, letter_story, period_values, require, signed
from app.services.documents.pdf import DocumentStart, build_pdf, head_flowables, imprint_flowables
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import Trainee, issue_date, requested_trainees
from app.services.documents.templates import ADMISSION, fill, template_text
from app.services.documents.timetable import attachment, period_rows
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

KIND = "letters"


def trainee_values(t: Typesetter, trainee: Trainee) -> dict[str, str]:
    owner = trainee.owner
    return {
        "姓名": t.check(trainee.name, owner, "姓名"),
        "性别": trainee.gender,
        "单位": t.check(trainee.unit_name, owner, "工作单位"),
        "职务": t.check(trainee.post, owner, "职务"),
    }


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    info, people = requested_trainees(db, request, "入学通知书")
    t = Typesetter()
    template = checked_template(t, ADMISSION, template_text(db, ADMISSION))
    base = period_values(t, info)
    require(template, base, info.title)
    issued_on, seal = issue_date(request.issued_on), seal_image(db)
    sessions = period_rows(db, info) if request.with_timetable else None
    head, imprint = heads.masthead(db, KIND, issuer=info.issuer), heads.imprint(db, KIND, issued_on)
    story: list = []
    for index, trainee in enumerate(people):
        text = fill(template, {**base, **trainee_values(t, trainee)})
        story += [DocumentStart(index), *head_flowables(t, head, OFFICIAL)]
        story += signed(t, letter_story(t, text), info.issuer, issued_on, seal)
        if sessions is not None:
            story += [PageBreak(), *attachment(t, info, sessions)]
        story += imprint_flowables(t, imprint)
        story.append(PageBreak())
    return build_pdf(target, story[:-1], t, OFFICIAL, f"{info.title}入学通知书", len(people), progress=progress)
