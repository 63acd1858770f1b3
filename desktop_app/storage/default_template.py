"""Reads the checklist template that ships with the app (resources/templates)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop_app.paths import resource_root


@dataclass(frozen=True)
class TemplateEntry:
    section: str
    text: str
    due_offset_days: int | None


def load_default_template() -> list[TemplateEntry]:
    """The shipped default checklist template, in order."""
    source = resource_root() / "templates" / "default_checklist.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    return [TemplateEntry(item["section"], item["text"], item.get("due_offset_days")) for item in data["items"]]
