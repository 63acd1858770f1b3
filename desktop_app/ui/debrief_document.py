"""The debrief summary as a QTextDocument: shown on the last wizard page, in the tab, and printed.

A pure function of the stored draft. Every piece of user text goes in through
``QTextCursor.insertText``, so nothing the user typed is ever read as HTML.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from desktop_app.core.choices import LessonKind
from desktop_app.core.debrief_records import DebriefDraft, LessonEntry
from desktop_app.core.debrief_summary import Section, rating_stars, summary_sections
from desktop_app.ui.formatting import format_date, format_datetime
from desktop_app.ui.labels import debrief_status_label, outcome_label

INDENT_WIDTH = 20.0
"""How far the details of a question or a lesson are indented under it.

An indent level (``QTextBlockFormat.setIndent``), not a left margin: Qt scales indents to
the printer's resolution but not left margins, which would nearly vanish on paper.
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("debrief", text)


class _Writer:
    def __init__(self, document: QTextDocument) -> None:
        self.cursor = QTextCursor(document)
        self.first = True
        base = document.defaultFont().pointSizeF()
        self.title = self._format(base * 1.6, bold=True)
        self.heading = self._format(base * 1.2, bold=True)
        self.label = self._format(base, bold=True)
        self.body = self._format(base)

    @staticmethod
    def _format(size: float, bold: bool = False) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFontPointSize(size)
        char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        return char

    def block(self, top: float = 0.0, indent: int = 0) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(top)
        block.setIndent(indent)
        if self.first:
            self.cursor.setBlockFormat(block)
            self.first = False
        else:
            self.cursor.insertBlock(block)

    def line(self, text: str, char: QTextCharFormat | None = None, top: float = 0.0) -> None:
        self.block(top)
        self.cursor.insertText(text, char or self.body)

    def field(self, label: str, text: str, top: float = 4.0, indent: int = 0, bold_text: bool = False) -> None:
        """``label text`` when there is text; multi-line text keeps its lines, at the same indent."""
        if not text.strip():
            return
        self.block(top, indent)
        if label:
            self.cursor.insertText(f"{label} ", self.label)
        lines = text.split("\n")
        char = self.label if bold_text else self.body
        self.cursor.insertText(lines[0], char)
        for extra in lines[1:]:
            self.block(0, indent)
            self.cursor.insertText(extra, char)

    def detail(self, label: str, text: str) -> None:
        """An indented field under a numbered or bulleted entry."""
        self.field(label, text, top=2, indent=1)


def build_debrief_document(draft: DebriefDraft) -> QTextDocument:
    """Everything in the debrief, on as few pages as it takes."""
    document = QTextDocument()
    document.setDocumentMargin(12)
    document.setIndentWidth(INDENT_WIDTH)
    font = document.defaultFont()
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters when the PDF is searched or copied
    document.setDefaultFont(font)
    writer = _Writer(document)
    interview = draft.interview
    writer.line(_tr("Debrief: {interview}").format(interview=interview.title), writer.title)
    for section in summary_sections(draft):
        _SECTIONS[section](writer, draft)
    return document


def _interview(w: _Writer, d: DebriefDraft) -> None:
    w.field(_tr("Interview date:"), _when(d.interview.scheduled_at))
    w.field(_tr("Interviewers:"), d.interview.interviewers)
    w.field(_tr("Outcome so far:"), outcome_label(d.outcome))
    status = debrief_status_label(d.status)
    if d.completed_at is not None:
        status = _tr("{status}, finished {when}").format(status=status, when=format_datetime(d.completed_at))
    w.field(_tr("Debrief:"), status)


def _when(value: datetime | None) -> str:
    """The long date and the short time ("Sunday, 22 November 2026, 14:00"): no seconds, no time zone."""
    if value is None:
        return ""
    time = QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    return _tr("{date}, {time}").format(date=format_date(value.date(), long=True), time=time)


def _happened(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("What happened"), w.heading, top=12)
    w.field(_tr("What I meant to get across:"), d.planned_message)
    w.field(_tr("What actually happened:"), d.what_happened)


def _questions(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("Questions they asked"), w.heading, top=12)
    for number, q in enumerate((q for q in d.questions if q.question.strip()), start=1):
        w.field(_tr("{n}.").format(n=number), q.question, top=8, bold_text=True)
        w.detail(_tr("My answer:"), q.answer)
        w.detail(_tr("How it went:"), rating_stars(q.rating))
        w.detail(_tr("They were probably after:"), q.looking_for)


def _assessment(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("Self-assessment"), w.heading, top=12)
    for rating in d.ratings:
        if rating.rating is None and not rating.note.strip():
            continue
        name = rating.competency if rating.custom else _tr(rating.competency)
        text = " – ".join(part for part in (rating_stars(rating.rating), rating.note) if part)
        w.field(f"{name}:", text)


def _feelings(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("How I felt"), w.heading, top=12)
    if d.nerves is not None:
        w.field(_tr("Nerves:"), _tr("{n} of 10").format(n=d.nerves))
    if d.chances is not None:
        w.field(_tr("My chances:"), _tr("{n} of 10").format(n=d.chances))
    w.field(_tr("Feelings:"), d.feelings)


def _why(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("Why"), w.heading, top=12)
    w.field(_tr("In my control:"), d.in_control)
    w.field(_tr("Not in my control:"), d.not_in_control)


def _feedback(w: _Writer, d: DebriefDraft) -> None:
    w.line(_tr("Feedback"), w.heading, top=12)
    w.field(_tr("Asked for feedback:"), _tr("Yes") if d.feedback_asked else _tr("No"))
    w.field(_tr("What came back:"), d.feedback_received)


def _lessons(w: _Writer, d: DebriefDraft, kind: str, heading: str) -> None:
    w.line(heading, w.heading, top=12)
    for lesson in (entry for entry in d.lessons if entry.kind == kind and entry.text.strip()):
        w.field("•", lesson.text, top=6)
        if lesson.practice_task.strip():
            w.detail(_tr("Practice:"), _practice(lesson))
        if lesson.carry_forward:
            w.detail("", _tr("Goes into my next checklists"))


def _keep(w: _Writer, d: DebriefDraft) -> None:
    _lessons(w, d, LessonKind.KEEP, _tr("Keep doing"))


def _change(w: _Writer, d: DebriefDraft) -> None:
    _lessons(w, d, LessonKind.CHANGE, _tr("Change"))


def _practice(lesson: LessonEntry) -> str:
    if lesson.practice_due is None:
        return lesson.practice_task
    return _tr("{task} (by {date})").format(task=lesson.practice_task, date=format_date(lesson.practice_due))


_SECTIONS = {
    Section.INTERVIEW: _interview,
    Section.HAPPENED: _happened,
    Section.QUESTIONS: _questions,
    Section.ASSESSMENT: _assessment,
    Section.FEELINGS: _feelings,
    Section.WHY: _why,
    Section.FEEDBACK: _feedback,
    Section.KEEP: _keep,
    Section.CHANGE: _change,
}
