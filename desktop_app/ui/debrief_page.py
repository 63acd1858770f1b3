"""What every debrief wizard page shares: its id, the session it writes through, field checks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget, QWizardPage

from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft
from desktop_app.ui.debrief_fields import TextGuard, problem_label
from desktop_app.ui.debrief_session import DebriefSession


def tr(text: str) -> str:
    return QCoreApplication.translate("debrief", text)


def plain_label(text: str = "") -> QLabel:
    """A wrapped label that never interprets its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def scroll_area(content: QWidget) -> QScrollArea:
    """A scroll area for a page's growing list of rows.

    It takes no focus itself: Tab goes straight to the fields, and the area scrolls to
    show whichever field has the focus.
    """
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    return scroll


class DebriefPage(QWizardPage):
    """A page of the debrief wizard; subclasses fill ``load()`` and may add ``check_page()``."""

    page_id: Page

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.guards: list[TextGuard] = []
        self.scroll: QScrollArea | None = None
        """The page's scroll area, when it has one: problems are scrolled into view."""

    def load(self, draft: DebriefDraft) -> None:
        """Show what is stored, without writing it back."""

    def text_row(
        self,
        form: QFormLayout,
        label: str,
        field: str,
        limit: int,
        multiline: bool = False,
        placeholder: str = "",
        lines: int | None = None,
    ) -> TextGuard:
        """Add a labelled text field whose storable changes are saved as ``field``.

        A multi-line field grows with the page unless ``lines`` caps its height (on pages
        that scroll, so what follows it stays in sight).
        """
        widget: QLineEdit | QPlainTextEdit = QPlainTextEdit() if multiline else QLineEdit()
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(70)
            if lines is not None:
                margins = widget.contentsMargins()
                frame = 2 * widget.document().documentMargin() + margins.top() + margins.bottom()
                widget.setMaximumHeight(max(70, round(widget.fontMetrics().lineSpacing() * lines + frame)))
        widget.setPlaceholderText(placeholder)
        widget.setObjectName(field)
        form.addRow(label, widget)
        message = problem_label()
        form.addRow("", message)
        guard = self.add_guard(TextGuard(widget, limit, message))
        guard.accepted.connect(lambda text: self.session.save_fields(**{field: text}))
        return guard

    def cleanupPage(self) -> None:
        """Keep what was typed on Back and on restart.

        QWizardPage's default puts registered fields back to their first values, which would
        empty "What happened" (and save the empty text) whenever the user goes back a page.
        """

    def add_guard(self, guard: TextGuard) -> TextGuard:
        self.guards.append(guard)
        return guard

    def all_guards(self) -> list[TextGuard]:
        return list(self.guards)

    def check_page(self) -> bool:
        """Page-specific checks after the text checks; show a message and return False to stay."""
        return True

    def show_problem(self, field: QWidget, message: QWidget | None = None) -> None:
        """Put the focus in ``field`` and scroll it and its message into view."""
        field.setFocus()
        if self.scroll is not None:
            scroll = self.scroll

            def into_view() -> None:  # once the message is laid out
                if message is not None:
                    scroll.ensureWidgetVisible(message)
                scroll.ensureWidgetVisible(field)

            QTimer.singleShot(0, into_view)

    def validatePage(self) -> bool:
        for guard in self.all_guards():
            if guard.check() is not None:
                self.show_problem(guard.widget, guard.label)
                return False
        return self.check_page()
