"""The one printer path: a document built by a pure function goes to preview, paper or PDF.

``render()`` lays a QTextDocument out on the printer's pages, keeps every table row
whole on one page (a row that would straddle a page break moves to the next page,
under the repeated header row), and paints each page with a footer (page numbers and
the date printed). ``write_pdf()`` writes to a temporary file beside the target and
renames it only once it is complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

DocumentBuilder = Callable[[], QTextDocument]
MARGIN_MM = 15.0
FOOTER_HEIGHT_INCH = 0.4


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def configure(printer: QPrinter, page_size: QPageSize.PageSizeId | None = None) -> None:
    """Sensible defaults: portrait, 15 mm margins, and a page size if one is asked for."""
    if page_size is not None:
        printer.setPageSize(QPageSize(page_size))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def footer_text(page: int, page_count: int) -> str:
    printed = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    return _tr("Page {page} of {count} · Printed {date}").format(page=page, count=page_count, date=printed)


def render(document: QTextDocument, printer: QPrinter) -> int:
    """Paint ``document`` onto ``printer``'s pages with a footer; return the page count."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_tr("The printer could not be started."))
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        footer_height = FOOTER_HEIGHT_INCH * printer.resolution()
        body = QRectF(0, 0, page.width(), page.height() - footer_height)
        document.documentLayout().setPaintDevice(printer)
        document.setDocumentMargin(0)
        document.setPageSize(QSizeF(body.width(), body.height()))
        keep_table_rows_together(document)
        page_count = max(1, document.pageCount())
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(8)
        for index in range(page_count):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            clip = QRectF(0, index * body.height(), body.width(), body.height())
            context_clip = painter.clipRegion()
            painter.setClipRect(clip)
            document.drawContents(painter, clip)
            painter.setClipRegion(context_clip)
            painter.restore()
            painter.save()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            footer = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer_text(index + 1, page_count),
            )
            painter.restore()
        return page_count
    finally:
        painter.end()


def _row_extent(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the first line and bottom of the last line of a table row, in document coordinates."""
    document = table.document()
    tops: list[float] = []
    bottoms: list[float] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:
            continue
        # Blocks found by position: a QTextCursor would also work out its x position, which costs more.
        tops.append(layout.blockBoundingRect(document.findBlock(cell.firstPosition())).top())
        bottoms.append(layout.blockBoundingRect(document.findBlock(cell.lastPosition())).bottom())
    return (min(tops), max(bottoms)) if tops else (0.0, 0.0)


def _insert_spacer_row(table: QTextTable, row: int) -> None:
    """Insert an empty, borderless row before ``row``; its height is set by ``_set_height``."""
    table.insertRows(row, 1)
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        fmt.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setRightBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setTopPadding(0)
        fmt.setBottomPadding(0)
        cell.setFormat(fmt)


def _set_height(table: QTextTable, row: int, height: float) -> None:
    cursor = table.cellAt(row, 0).firstCursorPosition()
    block = cursor.blockFormat()
    block.setLineHeight(max(1.0, height), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(block)


def _device_scale(document: QTextDocument) -> float:
    """Document units per point of a format length (Qt scales lengths to the paint device)."""
    device = document.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0


def _hard_break_between(document: QTextDocument, previous: QTextTable | None, table: QTextTable) -> bool:
    """True when ``table`` starts on a fresh page whatever comes before it (a forced page break)."""
    if table.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return True
    start = 0 if previous is None else previous.lastPosition() + 1
    block = document.findBlock(start)
    while block.isValid() and block.position() < table.firstPosition() - 1:
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            return True
        block = block.next()
    return False


def _page_groups(document: QTextDocument) -> list[list[QTextTable]]:
    """The top-level tables, grouped so that each group after the first starts after a forced page break.

    Moving a row in one group never changes where rows of another group fall on their pages,
    so one fix per group can be made in the same edit.
    """
    groups: list[list[QTextTable]] = []
    previous: QTextTable | None = None
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if not groups or _hard_break_between(document, previous, frame):
            groups.append([])
        groups[-1].append(frame)
        previous = frame
    return groups


@dataclass
class _GroupScan:
    """Where the search for the next split row of one page group goes on."""

    tables: list[QTextTable]
    table: int = 0
    row: int = -1


@dataclass
class _Spacer:
    table: QTextTable
    row: int
    space: float


def _next_split(
    layout: QAbstractTextDocumentLayout, scan: _GroupScan, page_height: float
) -> tuple[QTextTable, int] | None:
    """The next row of the group that a page break would split (advancing ``scan`` to it), or None.

    Rows lie one under the other, so the rows that reach a new page are found by bisection
    rather than by measuring every row.
    """

    def page_of(y: float) -> int:
        return int(y // page_height)

    while scan.table < len(scan.tables):
        table = scan.tables[scan.table]
        if scan.row < 0:
            scan.row = table.format().headerRowCount()
        while scan.row < table.rows():
            page = page_of(_row_extent(layout, table, scan.row)[0])
            low, high = scan.row, table.rows()  # the first row ending past ``page`` is in [low, high)
            while low < high:
                middle = (low + high) // 2
                if page_of(_row_extent(layout, table, middle)[1] - 1) > page:
                    high = middle
                else:
                    low = middle + 1
            if low == table.rows():
                break
            top, bottom = _row_extent(layout, table, low)
            scan.row = low
            if page_of(top) != page_of(max(top, bottom - 1)) and bottom - top < page_height * 0.9:
                return table, low
            scan.row += 1
        scan.table += 1
        scan.row = -1
    return None


def keep_table_rows_together(document: QTextDocument) -> None:
    """Move every table row that would be split by a page break to the next page.

    Qt splits a row whose first line fits on the page. Here an empty, borderless row
    fills the rest of the page before such a row, so it starts on the next page after
    the repeated header rows; when the first row would split, the whole table moves.
    Rows taller than a page are left to split.

    Every change makes Qt lay the document out again, so the changes are made in rounds:
    in each round, the next split row of every part of the document that begins on a
    fresh page (each plan of the printed plans) is fixed, all in one edit.
    """
    page_height = document.pageSize().height()
    if page_height <= 0:
        return
    layout = document.documentLayout()
    scale = _device_scale(document)
    scans = [_GroupScan(tables) for tables in _page_groups(document)]
    while scans:
        moves: list[QTextTable] = []
        spacers: list[_Spacer] = []
        still_open: list[_GroupScan] = []
        for scan in scans:
            found = _next_split(layout, scan, page_height)
            if found is None:
                continue
            still_open.append(scan)
            table, row = found
            table_format = table.format()
            if row == table_format.headerRowCount():
                if table_format.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    scan.row += 1  # already at the top of a page: taller than what is left, let it split
                else:
                    moves.append(table)  # look at the same row again once the table has moved
                continue
            top = _row_extent(layout, table, row)[0]
            row_top = top - table_format.cellPadding() * scale
            spacers.append(_Spacer(table, row, (int(top // page_height) + 1) * page_height - row_top))
            scan.row += 2  # past the spacer and the row it moved
        if not moves and not spacers:
            return
        edit = QTextCursor(document)
        edit.beginEditBlock()  # one layout for the whole round
        for table in moves:
            table_format = table.format()
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(table_format)
        for spacer in spacers:
            _insert_spacer_row(spacer.table, spacer.row)
            _set_height(spacer.table, spacer.row, spacer.space / scale)
        edit.endEditBlock()
        _shrink_spacers_that_moved(document, layout, spacers, page_height, scale)
        scans = still_open


def _shrink_spacers_that_moved(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout,
    spacers: list[_Spacer],
    page_height: float,
    scale: float,
) -> None:
    """A spacer must end the page it starts on; one that did not fit there is made a little shorter."""
    for _ in range(3):
        moved = [
            spacer
            for spacer in spacers
            if int(_row_extent(layout, spacer.table, spacer.row)[0] // page_height)
            != int(_row_extent(layout, spacer.table, spacer.row - 1)[1] // page_height)
        ]
        if not moved:
            return
        edit = QTextCursor(document)
        edit.beginEditBlock()
        for spacer in moved:
            spacer.space -= page_height / 40
            _set_height(spacer.table, spacer.row, spacer.space / scale)
        edit.endEditBlock()


def write_pdf(build: DocumentBuilder, target: Path, page_size: QPageSize.PageSizeId | None = None) -> int:
    """Write the document to ``target`` as PDF; an existing file is replaced only when done."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    if target.is_dir():
        raise IsADirectoryError(_tr("{path} is a folder; give a file name for the PDF.").format(path=target))
    try:
        temporary.touch()
    except OSError as exc:
        raise OSError(
            _tr("The PDF cannot be written to {path}: {reason}.").format(path=target, reason=exc.strerror or exc)
        ) from exc
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(temporary))
    configure(printer, page_size or QPageSize.PageSizeId.A4)
    try:
        pages = render(build(), printer)
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise OSError(_tr("The PDF could not be written to {path}.").format(path=target))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return pages


def make_preview_dialog(build: DocumentBuilder, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview that renders exactly what paper and PDF get."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_in_use = printer  # type: ignore[attr-defined]  # the dialog does not own it: keep it alive
    dialog.paintRequested.connect(lambda p: render(build(), p))
    dialog.setWindowTitle(_tr("Print preview"))
    return dialog


def print_with_dialog(build: DocumentBuilder, parent: QWidget | None = None) -> bool:
    """Ask for a printer (A4 or Letter come from its settings) and print; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render(build(), printer)
    return True
