"""A readable Markdown copy of everything, for reading and printing (not for importing back).

Built from the same snapshot as the JSON export. Headings and labels are translated, dates
are in the user's locale, and every piece of user text is escaped so Markdown viewers show
it exactly as typed (a ``<b>`` stays ``<b>``, a leading ``#`` does not become a heading).
Only QtCore is used, so ``bounceback export --markdown`` works without a display.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.formatting import format_date, format_datetime
from desktop_app.ui.labels import (
    debrief_status_label,
    format_label,
    lesson_kind_label,
    outcome_label,
    plan_kind_label,
    plan_status_label,
    tier_label,
)

Row = dict[str, Any]
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_LIST_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MarkdownExport", text)


def escape(text: str) -> str:
    """User text as Markdown that shows exactly these characters, line breaks kept."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPECIAL.sub(r"\\\1", line)
        line = _LIST_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(line)
    return "  \n".join(lines)


def _when(value: object) -> str:
    if isinstance(value, datetime):
        return format_datetime(value, long=True)
    if isinstance(value, date):
        return format_date(value, long=True)
    return ""


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.parts.append(f"{'#' * level} {text}\n")

    def field(self, label: str, value: str) -> None:
        if value:
            self.parts.append(f"**{label}:** {value}  \n")

    def text(self, label: str, value: str) -> None:
        if value.strip():
            self.parts.append(f"\n**{label}:**  \n{escape(value)}\n\n")

    def item(self, text: str) -> None:
        self.parts.append(f"- {text}\n")

    def blank(self) -> None:
        self.parts.append("\n")


def render_markdown(snapshot: dict[str, list[Row]], exported_at: datetime | None = None) -> str:
    """The whole snapshot as one Markdown document."""
    out = _Writer()
    out.heading(1, _tr("Bounceback: everything you wrote"))
    out.parts.append(_tr("Exported on {date}.").format(date=_when(exported_at or datetime.now())) + "\n\n")
    by_parent = _children(snapshot)
    _interviews(out, snapshot, by_parent)
    _plans(out, snapshot, by_parent)
    _contacts(out, snapshot)
    _evidence(out, snapshot)
    _template(out, snapshot)
    return "".join(out.parts)


def _children(snapshot: dict[str, list[Row]]) -> dict[tuple[str, str, int], list[Row]]:
    index: dict[tuple[str, str, int], list[Row]] = defaultdict(list)
    for table, key in (
        ("checklist_items", "interview_id"),
        ("debriefs", "interview_id"),
        ("debrief_questions", "debrief_id"),
        ("competency_ratings", "debrief_id"),
        ("lessons", "debrief_id"),
        ("plan_steps", "plan_id"),
        ("contact_plans", "plan_id"),
        ("contact_interviews", "interview_id"),
        ("evidence_plans", "plan_id"),
    ):
        for row in sorted(snapshot.get(table, []), key=lambda r: (r.get("position", 0), r.get("id", 0))):
            index[(table, key, row[key])].append(row)
    return index


def _interviews(out: _Writer, snapshot: dict[str, list[Row]], kids: dict[tuple[str, str, int], list[Row]]) -> None:
    interviews = snapshot.get("interviews", [])
    out.heading(2, _tr("Interviews ({count})").format(count=len(interviews)))
    contacts = {row["id"]: row for row in snapshot.get("contacts", [])}
    for interview in sorted(interviews, key=lambda r: (r["scheduled_at"] is None, r["scheduled_at"] or 0, r["id"])):
        title = escape(interview["company"])
        if interview["role"]:
            title += " — " + escape(interview["role"])
        out.blank()
        out.heading(3, title)
        out.field(_tr("When"), _when(interview["scheduled_at"]))
        out.field(_tr("Stage"), escape(interview["stage"]))
        out.field(_tr("Format"), format_label(interview["format"]))
        out.field(_tr("Outcome"), outcome_label(interview["outcome"]))
        out.field(_tr("Internal posting"), _tr("yes") if interview["internal"] else "")
        out.text(_tr("Where or link"), interview["location"])
        out.text(_tr("Interviewers"), interview["interviewers"])
        out.text(_tr("Job posting"), interview["posting"])
        out.text(_tr("Notes"), interview["notes"])
        people = [
            contacts[link["contact_id"]] for link in kids[("contact_interviews", "interview_id", interview["id"])]
        ]
        if people:
            out.field(_tr("Contacts"), ", ".join(escape(person["name"]) for person in people))
        items = kids[("checklist_items", "interview_id", interview["id"])]
        if items:
            out.blank()
            out.heading(4, _tr("Checklist"))
            for item in sorted(items, key=lambda r: (r["section_position"], r["position"], r["id"])):
                mark = "[x]" if item["done"] else "[ ]"
                out.item(f"{mark} {escape(item['text'])} ({escape(item['section'])})")
        for debrief in kids[("debriefs", "interview_id", interview["id"])]:
            _debrief(out, debrief, kids)


def _debrief(out: _Writer, debrief: Row, kids: dict[tuple[str, str, int], list[Row]]) -> None:
    out.blank()
    out.heading(4, _tr("Debrief ({status})").format(status=debrief_status_label(debrief["status"])))
    out.field(_tr("Outcome"), outcome_label(debrief["outcome"]))
    out.field(_tr("Nerves (1–10)"), "" if debrief["nerves"] is None else str(debrief["nerves"]))
    out.field(_tr("My chances (1–10)"), "" if debrief["chances"] is None else str(debrief["chances"]))
    out.text(_tr("What I planned to get across"), debrief["planned_message"])
    out.text(_tr("What happened"), debrief["what_happened"])
    out.text(_tr("How I feel"), debrief["feelings"])
    out.text(_tr("In my control"), debrief["in_control"])
    out.text(_tr("Not in my control"), debrief["not_in_control"])
    out.field(_tr("Asked for feedback"), _tr("yes") if debrief["feedback_asked"] else _tr("no"))
    out.text(_tr("Feedback received"), debrief["feedback_received"])
    questions = kids[("debrief_questions", "debrief_id", debrief["id"])]
    if questions:
        out.parts.append("\n**" + _tr("Questions they asked") + ":**\n\n")
        for question in questions:
            rating = "" if question["rating"] is None else f" ({question['rating']}/5)"
            out.item(f"{escape(question['question'])}{rating}: {escape(question['answer'])}")
    ratings = kids[("competency_ratings", "debrief_id", debrief["id"])]
    if ratings:
        out.parts.append("\n**" + _tr("Self-assessment") + ":**\n\n")
        for rating in ratings:
            score = "–" if rating["rating"] is None else f"{rating['rating']}/5"
            note = f": {escape(rating['note'])}" if rating["note"] else ""
            out.item(f"{escape(rating['competency'])} {score}{note}")
    lessons = kids[("lessons", "debrief_id", debrief["id"])]
    if lessons:
        out.parts.append("\n**" + _tr("Lessons") + ":**\n\n")
        for lesson in lessons:
            task = f" ({escape(lesson['practice_task'])})" if lesson["practice_task"] else ""
            out.item(f"{lesson_kind_label(lesson['kind'])}: {escape(lesson['text'])}{task}")


def _plans(out: _Writer, snapshot: dict[str, list[Row]], kids: dict[tuple[str, str, int], list[Row]]) -> None:
    plans = sorted(snapshot.get("plans", []), key=lambda r: (r["position"], r["id"]))
    contacts = {row["id"]: row for row in snapshot.get("contacts", [])}
    evidence = {row["id"]: row for row in snapshot.get("evidence", [])}
    out.blank()
    out.heading(2, _tr("Plans ({count})").format(count=len(plans)))
    for plan in plans:
        out.blank()
        out.heading(3, escape(plan["title"]))
        out.field(_tr("Kind"), plan_kind_label(plan["kind"]))
        out.field(_tr("Status"), plan_status_label(plan["status"]))
        out.field(_tr("Switch on"), _when(plan["trigger_date"]))
        out.text(_tr("Switch when"), plan["trigger_condition"])
        out.field(
            _tr("Gauges"),
            _tr("resources {r}/10, liking {l}/10, confidence {c}/10, coherence {h}/10").format(
                r=plan["resources"], l=plan["liking"], c=plan["confidence"], h=plan["coherence"]
            ),
        )
        out.text(_tr("What it is"), plan["description"])
        out.text(_tr("Why"), plan["why"])
        out.text(_tr("Notes"), plan["notes"])
        steps = kids[("plan_steps", "plan_id", plan["id"])]
        if steps:
            out.parts.append("\n**" + _tr("Steps") + ":**\n\n")
            for step in steps:
                mark = "[x]" if step["done"] else "[ ]"
                due = f", {_when(step['due'])}" if step["due"] else ""
                out.item(f"{mark} {escape(step['text'])} ({tier_label(step['tier'])}{due})")
        people = [contacts[link["contact_id"]]["name"] for link in kids[("contact_plans", "plan_id", plan["id"])]]
        if people:
            out.field(_tr("Contacts"), ", ".join(escape(name) for name in people))
        proofs = [
            evidence[link["evidence_id"]]["achievement"] for link in kids[("evidence_plans", "plan_id", plan["id"])]
        ]
        if proofs:
            out.field(_tr("Evidence"), "; ".join(escape(text) for text in proofs))


def _contacts(out: _Writer, snapshot: dict[str, list[Row]]) -> None:
    contacts = sorted(snapshot.get("contacts", []), key=lambda r: (r["name"].casefold(), r["id"]))
    out.blank()
    out.heading(2, _tr("Contacts ({count})").format(count=len(contacts)))
    for contact in contacts:
        out.blank()
        out.heading(3, escape(contact["name"]))
        out.field(_tr("Organisation"), escape(contact["organisation"]))
        out.field(_tr("Role"), escape(contact["role"]))
        out.field(_tr("E-mail"), escape(contact["email"]))
        out.field(_tr("Phone"), escape(contact["phone"]))
        out.field(_tr("Last contact"), _when(contact["last_contact"]))
        out.field(_tr("Next follow-up"), _when(contact["next_follow_up"]))
        out.text(_tr("How I know them"), contact["how_known"])
        out.text(_tr("How they can help"), contact["how_they_help"])
        out.text(_tr("Notes"), contact["notes"])


def _evidence(out: _Writer, snapshot: dict[str, list[Row]]) -> None:
    rows = sorted(snapshot.get("evidence", []), key=lambda r: (r["position"], r["id"]))
    out.blank()
    out.heading(2, _tr("Evidence of my work ({count})").format(count=len(rows)))
    for row in rows:
        out.blank()
        out.item(escape(row["achievement"]))
        details = [
            text
            for text in (
                _when(row["achieved_on"]),
                escape(row["proof"]) and _tr("proof: {proof}").format(proof=escape(row["proof"])),
                escape(row["who_knows"]) and _tr("who knows: {who}").format(who=escape(row["who_knows"])),
            )
            if text
        ]
        if details:
            out.parts.append("  " + "; ".join(details) + "\n")


def _template(out: _Writer, snapshot: dict[str, list[Row]]) -> None:
    rows = sorted(snapshot.get("checklist_template_items", []), key=lambda r: (r["position"], r["id"]))
    out.blank()
    out.heading(2, _tr("Checklist template ({count})").format(count=len(rows)))
    out.blank()
    for row in rows:
        out.item(f"{escape(row['text'])} ({escape(row['section'])})")
