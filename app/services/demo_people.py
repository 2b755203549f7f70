"""A deterministic generator of plausible demo cadres, driven by seeds/people.json.

The same seed always gives the same people, so screenshots, tests and bug reports agree.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.idcard import check_digit
from app.domain.models import Person, Unit


def _weighted(rng: random.Random, pairs: list[list]) -> str:
    values, weights = zip(*pairs, strict=False)
    return rng.choices(values, weights=weights)[0]


def _id_number(rng: random.Random, region: str, birth: date, male: bool, used: set[str]) -> str:
    while True:
        order = rng.randrange(0, 500) * 2 + (1 if male else 0)  # odd for men, even for women
        first17 = f"{region}{birth:%Y%m%d}{order:03d}"
        number = first17 + check_digit(first17)
        if number not in used:
            used.add(number)
            return number


def _local_post(post: str, unit_name: str) -> str:
    """Town posts are named after the kind of town: 街道 has 主任, 乡 has 乡长."""
    if unit_name.endswith("街道"):
        return post.replace("副镇长", "副主任").replace("镇长", "主任").replace("党委书记", "党工委书记")
    if unit_name.endswith("乡"):
        return post.replace("镇长", "乡长")
    return post


def _name(rng: random.Random, params: dict, male: bool) -> str:
    """Mostly common characters, a few rare ones (珺, 喆 ...) that fonts and printouts must handle."""
    sex = "male" if male else "female"
    pool = params[f"rare_{sex}"] if rng.random() < params["rare_share"] else params[f"given_{sex}"]
    surname = rng.choice(params["surnames"])
    length = 1 if len(surname) == 2 or rng.random() < 0.3 else 2
    first = rng.choice(pool)
    rest = rng.choice([c for c in params[f"given_{sex}"] if c != first]) if length == 2 else ""
    return surname + first + rest


def _post_choices(params: dict, unit: Unit) -> list[list[str]]:
    return params["special_posts"].get(unit.name) or params["posts"].get(unit.kind) or params["posts"]["事业单位"]


def generate_people(params: dict, units: list[Unit]) -> list[Person]:
    rng = random.Random(params["seed"])
    used: set[str] = set()
    people = []
    for index in range(params["count"]):
        unit = units[index % len(units)] if index < len(units) * 2 else rng.choice(units)
        male = rng.random() < 0.62
        post, rank, category = rng.choice(_post_choices(params, unit))
        age = rng.randint(24, 58) if category != "党政领导干部" else rng.randint(32, 57)
        if rng.random() < params["graduate_share"]:
            age, post, rank, category = rng.randint(23, 27), "科员", "二级科员", "选调生"
        elif category == "公务员" and age < 35 and rng.random() < params["young_share"] * 4:
            category = "优秀年轻干部"
        birth = date(2020 - age, 1, 1) + timedelta(days=rng.randrange(365))
        region = rng.choice(params["region_codes"])
        people.append(Person(
            name=_name(rng, params, male),
            id_number=_id_number(rng, region, birth, male, used),
            gender="男" if male else "女",
            ethnicity=_weighted(rng, params["ethnicities"]),
            birth_date=birth.isoformat(),
            political_status="中共党员" if category == "党政领导干部" else _weighted(rng, params["political"]),
            education=_weighted(rng, params["educations"]),
            unit_id=unit.id,
            post=_local_post(post, unit.name),
            rank=rank,
            cadre_category=category,
            phone="1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9)),
        ))
    return people
