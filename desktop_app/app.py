"""Start-up: parse arguments, find the data folder, open the database, show the window."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.cli import build_parser
from desktop_app.paths import DataPaths, resolve_data_dir

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DATABASE = 3


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``bounceback`` and ``python -m desktop_app``."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from desktop_app.desktop_entry import run_desktop_entry_option

        return run_desktop_entry_option(install=args.install_desktop_entry)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    return run_gui(args)


def make_application():  # type: ignore[no-untyped-def]
    """The QApplication, named and identified for the desktop."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(window_icon())
    return app


def window_icon():  # type: ignore[no-untyped-def]
    """The app's icon in every shipped size, for window title bars and task switchers."""
    from PySide6.QtGui import QIcon

    from desktop_app.desktop_entry import window_icon_paths

    icon = QIcon()
    for path in window_icon_paths():
        icon.addFile(str(path))
    return icon


def fail(message: str, show_dialog: bool = True) -> None:
    """Say what went wrong: one line on stderr and, with a GUI, a dialog."""
    print(f"bounceback: error: {' '.join(message.split())}", file=sys.stderr)
    if show_dialog:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


class StartedApp:
    """What a successful start hands back: the window and what must be closed after it."""

    def __init__(self, window, db, demo_dir: Path | None) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.db = db
        self.demo_dir = demo_dir

    def shutdown(self) -> None:
        self.window.saver.flush()
        self.db.close()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def start_gui(args: argparse.Namespace) -> StartedApp | int:
    """Open the database and show the window; an exit code if that is impossible."""
    make_application()
    from desktop_app.storage.errors import DatabaseOpenError
    from desktop_app.storage.migrate import open_database
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.startup_errors import describe_open_error

    demo_dir: Path | None = None
    if args.demo and not args.data_dir:
        demo_dir = Path(tempfile.mkdtemp(prefix="bounceback-demo-"))
        paths = DataPaths(demo_dir)
    else:
        paths = DataPaths(resolve_data_dir(args.data_dir))
    if args.demo and paths.database.exists():
        fail(
            _translate(
                "The folder {folder} already holds a Bounceback database; --demo fills only a new folder. "
                "Nothing was changed."
            ).format(folder=paths.root)
        )
        return EXIT_USAGE
    try:
        db = open_database(paths)
    except DatabaseOpenError as error:
        fail(describe_open_error(error, paths))
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        return EXIT_DATABASE
    if args.demo:
        from desktop_app.storage.demo import fill_with_demo_data

        fill_with_demo_data(db)
    window = MainWindow(db, paths)
    window.show()
    return StartedApp(window, db, demo_dir)


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("startup", text)


def run_gui(args: argparse.Namespace) -> int:
    started = start_gui(args)
    if isinstance(started, int):
        return started
    app = make_application()
    try:
        return app.exec()
    finally:
        started.shutdown()
