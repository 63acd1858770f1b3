"""The interview-day sheet: what it prints (checked with pdftotext), one page, user text kept literal."""

from __future__ import annotations

import gc
import subprocess
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from desktop_app.storage.checklists import add_item, list_checklist, update_item
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.interview_sheet import BOX_DONE, BOX_EMPTY, sheet_when
from desktop_app.ui.printing import make_preview_dialog
from tests.ui.prepare_helpers import make_tab

COMPANY = "<b>Acme</b> & Co"


def _pdf_text(path: Path) -> str:
    """The PDF's text, with typographic ligatures (fl, fi) spelled out again."""
    output = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return unicodedata.normalize("NFKC", output.stdout)


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _typical_interview(db: Database) -> int:
    when = (datetime.now() + timedelta(days=2)).replace(hour=10, minute=30, second=0, microsecond=0)
    interview_id = create_interview(
        db,
        COMPANY,
        role="Data <i>analyst</i>",
        stage="Panel",
        scheduled_at=when,
        format="on_site",
        location="Main St 1 & 2, floor <3>",
        interviewers="Ana Díaz (lead), Bo Li",
        notes="Mention the <script> migration",
    )
    add_item(db, interview_id, "Questions to ask", "Ask about <team> size & growth", -1)
    update_item(db, list_checklist(db, interview_id)[0].id, done=True)
    return interview_id


def test_the_pdf_prints_the_sheet_on_one_page_with_text_as_typed(
    qtbot, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    interview_id = _typical_interview(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(interview_id)
    target = tmp_path / "sheet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    written = tab.save_pdf()
    assert written == tmp_path / "sheet.pdf"
    assert "1 page" in tab.status.text()
    assert _pages(written) == 1
    text = _pdf_text(written)
    flat = " ".join(text.split())
    for expected in (
        COMPANY,
        "Data <i>analyst</i> · Panel",
        "Main St 1 & 2, floor <3>",
        "Ana Díaz (lead), Bo Li",
        "Mention the <script> migration",
        "Ask about <team> size & growth",
        "Questions to ask",
        "Afterwards",
        "Notes during and right after the interview",
        "1 of 21 done",
    ):
        assert expected in flat, expected
    assert " ".join(sheet_when(_when(db, interview_id)).split()) in flat
    assert ":00 UTC" not in flat
    assert text.count(BOX_EMPTY) == 20 and text.count(BOX_DONE) == 1


def _when(db: Database, interview_id: int) -> datetime:
    from desktop_app.storage.interviews import get_interview

    detail = get_interview(db, interview_id)
    assert detail is not None and detail.scheduled_at is not None
    return detail.scheduled_at


def test_the_sheet_shows_what_was_typed_a_moment_ago(qtbot, db: Database) -> None:
    interview_id = _typical_interview(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(interview_id)
    qtbot.keyClicks(tab.editor.interviewers, ", Cy")
    document = tab.build_sheet()
    assert document is not None
    assert "Ana Díaz (lead), Bo Li, Cy" in document.toPlainText()
    assert document.toPlainText().startswith(COMPANY)


def test_print_preview_renders_the_sheet(qtbot, db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    interview_id = _typical_interview(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(interview_id)
    target = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    tab.print_current()
    assert COMPANY in _pdf_text(target)


def test_cancelling_the_pdf_dialog_writes_nothing(qtbot, db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _typical_interview(db)
    tab = make_tab(qtbot, db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert tab.save_pdf() is None
    assert not list(tmp_path.glob("*.pdf"))


def test_the_print_preview_dialog_opens_and_renders_the_sheet(qtbot, db: Database) -> None:
    interview_id = _typical_interview(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(interview_id)
    dialog = make_preview_dialog(lambda: tab.build_sheet(), tab)
    gc.collect()
    painted: list[int] = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout().pageSize().id()))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    dialog.close()
