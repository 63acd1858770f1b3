"""Why a database could not be opened, in terms the start-up code can explain to a person."""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class Problem(Enum):
    EMPTY_FILE = "empty_file"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    CORRUPT = "corrupt"
    TOO_NEW = "too_new"
    UNWRITABLE = "unwritable"
    MIGRATION_FAILED = "migration_failed"
    BACKUP_FAILED = "backup_failed"
    MISSING = "missing"


class DatabaseOpenError(Exception):
    """The database at ``path`` cannot be used; it has been left exactly as it was."""

    def __init__(self, problem: Problem, path: Path, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {path}: {detail}")
        self.problem = problem
        self.path = path
        self.detail = detail


class SaveProblem(Enum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    IO_ERROR = "io_error"
    BUSY = "busy"
    DAMAGED = "damaged"


class SaveFailedError(Exception):
    """A change could not be written; everything saved before it is untouched.

    UI code catches this to tell the person their last change is not saved yet and to
    try again later; ``problem`` says why in terms that can be explained.
    """

    def __init__(self, problem: SaveProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail
