"""stats: a year's periods, planned places, 人次, completions and 学时 by 举办方式 (本级举办, 上级调训, 单位自办),
and their sum labelled as one."""
from __future__ import annotations

import json

from app.commands.output import EXIT_OK
from app.domain.errors import UserError
from app.services.stats import organisers, statistics


def register(commands, common) -> None:
    sub = commands.add_parser("stats", parents=[common],
                              help="年度统计：按举办方式（本级举办、上级调训、单位自办）分列期数、人数、人次、结业和学时")
    sub.add_argument("--year", type=int, help="年度（默认为有数据的最近一年）")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.set_defaults(handler=_stats)


def _stats(db, args) -> int:
    year = args.year or next(iter(statistics.years(db)), None)
    if year is None:
        raise UserError("数据库中还没有计划或期次，没有可统计的年度")
    if args.json:
        print(json.dumps(organisers.year_json(db, year), ensure_ascii=False, indent=2))
        return EXIT_OK
    lines = organisers.by_organiser(db, year)
    print(f"{year}年（按开班日期；已结班指已举办）")
    for line in organisers.with_sum(lines):
        print(organisers.line_text(line))
    return EXIT_OK
