"""Continuous typing for the autosave tests: real key clicks from a timer, never pausing.

Used in-process by ``test_debrief_autosave.py`` and by the child process of the kill -9 test.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

SAMPLE_WORDS = "the interview went well until the design question then I froze and recovered "


def sample_text(length: int) -> str:
    """Plain words to type (every character is one key, so key clicks and text agree)."""
    return (SAMPLE_WORDS * (length // len(SAMPLE_WORDS) + 1))[:length]


class Typer(QObject):
    """Types ``text`` into ``widget``, ``per_tick`` characters every ``interval_ms``, until stopped or done."""

    def __init__(
        self,
        widget: QWidget,
        text: str,
        per_tick: int = 2,
        interval_ms: int = 15,
        on_typed: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.text = text
        self.per_tick = per_tick
        self.typed = 0
        self.longest_gap = 0.0
        self._on_typed = on_typed
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def typed_text(self) -> str:
        return self.text[: self.typed]

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest_gap = max(self.longest_gap, now - self._last)
        self._last = now
        chunk = self.text[self.typed : self.typed + self.per_tick]
        if not chunk:
            self.stop()
            return
        QTest.keyClicks(self.widget, chunk)
        self.typed += len(chunk)
        if self._on_typed is not None:
            self._on_typed(self.typed)
