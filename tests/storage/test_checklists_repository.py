"""Checklist items and the template through their repositories, on the real SQLite file."""

from __future__ import annotations

from desktop_app.core.choices import ItemOrigin
from desktop_app.paths import DataPaths
from desktop_app.storage.checklist_templates import (
    add_template_item,
    delete_template_item,
    list_template,
    move_template_item,
    reset_template,
    restore_template_item,
    update_template_item,
)
from desktop_app.storage.checklists import add_item, delete_item, list_checklist, move_item, restore_item, update_item
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview, delete_interview
from desktop_app.storage.migrate import open_database


def _texts(db: Database, interview_id: int, section: str) -> list[str]:
    return [item.text for item in list_checklist(db, interview_id) if item.section == section]


def test_add_edit_tick_and_reopen(db: Database, data_paths: DataPaths) -> None:
    interview_id = create_interview(db, "Contoso")
    item_id = add_item(db, interview_id, "Research", "Read their annual report", -3)
    update_item(db, item_id, text="Read the annual report", done=True)
    db.close()
    reopened = open_database(data_paths)
    try:
        item = next(i for i in list_checklist(reopened, interview_id) if i.id == item_id)
    finally:
        reopened.close()
    assert (item.text, item.done, item.due_offset_days, item.origin) == ("Read the annual report", True, -3, "user")
    assert item.done_at is not None
    assert item.section == "Research"


def test_unticking_clears_when_it_was_done(db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    item = list_checklist(db, interview_id)[0]
    update_item(db, item.id, done=True)
    update_item(db, item.id, done=False)
    again = list_checklist(db, interview_id)[0]
    assert (again.done, again.done_at) == (False, None)


def test_move_within_a_section(db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    before = _texts(db, interview_id, "Research")
    first = next(i for i in list_checklist(db, interview_id) if i.section == "Research")
    assert move_item(db, first.id, 2)
    after = _texts(db, interview_id, "Research")
    assert after == [before[1], before[2], before[0], before[3]]
    assert not move_item(db, first.id, 2)
    assert _texts(db, interview_id, "Logistics")[0].startswith("Confirm the date")


def test_delete_and_restore_in_place(db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    before = _texts(db, interview_id, "Your stories")
    victim = [i for i in list_checklist(db, interview_id) if i.section == "Your stories"][1]
    entry = delete_item(db, victim.id)
    assert entry is not None
    assert len(list_checklist(db, interview_id)) == 19
    new_id = restore_item(db, entry)
    assert new_id is not None
    assert _texts(db, interview_id, "Your stories") == before
    restored = next(i for i in list_checklist(db, interview_id) if i.id == new_id)
    assert restored.origin == ItemOrigin.TEMPLATE


def test_restore_into_a_deleted_interview_does_nothing(db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    entry = delete_item(db, list_checklist(db, interview_id)[0].id)
    delete_interview(db, interview_id)
    assert entry is not None
    assert restore_item(db, entry) is None


def test_template_changes_apply_to_new_interviews_only(db: Database) -> None:
    existing = create_interview(db, "Before")
    template = list_template(db)
    assert len(template) == 20
    update_template_item(db, template[0].id, text="Read the posting three times")
    delete_template_item(db, template[1].id)
    add_template_item(db, "Logistics", "Charge the laptop", -1)
    newer = create_interview(db, "After")
    new_texts = [i.text for i in list_checklist(db, newer)]
    assert new_texts[0] == "Read the posting three times"
    assert template[1].text not in new_texts
    assert "Charge the laptop" in new_texts
    old_texts = [i.text for i in list_checklist(db, existing)]
    assert old_texts[0] == template[0].text
    assert template[1].text in old_texts
    assert "Charge the laptop" not in old_texts


def test_template_move_restore_and_reset(db: Database) -> None:
    template = list_template(db)
    assert move_template_item(db, template[0].id, 3)
    assert [t.text for t in list_template(db)][3] == template[0].text
    deleted = delete_template_item(db, template[5].id)
    assert deleted is not None
    restore_template_item(db, deleted)
    assert [t.text for t in list_template(db)][deleted.position] == template[5].text
    assert reset_template(db) == 20
    assert [t.text for t in list_template(db)] == [t.text for t in template]
