"""Holds a data folder's lock like a running Bounceback that does not answer, until killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile

if __name__ == "__main__":
    lock = QLockFile(str(Path(sys.argv[1]) / "bounceback.lock"))
    assert lock.tryLock(1000)
    print("locked", flush=True)
    time.sleep(120)
