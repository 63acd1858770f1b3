"""Repository for the checklist template (``checklist_template_items``).

New interviews copy the template when they are created; editing it never touches
the checklists of interviews that already exist.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from desktop_app.core.prepare_records import TemplateItem
from desktop_app.storage.database import Database
from desktop_app.storage.default_template import load_default_template
from desktop_app.storage.models import ChecklistTemplateItem

_EDITABLE = frozenset({"section", "text", "due_offset_days"})


def _record(item: ChecklistTemplateItem) -> TemplateItem:
    return TemplateItem(item.id, item.section, item.text, item.due_offset_days, item.position)


def list_template(db: Database) -> list[TemplateItem]:
    query = select(ChecklistTemplateItem).order_by(ChecklistTemplateItem.position, ChecklistTemplateItem.id)
    with db.read_session() as session:
        return [_record(item) for item in session.scalars(query)]


def add_template_item(db: Database, section: str, text: str, due_offset_days: int | None = None) -> int:
    with db.session() as session:
        last = session.scalar(select(func.max(ChecklistTemplateItem.position)))
        item = ChecklistTemplateItem(
            section=section, text=text, due_offset_days=due_offset_days, position=0 if last is None else last + 1
        )
        session.add(item)
        session.flush()
        return item.id


def update_template_item(db: Database, item_id: int, **fields: object) -> None:
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with db.session() as session:
        item = session.get(ChecklistTemplateItem, item_id)
        if item is not None:
            for name, value in fields.items():
                setattr(item, name, value)


def delete_template_item(db: Database, item_id: int) -> TemplateItem | None:
    with db.session() as session:
        item = session.get(ChecklistTemplateItem, item_id)
        if item is None:
            return None
        record = _record(item)
        session.delete(item)
        return record


def restore_template_item(db: Database, record: TemplateItem) -> int:
    """Put a deleted template item back at its old place; return its new id."""
    with db.session() as session:
        items = session.scalars(
            select(ChecklistTemplateItem).where(ChecklistTemplateItem.position >= record.position)
        ).all()
        for item in items:
            item.position += 1
        restored = ChecklistTemplateItem(
            section=record.section, text=record.text, due_offset_days=record.due_offset_days, position=record.position
        )
        session.add(restored)
        session.flush()
        return restored.id


def move_template_item(db: Database, item_id: int, new_index: int) -> bool:
    """Move an item to ``new_index`` in the whole template; False if nothing moved."""
    with db.session() as session:
        items = list(
            session.scalars(
                select(ChecklistTemplateItem).order_by(ChecklistTemplateItem.position, ChecklistTemplateItem.id)
            )
        )
        old_index = next((i for i, item in enumerate(items) if item.id == item_id), None)
        if old_index is None:
            return False
        new_index = max(0, min(new_index, len(items) - 1))
        if new_index == old_index:
            return False
        items.insert(new_index, items.pop(old_index))
        for position, item in enumerate(items):
            item.position = position
        return True


def reset_template(db: Database) -> int:
    """Replace the template with the one that ships with the app; return its item count."""
    defaults = load_default_template()
    with db.session() as session:
        session.execute(delete(ChecklistTemplateItem))
        for position, entry in enumerate(defaults):
            session.add(
                ChecklistTemplateItem(
                    section=entry.section, text=entry.text, due_offset_days=entry.due_offset_days, position=position
                )
            )
    return len(defaults)
