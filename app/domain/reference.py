"""The reference tables the domain's rules read (word lists, per-character tables), handed in by name.

The domain knows what each table holds but not where it is kept: the application gives it a reader once,
before any rule runs (app/__init__.py: the shipped data/ folder). Each table is read when a rule first
needs it and kept by the module that uses it, so nothing is read at start-up.
"""
from __future__ import annotations

from collections.abc import Callable

Reader = Callable[[str], bytes]  # a table's file name (e.g. "vocab.json") -> its contents
_reader: Reader | None = None


def use_reader(reader: Reader) -> None:
    global _reader
    _reader = reader


def read(name: str) -> bytes:
    """The contents of the reference table called name."""
    if _reader is None:
        raise RuntimeError(f"no reader for the reference table {name}: app/__init__.py installs one")
    return _reader(name)
