"""Repository for the checklist items of one interview: list, add, edit, delete, restore, reorder."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.choices import ItemOrigin
from desktop_app.core.prepare_records import ChecklistEntry
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import section_position
from desktop_app.storage.models import ChecklistItem, Interview

_EDITABLE = frozenset({"text", "done", "due_offset_days"})


def _entry(item: ChecklistItem) -> ChecklistEntry:
    return ChecklistEntry(
        id=item.id,
        interview_id=item.interview_id,
        section=item.section,
        section_position=item.section_position,
        position=item.position,
        text=item.text,
        done=item.done,
        done_at=item.done_at,
        due_offset_days=item.due_offset_days,
        origin=item.origin,
        origin_note=item.origin_note,
        lesson_id=item.lesson_id,
    )


def _ordered(interview_id: int, section: str | None = None):  # type: ignore[no-untyped-def]
    query = select(ChecklistItem).where(ChecklistItem.interview_id == interview_id)
    if section is not None:
        query = query.where(ChecklistItem.section == section)
    return query.order_by(
        ChecklistItem.section_position, ChecklistItem.section, ChecklistItem.position, ChecklistItem.id
    )


def list_checklist(db: Database, interview_id: int) -> list[ChecklistEntry]:
    """The interview's items, section by section, in their order."""
    with db.read_session() as session:
        return [_entry(item) for item in session.scalars(_ordered(interview_id))]


def add_item(db: Database, interview_id: int, section: str, text: str, due_offset_days: int | None = None) -> int:
    """Add an item at the end of ``section``; return its id."""
    with db.session() as session:
        last = session.scalar(
            select(func.max(ChecklistItem.position)).where(
                ChecklistItem.interview_id == interview_id, ChecklistItem.section == section
            )
        )
        item = ChecklistItem(
            interview_id=interview_id,
            section=section,
            section_position=section_position(section),
            text=text,
            due_offset_days=due_offset_days,
            position=0 if last is None else last + 1,
            origin=ItemOrigin.USER,
        )
        session.add(item)
        session.flush()
        return item.id


def update_item(db: Database, item_id: int, **fields: object) -> None:
    """Change an item's text, done flag or due point; ticking it records when."""
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with db.session() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None:
            return
        if "done" in fields and bool(fields["done"]) != item.done:
            item.done_at = datetime.now().replace(microsecond=0) if fields["done"] else None
        for name, value in fields.items():
            setattr(item, name, value)


def delete_item(db: Database, item_id: int) -> ChecklistEntry | None:
    """Delete an item and return it as it was, so it can be restored."""
    with db.session() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None:
            return None
        entry = _entry(item)
        session.delete(item)
        return entry


def restore_item(db: Database, entry: ChecklistEntry) -> int | None:
    """Put a deleted item back where it was; None when its interview is gone. Returns the new id."""
    with db.session() as session:
        if session.get(Interview, entry.interview_id) is None:
            return None
        _shift_from(session, entry.interview_id, entry.section, entry.position)
        item = ChecklistItem(
            interview_id=entry.interview_id,
            section=entry.section,
            section_position=entry.section_position,
            position=entry.position,
            text=entry.text,
            done=entry.done,
            done_at=entry.done_at,
            due_offset_days=entry.due_offset_days,
            origin=entry.origin,
            origin_note=entry.origin_note,
            lesson_id=entry.lesson_id,
        )
        session.add(item)
        session.flush()
        return item.id


def _shift_from(session: Session, interview_id: int, section: str, position: int) -> None:
    items = session.scalars(_ordered(interview_id, section)).all()
    if any(item.position == position for item in items):
        for item in items:
            if item.position >= position:
                item.position += 1


def move_item(db: Database, item_id: int, new_index: int) -> bool:
    """Move an item to ``new_index`` within its own section; False if nothing moved."""
    with db.session() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None:
            return False
        siblings = list(session.scalars(_ordered(item.interview_id, item.section)))
        old_index = siblings.index(item)
        new_index = max(0, min(new_index, len(siblings) - 1))
        if new_index == old_index:
            return False
        siblings.insert(new_index, siblings.pop(old_index))
        for position, sibling in enumerate(siblings):
            sibling.position = position
        return True
