"""The checklist panel of the Prepare tab: progress and countdown, the item tree, and its actions.

Ticking, editing text and changing due points save through the shared AutoSaver.
Adding, moving and deleting write at once; deleting can be undone (Ctrl+Z).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.checklist_rules import CountdownKind, countdown
from desktop_app.core.choices import CHECKLIST_SECTIONS
from desktop_app.core.prepare_records import ChecklistEntry
from desktop_app.storage.checklists import add_item, delete_item, list_checklist, move_item, restore_item, update_item
from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.checklist_model import DUE_COLUMN, TEXT_COLUMN, ChecklistModel
from desktop_app.ui.due_delegate import DueDelegate
from desktop_app.ui.prepare_labels import countdown_text, progress_text


class DeleteItemCommand(QUndoCommand):
    """Deleting one checklist item; undo puts it back in its place."""

    def __init__(self, panel: ChecklistPanel, entry: ChecklistEntry) -> None:
        super().__init__(panel.tr("Delete “{text}”").format(text=entry.text[:40]))
        self._panel = panel
        self._entry = entry
        self._item_id: int | None = entry.id

    def redo(self) -> None:
        if self._item_id is None:
            return
        deleted = delete_item(self._panel.db, self._item_id)
        if deleted is not None:
            self._entry = deleted
        self._panel.after_undoable_change(self._entry.interview_id, None)

    def undo(self) -> None:
        self._item_id = restore_item(self._panel.db, self._entry)
        self._panel.after_undoable_change(self._entry.interview_id, self._item_id)


class ChecklistPanel(QWidget):
    """Shows and edits the checklist of one interview."""

    progress_changed = Signal(int, int, int)  # interview id, done, total

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._saver = saver
        self._interview_id: int | None = None
        self._scheduled_at: datetime | None = None
        self._company = ""
        self.undo_stack = QUndoStack(self)
        self.model = ChecklistModel(self)
        self.model.edited.connect(self._save_edit)
        self.model.move_requested.connect(self._move)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Checklist"))
        self.view.setItemDelegateForColumn(DUE_COLUMN, DueDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setUniformRowHeights(True)
        self.view.setWordWrap(False)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.model.dataChanged.connect(lambda *_: self._show_summary())

        self.add_action = self._action(self.tr("&Add item"), "Ctrl+Shift+N", self.add_item_here)
        self.delete_action = self._action(self.tr("Delete item"), QKeySequence.StandardKey.Delete, self.delete_current)
        self.due_action = self._action(self.tr("Due poi&nt…"), "Ctrl+E", self.edit_due_point)
        self.up_action = self._action(self.tr("Move up"), "Ctrl+Up", lambda: self.move_current(-1))
        self.down_action = self._action(self.tr("Move down"), "Ctrl+Down", lambda: self.move_current(1))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        buttons = QHBoxLayout()
        for action in (
            self.add_action,
            self.delete_action,
            self.due_action,
            self.up_action,
            self.down_action,
            self.undo_action,
        ):
            button = QPushButton(action.text())
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.text().replace('&', '')} ({keys})")
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: (b.setEnabled(a.isEnabled()), b.setText(a.text())))
            button.setEnabled(action.isEnabled())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.setEnabled(False)

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    # -- loading -----------------------------------------------------------------------------------------

    def interview_id(self) -> int | None:
        return self._interview_id

    def load(self, interview_id: int | None, scheduled_at: datetime | None, company: str | None = None) -> None:
        self._interview_id = interview_id
        self._scheduled_at = scheduled_at
        if company is not None or interview_id is None:
            self._company = company or ""
        items = list_checklist(self.db, interview_id) if interview_id is not None else []
        self.model.set_items(items, scheduled_at)
        self.view.expandAll()
        self.setEnabled(interview_id is not None)
        self._show_summary()

    def set_company(self, company: str) -> None:
        """The interview's company, named (as typed, never as markup) above its checklist."""
        self._company = company
        self._show_summary()

    def set_schedule(self, scheduled_at: datetime | None) -> None:
        self._scheduled_at = scheduled_at
        self.model.set_schedule(scheduled_at)
        self._show_summary()

    def summary_text(self) -> str:
        if self._interview_id is None:
            return self.tr("Select an interview to see its checklist.")
        done = self.model.progress()
        until = countdown(self._scheduled_at, datetime.now())
        if until.kind == CountdownKind.NO_DATE:
            when = self.tr("No interview date yet")
        else:
            when = self.tr("Interview {when}").format(when=countdown_text(until))
        parts = [when, progress_text(done)]
        if self._company:
            parts.insert(0, self._company)
        overdue = len(self.model.overdue_entries())
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue).replace("%n", str(overdue)))
        return " · ".join(parts)

    def _show_summary(self) -> None:
        self.summary.setText(self.summary_text())
        if self._interview_id is not None:
            done = self.model.progress()
            self.progress_changed.emit(self._interview_id, done.done, done.total)

    # -- editing --------------------------------------------------------------------------------------------

    def _save_edit(self, item_id: int, name: str, value: object) -> None:
        db = self.db
        self._saver.schedule(("checklist", item_id, name), lambda: update_item(db, item_id, **{name: value}))

    def _flush(self) -> None:
        if self._saver.has_pending():
            self._saver.flush()

    def current_entry(self) -> ChecklistEntry | None:
        return self.model.entry_at(self.view.currentIndex())

    def select_item(self, item_id: int) -> None:
        index = self.model.index_of_item(item_id)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.scrollTo(index)

    def add_item_here(self) -> int | None:
        """Add an item to the selected section (or the first one) and start editing its text."""
        if self._interview_id is None:
            return None
        section = self.model.section_at(self.view.currentIndex()) or CHECKLIST_SECTIONS[0]
        self._flush()
        item_id = add_item(self.db, self._interview_id, section, self.tr("New item"))
        self.reload(select=item_id)
        index = self.model.index_of_item(item_id)
        self.view.edit(index)
        return item_id

    def edit_due_point(self) -> None:
        """Open the due point of the selected item for editing (the keyboard way to reach that column)."""
        index = self.view.currentIndex()
        if self.model.entry_at(index) is not None:
            due = index.siblingAtColumn(DUE_COLUMN)
            self.view.setCurrentIndex(due)
            self.view.edit(due)

    def delete_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self._flush()
        self.undo_stack.push(DeleteItemCommand(self, entry))

    def move_current(self, step: int) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        row = self.view.currentIndex().row()
        self._move(entry.id, row + step)

    def _move(self, item_id: int, new_index: int) -> None:
        self._flush()
        if move_item(self.db, item_id, new_index):
            self.reload(select=item_id)

    def reload(self, select: int | None = None) -> None:
        self.load(self._interview_id, self._scheduled_at)
        if select is not None:
            self.select_item(select)

    def after_undoable_change(self, interview_id: int, select: int | None) -> None:
        """A delete or its undo changed ``interview_id``'s checklist."""
        if interview_id == self._interview_id:
            current = self.view.currentIndex()
            row, parent_row = current.row(), current.parent().row()
            self.reload(select=select)
            if select is None:
                self._select_near(parent_row, row)
        else:
            items = list_checklist(self.db, interview_id)
            self.progress_changed.emit(interview_id, sum(1 for i in items if i.done), len(items))

    def _select_near(self, section_row: int, row: int) -> None:
        section = self.model.index(section_row, 0) if section_row >= 0 else QModelIndex()
        count = self.model.rowCount(section)
        target = self.model.index(min(row, count - 1), 0, section) if section.isValid() and count else section
        if target.isValid():
            self.view.setCurrentIndex(target)

    def forget_interview(self, interview_id: int) -> None:
        """Its interview was deleted: undoing its item deletions is no longer possible."""
        self.undo_stack.clear()
        if interview_id == self._interview_id:
            self.load(None, None)
