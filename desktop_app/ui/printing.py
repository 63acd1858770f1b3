"""The one printer path: a document built by a pure function goes to preview, paper or PDF.

``render()`` lays a QTextDocument out on the printer's pages, keeps every table row
whole on one page (a row that would straddle a page break moves to the next page,
under the repeated header rows; see ``print_pages``), and paints each page with a
footer (page numbers and the date printed). ``write_pdf()`` writes to a temporary
file beside the target and renames it only once it is complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.ui.print_pages import Slice, paginate
from desktop_app.ui.print_rows import RowTables

DocumentBuilder = Callable[[], QTextDocument]
MARGIN_MM = 15.0
FOOTER_HEIGHT_INCH = 0.4
SLICE_HAIR = 0.5  # device units (1/2400 inch on a high-resolution printer)


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
    """Paint ``document`` onto ``printer``'s pages with a footer; return the page count.

    The document is laid out once, as one long page as wide as the page body, and cut
    into pages by ``print_pages.paginate`` (no line or table row split, table headers
    repeated); each page paints its slices of that layout. The drawn cells of row
    tables (``print_rows``) are fitted after the layout and painted with each slice.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_tr("The printer could not be started."))
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        footer_height = FOOTER_HEIGHT_INCH * printer.resolution()
        body = QRectF(0, 0, page.width(), page.height() - footer_height)
        keep_shaped_text(document)
        document.documentLayout().setPaintDevice(printer)
        document.setDocumentMargin(0)
        rows = RowTables.of(document)
        if rows is not None:
            rows.prepare(document, body.width())  # before the layout: changed after, Qt may skip what follows
        document.setPageSize(QSizeF(body.width(), -1))  # one long page: no pagination by Qt
        if rows is not None:
            rows.fit(document)
        pages = paginate(document, body.height())
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(8)
        for index, slices in enumerate(pages):
            if index:
                printer.newPage()
            for piece in slices:
                _paint_slice(painter, document, piece, body.width(), rows)
            painter.save()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            footer = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer_text(index + 1, len(pages)),
            )
            painter.restore()
        return len(pages)
    finally:
        painter.end()


def keep_shaped_text(document: QTextDocument) -> None:
    """Let every block keep its shaped text once laid out, so painting does not shape it all again.

    Qt drops the glyphs of a laid-out block to save memory and works them out again to
    paint it; for a printout that is painted once, keeping them saves a little (3 % of
    printing all plans in the benchmark).
    """
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()


def _paint_slice(
    painter: QPainter, document: QTextDocument, piece: Slice, width: float, rows: RowTables | None = None
) -> None:
    """Paint one band of the laid-out document at its place on the page (clipped to the band).

    Qt paints every line that touches the clip, so a line starting just where the band
    ends would be painted (clipped away, yet in the PDF's text) on both pages: lines are
    picked with a band a hair narrower than the one painted.
    """
    painter.save()
    painter.translate(0, piece.page_y - piece.top)
    band = QRectF(0, piece.top, width, piece.bottom - piece.top)
    painter.setClipRect(band)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = band.adjusted(0, SLICE_HAIR, 0, -SLICE_HAIR)
    if rows is not None:
        rows.paint(painter, document, context.clip, below=True)
    document.documentLayout().draw(painter, context)
    if rows is not None:
        rows.paint(painter, document, context.clip, below=False)
    painter.restore()


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
