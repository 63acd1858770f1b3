"""The contact editor of the Network page: every field of one contact, saved as the user types.

Links to plans and interviews are ticked in two lists; dates may be left unset. An empty
name is reported and not saved (the saved name stays until the user types another).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop_app.core.plan_records import ContactRecord
from desktop_app.storage.contacts import set_contact_interviews, set_contact_plans, update_contact
from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.field_messages import problem_label
from desktop_app.ui.planb_network_fields import (
    AutosaveForm,
    CheckableIdList,
    OptionalDateEdit,
    Write,
    plain_text_edit,
)


class ContactEditor(AutosaveForm):
    """Edits one contact; ``changed(id, fields)`` tells the page what the user changed."""

    kind = "contact"

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(db, saver, parent)
        tr = self.tr
        self.name = QLineEdit()
        self.name_problem = problem_label()
        self.organisation = QLineEdit()
        self.role = QLineEdit()
        self.how_known = QLineEdit()
        self.how_known.setPlaceholderText(tr("e.g. former colleague, met at a meetup, interviewed me"))
        self.how_they_help = plain_text_edit(70, tr("An introduction, advice, a referral, a reference…"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.notes = plain_text_edit(90)
        self.last_contact = OptionalDateEdit(tr("Last contact"))
        self.next_follow_up = OptionalDateEdit(tr("Next follow-up"))
        self.plans = CheckableIdList(tr("Linked plans"), tr("No plans yet: add them on the Plans page."))
        self.interviews = CheckableIdList(
            tr("Linked interviews"), tr("No interviews yet: add them on the Prepare tab.")
        )

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("&Name:"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(tr("&Organisation:"), self.organisation)
        form.addRow(tr("&Role:"), self.role)
        form.addRow(tr("How you &know them:"), self.how_known)
        form.addRow(tr("How they can &help:"), self.how_they_help)
        form.addRow(tr("&E-mail:"), self.email)
        form.addRow(tr("&Phone:"), self.phone)
        form.addRow(tr("No&tes:"), self.notes)
        form.addRow(tr("&Last contact:"), self.last_contact)
        form.addRow(tr("Next &follow-up:"), self.next_follow_up)
        form.addRow(tr("Linked pl&ans:"), self.plans)
        form.addRow(tr("Linked &interviews:"), self.interviews)
        self._connect()
        self.setEnabled(False)

    def _connect(self) -> None:
        self.name.textEdited.connect(self._name_edited)
        for field in ("organisation", "role", "how_known", "email", "phone"):
            edit: QLineEdit = getattr(self, field)
            edit.textEdited.connect(lambda text, f=field: self._save(f, text))
        for field in ("how_they_help", "notes"):
            self._connect_plain(field)
        self.last_contact.date_changed.connect(lambda value: self._save("last_contact", value))
        self.next_follow_up.date_changed.connect(lambda value: self._save("next_follow_up", value))
        self.plans.checked_changed.connect(lambda ids: self._save("plan_ids", tuple(ids)))
        self.interviews.checked_changed.connect(lambda ids: self._save("interview_ids", tuple(ids)))

    def _connect_plain(self, field: str) -> None:
        edit = getattr(self, field)
        edit.textChanged.connect(lambda: self._save(field, edit.toPlainText()))

    # -- loading ------------------------------------------------------------------------------------

    def set_choices(self, plans: Sequence[tuple[int, str]], interviews: Sequence[tuple[int, str]]) -> None:
        """The plans and interviews a contact can be linked to (plain text labels)."""
        self.plans.set_choices(plans)
        self.interviews.set_choices(interviews)

    def load(self, contact: ContactRecord | None, today: date) -> None:
        self._loading = True
        try:
            self._record_id = contact.id if contact else None
            self.setEnabled(contact is not None)
            self.name_problem.hide()
            self._saved_required = contact.name if contact else ""
            for field in ("name", "organisation", "role", "how_known", "email", "phone"):
                getattr(self, field).setText(getattr(contact, field) if contact else "")
            for field in ("how_they_help", "notes"):
                getattr(self, field).setPlainText(getattr(contact, field) if contact else "")
            self.last_contact.set_value(contact.last_contact if contact else None, today)
            self.next_follow_up.set_value(contact.next_follow_up if contact else None, today)
            self.plans.set_checked(contact.plan_ids if contact else ())
            self.interviews.set_checked(contact.interview_ids if contact else ())
        finally:
            self._loading = False

    def focus_name(self) -> None:
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()

    # -- saving ---------------------------------------------------------------------------------------

    def _writer(self, record_id: int, field: str, value: Any) -> Write:
        db = self._db
        if field == "plan_ids":
            return lambda: set_contact_plans(db, record_id, list(value))
        if field == "interview_ids":
            return lambda: set_contact_interviews(db, record_id, list(value))
        return lambda: update_contact(db, record_id, **{field: value})

    def _name_edited(self, text: str) -> None:
        message = self.tr("A contact needs a name. “{saved}” stays saved until you type one.")
        self._required_edited("name", text, self.name_problem, message)
