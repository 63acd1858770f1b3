"""kill -9 while typing a debrief: what reached the database is what was typed, at most ~1 s behind.

Three child processes (``debrief_crash_child.py``) type continuously into the wizard and are
killed with SIGKILL at random moments. The saved text must be an exact prefix of the typed
text and hold everything the child had typed 1.5 s before the kill (the product promises about
a second; the extra half second absorbs a slow, loaded machine).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage.debriefs import load_debrief
from desktop_app.storage.migrate import open_database
from tests.ui.debrief_crash_child import TEXT_LENGTH
from tests.ui.debrief_helpers import past_interview
from tests.ui.debrief_typing import sample_text

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
RUNS = 3
ALLOWED_LAG = 1.5
"""Seconds of typing before the kill that may be missing (the promise is about one second)."""


@dataclass
class Run:
    paths: DataPaths
    interview_id: int
    kill_after: float
    reports: list[tuple[int, float]] = field(default_factory=list)
    debrief_id: int | None = None
    killed_at: float = 0.0
    errors: str = ""


def run_child(run: Run) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.debrief_crash_child", str(run.paths.root), str(run.interview_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    typing = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            kind, *rest = line.split()
            if kind == "ready":
                run.debrief_id = int(rest[0])
            elif kind == "typed":
                run.reports.append((int(rest[0]), float(rest[1])))
                typing.set()
        typing.set()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert typing.wait(timeout=60), "the child never started typing"
        time.sleep(run.kill_after)
        run.killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        reader.join()
    assert child.stderr is not None
    run.errors = child.stderr.read()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL, f"the child ended early: {run.errors}"


def test_kill_nine_while_typing_loses_at_most_about_a_second(tmp_path: Path) -> None:
    rng = random.Random()
    runs = []
    for number in range(RUNS):
        paths = DataPaths(tmp_path / f"run{number}")
        db = open_database(paths)
        runs.append(Run(paths, past_interview(db, f"Crashco {number}"), kill_after=rng.uniform(2.0, 3.0)))
        db.close()
    threads = [threading.Thread(target=run_child, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
        time.sleep(0.3)  # staggered, so the kills fall at different moments of the autosaver's cycle
    for thread in threads:
        thread.join()

    typed = sample_text(TEXT_LENGTH)
    for run in runs:
        assert run.debrief_id is not None and run.reports, run.errors
        connection = sqlite3.connect(run.paths.database)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        db = open_database(run.paths)
        saved = load_debrief(db, run.debrief_id).what_happened
        db.close()
        first_count, first_time = run.reports[0]
        last_count, last_time = run.reports[-1]
        rate = (last_count - first_count) / max(last_time - first_time, 1e-6)
        must_have = max((count for count, when in run.reports if when <= run.killed_at - ALLOWED_LAG), default=0)
        facts = (
            f"saved {len(saved)} chars, typed at least {last_count} at {rate:.0f} chars/s, "
            f"{must_have} typed {ALLOWED_LAG} s before the kill"
        )
        assert typed.startswith(saved), facts
        assert must_have > 0, f"the child typed too little before the kill to judge: {facts}"
        assert len(saved) >= must_have, facts
        print(facts)
