"""Keep Python alive despite reference-count bugs in PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns nothing (``setFontPointSize``, ``setText``…)
gives back a reference to ``None`` that it never took, and every ``emit()`` of a signal
from Python gives back ``True`` the same way. Python 3.12 and later make ``None``,
``True`` and ``False`` immortal, so nothing happens there; on 3.11 their counts (a few
thousand at start) reach zero after a few thousand such calls and the interpreter
aborts with "none_dealloc" or "bool_dealloc". Typing a few sentences emits hundreds of
signals; printing a plan makes tens of thousands of such calls. Until PySide6 is fixed,
these three objects get a count they can never run out of, which is what Python 3.12
does for them.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 60
_SINGLETONS = (None, True, False)


def guard_none_refcount() -> None:
    """Give ``None``, ``True`` and ``False`` inexhaustible counts where they are mortal."""
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    for singleton in _SINGLETONS:
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        if count.value < _RESERVE // 2:
            count.value += _RESERVE
