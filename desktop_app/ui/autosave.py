"""Saving as the user types, without losing continuous typing and without blocking.

Widgets hand each change to ``AutoSaver.schedule(key, write)``. A pending write runs
when typing pauses (``idle_ms``) and never later than ``max_delay_ms`` after the first
unsaved change, so someone who types without pausing still has their words on disk
about a second behind. ``flush()`` writes everything now (page changes, closing).
A write that fails stays pending, is retried, and ``save_failed`` says so.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.storage.errors import SaveFailedError

Write = Callable[[], None]


class AutoSaver(QObject):
    saved = Signal()
    save_failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, idle_ms: int = 400, max_delay_ms: int = 1000, retry_ms: int = 5000
    ) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Write] = {}
        self._failing = False
        self._idle = self._timer(idle_ms)
        self._deadline = self._timer(max_delay_ms)
        self._retry = self._timer(retry_ms)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.flush)
        return timer

    @property
    def failing(self) -> bool:
        """True while at least one change could not be written."""
        return self._failing

    def has_pending(self) -> bool:
        return bool(self._pending)

    def schedule(self, key: Hashable, write: Write) -> None:
        """Queue ``write``; a later write with the same key replaces an unsaved earlier one."""
        self._pending.pop(key, None)
        self._pending[key] = write
        self._idle.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def discard(self, key: Hashable) -> None:
        """Forget an unsaved write (its record is being deleted)."""
        self._pending.pop(key, None)

    def flush(self) -> bool:
        """Run every pending write now, in order; True when all of them succeeded."""
        self._idle.stop()
        self._deadline.stop()
        self._retry.stop()
        failed: dict[Hashable, Write] = {}
        message = ""
        while self._pending:
            key, write = next(iter(self._pending.items()))
            del self._pending[key]
            try:
                write()
            except SaveFailedError as exc:
                failed[key] = write
                from desktop_app.ui.safety.messages import describe_save_problem

                message = describe_save_problem(exc.problem)
                print(f"bounceback: warning: a change could not be saved: {exc}", file=sys.stderr)
            except Exception as exc:
                failed[key] = write
                message = str(exc)
                traceback.print_exc(file=sys.stderr)
        if failed:
            failed.update(self._pending)
            self._pending = failed
            self._failing = True
            self._retry.start()
            self.save_failed.emit(message)
            return False
        if self._failing:
            self._failing = False
        self.saved.emit()
        return True
