"""名称规范化: the words units write for listed values, made standard. The shipped variants come from
data/word_variants.json; the office's own are kept in the settings table, so they travel with the
database (and a backup), and they win over the shipped ones. Also: the words in the archive that are not
standard, and making them standard for everyone at once (one transaction, a backup first, logged)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain import vocab
from app.domain.errors import UserError
from app.domain.variants import FIELDS, WordMap, unresolved_hint, word_key
from app.services import settings
from app.services.safety import audit, backups
from app.storage import words as word_queries
from app.storage.connection import Database

SETTING = "word_variants"  # {field: {word as written: standard word}}
KEEP = ""  # the choice "keep as written"


@dataclass
class SeenWord:
    """A word of the archive that is not standard (or one the office has mapped), and what it maps to."""
    field: str
    word: str
    count: int  # people holding it
    standard: str  # the standard word it now stands for; KEEP when none
    hint: str = ""  # why a known word is not mapped (主任科员: 一级或二级主任科员)

    @property
    def label(self) -> str:
        return FIELDS[self.field]


@dataclass
class Replaced:
    field: str
    old: str
    new: str
    count: int

    def __str__(self) -> str:
        return f"{FIELDS[self.field]}“{self.old}”→“{self.new}”{self.count}人"


def office_variants(db: Database) -> dict[str, dict[str, str]]:
    stored = settings.get(db, SETTING, {}) or {}
    return {field: dict(words) for field, words in stored.items() if field in FIELDS}


def word_map(db: Database) -> WordMap:
    """The shipped variants with the office's on top."""
    return WordMap(office_variants(db))


def seen_words(db: Database) -> list[SeenWord]:
    """Per field, the archive's words that are not standard (most held first), then the office's mapped
    words the archive no longer holds, so a mapping can always be seen and undone."""
    words, office = word_map(db), office_variants(db)
    found: list[SeenWord] = []
    for field in FIELDS:
        standard = vocab.standard_set(field)
        counts = {word: n for word, n in word_queries.word_counts(db, field).items() if word not in standard}
        for word in office.get(field, {}):
            if not any(word_key(seen) == word_key(word) for seen in counts):
                counts[word] = 0
        for word, count in counts.items():
            value, known = words.standard(field, word)
            found.append(SeenWord(field, word, count, value if known else KEEP, unresolved_hint(field, word)))
    return found


def save_variants(db: Database, choices: dict[str, dict[str, str]]) -> None:
    """Sets the office's mapping of each word given (KEEP removes it); the others stay as they were."""
    office = office_variants(db)
    for field, mapping in choices.items():
        _check(field, mapping)
        mine = office.setdefault(field, {})
        for word, standard in mapping.items():
            for known in [known for known in mine if word_key(known) == word_key(word)]:
                del mine[known]
            if standard != KEEP:
                mine[word.strip()] = standard
    office = {field: mapping for field, mapping in office.items() if mapping}
    with db.atomic():
        settings.put(db, SETTING, office)
        audit.record(db, "保存名称规范化", detail="；".join(
            f"{FIELDS[field]}：" + "、".join(f"“{word}”→“{standard or '保持原样'}”" for word, standard in mapping.items())
            for field, mapping in choices.items() if mapping))


def _check(field: str, mapping: dict[str, str]) -> None:
    if field not in FIELDS:
        raise UserError(f"“{field}”不是可规范的字段")
    standard = vocab.standard_set(field)
    for word, target in mapping.items():
        if not word.strip() or len(word) > 50:
            raise UserError(f"{FIELDS[field]}的写法应为1至50个字")
        if word.strip() in standard:
            raise UserError(f"{FIELDS[field]}“{word}”本身就是标准名称，不能再对应为其他名称")
        if target != KEEP and target not in standard:
            raise UserError(f"“{target}”不是{FIELDS[field]}的标准名称")


def pending(db: Database) -> list[Replaced]:
    """What applying the mapping to the archive would change: words held that now map to a standard word."""
    words = word_map(db)
    found = []
    for field in FIELDS:
        standard = vocab.standard_set(field)
        for word, count in word_queries.word_counts(db, field).items():
            value, known = words.standard(field, word)
            if word not in standard and known and value != word:
                found.append(Replaced(field, word, value, count))
    return found


def apply_variants(db: Database) -> list[Replaced]:
    """Every person's listed words made standard where the mapping knows them, in one transaction after a
    backup; logged. Returns what was replaced."""
    changes = pending(db)
    if not changes:
        return []
    backups.before_change(db, "规范化前", "名称规范化")
    with db.atomic():
        for change in changes:
            change.count = word_queries.replace_word(db, change.field, change.old, change.new)
        audit.record(db, "名称规范化", "person", None,
                     f"{sum(c.count for c in changes)}人：" + "；".join(str(change) for change in changes))
    return changes
