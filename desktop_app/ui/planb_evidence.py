"""The Evidence page of the Plan B tab: what you achieved, the proof, and who knows about it.

A table of entries in the user's order and the editor of the selected one; add, edit
(saved as you type), reorder, and delete (after asking).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.plan_records import EvidenceRecord
from desktop_app.core.plan_rules import moved
from desktop_app.storage.database import Database
from desktop_app.storage.evidence import create_evidence, delete_evidence, list_evidence, reorder_evidence
from desktop_app.storage.plans import list_plan_summaries
from desktop_app.ui.actions import action_button
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.formatting import format_date
from desktop_app.ui.planb_evidence_editor import EvidenceEditor
from desktop_app.ui.planb_network_fields import (
    ChangeNotifier,
    RecordPage,
    RecordTable,
    list_and_editor,
    with_changes,
)
from desktop_app.ui.table_model import Column


def one_line(text: str) -> str:
    """A multi-line text on one line (its lines joined by " / "), for a table cell."""
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


class EvidencePage(RecordPage):
    """Evidence of the user's work, linked to plans."""

    evidence_changed = Signal()

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(db, saver, parent)
        self.today: Callable[[], date] = date.today
        self._entries: list[EvidenceRecord] = []
        tr = self.tr
        self.table = RecordTable(
            [
                Column(tr("What you achieved"), lambda r: r.achievement, tooltip=lambda r: r.achievement),
                Column(tr("Date"), lambda r: format_date(r.achieved_on), sort_key=lambda r: r.achieved_on),
                Column(tr("Who knows"), lambda r: r.who_knows),
                Column(tr("Proof"), lambda r: one_line(r.proof), tooltip=lambda r: r.proof),
            ],
            tr("Evidence"),
        )
        self.model = self.table.records
        self.editor = EvidenceEditor(db, saver)
        self._notifier = ChangeNotifier(saver, self)
        self.stack = EmptyStateStack(
            self._build_body(),
            tr(
                "No evidence yet.\n\n"
                "Press New evidence (Ctrl+Shift+N) to note something you achieved: a result with a number, a problem "
                "you solved, a thank-you someone sent you. Paste the proof and name who knows about it. Work "
                "that nobody sees rarely opens doors; these notes are ready when you update your CV, "
                "prepare your stories for an interview, or ask someone to vouch for you."
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        e = self.editor
        chain = [self.table, e.achievement, e.proof, e.achieved_on.has_date, e.achieved_on.edit, e.who_knows, e.plans]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.table.record_selected.connect(self._show)
        self.editor.changed.connect(self._editor_changed)
        self._notifier.changed.connect(self.evidence_changed)
        self.refresh()

    def _build_body(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Evidence of your work:"))
        label.setBuddy(self.table)
        left_layout.addWidget(label)
        left_layout.addWidget(self.table)
        return list_and_editor(left, self.editor)

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_action = action_button(self, row, self.tr("New evidence"), "Ctrl+Shift+N", self.new_entry)
        self.up_action = action_button(self, row, self.tr("Move up"), "Ctrl+Up", lambda: self.move_current(-1))
        self.down_action = action_button(self, row, self.tr("Move down"), "Ctrl+Down", lambda: self.move_current(1))
        self.delete_action = action_button(
            self, row, self.tr("Delete evidence…"), "Ctrl+Shift+Del", self.delete_current
        )
        row.addStretch(1)
        return row

    # -- showing --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the entries and the plans again (after plans changed elsewhere, or on start)."""
        self._flush()
        self._entries = list_evidence(self._db)
        self.editor.set_plan_choices([(plan.id, plan.title) for plan in list_plan_summaries(self._db)])
        self.table.set_records(self._entries)
        self.stack.set_empty(not self._entries)
        self._show_current_or_first()

    def current_entry_id(self) -> int | None:
        return self.table.current_id()

    def select_entry(self, entry_id: int) -> None:
        self.table.select_id(entry_id)

    def _show(self, entry_id: int) -> None:
        self._flush()
        entry = next((e for e in self._entries if e.id == entry_id), None)
        self.editor.load(entry, self.today())
        self.delete_action.setEnabled(entry is not None)
        row = self.model.row_of(entry_id) if entry is not None else None
        self.up_action.setEnabled(row is not None and row > 0)
        self.down_action.setEnabled(row is not None and row < self.model.rowCount() - 1)

    def _editor_changed(self, entry_id: int, fields: dict) -> None:  # type: ignore[type-arg]
        self._notifier.mark()
        for position, entry in enumerate(self._entries):
            if entry.id == entry_id:
                self._entries[position] = with_changes(entry, fields)
                self.model.replace_record(self._entries[position])
                return

    # -- actions ---------------------------------------------------------------------------------------

    def new_entry(self) -> int:
        """Add an entry dated today, select it, and put the cursor on what was achieved."""
        self._flush()
        entry_id = create_evidence(self._db, self.tr("New achievement"), achieved_on=self.today())
        self._after_create(entry_id)
        self.editor.focus_achievement()
        self._say(self.tr("Added an entry. Say what you achieved, then paste the proof."))
        self.evidence_changed.emit()
        return entry_id

    def move_current(self, offset: int) -> None:
        """Move the selected entry up (-1) or down (1) in the user's order."""
        entry_id = self.table.current_id()
        if entry_id is None:
            return
        self._flush()
        order = moved([e.id for e in self._entries], entry_id, offset)
        if order == [e.id for e in self._entries]:
            return
        reorder_evidence(self._db, order)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.evidence_changed.emit()

    def delete_current(self) -> bool:
        """Delete the selected entry after asking; True if it was deleted."""
        entry: EvidenceRecord | None = self.table.current_record()
        if entry is None:
            return False
        question = self.tr("Delete the evidence “{achievement}” and its proof? This cannot be undone.").format(
            achievement=entry.achievement
        )
        done = self.tr("Deleted the evidence “{achievement}”.").format(achievement=entry.achievement)
        deleted = self._delete_record(entry.id, self.tr("Delete evidence"), question, done, delete_evidence)
        if deleted:
            self.evidence_changed.emit()
        return deleted
