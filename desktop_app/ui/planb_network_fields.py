"""Pieces shared by the Plan B tab's Network and Evidence pages.

An optional date field (a date, or clearly none), a checkable list of linked records,
a form base that saves every field through the AutoSaver as the user types, a table of
records selectable by id, and the page base with its status line and delete question.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.database import Database
from desktop_app.ui.actions import Confirm, ask_yes_no
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.formatting import locale_date_format, to_qdate
from desktop_app.ui.table_model import Column, RowTableModel

Write = Callable[[], None]
DeleteFn = Callable[[Database, int], None]
MAX_COLUMN_WIDTH = 150
_CHECKABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class HasId(Protocol):
    @property
    def id(self) -> int: ...


Record = TypeVar("Record", bound=HasId)


def plain_text_edit(max_height: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line plain-text field where Tab moves on (so the form works from the keyboard)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(max_height)
    edit.setPlaceholderText(placeholder)
    return edit


def list_and_editor(left: QWidget, editor: QWidget) -> QSplitter:
    """The page body: ``left`` (the list) beside ``editor`` in a scroll area, its rows kept together at the top."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.addWidget(editor)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(holder)
    scroll.setWidgetResizable(True)
    body = QSplitter(Qt.Orientation.Horizontal)
    body.addWidget(left)
    body.addWidget(scroll)
    body.setStretchFactor(0, 4)
    body.setStretchFactor(1, 3)
    body.setSizes([760, 600])
    return body


class OptionalDateEdit(QWidget):
    """A date that may be absent: "☑ On [date]", or unticked with "not set" beside it.

    ``date_changed(date | None)`` is emitted for the user's changes only, not for ``set_value``.
    """

    date_changed = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.has_date = QCheckBox(self.tr("On"))
        self.has_date.setAccessibleName(self.tr("{name}: has a date").format(name=name))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(locale_date_format())
        self.edit.setAccessibleName(name)
        self.none_label = QLabel(self.tr("not set"))
        self.none_label.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_date)
        row.addWidget(self.edit)
        row.addWidget(self.none_label)
        row.addStretch(1)
        self.setFocusProxy(self.has_date)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.has_date.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self._emit())
        self._show_state(False)

    def value(self) -> date | None:
        if not self.has_date.isChecked():
            return None
        return self.edit.date().toPython()  # type: ignore[return-value]

    def set_value(self, value: date | None, default: date | None = None) -> None:
        """Show ``value`` (or, when none, keep ``default`` ready for when the box is ticked)."""
        self._loading = True
        try:
            shown = value or default or date.today()
            self.edit.setDate(to_qdate(shown))
            self.has_date.setChecked(value is not None)
            self._show_state(value is not None)
        finally:
            self._loading = False

    def focus_date(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggled(self, on: bool) -> None:
        self._show_state(on)
        if on and not self._loading:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._emit()

    def _show_state(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.none_label.setVisible(not on)

    def _emit(self) -> None:
        if not self._loading:
            self.date_changed.emit(self.value())


class CheckableIdList(QListWidget):
    """Choices the user ticks (any number); ``checked_changed(ids)`` after each user change."""

    checked_changed = Signal(list)

    def __init__(self, name: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._empty_text = empty_text
        self.setAccessibleName(name)
        self.setMaximumHeight(110)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemChanged.connect(self._item_changed)

    def set_choices(self, choices: Sequence[tuple[int, str]], checked: Sequence[int] = ()) -> None:
        """Replace the choices (id, plain text) and tick ``checked``."""
        self._loading = True
        try:
            self.clear()
            for choice_id, text in choices:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, choice_id)
                item.setFlags(_CHECKABLE)
                item.setCheckState(Qt.CheckState.Checked if choice_id in checked else Qt.CheckState.Unchecked)
                self.addItem(item)
            if not choices:
                placeholder = QListWidgetItem(self._empty_text)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                self.addItem(placeholder)
        finally:
            self._loading = False

    def set_checked(self, checked: Sequence[int]) -> None:
        self._loading = True
        try:
            for item in self._choice_items():
                on = item.data(Qt.ItemDataRole.UserRole) in checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def checked_ids(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in self._choice_items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def choice_texts(self) -> list[str]:
        return [item.text() for item in self._choice_items()]

    def item_for(self, choice_id: int) -> QListWidgetItem | None:
        return next((i for i in self._choice_items() if i.data(Qt.ItemDataRole.UserRole) == choice_id), None)

    def _choice_items(self) -> list[QListWidgetItem]:
        items = [self.item(row) for row in range(self.count())]
        return [item for item in items if item.data(Qt.ItemDataRole.UserRole) is not None]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.checked_changed.emit(self.checked_ids())


class AutosaveForm(QWidget):
    """Base of an editor for one record: each field change is scheduled on the AutoSaver.

    The write captures the record id and the value at that moment, so switching to another
    record mid-edit loses nothing. ``changed(id, {field: value})`` lets the page update its
    list at once; field names are the record's attribute names.
    """

    changed = Signal(int, dict)
    kind = "record"

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self._record_id: int | None = None
        self._loading = False
        self._saved_required = ""

    def record_id(self) -> int | None:
        return self._record_id

    def _writer(self, record_id: int, field: str, value: Any) -> Write:
        """The write that stores ``value`` in ``field`` of record ``record_id``."""
        raise NotImplementedError

    def _save(self, field: str, value: Any) -> None:
        if self._loading or self._record_id is None:
            return
        record_id = self._record_id
        key: Hashable = (self.kind, record_id, field)
        self._saver.schedule(key, self._writer(record_id, field, value))
        self.changed.emit(record_id, {field: value})

    def _required_edited(self, field: str, text: str, problem: QLabel, message: str) -> None:
        """Save a required text, or say (``message`` with {saved}) why an empty one is not saved."""
        if not text.strip():
            problem.setText(message.format(saved=self._saved_required))
            problem.show()
            return
        problem.hide()
        self._saved_required = text
        self._save(field, text)


class IdRowModel(RowTableModel[Record]):
    """Rows of records with an ``id``; one row can be replaced while the user edits it."""

    def replace_record(self, record: Record) -> None:
        for row, current in enumerate(self._rows):
            if current.id == record.id:
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, record in enumerate(self._rows) if record.id == record_id), None)


class RecordTable(QTableView):
    """A single-selection table of records; ``record_selected(id)`` (-1 for none) when the user moves."""

    record_selected = Signal(int)

    def __init__(self, columns: Sequence[Column[Any]], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: IdRowModel[Any] = IdRowModel(columns, self)
        self._current_id: int | None = None
        self.setModel(self.records)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setAccessibleName(name)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records``, keeping the selected one if it is still there (else none is current).

        Nothing is announced: the page decides what to show after a refresh.
        """
        first_fill = self.records.rowCount() == 0
        self.records.set_rows(records)
        if first_fill and records:
            self.resizeColumnsToContents()
            for column in range(self.records.columnCount() - 1):  # the last one takes the rest
                self.setColumnWidth(column, min(self.columnWidth(column), MAX_COLUMN_WIDTH))
        row = None if self._current_id is None else self.records.row_of(self._current_id)
        if row is None:
            self._current_id = None
        else:
            self._select_row(row)

    def current_id(self) -> int | None:
        return self._current_id

    def current_record(self) -> Any:
        row = None if self._current_id is None else self.records.row_of(self._current_id)
        return None if row is None else self.records.row_at(row)

    def select_id(self, record_id: int | None) -> None:
        row = None if record_id is None else self.records.row_of(record_id)
        if row is None:
            self._set_current(None)
            return
        self._select_row(row)
        self._set_current(record_id)

    def select_first(self) -> None:
        self.select_id(self.records.row_at(0).id if self.records.rowCount() else None)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            return
        index = self.records.index(row, 0)
        selection = self.selectionModel()
        flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_current(self.records.row_at(current.row()).id)

    def _set_current(self, record_id: int | None) -> None:
        if record_id == self._current_id:
            return
        self._current_id = record_id
        self.record_selected.emit(-1 if record_id is None else record_id)


def with_changes(record: Record, fields: dict[str, Any]) -> Record:
    """``record`` with the edited fields that it has replaced (others are ignored)."""
    known = {name: value for name, value in fields.items() if hasattr(record, name)}
    return dataclasses.replace(record, **known) if known else record  # type: ignore[type-var]


class ChangeNotifier(QObject):
    """Emits ``changed`` once after the AutoSaver has written a batch that touched this page."""

    changed = Signal()

    def __init__(self, saver: AutoSaver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marked = False
        saver.saved.connect(self._saved)

    def mark(self) -> None:
        self._marked = True

    def _saved(self) -> None:
        if self._marked:
            self._marked = False
            self.changed.emit()


class RecordPage(QWidget):
    """Base of a list-and-editor page: its AutoSaver, Confirm question, status line and record table.

    A subclass sets ``table`` and implements ``refresh()`` and ``_show(id)`` (-1 for none).
    """

    table: RecordTable

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.confirm: Confirm = ask_yes_no
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

    def refresh(self) -> None:
        raise NotImplementedError

    def _show(self, record_id: int) -> None:
        raise NotImplementedError

    def _show_current_or_first(self) -> None:
        """After the rows were read again: show the selected record, or the first, or none."""
        current = self.table.current_id()
        if current is not None:
            self._show(current)
            return
        self.table.select_first()
        if self.table.current_id() is None:
            self._show(-1)

    def _after_create(self, record_id: int) -> None:
        self.refresh()
        self.table.select_id(record_id)

    def _delete_record(self, record_id: int, title: str, question: str, done: str, delete: DeleteFn) -> bool:
        """Ask ``question``; if the user agrees, delete, select the neighbour and say ``done``."""
        self._flush()
        if not self.confirm(self, title, question):
            return False
        row = self.table.records.row_of(record_id) or 0
        delete(self._db, record_id)
        self.refresh()
        count = self.table.records.rowCount()
        if count:
            self.table.select_id(self.table.records.row_at(min(row, count - 1)).id)
        self._say(done)
        return True

    def _flush(self) -> None:
        """Write what the user typed before the page changes what it shows."""
        if self._saver.has_pending():
            self._saver.flush()

    def _say(self, message: str) -> None:
        self.status.setText(message)
