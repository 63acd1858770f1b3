"""Writing an export file safely: a private temporary file, fsynced, then renamed into place."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.paths import FILE_MODE, fsync_dir


def write_private_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (mode 0600) so a crash never leaves half a file there."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
