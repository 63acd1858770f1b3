"""A tree model of one interview's checklist: sections at the top level, items under them.

Columns: the item (checkbox and text), its due point, and where it came from. Items
past their due point and not done are marked with colour, an icon and the word
"overdue". Edits change the model at once and are announced through ``edited`` and
``move_requested``; the owner writes them to storage. data() never touches storage.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core.checklist_rules import is_overdue, progress
from desktop_app.core.choices import ItemOrigin
from desktop_app.core.prepare_records import ChecklistEntry
from desktop_app.ui.due_delegate import DUE_OFFSET_ROLE
from desktop_app.ui.prepare_labels import due_label, progress_text, section_label

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 11
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 12
MIME_TYPE = "application/x-bounceback-checklist-item"
TEXT_COLUMN, DUE_COLUMN, FROM_COLUMN = range(3)
OVERDUE_COLOUR = QColor("#a40000")
_Index = QModelIndex | QPersistentModelIndex
_SECTION = 0
_R = Qt.ItemDataRole
_F = Qt.ItemFlag
_ROOT_FLAGS = _F.ItemIsDropEnabled
_SECTION_FLAGS = _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsDropEnabled
_MOVABLE = _SECTION_FLAGS | _F.ItemIsDragEnabled
_ITEM_FLAGS = {
    TEXT_COLUMN: _MOVABLE | _F.ItemIsUserCheckable | _F.ItemIsEditable,
    DUE_COLUMN: _MOVABLE | _F.ItemIsEditable,
    FROM_COLUMN: _MOVABLE,
}
# The roles data() answers; the view asks for many more on every paint.
_ROLES = frozenset(
    int(role)
    for role in (
        _R.DisplayRole,
        _R.EditRole,
        _R.CheckStateRole,
        _R.ToolTipRole,
        _R.AccessibleTextRole,
        _R.AccessibleDescriptionRole,
        _R.ForegroundRole,
        _R.DecorationRole,
        _R.FontRole,
        ITEM_ID_ROLE,
        OVERDUE_ROLE,
        DUE_OFFSET_ROLE,
    )
)


@dataclass
class _Section:
    name: str
    items: list[ChecklistEntry] = field(default_factory=list)


class ChecklistModel(QAbstractItemModel):
    edited = Signal(int, str, object)  # item id, field name, new value
    move_requested = Signal(int, int)  # item id, new index within its section

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[_Section] = []
        self._scheduled_at: datetime | None = None
        self._now = datetime.now()
        self._overdue_ids: set[int] = set()
        self._section_font = QFont()
        self._section_font.setBold(True)
        self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    # -- contents ------------------------------------------------------------------------------

    def set_items(
        self, items: list[ChecklistEntry], scheduled_at: datetime | None, now: datetime | None = None
    ) -> None:
        self.beginResetModel()
        self._scheduled_at = scheduled_at
        self._now = now or datetime.now()
        self._sections = []
        for item in items:
            if not self._sections or self._sections[-1].name != item.section:
                self._sections.append(_Section(item.section))
            self._sections[-1].items.append(item)
        self._mark_overdue()
        self.endResetModel()

    def set_schedule(self, scheduled_at: datetime | None, now: datetime | None = None) -> None:
        """The interview moved: overdue marks change, nothing else."""
        self._scheduled_at = scheduled_at
        self._now = now or datetime.now()
        self._mark_overdue()
        for row, section in enumerate(self._sections):
            if section.items:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(section.items) - 1, 2, parent))

    def entries(self) -> list[ChecklistEntry]:
        return [item for section in self._sections for item in section.items]

    def sections(self) -> list[str]:
        return [section.name for section in self._sections]

    def progress(self):  # type: ignore[no-untyped-def]
        return progress([item.done for item in self.entries()])

    def overdue_entries(self) -> list[ChecklistEntry]:
        return [item for item in self.entries() if self._overdue(item)]

    def entry_at(self, index: _Index) -> ChecklistEntry | None:
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        return self._sections[index.internalId() - 1].items[index.row()]

    def section_at(self, index: _Index) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._sections[index.row()].name
        return self._sections[index.internalId() - 1].name

    def index_of_item(self, item_id: int, column: int = TEXT_COLUMN) -> QModelIndex:
        for section_row, section in enumerate(self._sections):
            for row, item in enumerate(section.items):
                if item.id == item_id:
                    return self.createIndex(row, column, section_row + 1)
        return QModelIndex()

    def index_of_section(self, name: str) -> QModelIndex:
        for row, section in enumerate(self._sections):
            if section.name == name:
                return self.createIndex(row, 0, _SECTION)
        return QModelIndex()

    def _overdue(self, item: ChecklistEntry) -> bool:
        return item.id in self._overdue_ids

    def _mark_overdue(self) -> None:
        """Work out once which items are overdue, so data() only looks it up."""
        self._overdue_ids = {
            item.id
            for item in self.entries()
            if is_overdue(self._scheduled_at, item.due_offset_days, item.done, self._now)
        }

    # -- structure ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= 3 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION) if row < len(self._sections) else QModelIndex()
        if parent.internalId() != _SECTION or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._sections[parent.row()].items):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _SECTION and parent.column() == 0:
            return len(self._sections[parent.row()].items)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Due"), self.tr("From"))[section] if 0 <= section < 3 else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _ROOT_FLAGS
        if index.internalId() == _SECTION:
            return _SECTION_FLAGS
        return _ITEM_FLAGS[index.column()] if 0 <= index.column() < 3 else _ITEM_FLAGS[FROM_COLUMN]

    # -- data -------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) not in _ROLES or not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._section_data(self._sections[index.row()], index.column(), role)
        return self._item_data(self._sections[index.internalId() - 1].items[index.row()], index.column(), role)

    def _section_data(self, section: _Section, column: int, role: int) -> Any:
        if column != TEXT_COLUMN:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            done = progress([item.done for item in section.items])
            return f"{section_label(section.name)} ({progress_text(done)})"
        if role == Qt.ItemDataRole.FontRole:
            return self._section_font
        return None

    def _item_data(self, item: ChecklistEntry, column: int, role: int) -> Any:
        overdue = self._overdue(item)
        if role == ITEM_ID_ROLE:
            return item.id
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column != FROM_COLUMN:
            return QBrush(OVERDUE_COLOUR)
        if column == TEXT_COLUMN:
            return self._text_data(item, overdue, role)
        if column == DUE_COLUMN:
            if role == DUE_OFFSET_ROLE:
                return item.due_offset_days
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                text = due_label(item.due_offset_days)
                return self.tr("{due} – overdue").format(due=text) if overdue else text
            if role == Qt.ItemDataRole.DecorationRole and overdue:
                return self._warning_icon
        if column == FROM_COLUMN and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._origin_text(item)
        return None

    def _text_data(self, item: ChecklistEntry, overdue: bool, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = self._origin_text(item)
            parts = [item.text, origin] if origin else [item.text]
            if overdue:
                parts.append(self.tr("Overdue: due {due}.").format(due=due_label(item.due_offset_days).lower()))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and overdue:
            return self.tr("Overdue")
        return None

    def _origin_text(self, item: ChecklistEntry) -> str:
        if item.origin == ItemOrigin.LESSON:
            return self.tr("Lesson from {source}").format(source=item.origin_note or self.tr("an earlier interview"))
        return ""

    # -- editing ------------------------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.entry_at(index)
        if item is None:
            return False
        if index.column() == TEXT_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._change(index, item, "done", done)
        if index.column() == TEXT_COLUMN and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            return bool(text) and self._change(index, item, "text", text)
        if index.column() == DUE_COLUMN and role in (DUE_OFFSET_ROLE, Qt.ItemDataRole.EditRole):
            return self._change(index, item, "due_offset_days", None if value is None else int(value))
        return False

    def _change(self, index: _Index, item: ChecklistEntry, name: str, value: object) -> bool:
        if getattr(item, name) == value:
            return True
        updated = dataclasses.replace(item, **{name: value})  # type: ignore[arg-type]
        section = self._sections[index.internalId() - 1]
        section.items[index.row()] = updated
        self._overdue_ids.discard(item.id)
        if is_overdue(self._scheduled_at, updated.due_offset_days, updated.done, self._now):
            self._overdue_ids.add(item.id)
        parent = self.parent(index)
        self.dataChanged.emit(self.index(index.row(), 0, parent), self.index(index.row(), 2, parent))
        self.dataChanged.emit(parent, parent)
        self.edited.emit(item.id, name, value)
        return True

    # -- drag and drop within a section ---------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        ids = {self.entry_at(index).id for index in indexes if self.entry_at(index) is not None}  # type: ignore[union-attr]
        if len(ids) == 1:
            data.setData(MIME_TYPE, QByteArray(str(ids.pop()).encode()))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: _Index) -> tuple[int, int] | None:
        """(item id, new index in its section) for a drop inside the item's own section."""
        if not data.hasFormat(MIME_TYPE):
            return None
        item_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        source = self.index_of_item(item_id)
        if not source.isValid() or not parent.isValid():
            return None
        if parent.internalId() != _SECTION:  # dropped onto an item: take its place
            row, parent = parent.row(), self.parent(parent)
        if parent.row() != source.internalId() - 1:
            return None
        count = len(self._sections[parent.row()].items)
        row = count if row < 0 else row
        new_index = row - 1 if row > source.row() else row
        return item_id, max(0, min(new_index, count - 1))

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        target = self._drop_target(data, row, parent) if action == Qt.DropAction.MoveAction else None
        if target is None:
            return False
        item_id, new_index = target
        if new_index != self.index_of_item(item_id).row():
            self.move_requested.emit(*target)
        return True
