"""Printing all plans to PDF against a bare QTextDocument printed with a QPrinter, in the same run.

    python -m benchmarks.printing [--runs 7] [--plans 20] [--steps 30]

Makes 20 plans with 30 steps each in a temporary data folder, then times (median of
several runs) ``write_plans_pdf`` for all plans: reading them, building the document,
keeping table rows whole, painting pages with footers and writing the file. The
baseline holds the same text in a plain QTextDocument (``insertText``, no tables; what
the drawn gauge panels say as lines of text) and
prints it to PDF with ``QTextDocument.print_``. The two are run in turns, so that both
see the same load on a shared machine. Prints both medians and the ratio; the target
is a ratio of at most 1.5 and under a second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPageSize, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop_app.core.choices import FailureTier, PlanKind, PlanStatus
from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.migrate import open_database
from desktop_app.storage.plan_steps import add_step
from desktop_app.storage.plans import create_plan
from desktop_app.ui import planb_print_style as style
from desktop_app.ui.planb_document import printed_text
from desktop_app.ui.planb_printing import plans_builder, write_plans_pdf

TARGET_RATIO = 1.5
TARGET_SECONDS = 1.0


def fill(db: Database, plans: int, steps: int) -> None:
    today = date.today()
    tiers = list(FailureTier)
    kinds = list(PlanKind)
    for number in range(plans):
        plan_id = create_plan(
            db,
            f"Plan {number + 1}: a path worth trying",
            kind=kinds[number % len(kinds)],
            status=PlanStatus.IDEA if number % 2 else PlanStatus.ACTIVE,
            description="What this plan is, in two sentences. It is long enough to wrap onto a second line.",
            why="Because it uses what I am good at and what I like.",
            trigger_date=today + timedelta(days=number - 5),
            trigger_condition="No offer after three more final rounds",
        )
        for step in range(steps):
            add_step(
                db,
                plan_id,
                f"Step {step + 1} of plan {number + 1}: do one concrete, small thing and write down what happened",
                tier=tiers[step % len(tiers)],
                due=today + timedelta(days=step - 10),
                done=step % 3 == 0,
                notes="A short note." if step % 4 == 0 else "",
            )


def baseline_pdf(text: str, target: Path) -> None:
    document = QTextDocument()
    document.setDefaultFont(style.base_font())
    QTextCursor(document).insertText(text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(printer)


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_seconds(action: Callable[[], object], runs: int) -> float:
    return statistics.median(seconds(action) for _ in range(runs))


def interleaved_medians(ours: Callable[[], object], baseline: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians of both, run in turns: on a shared, noisy machine both see the same load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(seconds(ours))
        times[1].append(seconds(baseline))
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - printing needs it
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = open_database(DataPaths(root / "data"))
        try:
            fill(db, args.plans, args.steps)
            text = printed_text(plans_builder(db)())
            ours = root / "plans.pdf"
            pages = write_plans_pdf(db, ours)  # warm-up (fonts, first layout)
            baseline_pdf(text, root / "baseline.pdf")
            plans_median, baseline_median = interleaved_medians(
                lambda: write_plans_pdf(db, ours), lambda: baseline_pdf(text, root / "baseline.pdf"), args.runs
            )
            build_median = median_seconds(plans_builder(db), args.runs)
        finally:
            db.close()
    ratio = plans_median / baseline_median
    print(f"{args.plans} plans x {args.steps} steps, {pages} pages, median of {args.runs} runs")
    print(f"  write_plans_pdf (all plans):          {plans_median * 1000:8.1f} ms")
    print(f"    of which reading and building:      {build_median * 1000:8.1f} ms")
    print(f"  baseline (plain QTextDocument, print_): {baseline_median * 1000:6.1f} ms")
    print(f"  ratio: {ratio:.2f} (target <= {TARGET_RATIO}); under a second: {plans_median < TARGET_SECONDS}")
    return 0 if ratio <= TARGET_RATIO and plans_median < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
