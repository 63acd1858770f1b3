"""Keep Python alive despite a reference-count bug in PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns nothing (``setFontPointSize``, ``setText``…)
gives back a reference to ``None`` that it never took. Python 3.12 and later make
``None`` immortal, so nothing happens there; on 3.11 its count (a few thousand at
start) reaches zero after a few thousand such calls and the interpreter aborts with
"none_dealloc: deallocating None". Printing a plan makes tens of thousands of such
calls. Until PySide6 is fixed, ``None`` gets a count it can never run out of, which
is what Python 3.12 does for it.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 60


def guard_none_refcount() -> None:
    """Give ``None`` an inexhaustible reference count on Python versions where it is mortal."""
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if count.value < _RESERVE // 2:
        count.value += _RESERVE
