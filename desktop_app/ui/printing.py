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
    tops: list[float] = []
    bottoms: list[float] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:
            continue
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
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


def keep_table_rows_together(document: QTextDocument) -> None:
    """Move every table row that would be split by a page break to the next page.

    Qt splits a row whose first line fits on the page. Here an empty, borderless row
    fills the rest of the page before such a row, so it starts on the next page after
    the repeated header rows; when the first row would split, the whole table moves.
    Rows taller than a page are left to split.
    """
    page_height = document.pageSize().height()
    if page_height <= 0:
        return
    layout = document.documentLayout()
    scale = _device_scale(document)
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    for table in tables:
        header_rows = table.format().headerRowCount()
        row = header_rows
        while row < table.rows():
            top, bottom = _row_extent(layout, table, row)
            page = int(top // page_height)
            if page == int(max(top, bottom - 1) // page_height) or bottom - top >= page_height * 0.9:
                row += 1
                continue
            table_format = table.format()
            if row == header_rows:
                if table_format.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    row += 1
                    continue
                table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                table.setFormat(table_format)
                continue
            row_top = top - table_format.cellPadding() * scale
            space = (page + 1) * page_height - row_top
            edit = QTextCursor(document)
            edit.beginEditBlock()  # one layout for the whole change
            _insert_spacer_row(table, row)
            _set_height(table, row, space / scale)
            edit.endEditBlock()
            for _ in range(3):
                if int(_row_extent(layout, table, row)[0] // page_height) == page:
                    break
                space -= page_height / 40  # the spacer itself did not fit: make it shorter
                _set_height(table, row, space / scale)
            row += 2


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
    dialog.printer_keeper = printer  # the dialog does not own its printer: without this Python frees it (crash)
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
