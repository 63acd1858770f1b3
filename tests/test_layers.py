"""The layering rules: core knows neither Qt nor SQLAlchemy, storage knows no Qt, ui builds no queries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"
FORBIDDEN = {
    "core": ("PySide6", "shiboken6", "sqlalchemy", "alembic", "desktop_app.storage", "desktop_app.ui"),
    "storage": ("PySide6", "shiboken6", "desktop_app.ui"),
    "ui": ("sqlalchemy", "alembic"),
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules found in desktop_app/{layer}"
    offences = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_rule_check_catches_an_offence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlalchemy.orm\nfrom PySide6.QtCore import Qt\n", encoding="utf-8")
    assert imported_modules(sample) == {"sqlalchemy.orm", "PySide6.QtCore"}
