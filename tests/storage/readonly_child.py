"""Run as a non-root user by test_save_failures: a save into a folder made read-only must
raise SaveFailedError, leave earlier records intact, and succeed once the folder is writable.

Prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop_app.paths import DataPaths
from desktop_app.storage.errors import SaveFailedError
from desktop_app.storage.interviews import create_interview, list_interview_summaries
from desktop_app.storage.migrate import open_database


def main(folder: Path) -> dict[str, object]:
    paths = DataPaths(folder)
    db = open_database(paths)
    create_interview(db, "Before")
    db.close()  # checkpoint: everything is in the main file, no -wal left
    db = open_database(paths)
    result: dict[str, object] = {"uid": os.getuid()}
    for path in [paths.database, *folder.glob("bounceback.sqlite3-*")]:
        path.chmod(0o400)
    folder.chmod(0o500)
    db.engine.dispose()  # new connections see the new permissions
    try:
        create_interview(db, "While read-only")
        result["refused"] = None
    except SaveFailedError as error:
        result["refused"] = error.problem.value
    folder.chmod(0o700)
    for path in [paths.database, *folder.glob("bounceback.sqlite3-*")]:
        path.chmod(0o600)
    db.engine.dispose()
    create_interview(db, "After")
    result["companies"] = [summary.company for summary in list_interview_summaries(db)]
    db.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
