"""The ``export`` and ``import`` commands: headless, no display needed.

``bounceback export --json OUT`` / ``--markdown OUT`` writes everything to a file;
``bounceback import IN`` reads a JSON export into the database (after a backup, in one
transaction). Import refuses while the app has the data folder open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.paths import DataPaths, resolve_data_dir

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_DATABASE = 3
EXIT_IN_USE = 4


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser("export", help="write all your data to a JSON or Markdown file")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--json", metavar="OUT", type=Path, help="the complete data, for importing back later")
    target.add_argument("--markdown", metavar="OUT", type=Path, help="a readable copy, for reading and printing")
    export.set_defaults(handler=run_export)
    load = commands.add_parser("import", help="add the records of a JSON export to your data (after a backup)")
    load.add_argument("source", metavar="IN", type=Path, help="a file written by 'bounceback export --json'")
    load.set_defaults(handler=run_import)


def _say(text: str) -> None:
    print(text)


def _error(text: str) -> None:
    print(f"bounceback: error: {' '.join(text.split())}", file=sys.stderr)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.storage.errors import DatabaseOpenError
    from desktop_app.storage.migrate import open_database
    from desktop_app.ui.startup_errors import describe_open_error

    paths = DataPaths(resolve_data_dir(args.data_dir))
    try:
        return open_database(paths)
    except DatabaseOpenError as error:
        _error(describe_open_error(error, paths))
        return None


def run_export(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui.safety.exchange_files import export_file

    db = _open(args)
    if db is None:
        return EXIT_DATABASE
    target: Path = args.markdown or args.json
    try:
        export_file(db, target.expanduser().absolute(), markdown=args.markdown is not None)
    except OSError as exc:
        _error(
            QCoreApplication.translate("cli", "Could not write {path}: {reason}").format(
                path=target, reason=exc.strerror or exc
            )
        )
        return EXIT_REFUSED
    finally:
        db.close()
    _say(QCoreApplication.translate("cli", "Exported your data to {path}.").format(path=target))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop_app.core.exchange import ImportRefusedError
    from desktop_app.storage.backup import BackupError
    from desktop_app.storage.errors import SaveFailedError
    from desktop_app.ui.safety.exchange_files import import_file
    from desktop_app.ui.safety.messages import describe_refusal, describe_save_problem, describe_summary
    from desktop_app.ui.safety.single_instance import folder_in_use

    paths = DataPaths(resolve_data_dir(args.data_dir))
    if paths.root.exists() and folder_in_use(paths):
        _error(
            QCoreApplication.translate(
                "cli", "Bounceback is running with the data folder {folder}. Close it, or use File → Import… there."
            ).format(folder=paths.root)
        )
        return EXIT_IN_USE
    db = _open(args)
    if db is None:
        return EXIT_DATABASE
    try:
        summary = import_file(db, args.source.expanduser().absolute())
    except ImportRefusedError as refused:
        _error(describe_refusal(refused))
        return EXIT_REFUSED
    except BackupError as exc:
        _error(
            QCoreApplication.translate(
                "cli", "Nothing was imported: the safety backup before importing failed ({reason})."
            ).format(reason=exc)
        )
        return EXIT_REFUSED
    except SaveFailedError as exc:
        _error(
            QCoreApplication.translate("cli", "Nothing was imported: {reason}.").format(
                reason=describe_save_problem(exc.problem)
            )
        )
        return EXIT_REFUSED
    finally:
        db.close()
    _say(describe_summary(summary))
    return EXIT_OK
