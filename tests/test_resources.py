"""The desktop integration files that ship in resources/ (menu entry, AppStream metainfo, icons)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.paths import resource_root

RESOURCES = Path(str(resource_root()))
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = run("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_describes_this_app_and_lists_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.find("launchable").text == DESKTOP_FILE.name
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == __version__, "the newest release in the metainfo must be this version"


def test_desktop_file_uses_the_app_id_icon_and_script() -> None:
    keys = dict(line.split("=", 1) for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert keys["Icon"] == APP_ID
    assert keys["Exec"] == "bounceback"
    assert keys["StartupWMClass"] == APP_NAME


def test_the_metainfo_release_is_the_changelogs_newest_version() -> None:
    """Software centres show the same release, with the same date, as CHANGELOG.md and --version."""
    changelog = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = next(line for line in changelog.splitlines() if line.startswith("## "))
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest is not None
    assert heading == f"## {newest.get('version')} — {newest.get('date')}"
    assert newest.get("version") == __version__
