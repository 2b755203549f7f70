"""Keeps Python 3.11 alive under PySide6 6.12.0, which returns None from every void method without
taking a reference to it: each call (painter.drawText, label.setText ...) lowers None's reference count
by one, and a window that paints itself brings it to zero within minutes; Python then aborts with
"deallocating None". Python 3.12 made None immortal (PEP 683); this gives None the same out-of-reach
count on older Pythons. (That release cannot simply be excluded: PySide6-Pdf starts at 6.12.)"""
from __future__ import annotations

import ctypes
import sys


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every CPython object; a quarter of its range can never be spent
    count = ctypes.c_ssize_t.from_address(id(None))
    reserve = 1 << (8 * ctypes.sizeof(ctypes.c_ssize_t) - 3)
    if count.value < reserve // 2:
        count.value += reserve
