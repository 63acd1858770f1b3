"""Printing plans: the document builder for the stored plans, and the PDF writer the CLI shares."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument

from desktop_app.storage.database import Database
from desktop_app.storage.plan_printouts import load_printouts
from desktop_app.ui import printing
from desktop_app.ui.planb_document import build_plans_document


def plans_builder(db: Database | None, plan_id: int | None = None) -> Callable[[], QTextDocument]:
    """A builder reading the plans (one or all) afresh each time it is called; no database: no plans."""

    def build() -> QTextDocument:
        printouts = [] if db is None else load_printouts(db, plan_id)
        return build_plans_document(printouts, date.today())

    return build


def write_plans_pdf(
    db: Database | None, target: Path, plan_id: int | None = None, page_size: QPageSize.PageSizeId | None = None
) -> int:
    """Write the plans to ``target`` as PDF (replaced only once complete); return the page count."""
    return printing.write_pdf(plans_builder(db, plan_id), target, page_size)
