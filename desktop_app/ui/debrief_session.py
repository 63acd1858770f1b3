"""The link between the wizard's pages and storage: every change goes through the autosaver.

Writes are keyed by debrief and field, so a burst of keystrokes in one field becomes
one write of its latest text, at most about a second later (see ``ui/autosave.py``).
Until an interview is chosen there is no debrief row yet; changes made before that
are held here and written when the draft is created.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal

from desktop_app.core.debrief_checks import kept_rows
from desktop_app.core.debrief_records import LessonEntry, QuestionEntry, RatingEntry
from desktop_app.storage import debriefs
from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver

LIST_FIELDS = frozenset({"outcome", "current_page"})
"""Fields the list of debriefs shows; writing one announces ``list_changed``."""


class DebriefSession(QObject):
    """Schedules the writes of one debrief being edited."""

    list_changed = Signal()

    def __init__(self, db: Database, saver: AutoSaver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saver = saver
        self.debrief_id: int | None = None
        self._early: dict[str, object] = {}

    def attach(self, debrief_id: int) -> None:
        """Start writing to ``debrief_id``; fields changed before it existed are written now."""
        self.debrief_id = debrief_id
        if self._early:
            fields, self._early = self._early, {}
            self.save_fields(**fields)
            self.flush()

    def save_fields(self, **fields: object) -> None:
        if self.debrief_id is None:
            self._early.update(fields)
            return
        for name, value in fields.items():
            self._schedule(name, partial(debriefs.update_fields, self.db, self.debrief_id, **{name: value}))
        if LIST_FIELDS & fields.keys():
            self.flush()
            self.list_changed.emit()

    def save_questions(self, rows: Sequence[QuestionEntry]) -> None:
        self._schedule_rows("questions", debriefs.replace_questions, kept_rows(list(rows)))

    def save_ratings(self, rows: Sequence[RatingEntry]) -> None:
        self._schedule_rows("ratings", debriefs.replace_ratings, list(rows))

    def save_lessons(self, rows: Sequence[LessonEntry]) -> None:
        self._schedule_rows("lessons", debriefs.replace_lessons, kept_rows(list(rows)))

    def _schedule_rows(self, name: str, write: Callable[..., None], rows: list) -> None:  # type: ignore[type-arg]
        if self.debrief_id is not None:
            self._schedule(name, partial(write, self.db, self.debrief_id, rows))

    def _schedule(self, name: str, write: Callable[[], None]) -> None:
        self.saver.schedule(("debrief", self.debrief_id, name), write)

    def flush(self) -> bool:
        return self.saver.flush()

    def forget_pending(self, names: Sequence[str]) -> None:
        """Drop unsaved writes of this debrief (it is being discarded)."""
        for name in names:
            self.saver.discard(("debrief", self.debrief_id, name))
