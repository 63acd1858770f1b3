"""Printing from the Plan B tab: choose this plan or all plans, then preview, print or export a PDF.

One code path builds the document (``planb_printing.plans_builder``); preview, paper and
PDF all get exactly the same pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QWidget

from desktop_app.storage.database import Database
from desktop_app.storage.plans import get_plan
from desktop_app.ui import printing
from desktop_app.ui.actions import action_button
from desktop_app.ui.planb_printing import plans_builder, write_plans_pdf

THIS_PLAN = "this"
ALL_PLANS = "all"


class PlanPrintBar(QWidget):
    """The print controls; ``said(message)`` reports what happened."""

    said = Signal(str)

    def __init__(self, db: Database, current_plan: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._current_plan = current_plan
        self.scope = QComboBox()
        self.scope.addItem(self.tr("This plan"), THIS_PLAN)
        self.scope.addItem(self.tr("All plans"), ALL_PLANS)
        self.scope.setAccessibleName(self.tr("What to print"))
        label = QLabel(self.tr("Print:"))
        label.setBuddy(self.scope)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.scope)
        self.preview_action = action_button(
            self, row, self.tr("Print preview…"), "Ctrl+P", self.preview, shortcut=False
        )
        self.print_action = action_button(self, row, self.tr("Print…"), "Ctrl+Shift+P", self.print_paper)
        self.pdf_action = action_button(self, row, self.tr("Export PDF…"), "Ctrl+Shift+E", self.export_pdf)
        row.addStretch(1)

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(max(self.scope.findData(scope), 0))

    def plan_to_print(self) -> int | None:
        """The selected plan when printing "this plan" (and one is selected); None for all plans."""
        return self._current_plan() if self.scope.currentData() == THIS_PLAN else None

    def builder(self) -> Callable[[], QTextDocument]:
        return plans_builder(self._db, self.plan_to_print())

    def preview(self) -> None:
        """Print preview of the chosen plans, with printing from the preview."""
        dialog = printing.make_preview_dialog(self.builder(), self)
        dialog.exec()
        dialog.deleteLater()

    def print_paper(self) -> bool:
        return printing.print_with_dialog(self.builder(), self)

    def suggested_name(self) -> str:
        plan_id = self.plan_to_print()
        plan = get_plan(self._db, plan_id) if plan_id is not None else None
        stem = plan.title if plan is not None and plan.title.strip() else self.tr("Plan B")
        return "".join("-" if c in '/\\:*?"<>|' else c for c in stem.strip()) + ".pdf"

    def export_pdf(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export plans as PDF"), str(Path.home() / self.suggested_name()), self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
        try:
            pages = write_plans_pdf(self._db, target, self.plan_to_print())
        except OSError as exc:
            self.said.emit(self.tr("The PDF could not be saved: {reason}").format(reason=exc))
            return None
        self.said.emit(self.tr("Saved {pages} page(s) to {path}.").format(pages=pages, path=target))
        return target
