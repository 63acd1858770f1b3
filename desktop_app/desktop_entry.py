"""Puts Bounceback in the user's desktop menu after a pip install, and finds the window icon.

A pip install puts the ``bounceback`` script on disk but nothing in the menu.
``bounceback --install-desktop-entry`` writes the shipped ``.desktop`` file, with
``Exec`` pointing at that script, and the hicolor icons into ``$XDG_DATA_HOME``
(``~/.local/share`` by default); ``--uninstall-desktop-entry`` removes exactly
those files and nothing else. The ``.deb`` installs the same files system-wide
instead. No Qt here: this runs before any Qt start-up.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path

from desktop_app import APP_ID
from desktop_app.paths import resource_root

SCRIPT_NAME = "bounceback"
DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_INSIDE_QUOTES = set('"`$\\')


def user_data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if it is set to an absolute path, else ``~/.local/share``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def icon_resources() -> list[tuple[str, Traversable]]:
    """Every shipped icon as (path relative to a ``share`` folder, resource)."""
    hicolor = resource_root() / "icons" / "hicolor"
    icons = [
        (f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png", hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
        for size in ICON_SIZES
    ]
    icons.append((f"icons/hicolor/scalable/apps/{APP_ID}.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg"))
    return icons


def window_icon_paths() -> list[Path]:
    """The PNG icons, smallest first, for ``QIcon.addFile`` (so no SVG plugin is needed)."""
    paths = []
    for relative, resource in icon_resources():
        if relative.endswith(".png") and resource.is_file():
            paths.append(_on_disk(resource))
    return paths


def launcher_command() -> list[str]:
    """The command a menu entry should run to start this installation of Bounceback."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    candidates = [
        Path(sys.argv[0]) if sys.argv and Path(sys.argv[0]).name == SCRIPT_NAME else None,
        Path(sys.executable).parent / SCRIPT_NAME,
        Path(sysconfig.get_path("scripts")) / SCRIPT_NAME,
        Path(sysconfig.get_path("scripts", f"{os.name}_user")) / SCRIPT_NAME,
    ]
    found = shutil.which(SCRIPT_NAME)
    candidates.append(Path(found) if found else None)
    for candidate in candidates:
        if candidate is not None and candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "desktop_app"]


def exec_line(command: list[str]) -> str:
    """``command`` as the value of an ``Exec`` key, quoted and escaped as the spec asks."""
    return " ".join(_quote_exec_argument(argument) for argument in command)


def desktop_entry_text(command: list[str]) -> str:
    """The shipped desktop file with ``Exec`` (and ``TryExec``) set to ``command``."""
    template = (resource_root() / DESKTOP_FILE_NAME).read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines.append(f"TryExec={_escape_string_value(command[0])}")
            lines.append(f"Exec={exec_line(command)}")
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(data_home: Path) -> list[Path]:
    """Every file ``install_desktop_entry`` writes under ``data_home``."""
    files = [data_home / "applications" / DESKTOP_FILE_NAME]
    files.extend(data_home / relative for relative, _ in icon_resources())
    return files


def install_desktop_entry(data_home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the menu entry and icons under ``data_home``; return the files written."""
    home = user_data_home() if data_home is None else data_home
    written = []
    for relative, resource in icon_resources():
        target = home / relative
        _write_file(target, resource.read_bytes())
        written.append(target)
    desktop_file = home / "applications" / DESKTOP_FILE_NAME
    _write_file(desktop_file, desktop_entry_text(command or launcher_command()).encode("utf-8"))
    written.append(desktop_file)
    _touch(home / "icons" / "hicolor")
    return written


def uninstall_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Remove the files ``install_desktop_entry`` writes; return those that were there."""
    home = user_data_home() if data_home is None else data_home
    removed = []
    for path in installed_files(home):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if removed:
        _touch(home / "icons" / "hicolor")
    return removed


def run_desktop_entry_option(install: bool) -> int:
    """``--install-desktop-entry`` / ``--uninstall-desktop-entry``: do it, say what changed, exit code."""
    home = user_data_home()
    try:
        if install:
            written = install_desktop_entry(home)
        else:
            removed = uninstall_desktop_entry(home)
    except OSError as error:
        print(f"bounceback: error: {error}", file=sys.stderr)
        return 1
    if install:
        entry = home / "applications" / DESKTOP_FILE_NAME
        print(f"Added Bounceback to the desktop menu: {entry} and {len(written) - 1} icons under {home / 'icons'}.")
        print("To remove them: bounceback --uninstall-desktop-entry")
    elif removed:
        print(f"Removed Bounceback's menu entry and icons ({len(removed)} files under {home}).")
    else:
        print(f"Nothing to remove: no Bounceback menu entry under {home}.")
    return 0


def _quote_exec_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")  # a lone % would start a field code
    if argument and not _RESERVED.intersection(argument):
        return _escape_string_value(argument)
    quoted = "".join("\\" + char if char in _ESCAPED_INSIDE_QUOTES else char for char in argument)
    return _escape_string_value(f'"{quoted}"')


def _escape_string_value(value: str) -> str:
    """Escape a value of type string in a desktop file (backslash first)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _write_file(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` (mode 0644) by renaming a finished temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(content)
    temporary.chmod(0o644)
    os.replace(temporary, target)


def _touch(folder: Path) -> None:
    """Update a folder's time so icon caches notice the change."""
    if folder.is_dir():
        os.utime(folder)


def _on_disk(resource: Traversable) -> Path:
    if isinstance(resource, Path):
        return resource
    raise FileNotFoundError(f"{resource} is not a file on disk")
