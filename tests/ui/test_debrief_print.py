"""Printing a debrief summary: print preview, the printer and "Save as PDF…", checked in the PDF's text."""

from __future__ import annotations

import gc
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.ui.debrief_tab import DebriefTab
from desktop_app.ui.main_window import MainWindow
from tests.ui.debrief_tab_helpers import HTML_LOOKING, make_debrief, make_tab

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def tab(qtbot, db: Database) -> Iterator[DebriefTab]:  # type: ignore[no-untyped-def]
    make_debrief(db, "Plain Co", complete=True)
    make_debrief(db, "<b>Acme</b> & Co", outcome=Outcome.REJECTED, page=Page.LESSONS, answer=HTML_LOOKING)
    debrief_tab = make_tab(qtbot, db)
    yield debrief_tab


def test_save_as_pdf_prints_user_text_literally(tab: DebriefTab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def choose(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "acme debrief"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert tab.current_debrief_id() == tab.model.row_at(0).id  # the draft is listed (and selected) first
    written = tab.save_pdf()
    assert written == tmp_path / "acme debrief.pdf" and written.exists()
    assert Path(asked[0]).name == "<b>Acme<-b> & Co debrief.pdf"  # no folder separators in the suggestion
    text = pdf_text(written)
    assert "Debrief: <b>Acme</b> & Co – Analyst" in text
    assert HTML_LOOKING in text
    assert "Questions they asked" in text and "Keep doing" in text and "Change" in text
    assert "Page 1 of 1" in text
    assert tab.status.text() == f"Saved 1 page(s) to {written}."
    assert pdf_pages(written) == 1


def test_cancelling_save_as_pdf_writes_and_says_nothing(tab: DebriefTab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert tab.save_pdf() is None
    assert tab.status.text() == ""


def test_a_pdf_that_cannot_be_written_says_why(tab: DebriefTab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "missing" / "x.pdf"), ""))
    assert tab.save_pdf() is None
    assert tab.status.text().startswith("The PDF could not be saved:")


def test_print_preview_renders_the_selected_debrief(tab: DebriefTab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "preview.pdf"
    shown: list[QPrintPreviewDialog] = []

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog)
        gc.collect()  # the dialog's own printer must outlive the function that made it
        printer = dialog.printer()
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)  # what the preview paints
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    tab.select_debrief(tab.model.row_at(1).id)
    tab.print_current()
    assert len(shown) == 1
    text = pdf_text(target)
    assert "Debrief: Plain Co – Analyst" in text and "Complete, finished" in text


def test_print_goes_to_the_chosen_printer(tab: DebriefTab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert tab.print_to_printer()
    assert HTML_LOOKING in pdf_text(target)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not tab.print_to_printer()


def test_with_nothing_selected_printing_says_to_select_a_debrief(tab: DebriefTab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: pytest.fail("no preview without a debrief"))
    tab.debriefs.select_debrief(None)
    tab.print_current()
    assert tab.status.text() == "Select a debrief in the list to print it."
    assert tab.save_pdf() is None


def test_file_print_in_the_main_window_previews_the_debrief(  # type: ignore[no-untyped-def]
    qtbot, db: Database, data_paths: DataPaths, monkeypatch
) -> None:
    make_debrief(db, "Acme", complete=True)
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.debrief_tab)
    titles: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: titles.append(dialog.windowTitle()) or 0)
    window.print_action.trigger()
    assert titles == ["Print preview"]
