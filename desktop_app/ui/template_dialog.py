"""The dialog that edits the checklist template new interviews start from.

Every edit is written at once. Deleting an item can be undone (Ctrl+Z); going back
to the template that ships with the app asks first. Checklists of interviews that
already exist never change.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.choices import CHECKLIST_SECTIONS
from desktop_app.core.prepare_records import TemplateItem
from desktop_app.storage.checklist_templates import (
    add_template_item,
    delete_template_item,
    list_template,
    move_template_item,
    reset_template,
    restore_template_item,
    update_template_item,
)
from desktop_app.storage.database import Database
from desktop_app.ui.actions import Confirm, ask_yes_no
from desktop_app.ui.due_delegate import DUE_OFFSET_ROLE, DueDelegate
from desktop_app.ui.prepare_labels import due_label, section_label

SECTION_COLUMN, TEXT_COLUMN, DUE_COLUMN = range(3)
_Index = QModelIndex | QPersistentModelIndex


class TemplateModel(QAbstractTableModel):
    """The template's items in order; edits go straight to storage."""

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[TemplateItem] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list_template(self._db)
        self.endResetModel()

    def item_at(self, row: int) -> TemplateItem:
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._rows) if item.id == item_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Section"), self.tr("Item"), self.tr("Due"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if column == DUE_COLUMN and role == DUE_OFFSET_ROLE:
            return item.due_offset_days
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == SECTION_COLUMN:
            return item.section if role == Qt.ItemDataRole.EditRole else section_label(item.section)
        if column == TEXT_COLUMN:
            return item.text
        return due_label(item.due_offset_days)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        item = self._rows[index.row()]
        column = index.column()
        if column == DUE_COLUMN and role in (DUE_OFFSET_ROLE, Qt.ItemDataRole.EditRole):
            changes: dict[str, object] = {"due_offset_days": None if value is None else int(value)}
        elif column in (SECTION_COLUMN, TEXT_COLUMN) and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text:
                return False
            changes = {"section" if column == SECTION_COLUMN else "text": text}
        else:
            return False
        update_template_item(self._db, item.id, **changes)
        self._rows[index.row()] = dataclasses.replace(item, **changes)  # type: ignore[arg-type]
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True


class SectionDelegate(QStyledItemDelegate):
    """Edits a section name: pick a standard one or type your own."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setAccessibleName(self.tr("Section"))
        for section in CHECKLIST_SECTIONS:
            combo.addItem(section_label(section), section)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(value)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(value)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findText(editor.currentText())
        value = editor.itemData(found) if found >= 0 else editor.currentText()
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class DeleteTemplateItemCommand(QUndoCommand):
    def __init__(self, dialog: TemplateDialog, item: TemplateItem) -> None:
        super().__init__(dialog.tr("Delete “{text}”").format(text=item.text[:40]))
        self._dialog = dialog
        self._item = item
        self._item_id = item.id

    def redo(self) -> None:
        deleted = delete_template_item(self._dialog.db, self._item_id)
        if deleted is not None:
            self._item = deleted
        self._dialog.model.reload()
        self._dialog.select_row(min(self._item.position, self._dialog.model.rowCount() - 1))

    def undo(self) -> None:
        self._item_id = restore_template_item(self._dialog.db, self._item)
        self._dialog.model.reload()
        self._dialog.select_row(self._dialog.model.row_of(self._item_id))


def _plain_button(text: str) -> QPushButton:
    """A button that Return does not press: Return belongs to the table's item editors."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


class TemplateDialog(QDialog):
    """Edit the checklist template; ``confirm`` can be replaced in tests."""

    def __init__(self, db: Database, parent: QWidget | None = None, confirm: Confirm = ask_yes_no) -> None:
        super().__init__(parent)
        self.db = db
        self.confirm = confirm
        self.setWindowTitle(self.tr("Checklist template"))
        self.resize(820, 560)
        self.undo_stack = QUndoStack(self)
        self.model = TemplateModel(db, self)
        intro = QLabel(
            self.tr(
                "Every interview you add from now on starts with these items. "
                "Checklists of interviews you already have stay as they are. Changes are saved as you make them."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Template items"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(SECTION_COLUMN, SectionDelegate(self.table))
        self.table.setItemDelegateForColumn(DUE_COLUMN, DueDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SECTION_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        intro.setBuddy(self.table)

        buttons = QHBoxLayout()
        self.add_action = self._button(buttons, self.tr("&Add item"), "Ctrl+Shift+N", self.add_item)
        self.delete_action = self._button(buttons, self.tr("&Delete item"), "Delete", self.delete_current)
        self.up_action = self._button(buttons, self.tr("Move &up"), "Ctrl+Up", lambda: self.move_current(-1))
        self.down_action = self._button(buttons, self.tr("Move do&wn"), "Ctrl+Down", lambda: self.move_current(1))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.addAction(undo)
        self.undo_action = undo
        buttons.addStretch(1)
        reset = _plain_button(self.tr("&Restore the default template…"))
        reset.clicked.connect(self.restore_defaults)
        buttons.addWidget(reset)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        if self.model.rowCount():
            self.select_row(0)
        self.table.setFocus()

    def _button(self, layout: QHBoxLayout, text: str, keys: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        button = _plain_button(text)
        button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(action.trigger)
        layout.addWidget(button)
        return action

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, TEXT_COLUMN))

    def add_item(self) -> int:
        row = self.current_row()
        section = self.model.item_at(row).section if row >= 0 else CHECKLIST_SECTIONS[0]
        item_id = add_template_item(self.db, section, self.tr("New item"))
        self.model.reload()
        new_row = self.model.row_of(item_id)
        if row >= 0 and move_template_item(self.db, item_id, row + 1):
            self.model.reload()
            new_row = row + 1
        self.select_row(new_row)
        self.table.edit(self.model.index(new_row, TEXT_COLUMN))
        return item_id

    def delete_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.undo_stack.push(DeleteTemplateItemCommand(self, self.model.item_at(row)))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        item_id = self.model.item_at(row).id
        if move_template_item(self.db, item_id, row + step):
            self.model.reload()
            self.select_row(self.model.row_of(item_id))

    def restore_defaults(self) -> None:
        question = self.tr(
            "Replace all {count} items of your template with the template that ships with Bounceback? "
            "Existing interviews keep their checklists."
        ).format(count=self.model.rowCount())
        if not self.confirm(self, self.tr("Restore the default template"), question):
            return
        reset_template(self.db)
        self.undo_stack.clear()
        self.model.reload()
        self.select_row(0)
