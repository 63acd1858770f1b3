"""Page 3 of the debrief: a 1–5 rating and a note for each competency, your own ones included."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft, RatingEntry
from desktop_app.ui.debrief_fields import TextGuard
from desktop_app.ui.debrief_page import DebriefPage, scroll_area, tr
from desktop_app.ui.debrief_row_kinds import RatingRow
from desktop_app.ui.debrief_rows import RowsEditor
from desktop_app.ui.debrief_session import DebriefSession


class AssessmentPage(DebriefPage):
    page_id = Page.ASSESSMENT

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setTitle(tr("How you did"))
        self.setSubTitle(
            tr("Rate yourself from 1 (weak) to 5 (strong), honestly and kindly. Leave out what did not come up.")
        )
        self.ratings = RowsEditor(
            tr("Add &your own competency"),
            lambda entry: RatingRow(entry if isinstance(entry, RatingEntry) else RatingEntry("", custom=True)),
        )
        self.ratings.changed.connect(lambda: self.session.save_ratings(self.ratings.entries()))
        self.scroll = scroll_area(self.ratings)
        QVBoxLayout(self).addWidget(self.scroll)

    def load(self, draft: DebriefDraft) -> None:
        self.ratings.load(draft.ratings)

    def all_guards(self) -> list[TextGuard]:
        return self.ratings.guards()
