"""The read-only view of one debrief on the Debrief tab: its summary document, or a hint.

It shows the same document the wizard's summary page shows and the printer gets
(``ui.debrief_document``); user text is inserted as plain text, never read as HTML.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop_app.core.debrief_records import DebriefDraft
from desktop_app.ui.debrief_document import build_debrief_document


class DebriefView(QTextBrowser):
    """Shows ``show_draft(draft)``; with no draft, the placeholder says what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Debrief summary"))
        self.setPlaceholderText(
            self.tr("Select a debrief in the list to read it here. Press Enter or Edit to change it.")
        )
        self.draft: DebriefDraft | None = None
        self._document: QTextDocument | None = None
        self._set(QTextDocument())

    def show_draft(self, draft: DebriefDraft | None) -> None:
        """Show this debrief's summary (keeping the scroll position when it is the same debrief)."""
        same = draft is not None and self.draft is not None and draft.id == self.draft.id
        scroll = self.verticalScrollBar().value() if same else 0
        self.draft = draft
        self._set(build_debrief_document(draft) if draft is not None else QTextDocument())
        self.verticalScrollBar().setValue(scroll)

    def _set(self, document: QTextDocument) -> None:
        old, self._document = self._document, document
        document.setParent(self)
        self.setDocument(document)
        if old is not None:
            old.deleteLater()
