"""Running a test's child process as an unprivileged user, so file modes really apply (root ignores them)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path


def non_root_runner() -> list[str] | None:
    """A command prefix that runs as an unprivileged user ([] if we already are one), or None if impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        if shutil.which("useradd") is None:
            return None
        subprocess.run(["useradd", "--system", "--no-create-home", "bounceback-test"], check=True)
        user = pwd.getpwnam("bounceback-test")
    return [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]


def hand_over(runner: list[str], *paths: Path) -> None:
    """Give ``paths`` to the runner's user (nothing to do when not running as root)."""
    if not runner:
        return
    uid, gid = (int(option.split("=")[1]) for option in runner[1:3])
    for path in paths:
        os.chown(path, uid, gid)
