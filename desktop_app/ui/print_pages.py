"""Where the printed pages of a laid-out QTextDocument begin and end.

The printer path lays a document out once, as one long page as wide as the printed
body, and cuts it into pages here. A page ends before the first line or table row
that would not fit, so no line and no row is ever split; a table row that moves to a
new page gets the table's header rows repeated above it; a block or table asking for a
page break before it (``PageBreak_AlwaysBefore``, or ``PageBreak_AlwaysAfter`` on what
comes before) starts a new page. A row taller than a page is cut between lines.
Rows are those of a ``QTextTable`` or of a row table (``print_rows``), a frame with a
block or a few per row.

Nothing in the document is changed, so there is no second layout: Qt's own pagination
of tables costs about twice the layout, and moving rows by inserting spacer rows made
Qt lay the document out once more.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
    QTextTableCell,
)

from desktop_app.ui import print_rows

# Plain ints: Python's enum flag operators cost more than the rest of a block's handling.
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore.value
BREAK_AFTER = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter.value
Band = tuple[float, float]


@dataclass(frozen=True)
class Slice:
    """The band ``top``..``bottom`` of the laid-out document, painted ``page_y`` below the top of a page."""

    top: float
    bottom: float
    page_y: float


@dataclass(frozen=True)
class _Start:
    """Where a page's body starts in the document, and the table header repeated above it."""

    top: float
    header: Band | None = None


class _Run:
    """Things that lie one under the other (the lines of a block, the rows of a table).

    ``top(i)`` and ``bottom(i)`` grow with ``i``; a page may end between two of them.
    """

    break_before = False

    def count(self) -> int:
        raise NotImplementedError

    def top(self, index: int) -> float:
        raise NotImplementedError

    def bottom(self, index: int) -> float:
        raise NotImplementedError

    def header(self, index: int) -> Band | None:
        return None

    def cut(self, index: int, above: float, limit: float) -> float:
        """Where to end a page inside ``index`` (taller than a page): after a line, not below ``limit``."""
        return limit

    def end(self) -> float:
        return self.bottom(self.count() - 1)


@dataclass
class _Lines(_Run):
    """The lines of a block outside any table."""

    tops: list[float]
    bottoms: list[float]
    break_before: bool = False

    def count(self) -> int:
        return len(self.tops)

    def top(self, index: int) -> float:
        return self.tops[index]

    def bottom(self, index: int) -> float:
        return self.bottoms[index]


@dataclass
class _Rows(_Run):
    """The rows of a top-level table; the header rows and the first row below them stay together.

    Row edges are measured only for the rows a page break is looked for among (by bisection).
    """

    document: QTextDocument
    layout: QAbstractTextDocumentLayout
    table: QTextTable
    scale: float
    floor: float
    break_before: bool = False
    headers: int = 0
    _tops: dict[int, float] = field(default_factory=dict)
    _end: float | None = None

    def __post_init__(self) -> None:
        self.headers = max(0, min(self.table.format().headerRowCount(), self.table.rows() - 1))

    def count(self) -> int:
        return self.table.rows() - self.headers

    def _first_row(self, index: int) -> int:
        return 0 if index == 0 else self.headers + index

    def top(self, index: int) -> float:
        if index not in self._tops:
            fmt = self.table.format()
            row_top = self._row_top(self._first_row(index))
            if index == 0:
                row_top = max(self.floor, row_top - (fmt.border() + fmt.padding()) * self.scale)
            self._tops[index] = row_top
        return self._tops[index]

    def bottom(self, index: int) -> float:
        return self.top(index + 1) if index + 1 < self.count() else self.end()

    def end(self) -> float:
        if self._end is None:
            fmt = self.table.format()
            last = self.table.rows() - 1
            bottoms = [
                _block_bottom(self.layout, _last_block(self.document, cell), self.scale)
                + _padding(cell, fmt, "bottom") * self.scale
                for cell in _cells(self.table, last, starting_here=False)
            ]
            extra = (2 * fmt.border() + fmt.cellSpacing() + fmt.padding()) * self.scale
            self._end = max(bottoms) + extra if bottoms else self.top(0)
        return self._end

    def header(self, index: int) -> Band | None:
        if index == 0 or self.headers == 0:
            return None
        return (self.top(0), self._row_top(self.headers))

    def cut(self, index: int, above: float, limit: float) -> float:
        rows = range(self._first_row(index), self.headers + index + 1)
        lines = [
            line
            for row in rows
            for cell in _cells(self.table, row)
            for line in _cell_lines(self.layout, self.document, cell)
        ]
        return _cut_between(lines, above, limit)

    def _row_top(self, row: int) -> float:
        # Every cell starting in a row starts at the row's top: the first one tells it.
        fmt = self.table.format()
        cell = _first_cell(self.table, row)
        if cell is None:
            return self.floor
        top = _block_top(self.layout, _first_block(self.document, cell), self.scale)
        return top - (_padding(cell, fmt, "top") + fmt.border() + fmt.cellSpacing()) * self.scale


@dataclass
class _BlockRows(_Run):
    """The rows of a row table (``print_rows``), the first its header and kept with the row below it."""

    layout: QAbstractTextDocumentLayout
    bands: list[print_rows.Band]
    floor: float
    break_before: bool = False

    def count(self) -> int:
        return max(0, len(self.bands) - 1)

    def top(self, index: int) -> float:
        return max(self.floor, self.bands[0].top) if index == 0 else self.bands[index + 1].top

    def bottom(self, index: int) -> float:
        return self.bands[index + 1].bottom

    def header(self, index: int) -> Band | None:
        return None if index == 0 else (self.bands[0].top, self.bands[0].bottom)

    def cut(self, index: int, above: float, limit: float) -> float:
        rows = self.bands[: index + 2] if index == 0 else [self.bands[index + 1]]
        lines = []
        for row in rows:
            block = row.first
            while block.isValid() and block.position() <= row.last.position():
                lines.extend(_block_lines(self.layout, block))
                block = block.next()
        return _cut_between(lines, above, limit)


def _cells(table: QTextTable, row: int, starting_here: bool = True) -> list[QTextTableCell]:
    """The cells of ``row``: only those starting in it, or (``starting_here=False``) all that reach it."""
    cells = []
    column = 0
    columns = table.columns()
    while column < columns:
        cell = table.cellAt(row, column)
        if not starting_here or cell.row() == row:
            cells.append(cell)
        column += max(1, cell.columnSpan())
    return cells


def _first_cell(table: QTextTable, row: int) -> QTextTableCell | None:
    """The leftmost cell starting in ``row`` (``None`` if cells from rows above fill it)."""
    column = 0
    while column < table.columns():
        cell = table.cellAt(row, column)
        if cell.row() == row:
            return cell
        column += max(1, cell.columnSpan())
    return None


# Blocks are found by position: a QTextCursor would also work out its x position, which
# costs more. (And not through ``QTextTable.document()``: in PySide6 6.12 that keeps the
# document alive for ever.)
def _first_block(document: QTextDocument, cell: QTextTableCell) -> QTextBlock:
    return document.findBlock(cell.firstPosition())


def _last_block(document: QTextDocument, cell: QTextTableCell) -> QTextBlock:
    return document.findBlock(cell.lastPosition())


def _padding(cell: QTextTableCell, table_format: QTextFormat, side: str) -> float:
    fmt = cell.format()
    prop = QTextFormat.Property.TableCellTopPadding if side == "top" else QTextFormat.Property.TableCellBottomPadding
    return fmt.doubleProperty(prop) if fmt.hasProperty(prop) else table_format.cellPadding()


def _block_top(layout: QAbstractTextDocumentLayout, block: QTextBlock, scale: float) -> float:
    return layout.blockBoundingRect(block).top() - block.blockFormat().topMargin() * scale


def _block_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock, scale: float) -> float:
    return layout.blockBoundingRect(block).bottom() + block.blockFormat().bottomMargin() * scale


def _cell_lines(layout: QAbstractTextDocumentLayout, document: QTextDocument, cell: QTextTableCell) -> list[Band]:
    lines = []
    block = _first_block(document, cell)
    last = cell.lastPosition()
    while block.isValid() and block.position() <= last:
        lines.extend(_block_lines(layout, block))
        block = block.next()
    return lines


def _block_lines(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> list[Band]:
    top = layout.blockBoundingRect(block).top()
    text_layout = block.layout()
    lines = []
    for index in range(text_layout.lineCount()):
        line = text_layout.lineAt(index)
        lines.append((top + line.y(), top + line.y() + line.height()))
    return lines


def _cut_between(lines: Sequence[Band], above: float, limit: float) -> float:
    """The lowest place above ``limit`` (and below ``above``) that no line crosses; else ``limit``."""
    for candidate in sorted({top for top, _ in lines if above < top <= limit}, reverse=True):
        if not any(top < candidate < bottom for top, bottom in lines):
            return candidate
    return limit


def _table_run(document: QTextDocument, frame: QTextFrame, scale: float, floor: float) -> _Run | None:
    """The rows of ``frame`` if it is a table (a ``QTextTable`` or a row table), else ``None``."""
    layout = document.documentLayout()
    if frame.frameFormat().hasProperty(print_rows.TABLE_ID):
        tables = print_rows.RowTables.of(document)
        return _BlockRows(layout, tables.bands(document, frame) if tables is not None else [], floor)
    if isinstance(frame, QTextTable):
        return _Rows(document, layout, frame, scale, floor)
    return None


def _runs(document: QTextDocument, frame: QTextFrame, scale: float, floor: float = 0.0) -> list[_Run]:
    """The runs of ``frame`` in reading order; every run starts below where the one before it ends."""
    layout = document.documentLayout()
    runs: list[_Run] = []
    break_next = False
    after_table = False
    iterator = frame.begin()
    while not iterator.atEnd():
        child = iterator.currentFrame()
        table = _table_run(document, child, scale, floor) if child is not None else None
        if table is not None:
            policy = child.frameFormat().pageBreakPolicy().value
            table.break_before = break_next or bool(policy & BREAK_BEFORE)
            if table.count():
                runs.append(table)
                floor = table.end()
            break_next = bool(policy & BREAK_AFTER)
            after_table = True
        elif child is not None:
            policy = child.frameFormat().pageBreakPolicy().value
            nested = _runs(document, child, scale, floor)
            if nested:
                nested[0].break_before |= break_next or bool(policy & BREAK_BEFORE)
                runs.extend(nested)
                floor = nested[-1].end()
            break_next = (break_next and not nested) or bool(policy & BREAK_AFTER)
            after_table = False
        else:
            block = iterator.currentBlock()
            policy = block.blockFormat().pageBreakPolicy().value
            # Qt hides the empty block that follows a table (it takes no room); so is it here.
            if not (after_table and block.length() == 1):
                lines = [(max(top, floor), max(bottom, floor)) for top, bottom in _block_lines(layout, block)]
                if lines:
                    runs.append(
                        _Lines(
                            [top for top, _ in lines],
                            [bottom for _, bottom in lines],
                            break_before=break_next or bool(policy & BREAK_BEFORE),
                        )
                    )
                    floor = lines[-1][1]
                    break_next = False
            break_next |= bool(policy & BREAK_AFTER)
            after_table = False
        iterator += 1
    return runs


def _first_ending_below(run: _Run, start: int, limit: float) -> int:
    """The first item from ``start`` on that ends below ``limit`` (``run.count()`` if none does)."""
    if isinstance(run, _Lines):
        return max(start, bisect.bisect_right(run.bottoms, limit, lo=start))
    if run.end() <= limit:
        return run.count()  # all of it fits: no row needs measuring
    low, high = start, run.count() - 1  # the last one ends below ``limit``
    while low < high:
        middle = (low + high) // 2
        if run.bottom(middle) > limit:
            high = middle
        else:
            low = middle + 1
    return low


def paginate(document: QTextDocument, page_height: float) -> list[list[Slice]]:
    """The pages of ``document`` (already laid out as one long page): each a list of slices to paint."""
    scale = print_rows.device_scale(document)
    starts = [_Start(0.0)]
    used = False  # whether something is placed on the last page yet

    def capacity(start: _Start) -> float:
        return page_height - (start.header[1] - start.header[0] if start.header else 0.0)

    for run in _runs(document, document.rootFrame(), scale):
        if run.break_before and used:
            starts.append(_Start(run.top(0)))
            used = False
        index = 0
        while index < run.count():
            start = starts[-1]
            limit = start.top + capacity(start)
            fitting = _first_ending_below(run, index, limit)
            if fitting > index:
                used = True
                index = fitting
            if index == run.count():
                break
            header = run.header(index)
            if header is not None and header[1] - header[0] > page_height / 2:
                header = None  # a header this tall would leave too little room under it
            if used and run.top(index) > start.top:
                starts.append(_Start(run.top(index), header))
            else:  # alone on its page and still too tall: cut it between two lines
                cut = run.cut(index, start.top, limit)
                starts.append(_Start(cut if cut > start.top else limit, header))
            used = run.top(index) < starts[-1].top  # part of a cut item is on the new page
    end = document.documentLayout().documentSize().height()
    pages = []
    for number, start in enumerate(starts):
        following = starts[number + 1].top if number + 1 < len(starts) else end
        body_top = 0.0
        page: list[Slice] = []
        if start.header is not None:
            page.append(Slice(start.header[0], start.header[1], 0.0))
            body_top = start.header[1] - start.header[0]
        page.append(Slice(start.top, min(following, start.top + page_height - body_top), body_top))
        pages.append(page)
    return pages
