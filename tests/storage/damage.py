"""Ways a database file gets damaged in real life, applied to a closed database file."""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path


def _page_size_and_root(path: Path, name: str) -> tuple[int, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]
    finally:
        connection.close()
    return page_size, root


def _overwrite_page(path: Path, name: str, data: Callable[[int], bytes]) -> None:
    page_size, root = _page_size_and_root(path, name)
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(data(page_size))


def truncate_to_half(path: Path) -> None:
    """A copy or a write cut short (full disk, pulled USB stick)."""
    os.truncate(path, path.stat().st_size // 2)


def empty_file(path: Path) -> None:
    """The file is still there but has no bytes (a failed save by some other tool)."""
    os.truncate(path, 0)


def garbage_header(path: Path) -> None:
    """The first bytes are overwritten: it no longer looks like SQLite at all."""
    with path.open("r+b") as handle:
        handle.write(random.Random(7).randbytes(100))


def foreign_database(path: Path) -> None:
    """Another program's SQLite file under our name (its application_id is not ours)."""
    with path.open("r+b") as handle:
        handle.seek(68)
        handle.write(b"\x00\x00\x00\x2a")


def scribbled_table_page(path: Path) -> None:
    """Random bytes over the interviews table's page (bad sector, stray write)."""
    noise = random.Random(20261122)
    _overwrite_page(path, "interviews", lambda size: b"\x0d" + noise.randbytes(size - 1))


def zeroed_index_page(path: Path) -> None:
    """An index page filled with zeros: the table is intact, its index is not."""
    _overwrite_page(path, "ix_interviews_scheduled_at", lambda size: bytes(size))


def broken_links(path: Path) -> None:
    """Rows whose parent is gone (written by a tool with foreign keys switched off)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO checklist_items (interview_id, section, section_position, text, done, position, origin,"
            " origin_note) VALUES (9999, 'Research', 0, 'orphan', 0, 0, 'user', '')"
        )
    finally:
        connection.close()


def missing_file(path: Path) -> None:
    """The database file was deleted (or moved away by a sync tool)."""
    path.unlink()


VARIANTS: dict[str, Callable[[Path], None]] = {
    "truncated to half": truncate_to_half,
    "0-byte file": empty_file,
    "garbage header": garbage_header,
    "another program's database": foreign_database,
    "scribbled table page": scribbled_table_page,
    "zeroed index page": zeroed_index_page,
    "rows with missing parents": broken_links,
    "file deleted": missing_file,
}
