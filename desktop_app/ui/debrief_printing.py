"""Printing a debrief: the document builder for one stored debrief, and "Save as PDF…" with its file dialog.

Preview, paper and PDF all go through ``ui.printing`` with the same builder, so they
show the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import load_debrief
from desktop_app.ui import printing
from desktop_app.ui.debrief_document import build_debrief_document


def _tr(text: str) -> str:
    return QCoreApplication.translate("debrief", text)


def debrief_builder(db: Database, debrief_id: int) -> printing.DocumentBuilder:
    """A builder that reads the debrief afresh each time it is called (the preview calls it again)."""

    def build() -> QTextDocument:
        return build_debrief_document(load_debrief(db, debrief_id))

    return build


def suggested_pdf_name(company: str) -> str:
    """A file name for the PDF in the home folder: "<company> debrief.pdf", no path separators."""
    name = _tr("{company} debrief.pdf").format(company=company.strip() or _tr("interview"))
    return str(Path.home() / name.replace("/", "-").replace("\\", "-"))


@dataclass(frozen=True)
class PdfResult:
    """What happened to a "Save as PDF…": the file written (None if not) and what to tell the user."""

    path: Path | None
    message: str


def save_pdf_with_dialog(parent: QWidget, title: str, suggested: str, build: printing.DocumentBuilder) -> PdfResult:
    """Ask where to save, write the PDF, and say how it went; cancelling writes nothing and says nothing."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, _tr("PDF files (*.pdf)"))
    if not name:
        return PdfResult(None, "")
    target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    try:
        pages = printing.write_pdf(build, target)
    except OSError as exc:
        return PdfResult(None, _tr("The PDF could not be saved: {reason}").format(reason=exc))
    message = QCoreApplication.translate("debrief", "Saved %n page(s) to {path}.", "", pages).format(path=target)
    return PdfResult(target, message)
