"""Plans, steps, contacts and evidence stored in a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.choices import FailureTier, PlanKind, PlanStatus
from desktop_app.storage.contacts import (
    contacts_for_plan,
    create_contact,
    delete_contact,
    get_contact,
    mark_contacted,
    set_contact_interviews,
    set_contact_plans,
)
from desktop_app.storage.database import Database
from desktop_app.storage.evidence import create_evidence, evidence_for_plan, list_evidence, set_evidence_plans
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.plan_printouts import load_printouts
from desktop_app.storage.plan_steps import add_step, delete_step, list_steps, reorder_steps, restore_step, update_step
from desktop_app.storage.plans import (
    create_plan,
    delete_plan,
    find_plan,
    get_plan,
    list_plan_summaries,
    reorder_plans,
    update_plan,
)


def test_plans_are_created_edited_reordered_and_deleted(db: Database) -> None:
    a = create_plan(db, "Current path", kind=PlanKind.CURRENT)
    b = create_plan(db, "Freelance", kind=PlanKind.VANISHED, trigger_date=date(2026, 5, 1))
    update_plan(db, b, why="Independence", liking=14, resources=-2, status=PlanStatus.PAUSED)
    plan = get_plan(db, b)
    assert plan is not None
    assert (plan.why, plan.liking, plan.resources, plan.status) == ("Independence", 10, 0, "paused")
    reorder_plans(db, [b, a])
    assert [s.title for s in list_plan_summaries(db)] == ["Freelance", "Current path"]
    with pytest.raises(ValueError):
        update_plan(db, a, id=99)
    delete_plan(db, b)
    assert [s.title for s in list_plan_summaries(db)] == ["Current path"]


def test_find_plan_by_id_or_title(db: Database) -> None:
    a = create_plan(db, "Teach at a college")
    create_plan(db, "42")
    assert find_plan(db, str(a)).id == a  # type: ignore[union-attr]
    assert find_plan(db, "teach at a COLLEGE").id == a  # type: ignore[union-attr]
    assert find_plan(db, "42").title == "42"  # type: ignore[union-attr]
    assert find_plan(db, "nothing like it") is None


def test_steps_keep_order_and_a_deleted_step_comes_back(db: Database) -> None:
    plan = create_plan(db, "Plan")
    ids = [add_step(db, plan, f"Step {n}", tier=FailureTier.RARELY) for n in range(3)]
    update_step(db, ids[1], done=True, due=date(2026, 1, 2), tier=FailureTier.NEVER)
    reorder_steps(db, [ids[2], ids[0], ids[1]])
    assert [s.text for s in list_steps(db, plan)] == ["Step 2", "Step 0", "Step 1"]
    deleted = delete_step(db, ids[1])
    assert deleted is not None and deleted.tier == "never" and deleted.done
    assert [s.text for s in list_steps(db, plan)] == ["Step 2", "Step 0"]
    restore_step(db, deleted)
    assert list_steps(db, plan)[-1] == deleted
    assert list_plan_summaries(db)[0].step_count == 3
    assert list_plan_summaries(db)[0].done_count == 1


def test_contacts_link_to_plans_and_interviews_and_record_contact(db: Database) -> None:
    plan = create_plan(db, "Plan")
    interview = create_interview(db, "Contoso")
    sam = create_contact(db, "Sam", organisation="Bakery", next_follow_up=date(2026, 3, 1))
    set_contact_plans(db, sam, [plan])
    set_contact_interviews(db, sam, [interview])
    mark_contacted(db, sam, date(2026, 3, 10), date(2026, 3, 24))
    record = get_contact(db, sam)
    assert record is not None
    assert (record.plan_ids, record.interview_ids) == ((plan,), (interview,))
    assert (record.last_contact, record.next_follow_up) == (date(2026, 3, 10), date(2026, 3, 24))
    assert [c.name for c in contacts_for_plan(db, plan)] == ["Sam"]
    delete_plan(db, plan)
    assert get_contact(db, sam).plan_ids == ()  # type: ignore[union-attr]
    delete_contact(db, sam)
    assert get_contact(db, sam) is None


def test_evidence_links_and_printouts_gather_everything(db: Database) -> None:
    plan = create_plan(db, "Plan", kind=PlanKind.WILD_CARD)
    add_step(db, plan, "First")
    entry = create_evidence(db, "Cut reporting time", proof="Thank-you mail", who_knows="Priya")
    set_evidence_plans(db, entry, [plan])
    sam = create_contact(db, "Sam")
    set_contact_plans(db, sam, [plan])
    assert [e.achievement for e in evidence_for_plan(db, plan)] == ["Cut reporting time"]
    assert list_evidence(db)[0].plan_ids == (plan,)
    (printout,) = load_printouts(db, plan)
    assert printout.plan.title == "Plan"
    assert [s.text for s in printout.steps] == ["First"]
    assert [c.name for c in printout.contacts] == ["Sam"]
    assert [e.proof for e in printout.evidence] == ["Thank-you mail"]
    assert load_printouts(db, plan + 100) == []


def test_printouts_hold_each_plans_steps_as_the_editor_shows_them(db: Database) -> None:
    first = create_plan(db, "First plan")
    second = create_plan(db, "Second plan")
    a = add_step(db, first, "Draft the pitch", tier="frequently", due=date(2026, 4, 2))
    b = add_step(db, first, "Call Priya", tier="never", notes="Ask about March")
    c = add_step(db, second, "Sketch a portfolio page")
    update_step(db, b, done=True)
    reorder_steps(db, [b, a])
    printouts = {p.plan.title: p for p in load_printouts(db)}
    assert printouts["First plan"].steps == tuple(list_steps(db, first))  # same records, same order
    assert [s.id for s in printouts["First plan"].steps] == [b, a]
    call = printouts["First plan"].steps[0]
    assert call.done is True and call.notes == "Ask about March" and call.tier == "never"
    assert printouts["First plan"].steps[1].due == date(2026, 4, 2)
    assert [s.id for s in printouts["Second plan"].steps] == [c]
    (only,) = load_printouts(db, second)
    assert [s.text for s in only.steps] == ["Sketch a portfolio page"]
