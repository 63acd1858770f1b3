"""``bounceback export`` and ``bounceback import`` from a shell, with no display at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.paths import DataPaths
from desktop_app.storage.exchange.tables import read_snapshot
from desktop_app.storage.migrate import open_database
from tests.storage.sample_records import fill_every_table

ROOT = Path(__file__).resolve().parent.parent


def bounceback(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_export_and_import_round_trip_headless(tmp_path: Path) -> None:
    source = DataPaths(tmp_path / "source")
    db = open_database(source)
    fill_every_table(db)
    expected = read_snapshot(db)
    db.close()

    exported = bounceback("--data-dir", str(source.root), "export", "--json", str(tmp_path / "all.json"))
    assert exported.returncode == 0, exported.stderr
    markdown = bounceback("--data-dir", str(source.root), "export", "--markdown", str(tmp_path / "all.md"))
    assert markdown.returncode == 0, markdown.stderr
    assert "# Bounceback" in (tmp_path / "all.md").read_text(encoding="utf-8")

    target = DataPaths(tmp_path / "target")
    imported = bounceback("--data-dir", str(target.root), "import", str(tmp_path / "all.json"))
    assert imported.returncode == 0, imported.stderr
    assert "interviews: 2" in imported.stdout and "before-import" in imported.stdout
    copy = open_database(target)
    try:
        assert read_snapshot(copy) == expected
    finally:
        copy.close()


def test_a_bad_file_is_refused_with_its_place_and_exit_code_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "bounceback-export", "format_version": 1, "tables": {"plans": [{"id": 1}]}}))
    result = bounceback("--data-dir", str(tmp_path / "data"), "import", str(bad))
    assert result.returncode == 1
    assert "tables.plans[0]" in result.stderr and "title" in result.stderr
    assert "Nothing was imported" in result.stderr


def test_import_refuses_while_the_app_has_the_folder_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.lock_holder_child", str(folder)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = bounceback("--data-dir", str(folder), "import", str(tmp_path / "whatever.json"))
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 4
    assert "running" in result.stderr
    assert not (folder / "bounceback.sqlite3").exists()
