"""The printed plans: one pure function builds the QTextDocument that preview, paper and PDF share.

Every piece of user text goes in through ``QTextCursor.insertText``, so it is printed
literally and never read as HTML. Each plan starts on a new page. The steps are a row
table (``print_rows``): each step's text is the document's own, its box, tier and due
date are drawn beside it; the header repeats on every page and the printer path
(``print_pages``) keeps each row on one page. The gauges are drawn by ``planb_gauges``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QBrush, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextTable

from desktop_app.core.choices import FailureTier
from desktop_app.core.plan_records import ContactRecord, EvidenceRecord, PlanPrintout, PlanRecord, StepRecord
from desktop_app.core.plan_rules import GAUGES, StepState, follow_up_due, step_state, trigger_passed
from desktop_app.ui import planb_gauges, print_rows
from desktop_app.ui import planb_print_style as style
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import plan_kind_label, plan_status_label, tier_explanation, tier_label

BOX = "\u2610"
TICKED = "\u2611"
WARNING = "\u26a0"
LINE = print_rows.LINE  # a line break inside a paragraph: a short cell or a step row stays one block


def _tr(text: str) -> str:
    return QCoreApplication.translate("planb_document", text)


def build_plans_document(printouts: Sequence[PlanPrintout], today: date) -> QTextDocument:
    """The document for ``printouts`` (one plan or all of them), as of ``today``."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)  # as the printer path lays it out; set now, it costs no extra layout
    document.setDefaultFont(style.base_font())
    cursor = QTextCursor(document)
    look = _StepLook()
    if not printouts:
        _no_plans(cursor)
    for index, printout in enumerate(printouts):
        _plan(cursor, printout, today, look, new_page=index > 0)
    # Only now: once the document has a layout, every insertion would make it lay the text out again.
    # With no page size yet, Qt does not start laying it out for the screen: the printer path sets it.
    document.setPageSize(QSizeF(0, 0))
    planb_gauges.GaugePanel(document, GAUGES)
    return document


def printed_text(document: QTextDocument) -> str:
    """The document's text as ``toPlainText`` gives it, with what the drawn gauges and table cells say in place."""
    layout = document.documentLayout()
    tables = print_rows.RowTables.of(document)
    drawn = tables.text_of(document) if tables is not None else {}
    paragraphs = []
    block = document.begin()
    while block.isValid():
        pieces = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            handler = layout.handlerForObject(fragment.charFormat().objectType())
            if hasattr(handler, "text_of"):
                pieces.append(handler.text_of(fragment.charFormat()) * len(fragment.text()))
            else:
                pieces.append(fragment.text().replace(LINE, "\n"))
            fragments += 1
        text = "".join(pieces)
        if block.blockNumber() in drawn:
            cells, main = drawn[block.blockNumber()]
            text = "\n".join([*cells[:main], text, *cells[main:]])
        paragraphs.append(text)
        block = block.next()
    return "\n".join(paragraphs)


def _block(
    cursor: QTextCursor, top: float = 0, bottom: float = 0, page_break: bool = False, first: bool = False
) -> None:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    if page_break:
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if first:
        cursor.setBlockFormat(fmt)
    else:
        cursor.insertBlock(fmt)


def _line(cursor: QTextCursor, text: str, fmt: QTextCharFormat, top: float = 0, bottom: float = 2) -> None:
    _block(cursor, top, bottom)
    cursor.insertText(text, fmt)


def _no_plans(cursor: QTextCursor) -> None:
    _block(cursor, first=True)
    cursor.insertText(_tr("Plan B"), style.char(20, bold=True))
    _line(
        cursor,
        _tr(
            "There are no plans yet. Open the Plan B tab in Bounceback to write your current path, "
            "what you would do if it vanished, and a wild card."
        ),
        style.char(),
        top=12,
    )


def _plan(cursor: QTextCursor, printout: PlanPrintout, today: date, look: _StepLook, new_page: bool) -> None:
    plan = printout.plan
    if new_page:
        _block(cursor, page_break=True)
    else:
        _block(cursor, first=cursor.atStart())
    cursor.insertText(
        f"{plan_kind_label(plan.kind)}  ·  {plan_status_label(plan.status)}".upper(), style.char(8, True, style.MUTED)
    )
    _line(cursor, plan.title or _tr("(untitled plan)"), style.char(20, bold=True), top=2, bottom=6)
    _trigger(cursor, plan, today)
    for heading, text in ((_tr("What it is"), plan.description), (_tr("Why"), plan.why)):
        if text.strip():
            _line(cursor, heading, style.char(9, True, style.MUTED), top=4, bottom=0)
            _line(cursor, text.strip(), style.char())
    _gauges(cursor, plan)
    _steps(cursor, printout.steps, today, look)
    _contacts(cursor, printout.contacts, today)
    _evidence(cursor, printout.evidence)
    if plan.notes.strip():
        _heading(cursor, _tr("Notes"))
        _line(cursor, plan.notes.strip(), style.char())


def _heading(cursor: QTextCursor, text: str) -> None:
    _line(cursor, text, style.char(12, bold=True), top=10, bottom=2)


def _trigger(cursor: QTextCursor, plan: PlanRecord, today: date) -> None:
    fmt = style.table([100], border=1.2, padding=6)
    fmt.setBorderBrush(QBrush(style.TRIGGER_BORDER))
    fmt.setBackground(QBrush(style.TRIGGER_FILL))
    table = cursor.insertTable(1, 1, fmt)
    cell = table.cellAt(0, 0).firstCursorPosition()
    cell.insertText(_tr("Switch to this plan when: "), style.char(10, bold=True))
    parts = []
    if plan.trigger_date is not None:
        parts.append(format_date(plan.trigger_date, long=True))
    if plan.trigger_condition.strip():
        parts.append(plan.trigger_condition.strip())
    cell.insertText(
        _tr(" — or — ").join(parts) if parts else _tr("no trigger set yet"), style.char(10, italic=not parts)
    )
    if trigger_passed(plan.status, plan.trigger_date, today):
        cell.insertBlock()
        cell.insertText(
            f"{WARNING} " + _tr("The trigger date has passed: time to decide whether to switch."),
            style.char(10, True, style.ALARM),
        )
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _gauges(cursor: QTextCursor, plan: PlanRecord) -> None:
    _heading(cursor, _tr("Gauges"))
    _block(cursor, top=4, bottom=8)
    planb_gauges.insert_gauges(cursor, [int(getattr(plan, name)) for name in GAUGES])


def _header_row(table: QTextTable, titles: Sequence[str]) -> None:
    for column, title in enumerate(titles):
        cell = table.cellAt(0, column)
        cell_format = cell.format()
        cell_format.setBackground(QBrush(style.HEADER_FILL))
        cell.setFormat(cell_format)
        cell.firstCursorPosition().insertText(title, style.char(8.5, bold=True))


STEP_COLUMNS = print_rows.Columns(shares=(0.08, 0.58, 0.18, 0.16), main=1)


def _piece(text: str, fmt: QTextCharFormat) -> print_rows.Piece:
    return print_rows.Piece(text, fmt.font(), fmt.foreground().color())


@dataclass(frozen=True)
class _StepLook:
    """The words and formats the step rows share, worked out once per document rather than per row."""

    alarm: QTextCharFormat = field(default_factory=lambda: style.char(8.5, True, style.ALARM))
    alarm_text: str = field(default_factory=lambda: f"{WARNING} " + _tr("PROMISE OVERDUE"))
    text: QTextCharFormat = field(default_factory=style.char)
    strong: QTextCharFormat = field(default_factory=lambda: style.char(bold=True))
    done: QTextCharFormat = field(default_factory=lambda: style.char(color=style.MUTED))
    done_strong: QTextCharFormat = field(default_factory=lambda: style.char(bold=True, color=style.MUTED))
    small: QTextCharFormat = field(default_factory=lambda: style.char(8, color=style.MUTED))
    boxes: dict[bool, print_rows.Cell] = field(
        default_factory=lambda: {done: (_piece(TICKED if done else BOX, style.char(14)),) for done in (False, True)}
    )
    overdue: print_rows.Piece = field(default_factory=lambda: _piece(_tr("overdue"), style.char(8, True, style.ALARM)))
    tiers: dict[str, print_rows.Cell] = field(default_factory=dict)
    dates: dict[tuple[date | None, bool, bool], print_rows.Cell] = field(default_factory=dict)

    def tier_cell(self, tier: str) -> print_rows.Cell:
        """The tier's name; a promise's in bold, with "a promise" under it."""
        if tier not in self.tiers:
            label = tier_label(tier)
            promise = (_piece(label, self.strong), _piece(_tr("a promise"), self.small))
            self.tiers[tier] = promise if tier == FailureTier.NEVER else (_piece(label, self.text),)
        return self.tiers[tier]

    def due_cell(self, due: date | None, overdue: bool, alarm: bool) -> print_rows.Cell:
        """The due date, with "overdue" under it if it is; a broken promise's in bold."""
        key = (due, overdue, alarm)
        if key not in self.dates:  # the same few dates come back in every plan
            text = _piece(format_date(due), self.strong if alarm else self.text)
            self.dates[key] = (text, self.overdue) if overdue else (text,)
        return self.dates[key]


def _steps(cursor: QTextCursor, steps: Sequence[StepRecord], today: date, look: _StepLook) -> None:
    _heading(cursor, _tr("Steps"))
    if not steps:
        _line(cursor, _tr("No steps yet."), style.char(italic=True, color=style.MUTED))
        return
    header_format = style.char(8.5, bold=True)
    header = print_rows.Row(
        tuple((_piece(title, header_format),) for title in (_tr("Done"), _tr("Tier"), _tr("Due"))), style.HEADER_FILL
    )
    rows = _row_tables(cursor.document()).insert(cursor, STEP_COLUMNS, header)
    rows.header().insertText(_tr("Step"), header_format)
    for step in steps:
        _step_row(rows, step, step_state(step.tier, step.due, step.done, today), look)
    rows.finish(cursor)
    used = [tier for tier in FailureTier if any(step.tier == tier for step in steps)]
    for tier in used:
        _line(cursor, f"{tier_label(tier)}: {tier_explanation(tier)}", style.char(7.5, color=style.MUTED), bottom=0)


def _row_tables(document: QTextDocument) -> print_rows.RowTables:
    return print_rows.RowTables.of(document) or print_rows.RowTables(document)


def _step_row(rows: print_rows.RowWriter, step: StepRecord, state: StepState, look: _StepLook) -> None:
    """One step: its text is the row's first paragraph and its notes the next; box, tier and due are drawn."""
    alarm = state is StepState.BROKEN_PROMISE
    overdue = state in (StepState.OVERDUE, StepState.BROKEN_PROMISE)
    row = print_rows.Row(
        (look.boxes[step.done], look.tier_cell(step.tier), look.due_cell(step.due, overdue, alarm)),
        style.ALARM_FILL if alarm else None,
    )
    cells = rows.add(row)
    if alarm:
        cells.insertText(look.alarm_text + LINE, look.alarm)
    strong = step.tier == FailureTier.NEVER or alarm
    text = (look.done_strong if strong else look.done) if step.done else (look.strong if strong else look.text)
    cells.insertText(print_rows.one_paragraph(step.text), text)
    if step.notes.strip():
        rows.more().insertText(step.notes.strip(), look.small)


def _contacts(cursor: QTextCursor, contacts: Sequence[ContactRecord], today: date) -> None:
    if not contacts:
        return
    _heading(cursor, _tr("People"))
    table = cursor.insertTable(len(contacts) + 1, 4, style.table([30, 34, 18, 18], header_rows=1))
    _header_row(table, [_tr("Who"), _tr("How they can help"), _tr("Last contact"), _tr("Next follow-up")])
    for row, contact in enumerate(contacts, start=1):
        who = table.cellAt(row, 0).firstCursorPosition()
        who.insertText(contact.name, style.char(bold=True))
        for extra in (" · ".join(x for x in (contact.role, contact.organisation) if x), contact.email, contact.phone):
            if extra.strip():
                who.insertBlock()
                who.insertText(extra.strip(), style.char(8, color=style.MUTED))
        help_cell = table.cellAt(row, 1).firstCursorPosition()
        help_cell.insertText(contact.how_they_help.strip(), style.char())
        if contact.how_known.strip():
            help_cell.insertBlock()
            help_cell.insertText(contact.how_known.strip(), style.char(8, color=style.MUTED))
        table.cellAt(row, 2).firstCursorPosition().insertText(format_date(contact.last_contact), style.char())
        due = follow_up_due(contact.next_follow_up, today)
        table.cellAt(row, 3).firstCursorPosition().insertText(
            format_date(contact.next_follow_up), style.char(bold=due, color=style.ALARM if due else style.INK)
        )
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _evidence(cursor: QTextCursor, entries: Sequence[EvidenceRecord]) -> None:
    if not entries:
        return
    _heading(cursor, _tr("Evidence of my work"))
    table = cursor.insertTable(len(entries) + 1, 3, style.table([44, 36, 20], header_rows=1))
    _header_row(table, [_tr("What I achieved"), _tr("Proof"), _tr("Who knows")])
    for row, entry in enumerate(entries, start=1):
        achieved = table.cellAt(row, 0).firstCursorPosition()
        achieved.insertText(entry.achievement, style.char(bold=True))
        if entry.achieved_on is not None:
            achieved.insertBlock()
            achieved.insertText(format_date(entry.achieved_on), style.char(8, color=style.MUTED))
        table.cellAt(row, 1).firstCursorPosition().insertText(entry.proof, style.char())
        table.cellAt(row, 2).firstCursorPosition().insertText(entry.who_knows, style.char())
    cursor.movePosition(QTextCursor.MoveOperation.End)
