"""The printable interview-day sheet, built as a QTextDocument by a pure function.

Everything the user typed goes in through ``QTextCursor.insertText``, so it is
printed exactly as typed and never read as HTML. A typical interview fits one page.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from desktop_app.core.checklist_rules import countdown, progress
from desktop_app.core.choices import ItemOrigin
from desktop_app.core.prepare_records import ChecklistEntry, InterviewDetail
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import format_label
from desktop_app.ui.prepare_labels import countdown_text, due_label, progress_text, section_label

BODY_POINT_SIZE = 9.5
POSTING_LIMIT = 280
NOTE_LINES = 10
BOX_EMPTY, BOX_DONE = "☐", "☑"


def _tr(text: str) -> str:
    return QCoreApplication.translate("interview_sheet", text)


def _char(point_size: float = BODY_POINT_SIZE, bold: bool = False, grey: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(point_size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if grey:
        fmt.setForeground(QColor("#555555"))
    return fmt


def _block(space_before: float = 0, space_after: float = 0, indent: int = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(space_before)
    fmt.setBottomMargin(space_after)
    fmt.setIndent(indent)
    return fmt


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def sheet_when(value: datetime) -> str:
    """The day in full and the time without seconds: "Thursday, 3 December 2026 at 10:30"."""
    time = QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    return _tr("{date} at {time}").format(date=format_date(value.date(), long=True), time=time)


def build_interview_sheet(
    interview: InterviewDetail, items: list[ChecklistEntry], now: datetime | None = None
) -> QTextDocument:
    """The interview-day sheet: who, when, where, the checklist with boxes, and room for notes."""
    now = now or datetime.now()
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, interview.company)
    cursor = QTextCursor(document)

    cursor.setBlockFormat(_block(space_after=2))
    cursor.insertText(interview.company, _char(17, bold=True))
    subtitle = " · ".join(part for part in (interview.role, interview.stage) if part)
    if subtitle:
        cursor.insertBlock(_block(space_after=6))
        cursor.insertText(subtitle, _char(12))

    when = sheet_when(interview.scheduled_at) if interview.scheduled_at else _tr("Not fixed yet")
    when = f"{when} ({countdown_text(countdown(interview.scheduled_at, now))})"
    where = " – ".join(part for part in (format_label(interview.format), interview.location) if part)
    facts = [
        (_tr("When"), when),
        (_tr("Where"), where or _tr("Not set yet")),
        (_tr("Interviewers"), interview.interviewers or _tr("Not known yet")),
    ]
    if interview.posting.strip():
        facts.append((_tr("Job posting"), _shorten(interview.posting, POSTING_LIMIT)))
    if interview.internal:
        facts.append((_tr("Internal posting"), _tr("Yes")))
    if interview.notes.strip():
        facts.append((_tr("My notes"), _shorten(interview.notes, POSTING_LIMIT)))
    for label, value in facts:
        cursor.insertBlock(_block(space_after=1))
        cursor.insertText(f"{label}: ", _char(bold=True))
        cursor.insertText(value, _char())

    cursor.insertBlock(_block(space_before=10, space_after=2))
    done = progress([item.done for item in items])
    cursor.insertText(_tr("Checklist"), _char(12, bold=True))
    cursor.insertText(f"   {progress_text(done)}", _char())
    _insert_checklist(cursor, items)

    cursor.insertBlock(_block(space_before=10, space_after=3))
    cursor.insertText(_tr("Notes during and right after the interview"), _char(12, bold=True))
    _insert_note_box(cursor)
    return document


def _insert_checklist(cursor: QTextCursor, items: list[ChecklistEntry]) -> None:
    section = None
    for item in items:
        if item.section != section:
            section = item.section
            cursor.insertBlock(_block(space_before=5, space_after=1))
            cursor.insertText(section_label(section), _char(bold=True))
        cursor.insertBlock(_block(indent=1))
        cursor.insertText(f"{BOX_DONE if item.done else BOX_EMPTY}  ", _char(11))
        cursor.insertText(item.text, _char())
        extra = [due_label(item.due_offset_days)] if item.due_offset_days is not None else []
        if item.origin == ItemOrigin.LESSON and item.origin_note:
            extra.append(_tr("lesson from {source}").format(source=item.origin_note))
        if extra:
            cursor.insertText(f"  ({'; '.join(extra)})", _char(BODY_POINT_SIZE - 1.5, grey=True))


def _insert_note_box(cursor: QTextCursor) -> None:
    table_format = QTextTableFormat()
    table_format.setBorder(0.8)
    table_format.setBorderBrush(QBrush(QColor("#777777")))
    table_format.setBorderCollapse(False)  # left unset, Qt draws no border at all
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = cursor.insertTable(1, 1, table_format)
    cell_cursor = table.cellAt(0, 0).firstCursorPosition()
    for line in range(NOTE_LINES):
        if line:
            cell_cursor.insertBlock()
        cell_cursor.insertText(" ", _char(12))
