"""The one place that knows where Bounceback keeps its files.

Wraps appdirs for the per-user data folder, honours ``--data-dir`` and the
``BOUNCEBACK_DATA_DIR`` environment variable, and creates folders and files
with private permissions (folders 0700, files 0600).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import appdirs

from desktop_app import APP_NAME

ENV_DATA_DIR = "BOUNCEBACK_DATA_DIR"
DATABASE_NAME = "bounceback.sqlite3"
DIR_MODE = 0o700
FILE_MODE = 0o600


def default_data_dir() -> Path:
    """The platform's per-user data folder for Bounceback."""
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Pick the data folder: the command line first, then the environment, then appdirs."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env_value = os.environ.get(ENV_DATA_DIR)
    if env_value:
        return Path(env_value).expanduser().absolute()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """Every file Bounceback writes, relative to one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    @property
    def lock(self) -> Path:
        return self.root / "bounceback.lock"

    @property
    def running_marker(self) -> Path:
        """Present while the app runs; left behind by a crash or power cut."""
        return self.root / "running"

    def ensure_root(self) -> None:
        """Create the data folder (0700) if needed; raise OSError if it cannot be written."""
        ensure_private_dir(self.root)
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied", str(self.root))

    def ensure_backups(self) -> Path:
        ensure_private_dir(self.backups)
        return self.backups


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` and its missing parents, the leaf with mode 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600; fail if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (0600)."""
    if path.exists() and path.stat().st_mode & 0o177:
        path.chmod(FILE_MODE)


def resource_root() -> Traversable:
    """The shipped resources (icons, templates, desktop files).

    In a wheel the top-level ``resources/`` folder is installed as the package
    ``desktop_app.resources``; in a source checkout it is read in place.
    """
    try:
        return resources.files("desktop_app.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def fsync_file(path: Path) -> None:
    """Push a file's contents to the disk."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
