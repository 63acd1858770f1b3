"""Start-up's desktop identity: the menu-entry options and the window icon."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app import APP_ID
from desktop_app.app import main, make_application
from desktop_app.desktop_entry import ICON_SIZES
from desktop_app.paths import ENV_DATA_DIR


def test_install_and_uninstall_options_touch_only_the_menu_entry(capsys: pytest.CaptureFixture[str]) -> None:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    desktop_file = data_home / "applications" / f"{APP_ID}.desktop"

    assert main(["--install-desktop-entry"]) == 0
    assert desktop_file.exists()
    assert "bounceback --uninstall-desktop-entry" in capsys.readouterr().out
    assert not Path(os.environ[ENV_DATA_DIR]).exists(), "installing the menu entry must not create a data folder"

    assert main(["--uninstall-desktop-entry"]) == 0
    assert not desktop_file.exists()
    assert not [path for path in data_home.rglob("*") if path.is_file()]
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_install_into_an_unwritable_place_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))

    assert main(["--install-desktop-entry"]) == 1
    assert "bounceback: error:" in capsys.readouterr().err


def test_options_cannot_be_combined(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--install-desktop-entry", "--uninstall-desktop-entry"])
    assert exit_info.value.code == 2


def test_application_has_the_app_icon_in_every_size(qapp) -> None:
    app = make_application()
    sizes = {(size.width(), size.height()) for size in app.windowIcon().availableSizes()}
    assert sizes == {(size, size) for size in ICON_SIZES}
    assert app.desktopFileName() == APP_ID
