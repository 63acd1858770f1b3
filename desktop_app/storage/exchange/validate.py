"""Checking a parsed import document against the schema, before the database is touched.

Every refusal names the problem and the JSON path where it stands, e.g.
``tables.interviews[2].company``. What comes out is, per table, rows of plain Python
values ready to insert; the ids in it are the file's own and may still be renumbered.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table

from desktop_app.core.exchange import FORMAT_NAME, FORMAT_VERSION, ImportProblem, ImportRefusedError, ValueKind
from desktop_app.storage.exchange.json_parse import BadNumber, DuplicateKey
from desktop_app.storage.exchange.tables import ColumnRule, Row, Snapshot, column_rule, exported_tables, has_own_id
from desktop_app.storage.schema import KNOWN_REVISIONS

TOP_LEVEL_TEXT_KEYS = {"app_version": 100, "exported_at": 100, "schema_revision": 100}
TOP_LEVEL_KEYS = {"format", "format_version", "tables", *TOP_LEVEL_TEXT_KEYS}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?$")
_SHOWN_LENGTH = 60


def shown(value: object) -> str:
    """A short, printable rendering of something from the file, for a message."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def validate_document(document: Any) -> Snapshot:
    """The rows of a valid export document, per table; :class:`ImportRefusedError` otherwise."""
    root = _object(document, "")
    _check_header(root)
    tables = _object(root["tables"], "tables") if "tables" in root else _missing("", "tables")
    known = {table.name: table for table in exported_tables()}
    for name in tables:
        if name not in known:
            raise ImportRefusedError(ImportProblem.UNKNOWN_KEY, where="tables", detail=shown(name))
    result: Snapshot = {}
    for table in exported_tables():
        raw_rows = tables.get(table.name, [])
        result[table.name] = _rows(table, raw_rows, f"tables.{table.name}")
    _check_references(result)
    return result


def _check_header(root: dict[str, Any]) -> None:
    if root.get("format") != FORMAT_NAME:
        raise ImportRefusedError(ImportProblem.NOT_AN_EXPORT, where="format", detail=shown(root.get("format", "")))
    version = root.get("format_version")
    if "format_version" not in root:
        _missing("", "format_version")
    if isinstance(version, BadNumber):
        raise ImportRefusedError(ImportProblem.NUMBER_TOO_LARGE, where="format_version", detail=shown(version.text))
    if not _is_integer(version):
        raise ImportRefusedError(ImportProblem.WRONG_TYPE, where="format_version", expected=ValueKind.INTEGER)
    if version > FORMAT_VERSION:
        raise ImportRefusedError(
            ImportProblem.NEWER_VERSION, where="format_version", detail=str(version), limit=FORMAT_VERSION
        )
    if version < 1:
        raise ImportRefusedError(ImportProblem.BAD_VALUE, where="format_version", detail=str(version))
    for key, length in TOP_LEVEL_TEXT_KEYS.items():
        if key in root:
            _text(root[key], key, length)
    revision = root.get("schema_revision")
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise ImportRefusedError(ImportProblem.NEWER_VERSION, where="schema_revision", detail=shown(revision))
    for key in root:
        if key not in TOP_LEVEL_KEYS:
            raise ImportRefusedError(ImportProblem.UNKNOWN_KEY, where="", detail=shown(key))


def _rows(table: Table, raw_rows: Any, where: str) -> list[Row]:
    if isinstance(raw_rows, DuplicateKey) or not isinstance(raw_rows, list):
        _wrong(raw_rows, where, ValueKind.LIST)
    rules = [column_rule(table, column) for column in table.columns]
    names = {rule.name for rule in rules}
    key_columns = [column.name for column in table.primary_key.columns]
    seen: set[tuple[Any, ...]] = set()
    rows: list[Row] = []
    for index, raw in enumerate(raw_rows):
        place = f"{where}[{index}]"
        raw_row = _object(raw, place)
        for key in raw_row:
            if key not in names:
                raise ImportRefusedError(ImportProblem.UNKNOWN_KEY, where=place, detail=shown(key))
        row: Row = {}
        for rule in rules:
            if rule.name in raw_row:
                row[rule.name] = _value(rule, raw_row[rule.name], f"{place}.{rule.name}")
            elif rule.required or (rule.name == "id" and has_own_id(table)):
                _missing(place, rule.name)
        key = tuple(row[name] for name in key_columns)
        if key in seen:
            raise ImportRefusedError(ImportProblem.DUPLICATE_ID, where=place, detail=", ".join(map(str, key)))
        seen.add(key)
        rows.append(row)
    return rows


def _check_references(snapshot: Snapshot) -> None:
    ids = {table.name: {row["id"] for row in snapshot[table.name]} for table in exported_tables() if has_own_id(table)}
    for table in exported_tables():
        rules = [column_rule(table, column) for column in table.columns if column.foreign_keys]
        for index, row in enumerate(snapshot[table.name]):
            for rule in rules:
                value = row.get(rule.name)
                if value is not None and value not in ids.get(rule.references or "", set()):
                    raise ImportRefusedError(
                        ImportProblem.MISSING_REFERENCE,
                        where=f"tables.{table.name}[{index}].{rule.name}",
                        detail=f"{rule.references} {value}",
                    )


def _value(rule: ColumnRule, value: Any, where: str) -> Any:
    if isinstance(value, BadNumber):
        raise ImportRefusedError(ImportProblem.NUMBER_TOO_LARGE, where=where, detail=shown(value.text))
    if value is None:
        if rule.nullable:
            return None
        _wrong(value, where, rule.kind)
    if rule.kind is ValueKind.INTEGER:
        if not _is_integer(value):
            _wrong(value, where, rule.kind)
        return value
    if rule.kind is ValueKind.BOOLEAN:
        if not isinstance(value, bool):
            _wrong(value, where, rule.kind)
        return value
    text = _text(value, where, rule.max_length, rule.kind)
    if rule.kind is ValueKind.DATE:
        return _parse(_DATE, date.fromisoformat, text, where, rule.kind)
    if rule.kind is ValueKind.DATETIME:
        return _parse(_DATETIME, datetime.fromisoformat, text, where, rule.kind)
    if rule.choices is not None and text not in rule.choices:
        raise ImportRefusedError(ImportProblem.BAD_VALUE, where=where, detail=shown(text))
    return text


def _text(value: Any, where: str, max_length: int | None, kind: ValueKind = ValueKind.TEXT) -> str:
    if not isinstance(value, str):
        _wrong(value, where, kind)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportRefusedError(ImportProblem.BAD_TEXT, where=where, detail="lone surrogate") from None
    if "\x00" in value:
        raise ImportRefusedError(ImportProblem.BAD_TEXT, where=where, detail="NUL character")
    if max_length is not None and len(value) > max_length:
        raise ImportRefusedError(ImportProblem.TEXT_TOO_LONG, where=where, detail=str(len(value)), limit=max_length)
    return value


def _parse(pattern: re.Pattern[str], parse: Any, text: str, where: str, kind: ValueKind) -> Any:
    if pattern.match(text):
        try:
            return parse(text)
        except ValueError:
            pass
    raise ImportRefusedError(ImportProblem.BAD_VALUE, where=where, detail=shown(text), expected=kind)


def _object(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, DuplicateKey):
        raise ImportRefusedError(ImportProblem.DUPLICATE_KEY, where=where, detail=shown(value.key))
    if not isinstance(value, dict):
        _wrong(value, where, ValueKind.OBJECT)
    for key, item in value.items():
        if isinstance(item, DuplicateKey):
            raise ImportRefusedError(ImportProblem.DUPLICATE_KEY, where=_join(where, key), detail=shown(item.key))
    return value


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _wrong(value: Any, where: str, expected: ValueKind) -> None:
    if isinstance(value, BadNumber):
        raise ImportRefusedError(ImportProblem.NUMBER_TOO_LARGE, where=where, detail=shown(value.text))
    raise ImportRefusedError(ImportProblem.WRONG_TYPE, where=where, expected=expected)


def _missing(where: str, key: str) -> Any:
    raise ImportRefusedError(ImportProblem.MISSING_KEY, where=where, detail=key)


def _join(where: str, key: str) -> str:
    return f"{where}.{shown(key)}" if where else shown(key)
