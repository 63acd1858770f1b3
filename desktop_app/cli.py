"""The command line: options for the app and its headless sub-commands."""

from __future__ import annotations

import argparse

from desktop_app import __version__
from desktop_app.ui.planb_print_command import add_print_plans_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bounceback",
        description="Bounceback: prepare for interviews, debrief honestly afterwards, keep a Plan B ready. "
        "Without a command, the app's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"Bounceback {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="use DIR as the data folder instead of the default per-user folder "
        "(also settable with the BOUNCEBACK_DATA_DIR environment variable)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway data folder filled with sample data; with --data-dir, fill DIR with the sample "
        "data instead (DIR must not already hold a database)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Bounceback to your desktop menu (for a pip install): write its menu entry and icons under "
        "$XDG_DATA_HOME or ~/.local/share, then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove the menu entry and icons that --install-desktop-entry wrote, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from desktop_app import exchange_cli

    exchange_cli.register(commands)
    add_print_plans_command(commands)
    return parser


def subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The parser's sub-command registry, for feature modules to add their commands to."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError("the parser has no sub-commands")
