"""The editor of one evidence entry: what you achieved, the proof, when, who knows, linked plans.

Every field saves as the user types; an empty achievement is reported and not saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop_app.core.plan_records import EvidenceRecord
from desktop_app.storage.database import Database
from desktop_app.storage.evidence import set_evidence_plans, update_evidence
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.field_messages import problem_label
from desktop_app.ui.planb_network_fields import (
    AutosaveForm,
    CheckableIdList,
    OptionalDateEdit,
    Write,
    plain_text_edit,
)


class EvidenceEditor(AutosaveForm):
    """Edits one entry; ``changed(id, fields)`` tells the page what the user changed."""

    kind = "evidence"

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(db, saver, parent)
        tr = self.tr
        self.achievement = QLineEdit()
        self.achievement.setPlaceholderText(tr("e.g. cut the monthly close from five days to two"))
        self.achievement_problem = problem_label()
        self.proof = plain_text_edit(
            160, tr("A metric, a link, or paste the message in which someone thanked you for it")
        )
        self.achieved_on = OptionalDateEdit(tr("Date"))
        self.who_knows = QLineEdit()
        self.who_knows.setPlaceholderText(tr("Who saw it or can vouch for it"))
        self.plans = CheckableIdList(tr("Linked plans"), tr("No plans yet: add them on the Plans page."))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("What you &achieved:"), self.achievement)
        form.addRow("", self.achievement_problem)
        form.addRow(tr("The &proof:"), self.proof)
        form.addRow(tr("&Date:"), self.achieved_on)
        form.addRow(tr("&Who knows about it:"), self.who_knows)
        form.addRow(tr("Linked p&lans:"), self.plans)

        self.achievement.textEdited.connect(self._achievement_edited)
        self.proof.textChanged.connect(lambda: self._save("proof", self.proof.toPlainText()))
        self.achieved_on.date_changed.connect(lambda value: self._save("achieved_on", value))
        self.who_knows.textEdited.connect(lambda text: self._save("who_knows", text))
        self.plans.checked_changed.connect(lambda ids: self._save("plan_ids", tuple(ids)))
        self.setEnabled(False)

    def set_plan_choices(self, plans: Sequence[tuple[int, str]]) -> None:
        self.plans.set_choices(plans)

    def load(self, entry: EvidenceRecord | None, today: date) -> None:
        self._loading = True
        try:
            self._record_id = entry.id if entry else None
            self.setEnabled(entry is not None)
            self.achievement_problem.hide()
            self._saved_required = entry.achievement if entry else ""
            self.achievement.setText(entry.achievement if entry else "")
            self.proof.setPlainText(entry.proof if entry else "")
            self.achieved_on.set_value(entry.achieved_on if entry else None, today)
            self.who_knows.setText(entry.who_knows if entry else "")
            self.plans.set_checked(entry.plan_ids if entry else ())
        finally:
            self._loading = False

    def focus_achievement(self) -> None:
        self.achievement.setFocus(Qt.FocusReason.OtherFocusReason)
        self.achievement.selectAll()

    def _writer(self, record_id: int, field: str, value: Any) -> Write:
        db = self._db
        if field == "plan_ids":
            return lambda: set_evidence_plans(db, record_id, list(value))
        return lambda: update_evidence(db, record_id, **{field: value})

    def _achievement_edited(self, text: str) -> None:
        message = self.tr("Say what you achieved. “{saved}” stays saved until you type something.")
        self._required_edited("achievement", text, self.achievement_problem, message)
