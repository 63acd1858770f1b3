"""How fast the Prepare tab is with a large database, against plain sqlite3 in the same run.

    python -m benchmarks.prepare [--runs 15] [--interviews 10000] [--items 20]

A database with 10,000 interviews and 20 checklist items each (200,000 items, made by
make_large_db) is opened the way the app opens it. Three things are timed, each until
the event loop has painted the result:

- showing the tab: building the Prepare tab over the database and showing it;
- filtering: one keystroke in the search box (typing a letter that narrows, and the
  Backspace that widens again);
- switching: pressing Down in the interview list, which saves, loads the next interview
  into the editor and shows its checklist;
- typing a letter in the company field (the list row follows at once, saving waits).

Each figure is a median, printed with the ratio against the baseline of reading the same
rows with plain sqlite3 (every interview with its progress; the interviews matching the
search; one interview with its checklist). Targets: filtering and switching under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.make_large_db import make_large_database
from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.migrate import open_database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.prepare_tab import PrepareTab

TARGET_MS = 50.0

SUMMARIES_SQL = """
SELECT i.id, i.company, i.role, i.stage, i.scheduled_at, i.outcome, i.notes,
       COALESCE(p.done, 0), COALESCE(p.total, 0)
FROM interviews AS i
LEFT JOIN (SELECT interview_id, SUM(done) AS done, COUNT(*) AS total
           FROM checklist_items GROUP BY interview_id) AS p ON p.interview_id = i.id
"""
FILTER_SQL = (
    "SELECT id, company, role, stage, scheduled_at FROM interviews "
    "WHERE company LIKE ?1 OR role LIKE ?1 OR notes LIKE ?1"
)
INTERVIEW_SQL = "SELECT * FROM interviews WHERE id = ?"
CHECKLIST_SQL = "SELECT * FROM checklist_items WHERE interview_id = ? ORDER BY section_position, section, position, id"


def _quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen platform's notes about window features it lacks; print the rest."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def settle(app: QApplication) -> None:
    """Let Qt handle every pending event, layout and paint."""
    app.processEvents()
    app.processEvents()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


class Bench:
    """The Prepare tab over the large database, driven by key presses, and the same reads in plain sqlite3."""

    def __init__(self, app: QApplication, db: Database, raw: sqlite3.Connection) -> None:
        self.app = app
        self.db = db
        self.raw = raw
        self.saver = AutoSaver()
        self.tab: PrepareTab | None = None

    def show_tab(self) -> None:
        if self.tab is not None:
            self.tab.close()
            self.tab.deleteLater()
            settle(self.app)
        self.tab = PrepareTab(self.db, self.saver)
        self.tab.resize(1300, 800)
        self.tab.show()
        settle(self.app)

    def key(self, widget, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
        QTest.keyClick(widget, key)
        settle(self.app)

    # -- baselines, with plain sqlite3 --------------------------------------------------------------

    def read_summaries(self) -> None:
        self.raw.execute(SUMMARIES_SQL).fetchall()

    def read_filtered(self, text: str) -> None:
        self.raw.execute(FILTER_SQL, (f"%{text}%",)).fetchall()

    def read_interview(self, interview_id: int) -> None:
        self.raw.execute(INTERVIEW_SQL, (interview_id,)).fetchall()
        self.raw.execute(CHECKLIST_SQL, (interview_id,)).fetchall()


def report(name: str, app_times: list[float], base_times: list[float], target: float | None = None) -> bool:
    app_ms, base_ms = median_ms(app_times), median_ms(base_times)
    verdict = ""
    met = True
    if target is not None:
        met = app_ms < target
        verdict = f"  target < {target:.0f} ms: {'met' if met else 'NOT met'}"
    print(
        f"{name:<40} {app_ms:8.1f} ms   sqlite3 {base_ms:7.2f} ms   ratio {app_ms / base_ms:7.1f}"
        f"   (worst {max(app_times) * 1000:.1f} ms){verdict}"
    )
    return met


def run(folder: Path, runs: int) -> bool:
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    db = open_database(DataPaths(folder))
    raw = sqlite3.connect(db.path)
    bench = Bench(app, db, raw)
    try:
        bench.show_tab()  # warm the file cache and Qt
        bench.read_summaries()
        show, show_base = [], []
        for _ in range(max(3, runs // 3)):
            show.append(timed(bench.show_tab))
            show_base.append(timed(bench.read_summaries))
        tab = bench.tab
        assert tab is not None
        rows = tab.model.rowCount()
        items = raw.execute("SELECT COUNT(*) FROM checklist_items").fetchone()[0]
        print(f"{rows} interviews, {items} checklist items; {runs} runs; medians; platform {app.platformName()}")
        ok = report("show the tab", show, show_base)

        search = tab.interviews.search
        search.setFocus()
        narrow, widen, narrow_base, widen_base = [], [], [], []
        for run_index in range(runs):
            letter = "nc"[run_index % 2]  # "n" matches most rows, "c" fewer: both narrow from all rows
            narrow.append(timed(lambda letter=letter: bench.key(search, getattr(Qt.Key, f"Key_{letter.upper()}"))))
            narrow_base.append(timed(lambda letter=letter: bench.read_filtered(letter)))
            widen.append(timed(lambda: bench.key(search, Qt.Key.Key_Backspace)))
            widen_base.append(timed(bench.read_summaries))
        ok &= report("filter: keystroke that narrows", narrow, narrow_base, TARGET_MS)
        ok &= report("filter: Backspace back to all rows", widen, widen_base, TARGET_MS)

        table = tab.interviews.table
        table.setFocus()
        switch, switch_base = [], []
        for _ in range(runs):
            switch.append(timed(lambda: bench.key(table, Qt.Key.Key_Down)))
            current = tab.current_interview_id()
            assert current is not None
            switch_base.append(timed(lambda current=current: bench.read_interview(current)))
        ok &= report("switch the selected interview (Down)", switch, switch_base, TARGET_MS)

        company = tab.editor.company
        company.setFocus()
        company.end(False)
        typing, typing_base = [], []
        for _ in range(runs):
            typing.append(timed(lambda: bench.key(company, Qt.Key.Key_X)))
            typing_base.append(timed(lambda: bench.read_interview(current)))
        bench.saver.flush()
        report("type a letter in the company field", typing, typing_base, TARGET_MS)
        return ok
    finally:
        if bench.tab is not None:
            bench.tab.close()
        raw.close()
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Prepare tab speed against plain sqlite3.")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bounceback-prepare-bench-") as tmp:
        folder = Path(tmp) / "large"
        make_large_database(folder, interviews=args.interviews, items_per_interview=args.items)
        met = run(folder, args.runs)
    print("targets:", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
