"""The Network page of the Plan B tab: the people who can help, and the follow-ups that are due.

A table of contacts (due and overdue follow-ups marked in words, in bold, and in colour),
the list of follow-ups due this week, and the editor of the selected contact. "Contacted
today" records the contact and offers the next follow-up, which the user can change.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.interview_order import ordered
from desktop_app.core.plan_records import ContactRecord
from desktop_app.core.plan_rules import (
    FOLLOW_UP_WINDOW_DAYS,
    FollowUpState,
    due_follow_ups,
    follow_up_state,
    suggest_next_follow_up,
)
from desktop_app.core.records import InterviewSummary
from desktop_app.storage.contacts import create_contact, delete_contact, get_contact, list_contacts, mark_contacted
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import list_interview_summaries
from desktop_app.storage.plans import list_plan_summaries
from desktop_app.ui.actions import action_button
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.formatting import format_date, format_datetime
from desktop_app.ui.labels import follow_up_label
from desktop_app.ui.planb_network_editor import ContactEditor
from desktop_app.ui.planb_network_fields import (
    ChangeNotifier,
    RecordPage,
    RecordTable,
    list_and_editor,
    with_changes,
)
from desktop_app.ui.table_model import Column

_DUE_STATES = frozenset({FollowUpState.OVERDUE, FollowUpState.TODAY, FollowUpState.THIS_WEEK})
_OVERDUE_COLOUR = QColor("#a40000")


def interview_choice_text(summary: InterviewSummary) -> str:
    """How an interview reads in the list of links: company, role and date."""
    parts = [summary.company]
    if summary.role:
        parts.append(summary.role)
    if summary.scheduled_at:
        parts.append(format_datetime(summary.scheduled_at))
    return " · ".join(parts)


class NetworkPage(RecordPage):
    """Contacts, their follow-ups, and their links to plans and interviews."""

    contacts_changed = Signal()

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(db, saver, parent)
        self.today: Callable[[], date] = date.today
        self._contacts: list[ContactRecord] = []
        self.table = RecordTable(self._columns(), self.tr("Contacts"))
        self.model = self.table.records
        self.editor = ContactEditor(db, saver)
        self.due_list = QListWidget()
        self.due_list.setAccessibleName(self.tr("Follow-ups due this week"))
        self.no_due = QLabel(self.tr("No follow-up due in the next {days} days.").format(days=FOLLOW_UP_WINDOW_DAYS))
        self.no_due.setTextFormat(Qt.TextFormat.PlainText)
        self.no_due.setWordWrap(True)
        self._notifier = ChangeNotifier(saver, self)

        self.stack = EmptyStateStack(
            self._build_body(),
            self.tr(
                "No contacts yet.\n\n"
                "Press New contact (Ctrl+Shift+N) to add someone who could help you: a former colleague, a person who "
                "interviewed you, a friend working where you would like to be. Many openings reach people "
                "through people long before they are posted, and a short note every few weeks keeps "
                "those doors open. This page reminds you when a follow-up is due."
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self._set_tab_order()

        self.table.record_selected.connect(self._show)
        self.editor.changed.connect(self._editor_changed)
        self.due_list.itemActivated.connect(self._due_item_activated)
        self.due_list.itemClicked.connect(self._due_item_activated)
        self._notifier.changed.connect(self.contacts_changed)
        self.refresh()

    # -- layout --------------------------------------------------------------------------------------

    def _columns(self) -> list[Column[ContactRecord]]:
        tr = self.tr
        bold = QFont()
        bold.setBold(True)
        overdue_brush = QBrush(_OVERDUE_COLOUR)

        def state(row: ContactRecord) -> FollowUpState:
            return follow_up_state(row.next_follow_up, self.today())

        def follow_up(row: ContactRecord) -> str:
            if row.next_follow_up is None:
                return ""
            days = (row.next_follow_up - self.today()).days
            words = follow_up_label(state(row), days)
            shown = format_date(row.next_follow_up)
            return f"{shown} · {words}" if words else shown

        return [
            Column(
                tr("Name"),
                lambda r: r.name,
                tooltip=lambda r: r.name,
                font=lambda r: bold if state(r) in _DUE_STATES else None,
            ),
            Column(tr("Organisation"), lambda r: r.organisation, tooltip=lambda r: r.organisation),
            Column(tr("Role"), lambda r: r.role, tooltip=lambda r: r.role),
            Column(tr("Last contact"), lambda r: format_date(r.last_contact), sort_key=lambda r: r.last_contact),
            Column(
                tr("Next follow-up"),
                follow_up,
                sort_key=lambda r: r.next_follow_up,
                tooltip=follow_up,
                font=lambda r: bold if state(r) in _DUE_STATES else None,
                foreground=lambda r: overdue_brush if state(r) == FollowUpState.OVERDUE else None,
            ),
        ]

    def _build_body(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        contacts_label = QLabel(self.tr("&Contacts:"))
        contacts_label.setBuddy(self.table)
        due_label = QLabel(self.tr("Follow-ups &due this week:"))
        due_label.setBuddy(self.due_list)
        left_layout.addWidget(contacts_label)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(due_label)
        left_layout.addWidget(self.no_due)
        left_layout.addWidget(self.due_list, 1)
        return list_and_editor(left, self.editor)

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_action = action_button(self, row, self.tr("New contact"), "Ctrl+Shift+N", self.new_contact)
        self.contacted_action = action_button(
            self, row, self.tr("Contacted today"), "Ctrl+Shift+T", self.contacted_today
        )
        self.delete_action = action_button(self, row, self.tr("Delete contact…"), "Ctrl+Shift+Del", self.delete_current)
        row.addStretch(1)
        return row

    def _set_tab_order(self) -> None:
        e = self.editor
        chain = [
            self.table,
            self.due_list,
            e.name,
            e.organisation,
            e.role,
            e.how_known,
            e.how_they_help,
            e.email,
            e.phone,
            e.notes,
            e.last_contact.has_date,
            e.last_contact.edit,
            e.next_follow_up.has_date,
            e.next_follow_up.edit,
            e.plans,
            e.interviews,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- showing --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read contacts, plans and interviews again (after they changed elsewhere, or on start)."""
        self._flush()
        self._contacts = list_contacts(self._db)
        plans = [(plan.id, plan.title) for plan in list_plan_summaries(self._db)]
        interviews = ordered(list_interview_summaries(self._db), datetime.now())
        self.editor.set_choices(plans, [(i.id, interview_choice_text(i)) for i in interviews])
        self.table.set_records(self._contacts)
        self._show_due()
        self.stack.set_empty(not self._contacts)
        self._show_current_or_first()

    def current_contact_id(self) -> int | None:
        return self.table.current_id()

    def select_contact(self, contact_id: int) -> None:
        self.table.select_id(contact_id)

    def due_texts(self) -> list[str]:
        """The lines of the "Follow-ups due this week" list, as shown."""
        return [self.due_list.item(row).text() for row in range(self.due_list.count())]

    def _show(self, contact_id: int) -> None:
        self._flush()
        record = next((c for c in self._contacts if c.id == contact_id), None)
        self.editor.load(record, self.today())
        for action in (self.contacted_action, self.delete_action):
            action.setEnabled(record is not None)

    def _show_due(self) -> None:
        today = self.today()
        self.due_list.clear()
        for contact in due_follow_ups(self._contacts, today):
            follow_up = contact.next_follow_up or today
            words = follow_up_label(follow_up_state(follow_up, today), (follow_up - today).days)
            who = f"{contact.name} ({contact.organisation})" if contact.organisation else contact.name
            item = QListWidgetItem(
                self.tr("{who} — {when}, {date}").format(who=who, when=words, date=format_date(follow_up))
            )
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.due_list.addItem(item)
        has_due = self.due_list.count() > 0
        self.due_list.setVisible(has_due)
        self.no_due.setVisible(not has_due)

    def _due_item_activated(self, item: QListWidgetItem) -> None:
        self.table.select_id(int(item.data(Qt.ItemDataRole.UserRole)))

    def _editor_changed(self, contact_id: int, fields: dict) -> None:  # type: ignore[type-arg]
        self._notifier.mark()
        for position, contact in enumerate(self._contacts):
            if contact.id == contact_id:
                updated = with_changes(contact, fields)
                self._contacts[position] = updated
                self.model.replace_record(updated)
                if "next_follow_up" in fields or "name" in fields or "organisation" in fields:
                    self._show_due()
                return

    def _reload_contact(self, contact_id: int) -> None:
        record = get_contact(self._db, contact_id)
        if record is None:
            return
        self._contacts = [record if c.id == contact_id else c for c in self._contacts]
        self.model.replace_record(record)
        self._show_due()
        self.editor.load(record, self.today())

    # -- actions ---------------------------------------------------------------------------------------

    def new_contact(self) -> int:
        """Add a contact, select it, and put the cursor on its name."""
        self._flush()
        contact_id = create_contact(self._db, self.tr("New contact"))
        self._after_create(contact_id)
        self.editor.focus_name()
        self._say(self.tr("Added a contact. Type their name, then how they could help."))
        self.contacts_changed.emit()
        return contact_id

    def contacted_today(self) -> date | None:
        """Record that the user was in touch today and offer the next follow-up; returns that date."""
        contact_id = self.table.current_id()
        if contact_id is None:
            self._say(self.tr("Select a contact first."))
            return None
        self._flush()
        record = get_contact(self._db, contact_id)
        if record is None:
            return None
        today = self.today()
        offered = suggest_next_follow_up(today, record.last_contact, record.next_follow_up)
        mark_contacted(self._db, contact_id, today, offered)
        self._reload_contact(contact_id)
        self.editor.next_follow_up.focus_date()
        self._say(
            self.tr(
                "Noted: you were in touch with {name} today. Next follow-up offered for {date}; "
                "change it under Next follow-up, or untick it if none is needed."
            ).format(name=record.name, date=format_date(offered))
        )
        self.contacts_changed.emit()
        return offered

    def delete_current(self) -> bool:
        """Delete the selected contact after asking; True if it was deleted."""
        record: ContactRecord | None = self.table.current_record()
        if record is None:
            return False
        question = self.tr(
            "Delete the contact “{name}”? Their notes and links to plans and interviews go with them. "
            "This cannot be undone."
        ).format(name=record.name)
        done = self.tr("Deleted the contact “{name}”.").format(name=record.name)
        deleted = self._delete_record(record.id, self.tr("Delete contact"), question, done, delete_contact)
        if deleted:
            self.contacts_changed.emit()
        return deleted
