"""Where the data lives: command line first, then the environment, then the platform's folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from desktop_app.paths import ENV_DATA_DIR, DataPaths, default_data_dir, resolve_data_dir, resource_root


def test_command_line_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env"


def test_default_is_the_platform_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_DATA_DIR)
    assert resolve_data_dir(None) == default_data_dir()
    assert default_data_dir().name == "Bounceback"
    assert str(default_data_dir()).startswith(str(tmp_path / "home"))


def test_data_folder_is_private(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "a" / "b")
    paths.ensure_root()
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700


def test_shipped_template_is_found() -> None:
    assert (resource_root() / "templates" / "default_checklist.json").is_file()
