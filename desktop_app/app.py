"""Start-up: parse arguments, find the data folder, open the database, show the window."""

from __future__ import annotations

import argparse
import contextlib
import os
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
EXIT_ALREADY_RUNNING = 4


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``bounceback`` and ``python -m desktop_app``."""
    private_files()
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from desktop_app.desktop_entry import run_desktop_entry_option

        return run_desktop_entry_option(install=args.install_desktop_entry)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    return run_gui(args)


def private_files() -> None:
    """Everything this process creates (settings, lock, exports, backups) is for the user alone."""
    if hasattr(os, "umask"):
        os.umask(0o077)


def make_application():  # type: ignore[no-untyped-def]
    """The QApplication, named and identified for the desktop."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    if app.applicationName() == APP_NAME and not app.windowIcon().isNull():
        return app  # already named and given its icon (start_gui, then run_gui)
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
    """A started GUI: the window (shown at once) and the database being opened for it."""

    def __init__(self, window, opener, demo_dir: Path | None, instance=None) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.opener = opener
        self.demo_dir = demo_dir
        self.instance = instance
        self.db = None
        self.exit_code: int | None = None
        opener.opened.connect(self._opened)
        if instance is not None:
            instance.activation_requested.connect(self.bring_to_front)

    def bring_to_front(self) -> None:
        """Another start on the same data folder asked for this window."""
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def replace_opener(self, opener) -> None:  # type: ignore[no-untyped-def]
        self.opener = opener
        opener.opened.connect(self._opened)

    def _opened(self, db) -> None:  # type: ignore[no-untyped-def]
        self.db = db
        self.window.attach_database(db)

    def wait_until_open(self, timeout_ms: int = 30_000) -> bool:
        """Process events until the database is attached or has failed; True if attached."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop
        from PySide6.QtWidgets import QApplication

        deadline = QDeadlineTimer(timeout_ms)
        while self.db is None and self.exit_code is None and not deadline.hasExpired():
            self.opener.wait(0.01)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        return self.db is not None

    def shutdown(self) -> None:
        from desktop_app.storage.running_marker import mark_clean_exit

        self.opener.wait()
        self.window.saver.flush()
        db = self.window.db or self.db  # a restore may have replaced the database object
        if db is not None:
            db.close()
        if self.instance is not None:
            if not self.window.saver.failing:
                mark_clean_exit(self.window.paths)
            self.instance.release()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def start_gui(args: argparse.Namespace) -> StartedApp | int:
    """Show the window and start opening the database; an exit code if that is impossible.

    Problems visible from the file alone (wrong or empty file, unwritable folder) are
    reported before any window appears; the rest when the background open fails.
    """
    private_files()
    app = make_application()
    from desktop_app.storage.errors import DatabaseOpenError
    from desktop_app.storage.file_check import precheck
    from desktop_app.ui.database_opener import DatabaseOpener
    from desktop_app.ui.main_window import MainWindow

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
        paths.ensure_root()
        folder_writable = True
    except OSError:  # precheck explains it; no lock can be taken in such a folder
        folder_writable = False
    instance = None
    if folder_writable:
        from desktop_app.ui.safety.single_instance import SingleInstance

        instance = SingleInstance(paths)
        if not instance.acquire():
            return _second_start(paths)
    if folder_writable and not args.demo and not paths.database.exists() and paths.backups.is_dir():
        from desktop_app.ui.safety import recovery

        missing = recovery.missing_database(paths)
        if missing is not None:
            recovery.offer_restore(None, missing, paths)  # declined: a new database is made, backups stay
    try:
        try:
            precheck(paths)
        except DatabaseOpenError as error:
            from desktop_app.ui.safety import recovery

            if not recovery.offer_restore(None, error, paths):
                fail(describe_open_error(error, paths))
                raise
            precheck(paths)
    except DatabaseOpenError:
        if instance is not None:
            instance.release()
        return EXIT_DATABASE
    window = MainWindow(None, paths)
    opener = DatabaseOpener(paths, fill_with_demo=args.demo, mark_running=instance is not None)
    started = StartedApp(window, opener, demo_dir, instance)

    def open_failed(error: DatabaseOpenError) -> None:
        from desktop_app.ui.safety import recovery

        if recovery.offer_restore(window, error, paths):
            retry = DatabaseOpener(paths)
            retry.failed.connect(open_failed)
            started.replace_opener(retry)
            retry.start()
            return
        started.exit_code = EXIT_DATABASE
        window.hide()
        fail(describe_open_error(error, paths))
        app.exit(EXIT_DATABASE)

    opener.failed.connect(open_failed)
    window.show()
    from PySide6.QtCore import QTimer

    # Open the data once the event loop runs: the window gets painted first, not after the
    # background thread has started competing with it for the interpreter.
    QTimer.singleShot(0, opener.start)
    if instance is not None:
        # Later starts are answered once the data is open and the tabs are built; one in the
        # second before that is told Bounceback is already running.
        window.database_attached.connect(instance.listen)
    return started


def _second_start(paths: DataPaths) -> int:
    """Bounceback already has this data folder open: wake it, never touch the database."""
    from desktop_app.ui.safety.single_instance import SecondStart, wake_running_instance

    if wake_running_instance(paths) is SecondStart.ACTIVATED:
        print(_translate("Bounceback is already running; its window was brought to the front."), file=sys.stderr)
        return EXIT_OK
    fail(
        _translate(
            "Bounceback is already running with the data folder {folder}. Switch to its window, or close it "
            "before starting Bounceback again."
        ).format(folder=paths.root)
    )
    return EXIT_ALREADY_RUNNING


def describe_open_error(error, paths: DataPaths) -> str:  # type: ignore[no-untyped-def]
    """Imported only when something went wrong: nothing of it is needed on a normal start."""
    from desktop_app.ui.startup_errors import describe_open_error as describe

    return describe(error, paths)


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("startup", text)


def run_gui(args: argparse.Namespace) -> int:
    started = start_gui(args)
    if isinstance(started, int):
        return started
    app = make_application()
    quit_on_signals(app, started.window)
    try:
        code = app.exec()
    finally:
        started.shutdown()
    return started.exit_code if started.exit_code is not None else code


def quit_on_signals(app, window) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM, SIGHUP and SIGINT (log-out, ``kill``, Ctrl+C in a terminal) quit as File > Quit does.

    Pending changes are saved, the window's size and tab are kept and the exit counts as
    clean. Qt's event loop runs no Python code while it waits, so the signal's arrival is
    written to a pipe that a QSocketNotifier watches, and Python runs the handler then.
    """
    import signal

    if os.name != "posix":
        return
    from PySide6.QtCore import QSocketNotifier

    reader, writer = os.pipe()
    os.set_blocking(reader, False)
    os.set_blocking(writer, False)
    signal.set_wakeup_fd(writer)
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(reader, 512)

    notifier.activated.connect(drain)

    def close(_signum: int, _frame: object) -> None:
        window.close()
        app.quit()

    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, close)
