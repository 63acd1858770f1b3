"""The export file format's fixed facts, and what an import reports back.

The format itself is described in ``docs/export-format.md``. These names are shared by
the storage code that reads and writes the files and the UI that explains the outcome;
none of them is shown to a person as is (the UI translates ``ImportProblem`` values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

FORMAT_NAME = "bounceback-export"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_NESTING = 16
MAX_TEXT_LENGTH = 1_000_000
INTEGER_RANGE = (-(2**63), 2**63 - 1)


class ImportProblem(Enum):
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    NOT_JSON = "not_json"
    TOO_DEEP = "too_deep"
    NOT_AN_EXPORT = "not_an_export"
    NEWER_VERSION = "newer_version"
    UNKNOWN_KEY = "unknown_key"
    MISSING_KEY = "missing_key"
    DUPLICATE_KEY = "duplicate_key"
    WRONG_TYPE = "wrong_type"
    NUMBER_TOO_LARGE = "number_too_large"
    TEXT_TOO_LONG = "text_too_long"
    BAD_TEXT = "bad_text"
    BAD_VALUE = "bad_value"
    DUPLICATE_ID = "duplicate_id"
    MISSING_REFERENCE = "missing_reference"
    REFUSED_BY_DATABASE = "refused_by_database"


class ValueKind(Enum):
    """What a place in the file must hold; named in a refusal message."""

    OBJECT = "object"
    LIST = "list"
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(eq=False)
class ImportRefusedError(Exception):
    """The file was not imported and the database was not changed.

    ``where`` is a JSON path (``tables.interviews[2].company``); ``line`` and ``column``
    (counted from 1) place problems found before the file could be parsed; ``expected``
    names the kind of value that belonged there; ``limit`` is the limit that was exceeded
    (bytes, characters, nesting levels or a format version); ``detail`` is a key name,
    a value or the database's own message.
    """

    problem: ImportProblem
    where: str = ""
    detail: str = ""
    expected: ValueKind | None = None
    limit: int | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.problem.value.replace("_", " ")]
        if self.where:
            parts.append(f"at {self.where}")
        if self.line is not None:
            parts.append(f"at line {self.line}, column {self.column}")
        if self.expected is not None:
            parts.append(f"(expected {self.expected.value})")
        if self.limit is not None:
            parts.append(f"(limit {self.limit})")
        if self.detail:
            parts.append(f": {self.detail}")
        return " ".join(parts)


@dataclass(frozen=True)
class ImportSummary:
    """What an import added, per table, in the order the tables were written.

    ``restored`` is True when the database held nothing of the user's before, so the
    file was taken over exactly, record numbers included. ``skipped`` counts rows that
    were already present (only for seeded tables such as the checklist template).
    """

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    restored: bool = False
    backup_name: str = ""

    @property
    def total(self) -> int:
        return sum(self.added.values())
