"""A large office for benchmarks: the demo plus generated people and periods, written in bulk."""
from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.idcard import check_digit  # noqa: E402
from app.services import database, demo  # noqa: E402


def _id(rng: random.Random, used: set[str]) -> tuple[str, str, str]:
    while True:
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        order = rng.randrange(1000)
        first17 = f"500236{birth:%Y%m%d}{order:03d}"
        number = first17 + check_digit(first17)
        if number not in used:
            used.add(number)
            return number, birth.isoformat(), "男" if order % 2 else "女"


def build(path: Path, people: int = 100_000, periods: int = 2_000, seed: int = 1) -> Path:
    """The demo office plus `people` generated people and `periods` periods spread over one year."""
    if path.exists():
        path.unlink()
    db = database.open_locked(path, create=True)
    demo.build_demo(db)
    rng = random.Random(seed)
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
    units = [row[0] for row in db.execute("SELECT id FROM units")]
    used = {row[0] for row in db.execute("SELECT id_number FROM people")}
    rows = []
    for _ in range(people - len(used)):
        number, birth, sex = _id(rng, used)
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2)))
        rows.append((name, number, sex, "汉族", birth, rng.choice(units), "科员", "一级科员", "公务员",
                     f"13{rng.randrange(10**9):09d}"))
    classes = [row[0] for row in db.execute("SELECT id FROM training_classes")]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO people (name, id_number, gender, ethnicity, birth_date, unit_id, post, rank, cadre_category,"
            " phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        existing = db.execute("SELECT count(*) FROM periods").fetchone()[0]
        for n in range(periods - existing):
            start = date(2020, 1, 6) + timedelta(days=rng.randrange(340))
            db.execute("INSERT INTO periods (class_id, number, start_date, end_date, capacity, status)"
                       " VALUES (?, ?, ?, ?, 50, '通知')",
                       [rng.choice(classes), 100 + n, start.isoformat(), (start + timedelta(days=rng.randint(2, 9))).isoformat()])
    db.close()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
