"""Reading an import file into Python values, refusing anything unsafe before parsing it.

The checks run from cheapest to dearest: the size, UTF-8, how deeply brackets nest (so
the parser can never run out of stack), then JSON itself. Numbers too large for the
database and ``NaN``/``Infinity`` are not refused here but turned into markers, so the
validator can name the place in the file where they stand; the same for keys that occur
twice in one object.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.exchange import INTEGER_RANGE, MAX_IMPORT_BYTES, MAX_NESTING, ImportProblem, ImportRefusedError

_UTF8_BOM = b"\xef\xbb\xbf"
_BRACKETS_AND_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_MAX_INTEGER_DIGITS = 20


@dataclass(frozen=True)
class BadNumber:
    """A number the database cannot hold (too large, NaN or infinite), as written."""

    text: str


@dataclass(frozen=True)
class DuplicateKey:
    """An object in which ``key`` occurs more than once."""

    key: str


def read_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The file's bytes, refusing it without reading it all if it is over ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportRefusedError(ImportProblem.TOO_LARGE, detail=str(size), limit=limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportRefusedError(ImportProblem.UNREADABLE, detail=exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise ImportRefusedError(ImportProblem.TOO_LARGE, detail=str(len(data)), limit=limit)
    return data


def parse_document(data: bytes, limit: int = MAX_IMPORT_BYTES) -> Any:
    """Decode and parse ``data``; raise :class:`ImportRefusedError` naming the line where it can."""
    if len(data) > limit:
        raise ImportRefusedError(ImportProblem.TOO_LARGE, detail=str(len(data)), limit=limit)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(data, exc.start)
        raise ImportRefusedError(
            ImportProblem.NOT_UTF8, line=line, column=column, detail=data[exc.start : exc.start + 4].hex(" ")
        ) from None
    _check_nesting(text)
    try:
        return json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=BadNumber,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as exc:
        raise ImportRefusedError(ImportProblem.NOT_JSON, line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    except RecursionError:
        raise ImportRefusedError(ImportProblem.TOO_DEEP, limit=MAX_NESTING) from None


def _check_nesting(text: str) -> None:
    depth = 0
    for match in _BRACKETS_AND_STRINGS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - text.rfind("\n", 0, match.start())
                raise ImportRefusedError(ImportProblem.TOO_DEEP, line=line, column=column, limit=MAX_NESTING)
        elif token in "]}":
            depth = max(depth - 1, 0)


def _parse_int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > _MAX_INTEGER_DIGITS:
        return BadNumber(text)
    value = int(text)
    if not INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1]:
        return BadNumber(text)
    return value


def _parse_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any] | DuplicateKey:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            return DuplicateKey(key)
        result[key] = value
    return result


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - data.rfind(b"\n", 0, offset)
    return line, column
