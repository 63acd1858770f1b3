"""Printing plans: the PDF's text, pages, paper and fonts, the CLI's errors, and printing from the tab."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli import build_parser
from desktop_app.core.choices import FailureTier, PlanStatus
from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.plan_steps import add_step
from desktop_app.storage.plans import create_plan
from desktop_app.ui import printing
from desktop_app.ui.planb_document import printed_text
from desktop_app.ui.planb_print_bar import ALL_PLANS, THIS_PLAN
from desktop_app.ui.planb_printing import plans_builder, write_plans_pdf
from tests.ui.planb_helpers import PdfWord, make_tab, pdf_info, pdf_text, pdf_words

pytestmark = pytest.mark.usefixtures("qapp")
ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "<img src=x> & <b>bold</b>"


def _two_plans(db: Database) -> tuple[int, int]:
    first = create_plan(db, "Data analyst in energy", status=PlanStatus.ACTIVE, description="Keep applying")
    add_step(db, first, "Rewrite the CV summary", tier=FailureTier.FREQUENTLY)
    second = create_plan(
        db, "Freelance dashboards", trigger_date=date.today() - timedelta(days=1), trigger_condition="No offer by March"
    )
    add_step(db, second, "Send Priya the sample", tier=FailureTier.NEVER, due=date.today() - timedelta(days=2))
    return first, second


def _run_cli(data_dir: Path, *args: str) -> int:
    parsed = build_parser().parse_args(["--data-dir", str(data_dir), "print-plans", *args])
    return int(parsed.handler(parsed))


def test_the_pdf_shows_every_plan_on_its_own_page_with_embedded_fonts(db: Database, tmp_path: Path) -> None:
    _two_plans(db)
    target = tmp_path / "plans.pdf"
    assert write_plans_pdf(db, target) == 2
    info = pdf_info(target)
    assert info["Pages"] == "2" and "A4" in info["Page size"]
    first, second = pdf_text(target, 1), pdf_text(target, 2)
    assert "Data analyst in energy" in first and "Rewrite the CV summary" in first and "Freelance" not in first
    assert "Freelance dashboards" in second and "No offer by March" in second
    assert "PROMISE OVERDUE" in second and "trigger date has passed" in second
    assert "Page 2 of 2" in second
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = fonts[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)  # the "emb" column


def test_the_gauges_are_printed_with_their_names_and_values(db: Database, tmp_path: Path) -> None:
    plan_id = create_plan(db, "Gauged plan", resources=2, liking=9, confidence=0, coherence=10)
    target = tmp_path / "gauges.pdf"
    write_plans_pdf(db, target, plan_id)
    lines = [" ".join(line.split()) for line in pdf_text(target).splitlines()]
    for row in ("Resources 2 of 10", "How much I like it 9 of 10", "Confidence 0 of 10", "Fits who I am 10 of 10"):
        assert row in lines, row


def test_the_printed_text_includes_what_the_drawn_gauges_say(db: Database) -> None:
    plan_id = create_plan(db, "Gauged plan", liking=9)
    add_step(db, plan_id, "Rewrite the CV summary", notes="two lines\nof notes")
    text = printed_text(plans_builder(db)()).splitlines()
    assert "How much I like it 9 of 10" in text and "Resources 5 of 10" in text
    assert "Rewrite the CV summary" in text and "of notes" in text
    assert "\ufffc" not in "".join(text)


def test_user_text_is_printed_literally(db: Database, tmp_path: Path) -> None:
    plan_id = create_plan(db, HOSTILE_TITLE, why="<i>because</i> &amp;")
    add_step(db, plan_id, "<script>alert(1)</script>")
    target = tmp_path / "hostile.pdf"
    write_plans_pdf(db, target, plan_id)
    text = pdf_text(target)
    assert HOSTILE_TITLE in text and "<i>because</i> &amp;" in text and "<script>alert(1)</script>" in text


def test_sixty_steps_paginate_without_splitting_a_row(db: Database, tmp_path: Path) -> None:
    plan_id = create_plan(db, "Long plan")
    for number in range(60):
        notes = "\n".join(f"note line {line}" for line in range(number % 4))
        add_step(
            db,
            plan_id,
            f"S{number:02d}begin a step with enough words to wrap in its cell S{number:02d}end",
            notes=notes,
        )
    target = tmp_path / "long.pdf"
    pages = write_plans_pdf(db, target, plan_id)
    assert pages >= 3
    texts = [pdf_text(target, page) for page in range(1, pages + 1)]
    for number in range(60):
        holding = [i for i, text in enumerate(texts) if f"S{number:02d}begin" in text or f"S{number:02d}end" in text]
        assert len(holding) == 1, f"step {number} is on pages {holding}"
        assert f"S{number:02d}begin" in texts[holding[0]] and f"S{number:02d}end" in texts[holding[0]]
    for text in texts:
        if "begin a step" in text:
            assert "Done" in text and "Tier" in text  # the header row repeats on every page with steps


def _short_steps(db: Database) -> int:
    plan_id = create_plan(db, "Short steps")
    today = date.today()
    add_step(db, plan_id, "Call Anna", tier=FailureTier.NEVER, due=today - timedelta(days=1))
    add_step(db, plan_id, "Email Ben", tier=FailureTier.NEVER, due=today + timedelta(days=3))
    add_step(db, plan_id, "Draft", tier=FailureTier.OFTEN, due=today - timedelta(days=3))
    add_step(db, plan_id, "Rehearse", tier=FailureTier.OCCASIONALLY, notes="With Sam\nand Lee")
    add_step(db, plan_id, "Thank Dana", tier=FailureTier.NEVER, due=today + timedelta(days=5))
    return plan_id


def test_what_follows_a_table_whose_rows_got_more_room_is_printed(db: Database, tmp_path: Path) -> None:
    _short_steps(db)
    later = create_plan(db, "The plan after", description="Printed on the next page")
    add_step(db, later, "One more step")
    target = tmp_path / "both.pdf"
    assert write_plans_pdf(db, target) == 2
    first, second = pdf_text(target, 1), pdf_text(target, 2)
    assert "Fail occasionally: Rehearsals" in first  # the tiers' legend under the first table
    assert "The plan after" in second and "Printed on the next page" in second and "One more step" in second


def _word(words: list[PdfWord], text: str, right_of: float = 0.0, nth: int = 0) -> PdfWord:
    return [word for word in words if word.text == text and word.left > right_of][nth]


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_tiers_and_due_dates_line_up_with_their_step_and_stay_inside_its_row(
    db: Database, tmp_path: Path, paper: QPageSize.PageSizeId
) -> None:
    target = tmp_path / "short.pdf"
    write_plans_pdf(db, target, _short_steps(db), page_size=paper)
    words = pdf_words(target)
    tier_column = _word(words, "Tier").left - 1
    due_column = _word(words, "Due").left - 1
    for nth, step in enumerate(["Email", "Draft", "Rehearse"]):
        tier = [word for word in words if word.left > tier_column and word.text.startswith("Fail")][nth + 1]
        assert abs(tier.top - _word(words, step).top) < 1.5, step  # on the first line of its own row
    # One-line steps whose tier or due date take two lines: the row is as tall as they are.
    promise = _word(words, "promise", right_of=tier_column, nth=1)  # "a promise" under Email Ben's tier
    assert promise.bottom <= _word(words, "Draft").top
    overdue = _word(words, "overdue", right_of=due_column, nth=1)  # under Draft's due date
    assert overdue.bottom <= _word(words, "Rehearse").top
    assert _word(words, "Sam").bottom <= _word(words, "Lee").top  # a step's note keeps its two lines
    assert _word(words, "Lee").bottom <= _word(words, "Thank").top
    last_promise = _word(words, "promise", right_of=tier_column, nth=2)  # the last row's, under "Thank Dana"
    legend = [word for word in words if word.text == "Fail" and word.left < tier_column]
    assert legend and legend[0].top >= last_promise.bottom  # nothing runs into what follows the table


def test_the_printed_text_has_each_steps_box_text_tier_and_due_in_order(db: Database) -> None:
    _short_steps(db)
    lines = printed_text(plans_builder(db)()).splitlines()
    start = lines.index("Rehearse")
    assert lines[start - 1 : start + 5] == ["\u2610", "Rehearse", "Fail occasionally", "", "With Sam", "and Lee"]


def test_write_pdf_takes_the_page_size(db: Database, tmp_path: Path) -> None:
    create_plan(db, "One")
    letter = tmp_path / "letter.pdf"
    write_plans_pdf(db, letter, page_size=QPageSize.PageSizeId.Letter)
    assert "612 x 792" in pdf_info(letter)["Page size"]


def test_the_cli_writes_letter_paper_without_a_display(db: Database, data_paths: DataPaths, tmp_path: Path) -> None:
    create_plan(db, "Headless plan")
    db.close()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "out.pdf"
    command = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_paths.root), "print-plans"]
    result = subprocess.run(
        [*command, "--pdf", str(target), "--plan", "headless PLAN", "--paper", "letter"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 page to" in result.stdout
    assert "612 x 792" in pdf_info(target)["Page size"]
    assert "Headless plan" in pdf_text(target)


def test_the_cli_names_an_unknown_plan_and_writes_nothing(
    db: Database, data_paths: DataPaths, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    create_plan(db, "Known plan")
    target = tmp_path / "out.pdf"
    assert _run_cli(data_paths.root, "--pdf", str(target), "--plan", "Nope") == 2
    error = capsys.readouterr().err
    assert 'no plan "Nope"' in error and '"Known plan"' in error and "Nothing was written" in error
    assert not target.exists()


def test_the_cli_explains_a_path_it_cannot_write(db: Database, data_paths: DataPaths, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    create_plan(db, "Plan")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _run_cli(data_paths.root, "--pdf", str(blocker / "out.pdf")) == 1
    error = capsys.readouterr().err
    assert "cannot be written" in error and "Nothing was written" in error
    assert _run_cli(data_paths.root, "--pdf", str(tmp_path)) == 1
    assert "is a folder" in capsys.readouterr().err


def test_an_existing_file_is_replaced_only_by_a_complete_pdf(db: Database, tmp_path: Path) -> None:
    create_plan(db, "Plan")
    target = tmp_path / "plans.pdf"
    target.write_bytes(b"the previous printout")

    def broken() -> QTextDocument:
        raise RuntimeError("the document could not be built")

    with pytest.raises(RuntimeError):
        printing.write_pdf(broken, target)
    assert target.read_bytes() == b"the previous printout"
    assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]  # nothing half-written left behind
    write_plans_pdf(db, target)
    assert target.read_bytes().startswith(b"%PDF") and "Plan" in pdf_text(target)


def test_print_from_the_tab_previews_this_plan_or_all_plans(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _first, second = _two_plans(db)
    tab = make_tab(qtbot, db)
    tab.plans_page.plans.select_plan(second)
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    tab.print_bar.set_scope(THIS_PLAN)
    tab.print_current()
    assert len(shown) == 1
    only = tab.print_bar.builder()().toPlainText()
    assert "Freelance dashboards" in only and "Data analyst" not in only
    tab.print_bar.set_scope(ALL_PLANS)
    both = tab.print_bar.builder()().toPlainText()
    assert "Freelance dashboards" in both and "Data analyst" in both
    assert both == plans_builder(db)().toPlainText()  # one code path builds what is printed

    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)
    assert tab.print_bar.print_paper() is False  # cancelled: nothing printed


def test_export_pdf_from_the_tab_reports_the_page_count(qtbot, db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _two_plans(db)
    tab = make_tab(qtbot, db)
    tab.print_bar.set_scope(ALL_PLANS)
    chosen = tmp_path / "my plans"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), "PDF files (*.pdf)"))
    written = tab.print_bar.export_pdf()
    assert written == tmp_path / "my plans.pdf" and pdf_info(written)["Pages"] == "2"
    assert "Saved 2 page(s)" in tab.status.text()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "gone" / "x.pdf"), ""))
    assert tab.print_bar.export_pdf() is None
    assert "could not be saved" in tab.status.text()


def test_the_print_preview_shows_the_pages_it_will_print(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    first, _second = _two_plans(db)
    tab = make_tab(qtbot, db)
    tab.plans_page.plans.select_plan(first)
    tab.print_bar.set_scope(ALL_PLANS)
    dialog = printing.make_preview_dialog(tab.print_bar.builder(), tab)
    gc.collect()  # the printer must outlive the function that made it
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 2)
    dialog.close()


def test_a_printed_document_is_freed_afterwards(db: Database, tmp_path: Path) -> None:
    _two_plans(db)
    document = plans_builder(db)()
    freed: list[bool] = []
    document.destroyed.connect(lambda: freed.append(True))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "freed.pdf"))
    assert printing.render(document, printer) == 2
    del document
    gc.collect()
    assert freed == [True]  # printing again and again does not pile documents up in memory


def test_a_step_taller_than_a_page_is_split_between_lines_and_nothing_is_lost(db: Database, tmp_path: Path) -> None:
    plan_id = create_plan(db, "Plan with a long note")
    add_step(db, plan_id, "Short step before")
    add_step(db, plan_id, "A step with a very long note", notes="\n".join(f"noteline{n:03d}" for n in range(150)))
    add_step(db, plan_id, "Short step after")
    target = tmp_path / "tall.pdf"
    pages = write_plans_pdf(db, target, plan_id)
    assert pages >= 3
    texts = [pdf_text(target, page) for page in range(1, pages + 1)]
    for number in range(150):
        assert sum(text.count(f"noteline{number:03d}") for text in texts) == 1, number
    assert all("Done" in text and "Tier" in text for text in texts[1:])  # the header row above every part
