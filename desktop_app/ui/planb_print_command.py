"""``bounceback print-plans --pdf OUT.pdf [--plan TITLE_OR_ID]``: the printed plans as PDF, headless.

It needs no display: without one, Qt's offscreen platform is used. With no plans
stored (or no database in the data folder yet), it still writes a valid one-page PDF
saying there are no plans yet, so scripts always get a document. An existing file is
replaced only once the new PDF is complete.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_WRITE = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
PAPER_SIZES = ("a4", "letter")


def add_print_plans_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "print-plans",
        help="write your Plan B plans as a PDF, without opening a window",
        description="Write the printed plans (all of them, or one) to a PDF file without opening a window. "
        "With no plans stored, the PDF says so. An existing file is replaced only once the new one is complete.",
    )
    parser.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    parser.add_argument("--plan", metavar="TITLE_OR_ID", help="print only this plan (its title or its number)")
    parser.add_argument("--paper", choices=PAPER_SIZES, default="a4", help="paper size (default: a4)")
    parser.set_defaults(handler=run_print_plans)


def _error(message: str) -> None:
    print(f"bounceback print-plans: error: {' '.join(message.split())}", file=sys.stderr)


def _ensure_gui_application() -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication(["bounceback"])


def run_print_plans(args: argparse.Namespace) -> int:
    """Write the PDF; 0 when done, 1 if it cannot be written, 2 for an unknown plan, 3 for the database."""
    from desktop_app.paths import DataPaths, resolve_data_dir
    from desktop_app.storage.errors import DatabaseOpenError
    from desktop_app.storage.migrate import open_database

    _ensure_gui_application()
    from PySide6.QtGui import QPageSize

    from desktop_app.storage.plans import find_plan, list_plans
    from desktop_app.ui.planb_printing import write_plans_pdf
    from desktop_app.ui.startup_errors import describe_open_error

    paths = DataPaths(resolve_data_dir(args.data_dir))
    db = None
    if paths.database.exists():
        try:
            db = open_database(paths)
        except DatabaseOpenError as error:
            _error(describe_open_error(error, paths))
            return EXIT_DATABASE
    try:
        plan_id = None
        if args.plan is not None:
            plan = find_plan(db, args.plan) if db is not None else None
            if plan is None:
                titles = [f'{p.id}: "{p.title}"' for p in list_plans(db)] if db is not None else []
                known = "; ".join(titles) if titles else "there are no plans yet"
                _error(f'no plan "{args.plan}" in {paths.root} (plans: {known}). Nothing was written.')
                return EXIT_USAGE
            plan_id = plan.id
        size = QPageSize.PageSizeId.Letter if args.paper == "letter" else QPageSize.PageSizeId.A4
        target = Path(args.pdf).expanduser()
        try:
            pages = write_plans_pdf(db, target, plan_id, size)
        except OSError as exc:
            _error(f"{exc} Nothing was written.")
            return EXIT_WRITE
        print(f"Wrote {pages} page{'s' if pages != 1 else ''} to {target}")
        return EXIT_OK
    finally:
        if db is not None:
            db.close()
