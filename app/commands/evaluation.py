"""evaluation-template, import-evaluation, evaluation: a period's 质量评估 questionnaire as an Excel form,
the returned files imported in one step, and the results (per question and per session, with counts).

import-evaluation exits 0 when every file was imported (files imported before are skipped, "已导入过"),
3 when some files were refused (listed with their reasons; nothing is written unless --import-good, then the
good files are), 2 when the period is unknown, its form was never issued, or the backup before importing
fails. A dry run checks and writes nothing. The printed form and the report are `print evaluation-form` and
`print evaluation-report`."""
from __future__ import annotations

from pathlib import Path

from app.commands.output import EXIT_OK, emit
from app.domain import evaluation as scales
from app.domain.errors import UserError
from app.services.evaluation import importer, results, workbook

EXIT_REFUSED = 3


def register(commands, common) -> None:
    template = commands.add_parser("evaluation-template", parents=[common], help="生成一期学员填写的评估问卷（Excel）",
                                   description="生成一期的培训质量评估问卷（Excel，不记名，下拉选择评价，题目锁定）；"
                                               "首次生成时按问卷模板发放本期问卷。")
    template.add_argument("--period", type=int, required=True, help="期次编号（见 periods 命令）")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="问卷文件")
    template.add_argument("--table", action="store_true", help="生成汇总表（每位学员一行），默认每人一份（一题一行）")
    template.add_argument("--template", type=int, metavar="ID", help="首次发放时使用的问卷模板编号（默认第一个模板）")
    template.set_defaults(handler=_template, writes=True)
    imports = commands.add_parser("import-evaluation", parents=[common], help="导入学员交回的评估问卷（可一次导入多个文件）")
    imports.add_argument("files", type=Path, nargs="+", metavar="FILE", help="交回的问卷文件（每人一份或汇总表）")
    imports.add_argument("--period", type=int, required=True, help="期次编号")
    imports.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    imports.add_argument("--import-good", action="store_true", help="有文件未通过检查时，仍导入检查通过的文件")
    imports.set_defaults(handler=_import, writes=lambda args: not args.dry_run)
    show = commands.add_parser("evaluation", parents=[common], help="一期（或一年）的质量评估结果",
                               description="一期的评估结果：收回份数、满意率、各题和各节课的平均分与人数；"
                                           "或 --year 列出一年各期的满意率，低于警戒线的标出。")
    scope = show.add_mutually_exclusive_group(required=True)
    scope.add_argument("--period", type=int, help="期次编号")
    scope.add_argument("--year", type=int, help="年度")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=_show)


def _template(db, args) -> int:
    if args.template is not None:
        from app.services.evaluation import forms

        issued = forms.evaluation_of(db, args.period)
        if issued is None:
            forms.period_form(db, args.period, questionnaire_id=args.template)
        elif issued.questionnaire_id != args.template:
            forms.reissue(db, args.period, args.template)  # refused once answers came back
    saved = workbook.write_template(db, args.period, args.output, "table" if args.table else "form")
    print(f"评估问卷已保存：{saved}")
    return EXIT_OK


def _import(db, args) -> int:
    found = importer.analyse(db, args.period, args.files)
    for check in found.files:
        if check.status == importer.REFUSED and len(check.problems) > 1:
            print(f"{check.name}：{check.status}：{len(check.problems)}处问题")
            for problem in check.problems:  # every bad row, not only the first few
                print(f"　{problem}")
        else:
            print(f"{check.name}：{check.status}：{check.outcome}")
    refused = found.refused
    if args.dry_run:
        print(f"检查结果（未写入）：{found.label}，{found.summary()}")
        return EXIT_REFUSED if refused else EXIT_OK
    if refused and not args.import_good:
        print(f"有{len(refused)}个文件未通过检查，本批问卷未导入（数据未作任何改动）；请改正后重新导入，"
              "或加 --import-good 只导入检查通过的文件")
        return EXIT_REFUSED
    if not found.good:
        print("没有需要导入的问卷" + ("（所选文件都已导入过）" if found.of(importer.ALREADY) else ""))
        return EXIT_REFUSED if refused else EXIT_OK
    importer.commit(db, found, import_good=args.import_good)
    print(f"导入完成：{found.label}，{found.summary(done=True)}")
    if found.backup is not None:
        print(f"导入前的数据已备份：{found.backup}")
    return EXIT_REFUSED if refused else EXIT_OK


def _figures(figures: scales.Figures) -> dict:
    return {"count": figures.count, "satisfied": figures.satisfied,
            "rate": None if figures.rate is None else round(figures.rate, 4),
            "average": None if figures.average is None else round(figures.average, 4)}


def period_json(found: results.PeriodResults) -> dict:
    return {"period_id": found.form.info.period.id, "period": found.form.info.title, "scale": found.scale,
            "threshold": found.threshold, "responses": found.responses, "overall": _figures(found.overall),
            "below_threshold": found.below,
            "questions": [{"item_id": q.line.item.id, "section": q.line.item.section, "text": q.label,
                           **_figures(q.figures),
                           "counts": {scales.score_word(found.scale, score): n for score, n in q.counts.items()}}
                          for q in found.questions],
            "sessions": [{"session_id": s.session.id, "day": s.session.day, "half": s.session.half,
                          "topic": s.session.topic, "lecturer": s.session.lecturer, "content": _figures(s.content),
                          "teaching": _figures(s.teaching)} for s in found.sessions],
            "lecturers": [{"lecturer_id": e.lecturer_id, "name": e.name, "sessions": e.sessions, **_figures(e.figures)}
                          for e in found.lecturers],
            "comments": [{"question": q, "text": t} for q, t in found.comments]}


def _show(db, args) -> int:
    if args.year is not None:
        return _year(db, args)
    found = results.period_results(db, args.period)
    p, pct, avg = found, scales.percent, scales.average_text
    lines = [f"{p.form.info.title}：收回问卷{p.responses}份，{p.flag_text}（{p.scale}）",
             "题目\t人数\t满意率\t平均分",
             *(f"{q.label}\t{q.figures.count}\t{pct(q.figures.rate)}\t{avg(q.figures.average)}" for q in p.questions)]
    if p.sessions:
        lines += ["课程\t授课人\t人数\t内容满意率\t内容平均分\t授课满意率\t授课平均分",
                  *(f"{s.session.day}{s.session.half} {s.session.topic}\t{s.session.lecturer}\t{s.content.count}\t"
                    f"{pct(s.content.rate)}\t{avg(s.content.average)}\t{pct(s.teaching.rate)}\t{avg(s.teaching.average)}"
                    for s in p.sessions)]
    if p.comments:
        lines += ["意见建议：", *(f"　{text}" for _, text in p.comments)]
    return emit(args, period_json(found), lines)  # type: ignore[arg-type]


def _year(db, args) -> int:
    found = results.year_results(db, args.year)
    if not found.periods:
        raise UserError(f"{args.year}年没有开展质量评估的期次")
    records = {"year": found.year, "overall": _figures(found.figures),
               "periods": [{"period_id": line.period_id, "period": line.title, "start": line.start_date,
                            "responses": line.responses, "threshold": line.threshold, "below_threshold": line.below,
                            **_figures(line.figures)} for line in found.periods],
               "classes": [{"class_id": c.class_id, "class": c.class_name, "periods": c.periods,
                            "responses": c.responses, "periods_below": c.below, **_figures(c.figures)}
                           for c in found.classes]}
    lines = ["期次\t开班日期\t收回份数\t满意率\t警戒线\t",
             *(f"{line.title}\t{line.start_date}\t{line.responses}\t{scales.percent(line.figures.rate)}\t"
               f"{line.threshold:.0%}\t{'低于警戒线' if line.below else ''}" for line in found.periods),
             f"全年满意率：{scales.percent(found.figures.rate)}"]
    return emit(args, records, lines)  # type: ignore[arg-type]
