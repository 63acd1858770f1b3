"""The three kinds of rows the debrief wizard edits: questions, competencies and lessons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from desktop_app.core.choices import LessonKind
from desktop_app.core.debrief_records import LessonEntry, QuestionEntry, RatingEntry
from desktop_app.core.text_rules import NAME_LIMIT, SHORT_LIMIT
from desktop_app.ui.debrief_fields import optional_spin, spin_value
from desktop_app.ui.debrief_page import plain_label, tr
from desktop_app.ui.debrief_rows import RowWidget
from desktop_app.ui.formatting import to_qdate
from desktop_app.ui.labels import lesson_kind_label


class QuestionRow(RowWidget):
    """A question they asked: the question, your answer in a line, 1–5, what they were after."""

    def __init__(self, entry: QuestionEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        entry = entry or QuestionEntry()
        self.question = self.line(tr("Question:"), SHORT_LIMIT, entry.question)
        self.answer = self.line(tr("Your answer, in a line:"), SHORT_LIMIT, entry.answer)
        self.rating = optional_spin(5, tr("Not rated"), tr("How well you answered, 1 to 5"))
        self.rating.setValue(entry.rating or 0)
        self.rating.valueChanged.connect(lambda _value: self.changed.emit())
        self.form.addRow(tr("How well it went (1–5):"), self.rating)
        self.looking_for = self.line(tr("What they were probably after:"), SHORT_LIMIT, entry.looking_for)

    def set_number(self, number: int) -> None:
        self.question.setAccessibleName(tr("Question {n}").format(n=number))
        self.answer.setAccessibleName(tr("Your answer to question {n}").format(n=number))
        self.rating.setAccessibleName(tr("Rating of your answer to question {n}").format(n=number))
        self.looking_for.setAccessibleName(tr("What question {n} was after").format(n=number))

    def entry(self) -> QuestionEntry:
        return QuestionEntry(self.question.text(), self.answer.text(), spin_value(self.rating), self.looking_for.text())


class RatingRow(RowWidget):
    """One competency: its name (editable for your own), a 1–5 rating and a note."""

    def __init__(self, entry: RatingEntry, parent: QWidget | None = None) -> None:
        super().__init__(removable=entry.custom, parent=parent)
        self.custom = entry.custom
        self.fixed_name = entry.competency
        self.name_edit = None
        if self.custom:
            self.name_edit = self.line(tr("Your competency:"), NAME_LIMIT, entry.competency)
        self.rating = optional_spin(5, tr("Not rated"), "")
        self.rating.setValue(entry.rating or 0)
        self.rating.valueChanged.connect(lambda _value: self.changed.emit())
        self.note = self.line(tr("Note:"), SHORT_LIMIT, entry.note)
        self._name = tr(entry.competency)
        if self.custom:
            self.form.insertRow(1, tr("Rating (1–5):"), self.rating)
        else:
            name = plain_label(self._name)
            name.setWordWrap(False)
            self.form.insertRow(0, name, self.rating)

    def set_number(self, number: int) -> None:
        name = self.name_edit.text() if self.name_edit is not None else self._name
        self.rating.setAccessibleName(tr("Rating for {name}").format(name=name or number))
        self.note.setAccessibleName(tr("Note on {name}").format(name=name or number))

    def entry(self) -> RatingEntry:
        name = self.name_edit.text() if self.name_edit is not None else self.fixed_name
        return RatingEntry(name, self.custom, spin_value(self.rating), self.note.text())

    def is_blank(self) -> bool:
        entry = self.entry()
        return not (entry.competency.strip() or entry.note.strip() or entry.rating)


class LessonRow(RowWidget):
    """A lesson: keep doing or change, the lesson, an optional practice task and date, carry forward."""

    def __init__(self, entry: LessonEntry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        entry = entry or LessonEntry()
        self.kind = QComboBox()
        for kind in LessonKind:
            self.kind.addItem(lesson_kind_label(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.kind.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.form.addRow(tr("Kind:"), self.kind)
        self.text = self.line(tr("Lesson:"), SHORT_LIMIT, entry.text)
        self.task = self.line(tr("Practice task (optional):"), SHORT_LIMIT, entry.practice_task)
        self.has_due = QCheckBox(tr("Practise by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDate(to_qdate(entry.practice_due) if entry.practice_due else QDate.currentDate().addDays(7))
        self.has_due.setChecked(entry.practice_due is not None)
        self.due.setEnabled(entry.practice_due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.toggled.connect(lambda _on: self.changed.emit())
        self.due.dateChanged.connect(lambda _date: self.changed.emit())
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        self.form.addRow(tr("When:"), due_row)
        self.carry = QCheckBox(tr("Carry into my next checklists"))
        self.carry.setChecked(entry.carry_forward)
        self.carry.toggled.connect(lambda _on: self.changed.emit())
        self.form.addRow("", self.carry)

    def set_number(self, number: int) -> None:
        self.kind.setAccessibleName(tr("Kind of lesson {n}").format(n=number))
        self.text.setAccessibleName(tr("Lesson {n}").format(n=number))
        self.task.setAccessibleName(tr("Practice task for lesson {n}").format(n=number))
        self.due.setAccessibleName(tr("Practice date for lesson {n}").format(n=number))

    def entry(self) -> LessonEntry:
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None  # type: ignore[assignment]
        return LessonEntry(
            str(self.kind.currentData()), self.text.text(), self.task.text(), due, self.carry.isChecked()
        )
