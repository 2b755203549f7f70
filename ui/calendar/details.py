"""The calendar's details pane: one period (with its conflicts and rule warnings), or one day."""
from __future__ import annotations

from datetime import date
from html import escape

from app.domain.conflicts import KIND_LABELS, Conflict
from app.domain.holidays import holiday_name, is_adjusted_workday
from app.services.calendar_events import CalendarEntry
from ui.calendar.grid_painter import WEEKDAYS

LISTED = 30  # conflicts listed at most; a crowded month says how many more (a click on a period lists its own)


def _conflict_lines(conflicts: list[Conflict]) -> str:
    if not conflicts:
        return ""
    items = "".join(f"<p style='color:#b91c1c'>● <b>{KIND_LABELS[c.kind]}</b>：{escape(c.message)}</p>"
                    for c in conflicts[:LISTED])
    if len(conflicts) > LISTED:
        items += f"<p style='color:#b91c1c'>……另有{len(conflicts) - LISTED}处，点击期次或日期查看其冲突。</p>"
    return f"<p style='color:#b91c1c'><b>冲突 {len(conflicts)} 处</b></p>{items}"


def entry_html(entry: CalendarEntry, conflicts: list[Conflict], warnings: list[str]) -> str:
    rows = [("日期", f"{entry.start_date} 至 {entry.end_date}（{entry.days}天）"), ("类型", entry.kind),
            ("承办", entry.host), ("地点", entry.place), ("状态", entry.status),
            ("学员", f"{entry.enrolled}人" + (f"，容量{entry.capacity}人" if entry.capacity else "")),
            ("报到", f"{entry.report_time} {entry.report_place}".strip()), ("计划", entry.plan_title)]
    table = "".join(f"<tr><td style='color:#6b7280;padding-right:6px'>{k}</td><td>{escape(str(v))}</td></tr>"
                    for k, v in rows if v)
    html = f"<h3>{escape(entry.label)}</h3><table>{table}</table>" + _conflict_lines(conflicts)
    if warnings:
        html += '<p style="color:#a16207"><b>规则提示</b><br>' + "<br>".join(f"⚠ {escape(w)}" for w in warnings) + "</p>"
    return html + '<p style="color:#6b7280">双击打开；拖动可改期，Ctrl+Z 撤销。</p>'


def day_html(day: date, entries: list[CalendarEntry], conflicts: list[Conflict]) -> str:
    title = f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"
    if name := holiday_name(day):
        title += f"（{name}）"
    elif is_adjusted_workday(day):
        title += "（调休上班）"
    running = [e for e in entries if e.start <= day <= e.end]
    away = sum(e.enrolled for e in running)
    lines = "".join(f"<li>{escape(e.label)}（{e.enrolled}人）</li>" for e in running)
    body = f"<p>在训{away}人，{len(running)}期：</p><ul>{lines}</ul>" if running else "<p>当天没有班次。</p>"
    return f"<h3>{title}</h3>{body}" + _conflict_lines([c for c in conflicts if c.covers(day)])


def overview_html(title: str, conflicts: list[Conflict]) -> str:
    """What the pane shows before anything is clicked: how to use the calendar and the page's conflicts."""
    hint = "<p style='color:#6b7280'>点击期次看详情，双击打开；拖动期次可改期（Ctrl+Z 撤销）。点击日期看当天在训情况。</p>"
    if not conflicts:
        return f"<h3>{title}</h3>{hint}<p>本页没有冲突。</p>"
    return f"<h3>{title}</h3>{hint}" + _conflict_lines(conflicts)
