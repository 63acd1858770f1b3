"""Crash tests: a process saving records or migrating is killed with SIGKILL at random moments.

Every record the child reported as saved must be there afterwards, the file must pass
``integrity_check``, and a migration must leave exactly the old or the new schema.
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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage.database import create_database_file, make_engine
from desktop_app.storage.migrate import open_database, upgrade
from desktop_app.storage.schema import KNOWN_REVISIONS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAVE_RUNS = 50
MIGRATION_RUNS = 50


def _start_child(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(child: subprocess.Popen[str], seconds: float, cue: str = "start") -> list[str]:
    """SIGKILL the child ``seconds`` after it printed ``cue``; return every line it printed."""
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            if line.strip() == cue:
                started.set()
        started.set()

    reader = threading.Thread(target=read)
    reader.start()
    started.wait(timeout=30)
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join()
    assert child.stderr is not None
    errors = child.stderr.read()
    child.stderr.close()
    assert child.returncode in (-signal.SIGKILL, 0 if "done" in lines else None), f"the child failed: {errors}"
    return lines


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def _saved(path: Path) -> dict[str, int]:
    """Company → number of checklist items, for every interview in the file."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT company, (SELECT COUNT(*) FROM checklist_items c WHERE c.interview_id = i.id) FROM interviews i"
        ).fetchall()
    finally:
        connection.close()
    return dict(rows)


def _run_in_two_lanes(runs: int, one_run: Callable[[int], tuple[int, int]]) -> list[tuple[int, int]]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one_run, range(runs)))


def test_records_reported_as_saved_survive_kill_nine(tmp_path: Path) -> None:
    """50 kills; each lane reuses its data folder, so each start also recovers the last crash."""
    lanes = [DataPaths(tmp_path / f"lane{n}") for n in range(2)]
    for paths in lanes:
        open_database(paths).close()
    reported: list[set[str]] = [set(), set()]
    rng = random.Random(9)
    delays = [rng.uniform(0.0, 0.4) for _ in range(SAVE_RUNS)]

    def one_run(run: int) -> tuple[int, int]:
        lane = run % 2
        child = _start_child("save", str(lanes[lane].root), f"r{run}")
        lines = _kill_after(child, delays[run])
        reported[lane] |= {line.removeprefix("saved ") for line in lines if line.startswith("saved ")}
        return len(lines), 0

    _run_in_two_lanes(SAVE_RUNS, one_run)

    lost = 0
    total = 0
    for lane, paths in enumerate(lanes):
        assert _integrity(paths.database) == "ok"
        saved = _saved(paths.database)
        total += len(reported[lane])
        lost += len(reported[lane] - saved.keys())
        # All or nothing: every interview that is there has its checklist item.
        assert set(saved.values()) <= {1}
        db = open_database(paths)
        db.close()
    print(f"kill -9 runs: {SAVE_RUNS}, records reported saved: {total}, lost: {lost}")
    assert total > SAVE_RUNS  # most runs saved something before the kill
    assert lost == 0


def _schema(path: Path) -> tuple[object, ...]:
    connection = sqlite3.connect(path)
    try:
        tables = sorted(connection.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        template = connection.execute("SELECT COUNT(*) FROM checklist_template_items").fetchone()[0]
        companies = [row[0] for row in connection.execute("SELECT company FROM interviews ORDER BY id")]
    finally:
        connection.close()
    return tuple(tables), tuple(version), template, tuple(companies)


def _old_database(folder: Path) -> Path:
    """A database at the first schema revision holding a few interviews."""
    paths = DataPaths(folder)
    paths.ensure_root()
    create_database_file(paths.database)
    engine = make_engine(paths.database)
    upgrade(engine, paths.database, KNOWN_REVISIONS[0])
    with engine.begin() as connection:
        for n in range(5):
            connection.exec_driver_sql(
                "INSERT INTO interviews (company, role, stage, location, interviewers, posting, internal, notes,"
                " outcome) VALUES (?, '', '', '', '', '', 0, '', 'waiting')",
                (f"Old {n}",),
            )
    engine.dispose()
    return paths.database


def test_a_migration_killed_at_any_moment_leaves_the_old_or_the_new_schema(tmp_path: Path) -> None:
    if len(KNOWN_REVISIONS) < 2:
        pytest.skip("only one schema revision: nothing to migrate")
    template = _old_database(tmp_path / "template")
    old = _schema(template)
    finished = tmp_path / "finished"
    finished.mkdir()
    (finished / template.name).write_bytes(template.read_bytes())
    open_database(DataPaths(finished)).close()
    new = _schema(finished / template.name)
    assert old != new

    alembic_lock = threading.Lock()
    rng = random.Random(6)
    delays = [rng.uniform(0.0, 0.5) for _ in range(MIGRATION_RUNS)]

    def one_run(run: int) -> tuple[int, int]:
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        (folder / template.name).write_bytes(template.read_bytes())
        os.chmod(folder / template.name, 0o600)
        lines = _kill_after(_start_child("migrate", str(folder), "0.02"), delays[run], cue="upgrade")
        database = folder / template.name
        assert _integrity(database) == "ok"
        after = _schema(database)
        assert after in (old, new), f"run {run}: half-migrated schema after lines {lines}"
        inside = "upgrade" in lines and "commit" not in lines[lines.index("upgrade") :]
        # Starting again finishes the migration (Alembic is not thread-safe: one at a time).
        with alembic_lock:
            open_database(DataPaths(folder)).close()
        assert _schema(database) == new
        return int(after == new), int(inside)

    results = _run_in_two_lanes(MIGRATION_RUNS, one_run)
    migrated = sum(done for done, _ in results)
    inside = sum(mid for _, mid in results)
    print(
        f"migration kills: {MIGRATION_RUNS}, inside the transaction: {inside}, left old: "
        f"{MIGRATION_RUNS - migrated}, left new: {migrated}"
    )
    assert inside >= 3, "too few kills landed inside the migration to prove anything"
