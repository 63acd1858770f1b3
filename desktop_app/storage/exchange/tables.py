"""Which tables and columns the export holds, and what each column accepts.

Everything is derived from the SQLAlchemy metadata, so a table or column added to
``models.py`` is exported and imported without touching this package. Columns that hold
one of the domain's fixed vocabularies are listed in ``ENUM_COLUMNS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String, Table, select

from desktop_app.core.choices import (
    DebriefStatus,
    FailureTier,
    InterviewFormat,
    ItemOrigin,
    LessonKind,
    Outcome,
    PlanKind,
    PlanStatus,
)
from desktop_app.core.exchange import MAX_TEXT_LENGTH, ValueKind
from desktop_app.storage.database import Database
from desktop_app.storage.models import Base

ENUM_COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    ("interviews", "format"): InterviewFormat,
    ("interviews", "outcome"): Outcome,
    ("checklist_items", "origin"): ItemOrigin,
    ("debriefs", "status"): DebriefStatus,
    ("debriefs", "outcome"): Outcome,
    ("lessons", "kind"): LessonKind,
    ("plans", "kind"): PlanKind,
    ("plans", "status"): PlanStatus,
    ("plan_steps", "tier"): FailureTier,
}

Row = dict[str, Any]
Snapshot = dict[str, list[Row]]


@dataclass(frozen=True)
class ColumnRule:
    """What one column accepts in an import file."""

    name: str
    kind: ValueKind
    nullable: bool
    has_default: bool
    max_length: int | None
    choices: frozenset[str] | None
    references: str | None

    @property
    def required(self) -> bool:
        return not (self.nullable or self.has_default)


def exported_tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def table_by_name() -> dict[str, Table]:
    return {table.name: table for table in exported_tables()}


def column_kind(column: Column[Any]) -> ValueKind:
    column_type = column.type
    if isinstance(column_type, Boolean):
        return ValueKind.BOOLEAN
    if isinstance(column_type, DateTime):
        return ValueKind.DATETIME
    if isinstance(column_type, Date):
        return ValueKind.DATE
    if isinstance(column_type, Integer):
        return ValueKind.INTEGER
    if isinstance(column_type, String):
        return ValueKind.TEXT
    raise TypeError(f"no export rule for column {column} of type {column_type!r}")


def column_rule(table: Table, column: Column[Any]) -> ColumnRule:
    kind = column_kind(column)
    max_length = None
    if kind is ValueKind.TEXT:
        max_length = getattr(column.type, "length", None) or MAX_TEXT_LENGTH
    enum = ENUM_COLUMNS.get((table.name, column.name))
    references = None
    if column.foreign_keys:
        references = next(iter(column.foreign_keys)).column.table.name
    return ColumnRule(
        name=column.name,
        kind=kind,
        nullable=bool(column.nullable) and not column.primary_key,
        has_default=column.default is not None or column.server_default is not None or _is_autoincrement(column),
        max_length=max_length,
        choices=frozenset(member.value for member in enum) if enum else None,
        references=references,
    )


def _is_autoincrement(column: Column[Any]) -> bool:
    return column is column.table.autoincrement_column


def has_own_id(table: Table) -> bool:
    """True for tables whose rows carry an integer ``id`` other rows can refer to."""
    return table.autoincrement_column is not None and table.autoincrement_column.name == "id"


def read_snapshot(db: Database) -> Snapshot:
    """Every row of every table, as plain Python values, ordered by primary key."""
    snapshot: Snapshot = {}
    with db.read_session() as session:
        for table in exported_tables():
            statement = select(table).order_by(*table.primary_key.columns)
            snapshot[table.name] = [dict(row._mapping) for row in session.execute(statement)]
    return snapshot


def to_json_value(value: Any) -> Any:
    """A column value as it appears in the export file."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
