"""Editable lists of rows for the debrief wizard: add, remove (with undo), each field checked.

``RowsEditor`` holds ``RowWidget``s; the question, competency and lesson rows live in
``debrief_row_kinds.py``. ``changed`` fires only while every field can be stored, so a
page then writes the whole list through the autosaver.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.debrief_fields import TextGuard, problem_label
from desktop_app.ui.debrief_page import tr


def widgets_in_order(layout: QLayout) -> list[QWidget]:
    """The widgets of ``layout`` as they appear on screen: form rows top to bottom, label before field."""
    items = []
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            for role in (
                QFormLayout.ItemRole.LabelRole,
                QFormLayout.ItemRole.FieldRole,
                QFormLayout.ItemRole.SpanningRole,
            ):
                if (item := layout.itemAt(row, role)) is not None:
                    items.append(item)
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
    found: list[QWidget] = []
    for item in items:
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(widgets_in_order(item.layout()))
    return found


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


class RowWidget(QFrame):
    """One row: a small form of fields, a problem label and a Remove button."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, removable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.guards: list[TextGuard] = []
        self.form = QFormLayout()
        self.message = problem_label()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        self.remove_button: QPushButton | None = None
        if removable:
            self.remove_button = QPushButton(tr("Remove"))
            self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.remove_button)
            layout.addLayout(buttons)

    def line(self, label: str, limit: int, text: str = "", accessible: str = "") -> QLineEdit:
        """A checked one-line field in this row."""
        edit = QLineEdit()
        self.form.addRow(label, edit)
        if accessible:
            edit.setAccessibleName(accessible)
        guard = TextGuard(edit, limit, self.message, name=label.rstrip(": ").replace("&", ""))
        guard.load(text)
        edit.setCursorPosition(0)  # a long stored text shows its beginning, not its end
        guard.accepted.connect(lambda _text: self.changed.emit())
        self.guards.append(guard)
        return edit

    def set_number(self, number: int) -> None:
        """Rows are numbered from 1 in accessible names and headings."""

    def entry(self) -> object:
        raise NotImplementedError

    def is_blank(self) -> bool:
        return bool(getattr(self.entry(), "is_blank", lambda: False)())

    def first_field(self) -> QWidget | None:
        return self.guards[0].widget if self.guards else None

    def tab_widgets(self) -> list[QWidget]:
        """The row's inputs in reading order, then its Remove button."""
        return [widget for widget in widgets_in_order(self.layout()) if takes_tab(widget)]


class RowsEditor(QWidget):
    """A vertical list of rows with an Add button and an undo for the last removal."""

    changed = Signal()

    def __init__(self, add_text: str, make_row: Callable[[object | None], RowWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._make_row = make_row
        self.rows: list[RowWidget] = []
        self._removed: tuple[int, object] | None = None
        self._tab_anchor = QWidget(self)
        self._tab_anchor.hide()
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.undo_button = QPushButton(tr("&Undo remove"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addLayout(buttons)

    def load(self, entries: list) -> None:  # type: ignore[type-arg]
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for entry in entries:
            self._insert(len(self.rows), entry)
        self._renumber()

    def entries(self) -> list:  # type: ignore[type-arg]
        return [row.entry() for row in self.rows]

    def guards(self) -> list[TextGuard]:
        return [guard for row in self.rows for guard in row.guards]

    def can_store(self) -> bool:
        return all(guard.problem is None for guard in self.guards())

    def add_row(self, entry: object | None = None, focus: bool = False) -> RowWidget:
        row = self._insert(len(self.rows), entry)
        self._renumber()
        if focus and (first := row.first_field()) is not None:
            first.setFocus()
        self._emit()
        return row

    def _insert(self, index: int, entry: object | None) -> RowWidget:
        row = self._make_row(entry)
        row.changed.connect(self._emit)
        row.remove_requested.connect(self.remove_row)
        self.rows.insert(index, row)
        self._rows_layout.insertWidget(index, row)
        row.show()  # at once, not after the next event loop turn, so focus and checks see it
        return row

    def remove_row(self, row: RowWidget) -> None:
        index = self.rows.index(row)
        if not row.is_blank():
            self._removed = (index, row.entry())
            self.undo_button.show()
        self.rows.pop(index)
        row.hide()
        row.deleteLater()
        self._renumber()
        self._emit()
        target = self.rows[min(index, len(self.rows) - 1)].first_field() if self.rows else self.add_button
        if target is not None:
            target.setFocus()

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        index, entry = self._removed
        self._removed = None
        self.undo_button.hide()
        self._insert(min(index, len(self.rows)), entry)
        self._renumber()
        self._emit()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
        self._align_labels()
        self._order_tabs()

    def _align_labels(self) -> None:
        """Every row has its own form; one label width for all of them keeps the fields in a column."""
        labels = [
            item.widget()
            for row in self.rows
            for index in range(row.form.rowCount())
            if (item := row.form.itemAt(index, QFormLayout.ItemRole.LabelRole)) is not None and item.widget()
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _order_tabs(self) -> None:
        """Tab walks the rows top to bottom, then the Add and Undo buttons.

        Rows are created after the buttons and Qt puts new widgets at the end of the window's
        focus chain, so the rows are hooked in after a hidden anchor made before the buttons.
        """
        chain = [widget for row in self.rows for widget in row.tab_widgets()]
        chain += [self.add_button, self.undo_button]
        # Qt ignores the tab order of a NoFocus widget, so the anchor takes focus only meanwhile;
        # afterwards nothing (QWizard looking for a page's first field included) stops on it.
        self._tab_anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for first, second in zip([self._tab_anchor, *chain], chain, strict=False):
            QWidget.setTabOrder(first, second)
        self._tab_anchor.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _emit(self) -> None:
        if self.can_store():
            self.changed.emit()
