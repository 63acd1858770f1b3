"""Start-up time of Bounceback against a bare PySide6 window, measured in the same run.

    python -m benchmarks.startup [--runs 9] [--interviews 10000]

For each case a fresh Python process is started and timed from launch until its main
window is shown and the event loop has gone idle (a zero-timer fires). The baseline is
a bare QMainWindow holding a QTabWidget with three tabs. Cases: an empty database, and
one with 10,000 interviews with 20 checklist items each (made by make_large_db).
Prints medians and the ratio Bounceback / baseline; the target is a ratio of at most 1.3.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.make_large_db import make_large_database

REPO = Path(__file__).resolve().parent.parent

BASELINE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Prepare", "Debrief", "Plan B"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (print("idle", flush=True), app.quit()))
app.exec()
"""

BOUNCEBACK = """
import sys
from PySide6.QtCore import QTimer
from desktop_app.app import make_application, start_gui
from desktop_app.cli import build_parser
started = start_gui(build_parser().parse_args(["--data-dir", sys.argv[1]]))
app = make_application()
QTimer.singleShot(0, lambda: print("idle", flush=True))
# Then, for the second figure: until the tabs show the stored data and the loop is idle again.
started.window.database_attached.connect(
    lambda: QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit())))
app.exec()
started.shutdown()
"""


def time_process(code: str, *args: str) -> tuple[float, float]:
    """Seconds from launching ``python -c code`` until it prints 'idle', and until 'ready' (or exit)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    idle = time.perf_counter() - start
    second = process.stdout.readline()
    ready = time.perf_counter() - start if second.strip() == "ready" else idle
    process.wait(timeout=60)
    if line.strip() != "idle":
        raise RuntimeError(f"the measured process did not reach an idle event loop (exit {process.returncode})")
    return idle, ready


def measure(folder: Path, runs: int) -> tuple[float, float, float]:
    """Medians: the baseline window, Bounceback's window idle, Bounceback's data on screen."""
    baseline: list[float] = []
    idle: list[float] = []
    ready: list[float] = []
    time_process(BOUNCEBACK, str(folder))  # warm the file cache and run any pending migration
    time_process(BASELINE)
    for _ in range(runs):
        baseline.append(time_process(BASELINE)[1])
        window_idle, data_ready = time_process(BOUNCEBACK, str(folder))
        idle.append(window_idle)
        ready.append(data_ready)
    return statistics.median(baseline), statistics.median(idle), statistics.median(ready)


def report(name: str, baseline: float, idle: float, ready: float) -> float:
    ratio = idle / baseline
    print(
        f"{name:<34} baseline {baseline * 1000:6.1f} ms | Bounceback window shown and idle {idle * 1000:6.1f} ms, "
        f"ratio {ratio:.2f} | tabs filled with the stored data {ready * 1000:6.1f} ms, ratio {ready / baseline:.2f}"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description="Start-up time against a bare PySide6 window.")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--interviews", type=int, default=10_000)
    args = parser.parse_args()
    # An installed Bounceback runs from byte-compiled modules (pip and the bundle compile them); a
    # checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on each start.
    compileall.compile_dir(REPO / "desktop_app", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bounceback-bench-") as tmp:
        empty = Path(tmp) / "empty"
        large = Path(tmp) / "large"
        make_large_database(empty, interviews=0)
        make_large_database(large, interviews=args.interviews)
        print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}, medians")
        ratios = [
            report("empty database", *measure(empty, args.runs)),
            report(f"{args.interviews} interviews, 20 items each", *measure(large, args.runs)),
        ]
    print("target ratio <= 1.30:", "met" if max(ratios) <= 1.3 else "NOT met")


if __name__ == "__main__":
    main()
