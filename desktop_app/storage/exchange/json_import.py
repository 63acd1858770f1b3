"""Import an export file into the database: validated first, after a backup, in one transaction.

Two cases:

* The database holds nothing of the user's yet (only what a new database starts with,
  such as the default checklist template): the file is taken over exactly, record
  numbers included, so export → import into a new data folder reproduces every record.
* Otherwise the file's records are added beside the existing ones under new numbers,
  links between them kept; template items already present are not added twice.

Either way every row goes in within one transaction: a refusal leaves the database as
it was.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.core.exchange import ImportProblem, ImportRefusedError, ImportSummary
from desktop_app.paths import DataPaths
from desktop_app.storage.backups import IMPORT_LABEL, labelled_backup
from desktop_app.storage.database import Database
from desktop_app.storage.exchange.json_parse import parse_document, read_limited
from desktop_app.storage.exchange.tables import Row, Snapshot, exported_tables, has_own_id, read_snapshot
from desktop_app.storage.exchange.validate import validate_document
from desktop_app.storage.schema import HEAD_REVISION

_TIMESTAMPS = ("created_at", "updated_at")


def read_import_file(path: Path) -> Snapshot:
    """Read and validate an export file without touching any database."""
    return validate_document(parse_document(read_limited(path)))


def import_json(db: Database, path: Path) -> ImportSummary:
    """Import the export file at ``path``; :class:`ImportRefusedError` if it is not acceptable.

    A :class:`desktop_app.storage.backup.BackupError` means the safety backup could not
    be made, and nothing was imported.
    """
    return import_snapshot(db, read_import_file(path))


def import_bytes(db: Database, data: bytes) -> ImportSummary:
    return import_snapshot(db, validate_document(parse_document(data)))


def import_snapshot(db: Database, snapshot: Snapshot) -> ImportSummary:
    backup = labelled_backup(db.paths, IMPORT_LABEL)
    with db.session() as session:
        restore = _holds_nothing_of_users(session)
        summary = _restore(session, snapshot) if restore else _merge(session, snapshot)
    return ImportSummary(summary.added, summary.skipped, summary.restored, backup.name)


def _restore(session: Session, snapshot: Snapshot) -> ImportSummary:
    for table in reversed(exported_tables()):
        session.execute(delete(table))
    added = {}
    for table in exported_tables():
        for index, row in enumerate(snapshot[table.name]):
            _insert(session, table, row, index)
        added[table.name] = len(snapshot[table.name])
    return ImportSummary(added={k: v for k, v in added.items() if v}, restored=True)


def _merge(session: Session, snapshot: Snapshot) -> ImportSummary:
    new_ids: dict[str, dict[int, int]] = {}
    added: dict[str, int] = {}
    skipped: dict[str, int] = {}
    seeded = set(_fresh_content())
    for table in exported_tables():
        mapping = new_ids.setdefault(table.name, {})
        references = _references(table)
        offset = _position_offset(session, table) if not references else 0
        existing = _comparable_rows(session, table) if table.name in seeded else {}
        for index, row in enumerate(snapshot[table.name]):
            values = dict(row)
            for name, parent in references.items():
                if values.get(name) is not None:
                    values[name] = new_ids[parent][values[name]]
            if "position" in values and offset:
                values["position"] += offset
            if has_own_id(table):
                old_id = values.pop("id")
                same = existing.get(_comparable(values))
                if same is not None:
                    mapping[old_id] = same
                    skipped[table.name] = skipped.get(table.name, 0) + 1
                    continue
                mapping[old_id] = _insert(session, table, values, index)
            else:
                _insert(session, table, values, index)
            added[table.name] = added.get(table.name, 0) + 1
    return ImportSummary(added=added, skipped=skipped, restored=False)


def _references(table: Table) -> dict[str, str]:
    """Foreign-key column name → the table it points to."""
    return {
        column.name: next(iter(column.foreign_keys)).column.table.name
        for column in table.columns
        if column.foreign_keys
    }


def _insert(session: Session, table: Table, values: Row, index: int) -> int:
    try:
        result = session.execute(insert(table).values(values))
    except IntegrityError as exc:
        raise ImportRefusedError(
            ImportProblem.REFUSED_BY_DATABASE, where=f"tables.{table.name}[{index}]", detail=str(exc.orig)
        ) from None
    key = result.inserted_primary_key
    return int(key[0]) if key and len(key) == 1 and key[0] is not None else 0


def _position_offset(session: Session, table: Table) -> int:
    if "position" not in table.columns:
        return 0
    highest = session.execute(select(func.max(table.c.position))).scalar()
    return 0 if highest is None else highest + 1


def _comparable(values: Row) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, v) for k, v in values.items() if k not in (*_TIMESTAMPS, "id", "position")))


def _comparable_rows(session: Session, table: Table) -> dict[tuple[tuple[str, Any], ...], int]:
    rows = session.execute(select(table)).mappings()
    return {_comparable(dict(row)): row["id"] for row in rows}


def _holds_nothing_of_users(session: Session) -> bool:
    """True when every table holds exactly what a brand-new database holds."""
    fresh = _fresh_content()
    for table in exported_tables():
        ordered = select(table).order_by(*table.primary_key.columns)
        rows = [_without_timestamps(dict(row)) for row in session.execute(ordered).mappings()]
        if rows != fresh.get(table.name, []):
            return False
    return True


def _without_timestamps(row: Row) -> Row:
    return {key: value for key, value in row.items() if key not in _TIMESTAMPS}


@cache
def _fresh_content_cached(revision: str) -> dict[str, list[Row]]:
    from desktop_app.storage.migrate import open_database

    with tempfile.TemporaryDirectory(prefix="bounceback-fresh-") as folder:
        database = open_database(DataPaths(Path(folder)))
        try:
            snapshot = read_snapshot(database)
        finally:
            database.close()
    return {name: [_without_timestamps(row) for row in rows] for name, rows in snapshot.items() if rows}


def _fresh_content() -> dict[str, list[Row]]:
    """What a brand-new database holds (the seeded tables), timestamps left out."""
    return _fresh_content_cached(HEAD_REVISION)
