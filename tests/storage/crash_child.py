"""A child process for the kill -9 tests: saves records (or migrates) and reports each commit.

Run as ``python -m tests.storage.crash_child save DATA_DIR RUN`` or
``python -m tests.storage.crash_child migrate DATA_DIR``. Every line it prints is flushed
after the commit it reports, so the parent knows what must survive a SIGKILL.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy import Engine, event

from desktop_app.paths import DataPaths
from desktop_app.storage import migrate
from desktop_app.storage.models import ChecklistItem, Interview


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def save_forever(paths: DataPaths, run: str) -> None:
    report("start")
    db = migrate.open_database(paths)
    report("open")
    number = 0
    while True:
        with db.session() as session:
            interview = Interview(company=f"{run}-{number}", notes="n" * (number % 5000))
            interview.checklist.append(ChecklistItem(section="Research", text=f"item of {run}-{number}"))
            session.add(interview)
        report(f"saved {run}-{number}")
        number += 1


def migrate_slowly(paths: DataPaths, pause: float) -> None:
    """Open (and so migrate) the database with a pause before every SQL statement."""
    real_make_engine = migrate.make_engine

    def slow_engine(path: Path) -> Engine:
        engine = real_make_engine(path)

        @event.listens_for(engine, "before_cursor_execute")
        def _pause(*_args: object) -> None:
            time.sleep(pause)

        @event.listens_for(engine, "begin")
        def _began(*_args: object) -> None:
            report("begin")

        @event.listens_for(engine, "commit")
        def _committed(*_args: object) -> None:
            report("commit")

        return engine

    real_upgrade = migrate.upgrade

    def reported_upgrade(engine: Engine, path: Path, target: str = "head") -> None:
        report("upgrade")
        real_upgrade(engine, path, target)

    migrate.make_engine = slow_engine
    migrate.upgrade = reported_upgrade
    report("start")
    migrate.open_database(paths).close()
    report("done")


if __name__ == "__main__":
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "save":
        save_forever(DataPaths(folder), sys.argv[3])
    else:
        migrate_slowly(DataPaths(folder), float(sys.argv[3]))
