"""The editor of one plan: title, kind, what and why, trigger, status, four gauges and notes.

Every change goes to the shared AutoSaver under a key per plan and field, with the
value captured at that moment, so switching plans mid-edit never loses typing. An
empty title or a trigger date that cannot be read is reported and not saved; the
saved value stays. A trigger date that has passed on a plan that is not active is
announced in words above the fields.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from desktop_app.core.choices import PlanKind, PlanStatus
from desktop_app.core.plan_records import PlanRecord
from desktop_app.core.plan_rules import GAUGE_MAX, GAUGE_MIN, GAUGES, trigger_passed
from desktop_app.core.text_rules import NAME_LIMIT
from desktop_app.storage.database import Database
from desktop_app.storage.plans import update_plan
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.field_messages import ALARM_STYLE, problem_label
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import plan_kind_label, plan_status_label
from desktop_app.ui.planb_dates import UnreadableDayError, day_example, format_day, parse_day
from desktop_app.ui.planb_gauges import gauge_label
from desktop_app.ui.planb_plan_list import WARNING_SIGN

# The fields the plan list shows; only their changes are announced through ``changed``.
LISTED_FIELDS = frozenset({"title", "kind", "status", "trigger_date", "trigger_condition"})


def _text_box(placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class GaugeSlider(QWidget):
    """A 0–10 slider with its value in words beside it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(GAUGE_MIN, GAUGE_MAX)
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(gauge_label(name))
        self.value_label = QLabel()
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("10 of 10 "))
        self.slider.valueChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.value_label)
        self._show(self.slider.value())

    def _show(self, value: int) -> None:
        self.value_label.setText(self.tr("{value} of {max}").format(value=value, max=GAUGE_MAX))


class PlanEditor(QWidget):
    """Edits one plan; ``changed(id, fields)`` tells the list when something it shows changed."""

    changed = Signal(int, dict)

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self._plan: PlanRecord | None = None
        self._loading = False
        self._saved_title = ""
        self._saved_trigger: date | None = None
        self.today = date.today()

        self.trigger_alarm = problem_label(ALARM_STYLE)
        self.trigger_alarm.setAccessibleName(self.tr("Trigger passed"))
        self.title = QLineEdit()
        self.title.setMaxLength(NAME_LIMIT)
        self.title.setPlaceholderText(self.tr("A short name, e.g. “Data analyst in health care”"))
        self.title_problem = problem_label()
        self.kind = QComboBox()
        for kind in PlanKind:
            self.kind.addItem(plan_kind_label(kind), str(kind))
        self.status = QComboBox()
        for status in PlanStatus:
            self.status.addItem(plan_status_label(status), str(status))
        self.description = _text_box(self.tr("What this plan is, in a few sentences"), 70)
        self.why = _text_box(self.tr("Why it is worth having"), 56)
        self.trigger_date = QLineEdit()
        self.trigger_date.setPlaceholderText(self.tr("e.g. {example}; empty for no date").format(example=day_example()))
        self.trigger_problem = problem_label()
        self.trigger_condition = QLineEdit()
        self.trigger_condition.setPlaceholderText(self.tr("e.g. “no offer by March” or “three final-round rejections”"))
        self.gauges = {name: GaugeSlider(name) for name in GAUGES}
        self.notes = _text_box(self.tr("Anything else"), 70)

        form = QFormLayout(self)
        form.addRow(self.trigger_alarm)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow("", self.title_problem)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Stat&us:"), self.status)
        form.addRow(self.tr("Wh&at it is:"), self.description)
        form.addRow(self.tr("&Why:"), self.why)
        form.addRow(self.tr("Trigger dat&e:"), self.trigger_date)
        form.addRow("", self.trigger_problem)
        form.addRow(self.tr("Trigger c&ondition:"), self.trigger_condition)
        gauge_labels = {
            "resources": self.tr("&Resources:"),
            "liking": self.tr("How much I &like it:"),
            "confidence": self.tr("Conf&idence:"),
            "coherence": self.tr("Fits who I a&m:"),
        }
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for index, (name, gauge) in enumerate(self.gauges.items()):
            label = QLabel(gauge_labels[name])
            label.setBuddy(gauge.slider)
            row, column = divmod(index, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(gauge, row, column * 2 + 1)
        form.addRow(self.tr("Gauges:"), grid)
        form.addRow(self.tr("&Notes:"), self.notes)
        self._connect()
        self.setEnabled(False)

    def _connect(self) -> None:
        self.title.textEdited.connect(self._title_edited)
        self.kind.currentIndexChanged.connect(lambda _i: self._save("kind", self.kind.currentData()))
        self.status.currentIndexChanged.connect(self._status_changed)
        self.description.textChanged.connect(lambda: self._save("description", self.description.toPlainText()))
        self.why.textChanged.connect(lambda: self._save("why", self.why.toPlainText()))
        self.trigger_date.textEdited.connect(self._trigger_date_edited)
        self.trigger_condition.textEdited.connect(lambda text: self._save("trigger_condition", text))
        for name, gauge in self.gauges.items():
            gauge.slider.valueChanged.connect(lambda value, n=name: self._save(n, value))
        self.notes.textChanged.connect(lambda: self._save("notes", self.notes.toPlainText()))

    # -- loading -----------------------------------------------------------------------------------

    def plan_id(self) -> int | None:
        return None if self._plan is None else self._plan.id

    def load(self, plan: PlanRecord | None, today: date | None = None) -> None:
        self._loading = True
        try:
            self.today = today or date.today()
            self._plan = plan
            self.setEnabled(plan is not None)
            self.title_problem.hide()
            self.trigger_problem.hide()
            self._saved_title = plan.title if plan else ""
            self._saved_trigger = plan.trigger_date if plan else None
            self.title.setText(plan.title if plan else "")
            self._set_combo(self.kind, plan.kind if plan else None)
            self._set_combo(self.status, plan.status if plan else None)
            self.description.setPlainText(plan.description if plan else "")
            self.why.setPlainText(plan.why if plan else "")
            self.trigger_date.setText(format_day(plan.trigger_date) if plan else "")
            self.trigger_condition.setText(plan.trigger_condition if plan else "")
            for name, gauge in self.gauges.items():
                gauge.slider.setValue(int(getattr(plan, name)) if plan else 5)
            self.notes.setPlainText(plan.notes if plan else "")
        finally:
            self._loading = False
        self._show_trigger_alarm()

    @staticmethod
    def _set_combo(combo: QComboBox, value: str | None) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    # -- saving ------------------------------------------------------------------------------------

    def _save(self, field: str, value: object) -> None:
        if self._loading or self._plan is None:
            return
        plan_id = self._plan.id
        db = self._db
        self._saver.schedule(("plan", plan_id, field), lambda: update_plan(db, plan_id, **{field: value}))
        if field in LISTED_FIELDS:
            self.changed.emit(plan_id, {field: value})

    def _title_edited(self, text: str) -> None:
        if not text.strip():
            self.title_problem.setText(
                self.tr("A plan needs a short title. “{saved}” stays saved until you type one.").format(
                    saved=self._saved_title
                )
            )
            self.title_problem.show()
            return
        self.title_problem.hide()
        self._saved_title = text
        self._save("title", text)

    def _status_changed(self, _index: int) -> None:
        self._save("status", self.status.currentData())
        self._show_trigger_alarm()

    def _trigger_date_edited(self, text: str) -> None:
        try:
            day = parse_day(text)
        except UnreadableDayError:
            saved = format_date(self._saved_trigger) if self._saved_trigger else self.tr("no date")
            self.trigger_problem.setText(
                self.tr(
                    "“{text}” is not a date I can read; type it like {example}. The saved date stays: {saved}."
                ).format(text=text.strip(), example=day_example(), saved=saved)
            )
            self.trigger_problem.show()
            return
        self.trigger_problem.hide()
        if day != self._saved_trigger:
            self._saved_trigger = day
            self._save("trigger_date", day)
            self._show_trigger_alarm()

    def trigger_has_passed(self) -> bool:
        status = str(self.status.currentData() or "")
        return self._plan is not None and trigger_passed(status, self._saved_trigger, self.today)

    def _show_trigger_alarm(self) -> None:
        if self.trigger_has_passed():
            self.trigger_alarm.setText(
                f"{WARNING_SIGN} "
                + self.tr(
                    "Trigger passed: the date you set ({date}) has come and this plan is not active. "
                    "Time to decide whether to switch to it, or to move the date."
                ).format(date=format_date(self._saved_trigger, long=True))
            )
            self.trigger_alarm.show()
        else:
            self.trigger_alarm.hide()
