"""Export and import of whole files, shared by the File menu and the command line.

Only QtCore is used (translations, locale), so the command line needs no display.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.exchange import ImportSummary
from desktop_app.storage.database import Database
from desktop_app.storage.exchange.files import write_private_file
from desktop_app.storage.exchange.json_export import export_json
from desktop_app.storage.exchange.json_import import import_json
from desktop_app.storage.exchange.tables import read_snapshot
from desktop_app.ui.safety.markdown_export import render_markdown


def export_markdown(db: Database, target: Path) -> None:
    write_private_file(target, render_markdown(read_snapshot(db)).encode("utf-8"))


def export_file(db: Database, target: Path, markdown: bool) -> None:
    """Write the Markdown or JSON export to ``target`` (0600, replaced atomically)."""
    if markdown:
        export_markdown(db, target)
    else:
        export_json(db, target)


def import_file(db: Database, source: Path) -> ImportSummary:
    return import_json(db, source)
