"""An item delegate that edits a checklist due point with a combo box of the usual choices."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.core.checklist_rules import DUE_CHOICES
from desktop_app.ui.prepare_labels import due_label, no_due_label

# The model hands the stored offset (int or None) under this role.
DUE_OFFSET_ROLE = Qt.ItemDataRole.UserRole + 10
_Index = QModelIndex | QPersistentModelIndex


def fill_due_combo(combo: QComboBox, current: int | None) -> None:
    choices = list(DUE_CHOICES)
    if current not in choices:
        choices.append(current)
        choices.sort(key=lambda value: -1000 if value is None else value)
    for value in choices:
        combo.addItem(no_due_label() if value is None else due_label(value), value)
    combo.setCurrentIndex(choices.index(current))


class DueDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Due point"))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.clear()
        fill_due_combo(editor, index.data(DUE_OFFSET_ROLE))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), DUE_OFFSET_ROLE)
