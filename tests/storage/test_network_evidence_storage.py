"""Contacts listed by name whatever the case; evidence kept in the order the user chose."""

from __future__ import annotations

from desktop_app.storage.contacts import create_contact, list_contacts
from desktop_app.storage.database import Database
from desktop_app.storage.evidence import create_evidence, list_evidence, reorder_evidence


def test_contacts_are_listed_by_name_ignoring_case(db: Database) -> None:
    for name in ("bob", "Zed", "ann", "Bob"):
        create_contact(db, name)
    assert [c.name for c in list_contacts(db)] == ["ann", "bob", "Bob", "Zed"]


def test_evidence_keeps_the_users_order(db: Database) -> None:
    first = create_evidence(db, "First")
    second = create_evidence(db, "Second")
    third = create_evidence(db, "Third")
    assert [e.id for e in list_evidence(db)] == [first, second, third]
    reorder_evidence(db, [third, first, second])
    assert [e.achievement for e in list_evidence(db)] == ["Third", "First", "Second"]
    fourth = create_evidence(db, "Fourth")
    assert list_evidence(db)[-1].id == fourth
    reorder_evidence(db, [fourth, 9999, third, first, second])  # an id deleted meanwhile is skipped
    assert [e.achievement for e in list_evidence(db)] == ["Fourth", "Third", "First", "Second"]
