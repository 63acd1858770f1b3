"""Storing the order the user put rows in: each row's ``position`` is its place in a list of ids."""

from __future__ import annotations

from typing import Any

from desktop_app.storage.database import Database


def store_order(db: Database, model: type[Any], ordered_ids: list[int]) -> None:
    """Give each row of ``model`` in ``ordered_ids`` its place there as ``position``; ids since deleted are skipped."""
    with db.session() as session:
        for position, row_id in enumerate(ordered_ids):
            row = session.get(model, row_id)
            if row is not None:
                row.position = position
