"""The Debrief tab: the list of debriefs (drafts first), the selected one read-only, and its commands.

This module assembles ``debrief_list`` and ``debrief_view`` and owns the tab's actions:
new debrief, edit, print preview, print and save as PDF. The wizard is non-modal; the
list and the view follow what it saves through its ``changed`` signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import debrief_id_for_interview, list_debrief_summaries, load_debrief
from desktop_app.ui import printing
from desktop_app.ui.actions import action_button
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.debrief_list import DebriefList
from desktop_app.ui.debrief_printing import debrief_builder, save_pdf_with_dialog, suggested_pdf_name
from desktop_app.ui.debrief_view import DebriefView
from desktop_app.ui.debrief_wizard import AskKeep, DebriefWizard, ask_keep_or_discard
from desktop_app.ui.empty_state import EmptyStateStack

NEW_DEBRIEF_KEYS = "Ctrl+Shift+B"
EDIT_KEYS = "Ctrl+E"
PRINT_KEYS = "Ctrl+Shift+P"
PDF_KEYS = "Ctrl+Shift+S"


class DebriefTab(QWidget):
    plan_b_requested = Signal()
    debriefs_changed = Signal()

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.wizard: DebriefWizard | None = None
        """The wizard opened last, while it is open."""
        self._wizards: list[DebriefWizard] = []
        self.ask_keep: AskKeep = ask_keep_or_discard
        """How the wizards this tab opens ask keep-or-discard on Close (tests answer it themselves)."""
        self.debriefs = DebriefList()
        self.model = self.debriefs.model
        self.view = DebriefView()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.stack = EmptyStateStack(
            self._build_body(),
            self.tr(
                "No debriefs yet.\nAfter an interview, debrief it while it is fresh: what happened, what was in "
                "your control and what you will do differently.\nPress Ctrl+Shift+B or “New debrief…” to start, "
                "or use “Debrief this interview” on the Prepare tab."
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack)
        layout.addWidget(self.status)
        QWidget.setTabOrder(self.debriefs.table, self.view)
        self.debriefs.debrief_selected.connect(self._show_debrief)
        self.debriefs.debrief_activated.connect(self.edit_debrief)
        self.refresh()

    # -- layout --------------------------------------------------------------------------------

    def _build_body(self) -> QWidget:
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(self.tr("Debr&iefs:"))
        list_label.setBuddy(self.debriefs.table)
        list_layout.addWidget(list_label)
        list_layout.addWidget(self.debriefs)
        view_box = QWidget()
        view_layout = QVBoxLayout(view_box)
        view_layout.setContentsMargins(0, 0, 0, 0)
        view_label = QLabel(self.tr("S&ummary:"))
        view_label.setBuddy(self.view)
        view_layout.addWidget(view_label)
        view_layout.addWidget(self.view)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(list_box)
        body.addWidget(view_box)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([600, 500])
        return body

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_action = action_button(self, row, self.tr("New debrief…"), NEW_DEBRIEF_KEYS, self.new_debrief)
        self.edit_action = action_button(self, row, self.tr("Edit"), EDIT_KEYS, self.edit_current)
        row.addStretch(1)
        self.pdf_action = action_button(self, row, self.tr("Save as PDF…"), PDF_KEYS, self.save_pdf)
        self.print_action = action_button(self, row, self.tr("Print…"), PRINT_KEYS, self.print_to_printer)
        self.preview_action = action_button(
            self, row, self.tr("Print preview…"), "Ctrl+P", self.print_current, shortcut=False
        )
        return row

    # -- showing -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list again each time the tab comes into view (interviews may have changed meanwhile)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Read the debriefs again; the selected one stays selected and its summary is shown afresh."""
        self._flush()
        before = self.current_debrief_id()
        self.debriefs.set_summaries(list_debrief_summaries(self._db))  # shows another selection itself
        self.stack.set_empty(self.model.rowCount() == 0)
        current = self.current_debrief_id()
        if current == before:
            self._show_debrief(-1 if current is None else current)

    def current_debrief_id(self) -> int | None:
        return self.debriefs.current_id()

    def select_debrief(self, debrief_id: int) -> None:
        self.debriefs.select_debrief(debrief_id)

    def _show_debrief(self, debrief_id: int) -> None:
        try:
            draft = load_debrief(self._db, debrief_id) if debrief_id >= 0 else None
        except LookupError:  # discarded meanwhile; the next refresh drops its row
            draft = None
        self.view.show_draft(draft)
        for action in (self.edit_action, self.pdf_action, self.print_action, self.preview_action):
            action.setEnabled(draft is not None)

    # -- the wizard ------------------------------------------------------------------------------

    def new_debrief(self) -> DebriefWizard:
        """The wizard on its first page, no interview chosen: pick one or add a quick one there."""
        wizard = self._make_wizard()
        wizard.start_new(None)
        return self._show_wizard(wizard)

    def start_debrief(self, interview_id: int) -> DebriefWizard | None:
        """Open the debrief of ``interview_id``: the existing one where it was left, or a new one."""
        existing = debrief_id_for_interview(self._db, interview_id)
        if existing is not None:
            return self.edit_debrief(existing)
        wizard = self._make_wizard()
        wizard.start_new(interview_id)
        return self._show_wizard(wizard)

    def edit_current(self) -> DebriefWizard | None:
        current = self.current_debrief_id()
        return None if current is None else self.edit_debrief(current)

    def edit_debrief(self, debrief_id: int) -> DebriefWizard | None:
        """Reopen a debrief in the wizard (a draft where it was left, a finished one at the start).

        A wizard already open on this debrief is brought to the front instead of opening a second one.
        None when the debrief is gone (its interview was deleted meanwhile); the list is read again.
        """
        for wizard in self._wizards:
            if wizard.debrief_id == debrief_id:
                return self._show_wizard(wizard)
        wizard = self._make_wizard()
        try:
            wizard.open_debrief(debrief_id)
        except LookupError:
            self._forget(wizard)
            wizard.deleteLater()
            self.refresh()
            self._say(self.tr("That debrief no longer exists; its interview was deleted."))
            return None
        return self._show_wizard(wizard)

    def open_wizards(self) -> list[DebriefWizard]:
        """The wizards this tab opened that are still open."""
        return list(self._wizards)

    def _make_wizard(self) -> DebriefWizard:
        self._flush()
        wizard = DebriefWizard(self._db, self._saver, self, ask_keep=self.ask_keep)
        wizard.changed.connect(lambda w=wizard: self._wizard_changed(w))
        wizard.completed.connect(self._wizard_completed)
        wizard.plan_b_requested.connect(self.plan_b_requested)
        wizard.finished.connect(lambda _result, w=wizard: self._forget(w))  # closed; deleted later
        self._wizards.append(wizard)
        return wizard

    def _show_wizard(self, wizard: DebriefWizard) -> DebriefWizard:
        self.wizard = wizard
        if wizard.isVisible():
            wizard.raise_()  # already open, perhaps behind the main window
        else:
            wizard.show()
        wizard.activateWindow()
        return wizard

    def _forget(self, wizard: DebriefWizard) -> None:
        if wizard in self._wizards:
            self._wizards.remove(wizard)
        if self.wizard is wizard:
            self.wizard = self._wizards[-1] if self._wizards else None

    def _wizard_changed(self, wizard: DebriefWizard) -> None:
        """Show what the wizard saved; a debrief it has just created becomes the selected one."""
        listed = {row.id for row in self.model.rows()}
        self.refresh()
        if wizard.debrief_id is not None and wizard.debrief_id not in listed:
            self.select_debrief(wizard.debrief_id)
        self.debriefs_changed.emit()

    def _wizard_completed(self, debrief_id: int) -> None:
        self.select_debrief(debrief_id)
        self._say(self.tr("Debrief finished. It is listed below; select it to read or print it."))

    # -- printing -----------------------------------------------------------------------------------

    def _printable(self) -> printing.DocumentBuilder | None:
        """The builder of the selected debrief, as saved; None (and a hint) when nothing is selected."""
        current = self.current_debrief_id()
        if current is None:
            self._say(self.tr("Select a debrief in the list to print it."))
            return None
        self._flush()
        return debrief_builder(self._db, current)

    def print_current(self) -> None:
        """Print preview of the selected debrief (the main window's File > Print…), printing from there."""
        build = self._printable()
        if build is not None:
            dialog = printing.make_preview_dialog(build, self)
            dialog.exec()
            dialog.deleteLater()

    def print_to_printer(self) -> bool:
        """Choose a printer and print the selected debrief; False if nothing was printed."""
        build = self._printable()
        return build is not None and printing.print_with_dialog(build, self)

    def save_pdf(self) -> Path | None:
        build = self._printable()
        summary = self.debriefs.summary(self.current_debrief_id())
        if build is None or summary is None:
            return None
        result = save_pdf_with_dialog(self, self.tr("Save debrief as PDF"), suggested_pdf_name(summary.company), build)
        if result.message:
            self._say(result.message)
        return result.path

    # -- helpers ------------------------------------------------------------------------------------

    def _flush(self) -> None:
        """Write what the user typed in an open wizard before reading the debriefs again."""
        if self._saver.has_pending():
            self._saver.flush()

    def _say(self, message: str) -> None:
        self.status.setText(message)
