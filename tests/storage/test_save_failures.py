"""A write the disk refuses raises SaveFailedError; nothing saved earlier is harmed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop_app.storage.database import Database
from desktop_app.storage.errors import SaveFailedError, SaveProblem
from desktop_app.storage.integrity import check_database
from desktop_app.storage.interviews import create_interview, list_interview_summaries
from tests.non_root import hand_over, non_root_runner

ROOT = Path(__file__).resolve().parents[2]


def _limit_pages(db: Database, extra_pages: int) -> Callable[..., None]:
    """Cap the file at its current size plus ``extra_pages``; returns the listener to remove."""
    pages = int(db.pragma("page_count"))  # type: ignore[call-overload]
    db.engine.dispose()

    def cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(db.engine, "connect", cap)
    return cap


def test_a_full_disk_raises_save_failed_and_keeps_earlier_records(db: Database) -> None:
    create_interview(db, "Saved before the disk filled up")
    cap = _limit_pages(db, 2)
    saved = []
    with pytest.raises(SaveFailedError) as failure:
        for n in range(200):
            create_interview(db, f"Filling {n}", notes="x" * 2000)
            saved.append(f"Filling {n}")
    assert failure.value.problem is SaveProblem.DISK_FULL
    companies = [summary.company for summary in list_interview_summaries(db)]
    # Everything saved before is there; the refused interview left nothing half-written.
    assert companies == ["Saved before the disk filled up", *saved]
    assert check_database(db.path).ok
    # Space is freed: the same save now works.
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    create_interview(db, "After space was freed")
    assert list_interview_summaries(db)[-1].company == "After space was freed"


def test_a_read_only_folder_raises_save_failed_then_saves_when_writable_again() -> None:
    runner = non_root_runner()
    if runner is None:
        pytest.skip("running as root without setpriv: file modes would not apply, so the case proves nothing")
    folder = Path(tempfile.mkdtemp(prefix="bounceback-readonly-"))
    try:
        hand_over(runner, folder)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)}
        done = subprocess.run(
            [*runner, sys.executable, "-m", "tests.storage.readonly_child", str(folder / "data")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result["uid"] != 0
    assert result["refused"] == SaveProblem.READ_ONLY.value
    assert result["companies"] == ["Before", "After"]
