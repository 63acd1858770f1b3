"""Run ``bounceback --data-dir DIR`` as a second start, recording whether it touched the database.

Prints ``opened-database`` if anything tried to open the database file, then the exit code.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app import app
from desktop_app.storage import file_check, migrate


def _tripwire(*_args: object, **_kwargs: object) -> None:
    print("opened-database", flush=True)
    raise SystemExit(90)


migrate.open_database = _tripwire  # type: ignore[assignment]
file_check.precheck = _tripwire  # type: ignore[assignment]
file_check.check_existing_file = _tripwire  # type: ignore[assignment]

if __name__ == "__main__":
    code = app.main(["--data-dir", sys.argv[1]])
    print(f"exit {code}", flush=True)
    sys.exit(code)
