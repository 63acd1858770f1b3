"""Editors for a step's tier (a combo box explaining each tier) and due date (typed, checked)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.core.choices import FailureTier
from desktop_app.ui.labels import tier_explanation, tier_label
from desktop_app.ui.planb_dates import day_example

_Index = QModelIndex | QPersistentModelIndex


def fill_tier_combo(combo: QComboBox, current: str | None = None) -> None:
    """Every tier, cheapest failure first, each with its explanation as a tool tip."""
    combo.clear()
    for tier in FailureTier:
        combo.addItem(tier_label(tier), str(tier))
        combo.setItemData(combo.count() - 1, tier_explanation(tier), Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.setToolTip(tier_explanation(str(combo.currentData())))
    combo.currentIndexChanged.connect(lambda _i: combo.setToolTip(tier_explanation(str(combo.currentData()))))


class TierDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Tier"))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        fill_tier_combo(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DayDelegate(QStyledItemDelegate):
    """A typed date; ``refused(text)`` when the text is not a date (the saved date stays)."""

    refused = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAccessibleName(self.tr("Due date"))
        edit.setPlaceholderText(day_example())
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if not model.setData(index, editor.text(), Qt.ItemDataRole.EditRole):
            self.refused.emit(editor.text())
