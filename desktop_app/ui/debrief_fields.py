"""Input helpers for the debrief wizard: text checked as it is typed, and optional numbers.

A ``TextGuard`` watches one QLineEdit or QPlainTextEdit. Text that can be stored is
announced with ``accepted`` (the page then schedules the write); text that cannot (over
its limit, a broken character) shows a plain-text message under the field and is not
written, so the last good version stays on disk and nothing is silently cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox, QWidget

from desktop_app.core.text_rules import Problem, TextProblem, check_text

TextWidget = QLineEdit | QPlainTextEdit


def _tr(text: str) -> str:
    return QCoreApplication.translate("debrief", text)


def problem_message(problem: TextProblem) -> str:
    """What is wrong with a text and what the user can do; it always says nothing was lost."""
    if problem.problem is Problem.TOO_LONG:
        return _tr(
            "This is {length} characters long; the limit here is {limit}. Nothing was cut, but it is not saved "
            "until you shorten it by {over}."
        ).format(length=problem.length, limit=problem.limit, over=problem.length - problem.limit)
    if problem.problem is Problem.SURROGATE:
        return _tr(
            "Character {position} is a broken character (half of a pair) that cannot be saved. Delete it and "
            "type it again; the change is saved once it is gone."
        ).format(position=problem.position)
    return _tr(
        "Character {position} is an invisible control character (U+{code:04X}) that cannot be saved. Delete it; "
        "the change is saved once it is gone."
    ).format(position=problem.position, code=problem.code_point)


def text_of(widget: TextWidget) -> str:
    """The text exactly as typed.

    ``QPlainTextEdit.toPlainText()`` turns no-break spaces into plain spaces and line
    separators (U+2028) into line breaks; joining the raw text of the lines keeps them.
    """
    if not isinstance(widget, QPlainTextEdit):
        return widget.text()
    lines = []
    block = widget.document().begin()
    while block.isValid():
        lines.append(block.text())
        block = block.next()
    return "\n".join(lines)


def set_text(widget: TextWidget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)


class ProblemLabel(QLabel):
    """A hidden, plain-text label for problem messages, shared by the fields of one row.

    Each field reports its own problem (or None); the label shows the first field's
    message that is still standing, so fixing one field never hides another's problem.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._order: list[int] = []
        self._messages: dict[int, str] = {}
        self.hide()

    def report(self, reporter: object, message: str | None) -> None:
        key = id(reporter)
        if key not in self._order:
            self._order.append(key)
        if message is None:
            self._messages.pop(key, None)
        else:
            self._messages[key] = message
        standing = next((self._messages[key] for key in self._order if key in self._messages), None)
        if standing is None:
            self.clear()
            self.hide()
        else:
            self.setText(standing)
            self.show()


def problem_label() -> ProblemLabel:
    return ProblemLabel()


class TextGuard(QObject):
    """Checks a text field on every change; ``accepted`` carries text that may be stored."""

    accepted = Signal(str)

    def __init__(
        self, widget: TextWidget, limit: int, label: ProblemLabel, name: str = "", parent: QObject | None = None
    ) -> None:
        """``name`` starts the message when several fields share ``label`` (the fields of a row)."""
        super().__init__(parent or widget)
        self.widget = widget
        self.name = name
        self.limit = limit
        self.label = label
        self._problem: TextProblem | None = None
        self._loading = False
        widget.textChanged.connect(self._changed)

    @property
    def problem(self) -> TextProblem | None:
        return self._problem

    def text(self) -> str:
        return text_of(self.widget)

    def load(self, text: str) -> None:
        """Show stored text without writing it back."""
        self._loading = True
        try:
            set_text(self.widget, text)
        finally:
            self._loading = False
        self.check()

    def check(self) -> TextProblem | None:
        self._problem = check_text(self.text(), self.limit)
        message = None if self._problem is None else problem_message(self._problem)
        if message is not None and self.name:
            message = _tr("{field}: {problem}").format(field=self.name, problem=message)
        self.label.report(self, message)
        return self._problem

    def _changed(self) -> None:
        if self.check() is None and not self._loading:
            self.accepted.emit(self.text())


class OptionalSpin(QSpinBox):
    """A spin box whose text is all selected whenever it gets the focus, however it got it.

    Qt selects only on Tab or a shortcut; when a page opens with the focus already in the
    box, typing "4" over "Not rated" would otherwise be refused.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()


def optional_spin(maximum: int, not_set: str, accessible_name: str, parent: QWidget | None = None) -> QSpinBox:
    """A 1..maximum spin box whose lowest value (0) means "not set yet"."""
    spin = OptionalSpin(parent)
    spin.setRange(0, maximum)
    spin.setSpecialValueText(not_set)
    spin.setAccessibleName(accessible_name)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    return spin.value() or None
