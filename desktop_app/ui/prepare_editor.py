"""The interview editor of the Prepare tab: every field, saved as the user types.

Each change goes to the shared AutoSaver under a key per interview and field, with
the value captured at that moment, so switching interviews never loses typing.
A company left empty or a date that cannot be read is reported and not saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.core.choices import InterviewFormat, Outcome
from desktop_app.core.prepare_records import InterviewDetail
from desktop_app.core.when_parsing import UnreadableDateError, format_iso_when, parse_iso_when
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import update_interview
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.field_messages import problem_label
from desktop_app.ui.formatting import locale_datetime_format, to_qdatetime
from desktop_app.ui.labels import format_label, outcome_label


def format_when(value: datetime | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(to_qdatetime(value), locale_datetime_format(locale))


def parse_when(text: str, locale: QLocale | None = None) -> datetime | None:
    """Read the locale's form, then ISO forms; None for blank; UnreadableDateError otherwise."""
    cleaned = text.strip()
    if cleaned:
        parsed: QDateTime = (locale or QLocale()).toDateTime(cleaned, locale_datetime_format(locale))
        if parsed.isValid():
            return parsed.toPython().replace(second=0, microsecond=0)  # type: ignore[no-any-return]
    return parse_iso_when(cleaned)


class InterviewEditor(QWidget):
    """Edits one interview; ``changed(id, fields)`` tells the list what the user changed."""

    changed = Signal(int, dict)
    date_committed = Signal(int)

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self._detail: InterviewDetail | None = None
        self._loading = False
        self._saved_company = ""
        self._saved_when: datetime | None = None

        self.company = QLineEdit()
        self.company_problem = problem_label()
        self.role = QLineEdit()
        self.stage = QComboBox()
        self.stage.setEditable(True)
        self.stage.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.stage.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.stage.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.stage.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.when = QLineEdit()
        self.when_problem = problem_label()
        self.format = QComboBox()
        self.format.addItem(self.tr("Not set"), None)
        for value in InterviewFormat:
            self.format.addItem(format_label(value), str(value))
        self.location = QLineEdit()
        self.interviewers = QLineEdit()
        self.interviewers.setPlaceholderText(self.tr("Names and roles, separated by commas"))
        self.posting = QPlainTextEdit()
        self.posting.setPlaceholderText(self.tr("A link to the job posting, or its text"))
        self.posting.setTabChangesFocus(True)
        self.posting.setMaximumHeight(80)
        self.internal = QCheckBox(self.tr("Internal posting (a job at my current emplo&yer)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(100)
        self.outcome = QComboBox()
        for value in Outcome:
            self.outcome.addItem(outcome_label(value), str(value))

        form = QFormLayout(self)
        form.addRow(self.tr("&Company:"), self.company)
        form.addRow("", self.company_problem)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("S&tage:"), self.stage)
        form.addRow(self.tr("&When:"), self.when)
        form.addRow("", self.when_problem)
        form.addRow(self.tr("For&mat:"), self.format)
        form.addRow(self.tr("&Location or link:"), self.location)
        form.addRow(self.tr("Inter&viewers:"), self.interviewers)
        form.addRow(self.tr("Job post&ing:"), self.posting)
        form.addRow("", self.internal)
        form.addRow(self.tr("N&otes:"), self.notes)
        form.addRow(self.tr("O&utcome:"), self.outcome)
        self._connect()
        self.setEnabled(False)

    def _connect(self) -> None:
        self.company.textEdited.connect(self._company_edited)
        self.role.textEdited.connect(lambda text: self._save("role", text))
        self.stage.lineEdit().textEdited.connect(lambda text: self._save("stage", text))
        self.stage.activated.connect(lambda _i: self._save("stage", self.stage.currentText()))
        self.when.textEdited.connect(self._when_edited)
        self.when.editingFinished.connect(self._when_finished)
        self.format.currentIndexChanged.connect(lambda _i: self._save("format", self.format.currentData()))
        self.location.textEdited.connect(lambda text: self._save("location", text))
        self.interviewers.textEdited.connect(lambda text: self._save("interviewers", text))
        self.posting.textChanged.connect(lambda: self._save("posting", self.posting.toPlainText()))
        self.internal.toggled.connect(lambda on: self._save("internal", on))
        self.notes.textChanged.connect(lambda: self._save("notes", self.notes.toPlainText()))
        self.outcome.currentIndexChanged.connect(lambda _i: self._save("outcome", self.outcome.currentData()))

    # -- loading ---------------------------------------------------------------------------------

    def set_stage_suggestions(self, stages: list[str]) -> None:
        self._loading = True
        try:
            text = self.stage.currentText()
            self.stage.clear()
            self.stage.addItems(stages)
            self.stage.setEditText(text)
        finally:
            self._loading = False

    def interview_id(self) -> int | None:
        return None if self._detail is None else self._detail.id

    def load(self, detail: InterviewDetail | None) -> None:
        self._loading = True
        try:
            self._detail = detail
            self.setEnabled(detail is not None)
            self.company_problem.hide()
            self.when_problem.hide()
            self._saved_company = detail.company if detail else ""
            self._saved_when = detail.scheduled_at if detail else None
            self.company.setText(detail.company if detail else "")
            self.role.setText(detail.role if detail else "")
            self.stage.setEditText(detail.stage if detail else "")
            self.when.setText(format_when(detail.scheduled_at) if detail else "")
            self.when.setPlaceholderText(self._when_example())
            self._set_combo(self.format, detail.format if detail else None)
            self.location.setText(detail.location if detail else "")
            self.interviewers.setText(detail.interviewers if detail else "")
            self.posting.setPlainText(detail.posting if detail else "")
            self.internal.setChecked(detail.internal if detail else False)
            self.notes.setPlainText(detail.notes if detail else "")
            self._set_combo(self.outcome, detail.outcome if detail else str(Outcome.WAITING))
        finally:
            self._loading = False

    @staticmethod
    def _set_combo(combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _when_example(self) -> str:
        sample = datetime.now().replace(hour=14, minute=30, second=0, microsecond=0)
        return self.tr("e.g. {local} or {iso}; empty if not fixed yet").format(
            local=format_when(sample), iso=format_iso_when(sample)
        )

    # -- saving ----------------------------------------------------------------------------------

    def _save(self, field: str, value: object) -> None:
        if self._loading or self._detail is None:
            return
        interview_id = self._detail.id
        db = self._db
        write: Callable[[], None] = lambda: update_interview(db, interview_id, **{field: value})  # noqa: E731
        self._saver.schedule(("interview", interview_id, field), write)
        self.changed.emit(interview_id, {field: value})

    def _company_edited(self, text: str) -> None:
        if not text.strip():
            self.company_problem.setText(
                self.tr("The company is required. “{saved}” stays saved until you type a name.").format(
                    saved=self._saved_company
                )
            )
            self.company_problem.show()
            return
        self.company_problem.hide()
        self._saved_company = text
        self._save("company", text)

    def _when_edited(self, text: str) -> None:
        try:
            when = parse_when(text)
        except UnreadableDateError:
            saved = format_when(self._saved_when) if self._saved_when else self.tr("not set")
            message = self.tr(
                "“{text}” is not a date and time I can read; type it like {example}. The saved date stays: {saved}."
            )
            example = format_when(datetime.now().replace(hour=14, minute=30))
            self.when_problem.setText(message.format(text=text.strip(), example=example, saved=saved))
            self.when_problem.show()
            return
        self.when_problem.hide()
        if when != self._saved_when:
            self._saved_when = when
            self._save("scheduled_at", when)

    def _when_finished(self) -> None:
        if self._detail is not None and self.when_problem.isHidden():
            self.date_committed.emit(self._detail.id)

    def focus_company(self) -> None:
        self.company.setFocus(Qt.FocusReason.OtherFocusReason)
        self.company.selectAll()
