"""Table-like rows that print cheaply: one column is the document's own text, the short ones beside it are drawn.

Qt lays every table cell out twice (once at unlimited width, to learn each column's
minimum and maximum) and keeps a frame per cell; for the hundreds of rows of a printed
list that was most of the printing time. Here a row table is one frame of paragraphs,
a paragraph or a few per row, whose side margins leave room for the other columns: Qt
lays out the main text once, as ordinary paragraphs. The short cells (a box to tick, a
word, a date) are drawn beside each row by ``RowTables`` when a page is painted, as
real text, and a row whose drawn cells are taller than its text is given the room they
need once the document is laid out.

The first row of a frame is its header; ``print_pages`` keeps each row on one page and
repeats the header above rows that run onto a new page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextLayout,
    QTextOption,
)

TABLE_ID = QTextFormat.Property.UserProperty + 40  # on a row table's frame: its index in ``RowTables``
PADDING = QTextFormat.Property.UserProperty + 41  # on a row table's frame: a cell's padding (1/96 inch)
TOP_MARGIN_PX = 4.0  # above the table
BOTTOM_MARGIN_PX = 8.0  # below it


@dataclass(frozen=True)
class Piece:
    """One paragraph of a drawn cell."""

    text: str
    font: QFont
    color: QColor


Cell = tuple[Piece, ...]


@dataclass(frozen=True)
class Row:
    """The drawn cells of a row, one per column other than the main one, and its background."""

    cells: tuple[Cell, ...]
    fill: QColor | None = None


@dataclass(frozen=True)
class Columns:
    """Each column's share of the width, and which of them holds the document's text."""

    shares: tuple[float, ...]
    main: int
    padding: float = 4.0  # around a cell's content, in 1/96 inch


@dataclass
class _Table:
    index: int
    columns: Columns
    rows: list[Row] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each row's first block, counted from the frame's first
    room: dict[int, float] = field(default_factory=dict)  # by row: what ``fit`` added below it (1/96 inch)


@dataclass(frozen=True)
class Band:
    """Where a row lies in the laid-out document, and its first and last blocks."""

    top: float
    bottom: float
    first: QTextBlock
    last: QTextBlock


class RowTables(QObject):
    """The drawn cells of every row table in one document (a child of the document, found by ``of``)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._tables: list[_Table] = []
        self._texts: dict[tuple[int, float], _Prepared] = {}
        self._laid_out: dict[int, tuple[_Table, list[Band]]] = {}  # by table index, once ``fit``

    @staticmethod
    def of(document: QTextDocument) -> RowTables | None:
        for child in document.children():
            if isinstance(child, RowTables):
                return child
        return None

    def insert(self, cursor: QTextCursor, columns: Columns, header: Row) -> RowWriter:
        """Start a row table at ``cursor``: its header row is written first, then each ``RowWriter.add``."""
        fmt = QTextFrameFormat()
        fmt.setTopMargin(TOP_MARGIN_PX + columns.padding)
        fmt.setBottomMargin(BOTTOM_MARGIN_PX + columns.padding)
        fmt.setProperty(TABLE_ID, len(self._tables))
        fmt.setProperty(PADDING, columns.padding)
        table = _Table(len(self._tables), columns)
        self._tables.append(table)
        return RowWriter(cursor, cursor.insertFrame(fmt), table, header)

    # The printer path calls these three, in this order.

    def prepare(self, document: QTextDocument, width: float) -> None:
        """Before layout: leave room beside each table's main text for its drawn columns, on a page ``width`` wide.

        Called once the paint device is set and before the page size is: a frame changed
        after layout can leave the blocks after it without a layout.
        """
        scale = device_scale(document)
        for frame, table in self._frames(document):
            shares = table.columns.shares
            fmt = frame.frameFormat()
            fmt.setLeftMargin(sum(shares[: table.columns.main]) * width / scale)
            fmt.setRightMargin(sum(shares[table.columns.main + 1 :]) * width / scale)
            frame.setFrameFormat(fmt)

    def fit(self, document: QTextDocument) -> None:
        """After layout: a row whose drawn cells are taller than its text is made as tall as they are."""
        scale = device_scale(document)
        self._texts.clear()  # for this printer and paper
        laid_out = [(frame, table, _row_bands(document, frame, table)) for frame, table in self._frames(document)]
        cursor: QTextCursor | None = None
        for frame, table, bands in laid_out:
            pad = table.columns.padding * scale
            widths = self._cell_widths(document, table.columns)
            needed: dict[tuple[int, ...], float] = {}  # rows share their cells: work each set out once
            for number, (band, row) in enumerate(zip(bands, table.rows, strict=True)):
                key = tuple(map(id, row.cells))
                if key not in needed:
                    needed[key] = max(
                        (
                            self._cell_height(document, cell, width)
                            for cell, width in zip(row.cells, widths, strict=True)
                        ),
                        default=0.0,
                    )
                missing = needed[key] + 2 * pad - (band.bottom - band.top)
                if missing > 0.5:
                    cursor = cursor or _edit(document)
                    _add_room(cursor, frame, band.last, missing / scale, 2 * table.columns.padding, band is bands[-1])
                    table.room[number] = table.room.get(number, 0.0) + missing / scale
        if cursor is not None:
            cursor.endEditBlock()
            # Qt lays out again only the changed part, and sometimes not what follows a frame: all of it, then.
            document.markContentsDirty(0, document.characterCount())
            laid_out = [(frame, table, _row_bands(document, frame, table)) for frame, table in self._frames(document)]
        self._laid_out = {table.index: (table, bands) for _, table, bands in laid_out}

    def paint(self, painter: QPainter, document: QTextDocument, clip: QRectF, below: bool) -> None:
        """Paint the backgrounds (``below`` the text) or the drawn cells of the rows in ``clip``; after ``fit``."""
        width = document.pageSize().width()
        top, bottom = clip.top(), clip.bottom()
        for table, bands in self._laid_out.values():
            if not bands or bands[-1].bottom <= top or bands[0].top >= bottom:
                continue
            pad = table.columns.padding * device_scale(document)
            lefts = _lefts(table.columns, width)
            widths = self._cell_widths(document, table.columns)
            first = bisect.bisect_right([band.bottom for band in bands], top)
            for band, row in zip(bands[first:], table.rows[first:], strict=False):
                if band.top >= bottom:
                    break
                if below:
                    if row.fill is not None:
                        painter.fillRect(QRectF(0, band.top, width, band.bottom - band.top), row.fill)
                elif top <= band.top + pad < bottom:  # a row cut across two pages has its cells drawn once
                    for cell, left, cell_width in zip(row.cells, lefts, widths, strict=True):
                        self._paint_cell(painter, document, cell, QPointF(left + pad, band.top + pad), cell_width)

    def bands(self, document: QTextDocument, frame: QTextFrame) -> list[Band]:
        """The rows of ``frame`` where ``fit`` left them (or where they are now, before it)."""
        index = frame.frameFormat().property(TABLE_ID)
        if index in self._laid_out:
            return self._laid_out[index][1]
        return _row_bands(document, frame, self._tables[index])

    def text_of(self, document: QTextDocument) -> dict[int, tuple[list[str], int]]:
        """By the number of a row's first block: what its drawn cells say (one entry each), where its text goes."""
        texts: dict[int, tuple[list[str], int]] = {}
        for frame, table in self._frames(document):
            first = document.findBlock(frame.firstPosition()).blockNumber()
            for start, row in zip(table.starts, table.rows, strict=True):
                cells = ["\n".join(piece.text for piece in cell) for cell in row.cells]
                texts[first + start] = (cells, table.columns.main)
        return texts

    def _frames(self, document: QTextDocument) -> Iterator[tuple[QTextFrame, _Table]]:
        for frame in document.rootFrame().childFrames():
            index = frame.frameFormat().property(TABLE_ID)
            if isinstance(index, int) and 0 <= index < len(self._tables):
                yield frame, self._tables[index]

    def _cell_widths(self, document: QTextDocument, columns: Columns) -> list[float]:
        width = document.pageSize().width()
        pad = columns.padding * device_scale(document)
        return [
            max(1.0, share * width - 2 * pad) for index, share in enumerate(columns.shares) if index != columns.main
        ]

    def _prepared(self, document: QTextDocument, piece: Piece, width: float) -> _Prepared:
        key = (id(piece), width)
        prepared = self._texts.get(key)
        if prepared is None:
            prepared = self._texts[key] = _Prepared.of(piece, width, document.documentLayout().paintDevice())
        return prepared

    def _cell_height(self, document: QTextDocument, cell: Cell, width: float) -> float:
        return sum(self._prepared(document, piece, width).height for piece in cell)

    def _paint_cell(self, painter: QPainter, document: QTextDocument, cell: Cell, at: QPointF, width: float) -> None:
        y = at.y()
        for piece in cell:
            prepared = self._prepared(document, piece, width)
            painter.setPen(piece.color)
            for run in prepared.runs:
                painter.drawGlyphRun(QPointF(at.x(), y), run)
            y += prepared.height


@dataclass(frozen=True)
class _Prepared:
    """A drawn paragraph laid out once for the printer: its glyphs, and its height."""

    piece: Piece  # kept, so that the ``id`` it is found by stays its own
    runs: list[QGlyphRun]
    height: float

    @staticmethod
    def of(piece: Piece, width: float, device: QPaintDevice | None) -> _Prepared:
        font = QFont(piece.font, device) if device is not None else QFont(piece.font)
        layout = QTextLayout(piece.text, font, device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return _Prepared(piece, layout.glyphRuns(), y)


class RowWriter:
    """Writes the rows of one row table: ``add`` a row and insert its main text at the cursor it returns."""

    def __init__(self, cursor: QTextCursor, frame: QTextFrame, table: _Table, header: Row) -> None:
        self._cursor = cursor
        self._frame = frame
        self._table = table
        pad = table.columns.padding
        self._more = QTextBlockFormat()  # a row's further paragraphs, right under its first
        self._more.setLeftMargin(pad)
        self._more.setRightMargin(pad)
        self._start = QTextBlockFormat(self._more)
        self._start.setTopMargin(2 * pad)  # the padding below one row's text and above the next one's
        cursor.setBlockFormat(self._start)
        self._first = cursor.blockNumber()
        table.rows.append(header)
        table.starts.append(0)

    def header(self) -> QTextCursor:
        """The cursor in the header row, to write the main column's title."""
        return self._cursor

    def add(self, row: Row) -> QTextCursor:
        """Start ``row``: its first paragraph goes in at the cursor returned (see ``one_paragraph``)."""
        if len(row.cells) != len(self._table.columns.shares) - 1:
            raise ValueError("a row has one drawn cell per column but the main one")
        self._cursor.insertBlock(self._start)
        self._table.rows.append(row)
        self._table.starts.append(self._cursor.blockNumber() - self._first)
        return self._cursor

    def more(self) -> QTextCursor:
        """A further paragraph of the current row; text with line breaks goes in as more of them.

        A row taller than a page is cut between paragraphs: Qt draws the line above a
        cut inside a paragraph too, and so would print it on both pages.
        """
        self._cursor.insertBlock(self._more)
        return self._cursor

    def finish(self, outer: QTextCursor) -> None:
        """Move ``outer`` past the table."""
        outer.setPosition(self._frame.lastPosition() + 1)


LINE = "\u2028"  # a line break inside a paragraph


def one_paragraph(text: str) -> str:
    """``text`` with its line breaks as breaks inside one paragraph (a new paragraph would start a row)."""
    return LINE.join(text.splitlines())


def _row_bands(document: QTextDocument, frame: QTextFrame, table: _Table) -> list[Band]:
    """Each row of a row table, from the header down, where it lies in the laid-out document."""
    layout = document.documentLayout()
    scale = device_scale(document)
    pad = table.columns.padding * scale
    first = document.findBlock(frame.firstPosition()).blockNumber()
    ends = [*table.starts[1:], document.findBlock(frame.lastPosition()).blockNumber() - first + 1]
    bands = []
    for number, (start, end) in enumerate(zip(table.starts, ends, strict=True)):
        top = document.findBlockByNumber(first + start)
        bottom = top if end - start == 1 else document.findBlockByNumber(first + end - 1)
        rect = layout.blockBoundingRect(top)
        lowest = rect.bottom() if bottom == top else layout.blockBoundingRect(bottom).bottom()
        room = table.room.get(number, 0.0) * scale
        bands.append(Band(rect.top() - pad, lowest + pad + room, top, bottom))
    return bands


def _edit(document: QTextDocument) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    return cursor


def _add_room(cursor: QTextCursor, frame: QTextFrame, block: QTextBlock, room: float, gap: float, last: bool) -> None:
    """Make ``room`` (1/96 inch) more space below ``block``, the last of a row of ``frame``; rows are ``gap`` apart."""
    block_format = block.blockFormat()
    # Margins overlap: below a row, the larger of its bottom margin and the next row's top one (``gap``).
    block_format.setBottomMargin(max(block_format.bottomMargin(), gap) + room)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(block_format)
    if last:  # a frame drops its last block's bottom margin: the frame's own makes the room
        fmt = frame.frameFormat()
        fmt.setBottomMargin(fmt.bottomMargin() + room)
        frame.setFrameFormat(fmt)


def _lefts(columns: Columns, width: float) -> list[float]:
    lefts, x = [], 0.0
    for index, share in enumerate(columns.shares):
        if index != columns.main:
            lefts.append(x)
        x += share * width
    return lefts


def device_scale(document: QTextDocument) -> float:
    """Device units per format length (formats measure in 1/96 inch) for the document's paint device."""
    device = document.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0
