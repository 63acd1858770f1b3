"""The menu entry a pip user installs with ``--install-desktop-entry`` (no Qt needed)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app import APP_ID
from desktop_app.desktop_entry import (
    ICON_SIZES,
    install_desktop_entry,
    installed_files,
    launcher_command,
    uninstall_desktop_entry,
    user_data_home,
    window_icon_paths,
)
from desktop_app.paths import resource_root


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def desktop_keys(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_data_home_follows_xdg_and_falls_back_to_local_share(tmp_path: Path) -> None:
    assert user_data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert user_data_home({"XDG_DATA_HOME": "relative/ignored"}) == Path.home() / ".local" / "share"
    assert user_data_home({}) == Path.home() / ".local" / "share"


def test_install_writes_menu_entry_and_every_icon(data_home: Path) -> None:
    written = install_desktop_entry(command=["/opt/tools/bounceback"])

    desktop_file = data_home / "applications" / f"{APP_ID}.desktop"
    assert sorted(written) == sorted(installed_files(data_home))
    keys = desktop_keys(desktop_file)
    assert keys["Exec"] == "/opt/tools/bounceback"
    assert keys["TryExec"] == "/opt/tools/bounceback"
    assert keys["Icon"] == APP_ID
    assert keys["Name"] == "Bounceback"
    for size in ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size)
    svg = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (resource_root() / "icons" / "hicolor" / "scalable" / "apps" / svg.name).read_bytes()
    assert not [path for path in data_home.rglob("*") if path.name.endswith(".tmp")]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_installed_entry_is_valid_with_awkward_paths(data_home: Path) -> None:
    install_desktop_entry(command=["/home/ann/my apps/100% $HOME/bounceback", "--data-dir", 'C:\\"x"'])
    result = subprocess.run(
        ["desktop-file-validate", str(data_home / "applications" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.skipif(not shutil.which("gio"), reason="GLib's gio tool not installed")
def test_menu_entry_launches_the_command_with_its_arguments(data_home: Path, tmp_path: Path) -> None:
    """Start the entry the way a GLib-based menu does; the script must get its arguments intact."""
    folder = tmp_path / "odd folder $HOME"
    folder.mkdir()
    marker = tmp_path / "launched.txt"
    script = folder / "bounceback"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{marker}"\n', encoding="utf-8")
    script.chmod(0o755)
    install_desktop_entry(command=[str(script), "--data-dir", "a b 50% $HOME"])

    subprocess.run(["gio", "launch", str(data_home / "applications" / f"{APP_ID}.desktop")], check=True, timeout=30)

    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.read_text(encoding="utf-8").splitlines() == ["--data-dir", "a b 50% $HOME"]


def test_uninstall_removes_exactly_what_install_wrote(data_home: Path) -> None:
    other_app = data_home / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    other_app.parent.mkdir(parents=True)
    other_app.write_bytes(b"someone else's icon")
    other_entry = data_home / "applications" / "org.example.Other.desktop"
    other_entry.parent.mkdir(parents=True)
    other_entry.write_text("[Desktop Entry]\n", encoding="utf-8")

    written = install_desktop_entry(command=["/usr/bin/bounceback"])
    removed = uninstall_desktop_entry()

    assert sorted(removed) == sorted(written)
    assert not [path for path in written if path.exists()]
    assert other_app.read_bytes() == b"someone else's icon"
    assert other_entry.exists()
    assert uninstall_desktop_entry() == []


def test_window_icons_are_the_shipped_pngs_in_every_size() -> None:
    paths = window_icon_paths()
    assert [png_size(path) for path in paths] == [(size, size) for size in ICON_SIZES]
    assert all(path.name == f"{APP_ID}.png" for path in paths)


def test_launcher_is_the_bounceback_script_that_was_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "venv bin" / "bounceback"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "--install-desktop-entry"])
    assert launcher_command() == [str(script)]


def test_launcher_falls_back_to_this_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["-c"])
    monkeypatch.setattr(sys, "executable", "/nonexistent/python3")
    monkeypatch.setattr("desktop_app.desktop_entry.sysconfig.get_path", lambda *args: "/nonexistent/bin")
    monkeypatch.setattr("desktop_app.desktop_entry.shutil.which", lambda name: None)
    assert launcher_command() == ["/nonexistent/python3", "-m", "desktop_app"]
