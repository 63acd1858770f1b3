"""The Plan B tab: its pages (Plans, Network, Evidence) and printing.

This module only assembles: the print controls on top, the pages in ``self.pages``
below, and a line for messages. ``print_current()`` (File > Print…, Ctrl+P) opens the
print preview of the selected plan or of all plans. A page is read again when it comes
into view, so plan titles and interviews added elsewhere show up in its lists.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.planb_evidence import EvidencePage
from desktop_app.ui.planb_network import NetworkPage
from desktop_app.ui.planb_plans import PlansPage
from desktop_app.ui.planb_print_bar import PlanPrintBar


class PlanBTab(QWidget):
    plans_changed = Signal()  # a plan was added, deleted or moved

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.plans_page = PlansPage(db, saver)
        self.plans_page.plans_changed.connect(self.plans_changed)
        self.model = self.plans_page.plans.model  # the plan rows, for callers that count them
        self.stack = self.plans_page.stack
        self.print_bar = PlanPrintBar(db, self.plans_page.current_plan_id)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.network_page = NetworkPage(db, saver)
        self.evidence_page = EvidencePage(db, saver)
        self.pages.addTab(self.plans_page, self.tr("Plans"))
        self.pages.addTab(self.network_page, self.tr("Network"))
        self.pages.addTab(self.evidence_page, self.tr("Evidence"))
        self.pages.currentChanged.connect(self._refresh_current_page)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.print_bar.said.connect(self.status.setText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.print_bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        """Read the plans again (after another tab changed them, or on start), and the page in view."""
        self.plans_page.refresh()
        if self.pages.currentWidget() is not self.plans_page:
            self._refresh_current_page()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the tab: the Network and Evidence lists pick up what changed meanwhile."""
        super().showEvent(event)
        if not event.spontaneous() and self.pages.currentWidget() is not self.plans_page:
            self._refresh_current_page()

    def _refresh_current_page(self) -> None:
        page = self.pages.currentWidget()
        if page is self.network_page or page is self.evidence_page:
            page.refresh()

    def print_current(self) -> None:
        """Print preview of the selected plan or of all plans, as chosen beside the Print buttons."""
        self._flush()
        self.print_bar.preview()

    def _flush(self) -> None:
        if self._saver.has_pending():
            self._saver.flush()
