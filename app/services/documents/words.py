"""Where a Chinese title may break: between words, as jieba segments it with its own dictionary and the
office's words added (class names, plan titles and themes, the standard word lists), so that
"科级干部培训班" and "中国特色社会主义思想" stay whole.

jieba loads a 5 MB dictionary (about half a second the first time, a little less from its cache, which
is kept in the user's data folder): it is loaded once, and only when a title first needs breaking.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from app import config
from app.domain import vocab

MAX_WORD = 10  # longer names (推进国家治理体系和治理能力现代化专题培训班) break between their own words
# Phrases of the office's documents that jieba splits and a title must not.
OFFICE_WORDS = ("中国特色社会主义思想", "干部教育培训", "四中全会", "一带一路", "专题培训班", "专题研讨班", "培训班",
                "研修班", "进修班", "轮训班", "研讨班", "主体班", "专题班", "中青年干部", "年轻干部", "选调生",
                "党性教育", "乡村振兴", "脱贫攻坚", "生态文明", "军民融合", "县管领导干部", "领导干部", "公务员")

_lock = threading.Lock()
_tokenizer = None
_pending: set[str] = set(OFFICE_WORDS)
_added: set[str] = set()


def add_words(words) -> None:
    """Words to keep whole (blank, over-long and already known ones are skipped); added when next used."""
    wanted = {word.strip() for word in words if word and 1 < len(word.strip()) <= MAX_WORD}
    with _lock:
        _pending.update(wanted - _added)


def _load():
    import jieba

    jieba.setLogLevel(logging.CRITICAL + 1)  # its notes (and a cache it cannot write) are no concern of the user
    tokenizer = jieba.Tokenizer(str(Path(jieba.__file__).parent / "dict.txt"))
    cache = config.user_data_dir() / "cache"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
    except OSError:
        pass  # no cache: jieba builds its tables from the dictionary each time
    tokenizer.initialize()
    return tokenizer


def _ready():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            _tokenizer = _load()
            _pending.update(vocab.all_words())
        for word in sorted(_pending):
            _tokenizer.suggest_freq(word, tune=True)  # just frequent enough to be kept whole
        _added.update(_pending)
        _pending.clear()
        return _tokenizer


def words(text: str) -> list[str]:
    """The text cut into words (dictionary words only, no guessing of new ones)."""
    return list(_ready().cut(text, HMM=False))


def word_ends(text: str) -> set[int]:
    """The positions between two words: where a title may break."""
    ends, at = set(), 0
    for word in words(text):
        at += len(word)
        ends.add(at)
    ends.discard(len(text))
    return ends
