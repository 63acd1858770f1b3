"""Export every record to one JSON document (format: docs/export-format.md)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core.exchange import FORMAT_NAME, FORMAT_VERSION
from desktop_app.storage.database import Database
from desktop_app.storage.exchange.files import write_private_file
from desktop_app.storage.exchange.tables import Snapshot, read_snapshot, to_json_value
from desktop_app.storage.schema import HEAD_REVISION


def build_document(snapshot: Snapshot, now: datetime | None = None) -> dict[str, Any]:
    """The export document for a snapshot of the database."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_revision": HEAD_REVISION,
        "exported_at": (now or datetime.now()).replace(microsecond=0).isoformat(),
        "tables": {
            name: [{key: to_json_value(value) for key, value in row.items()} for row in rows]
            for name, rows in snapshot.items()
        },
    }


def encode_document(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, indented so a person can read it; non-ASCII text kept as is."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def export_json(db: Database, target: Path) -> dict[str, int]:
    """Write the whole database to ``target``; return how many records each table had."""
    snapshot = read_snapshot(db)
    write_private_file(target, encode_document(build_document(snapshot)))
    return {name: len(rows) for name, rows in snapshot.items()}
