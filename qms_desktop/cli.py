"""The `qms-desktop` command. Every operation the GUI offers is also a subcommand with `--json`.

Each area keeps its subcommands in `qms_desktop/commands/<area>.py` with a `register(subparsers)`
function; this module only assembles them and dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from qms_desktop import __version__

# Areas in the order `--help` lists them. A module that is missing (not built yet) is skipped.
COMMAND_MODULES = (
    "connection",
    "simulator",
    "logs",
    "sync",
    "recordings",
    "notes",
    "reviews",
    "agents",
    "directory",
    "db",
    "users",
    "audit",
    "search",
    "service",
    "links",
    "review",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qms-desktop",
        description="QMS Desktop: Cisco MediaSense recordings for quality management.",
        epilog="Without a COMMAND the desktop window (GUI) starts; with a COMMAND the command runs in this "
        "terminal and no window opens. Every command has its own --help, and --json for machine-readable output.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="print the version and exit"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the GUI with the built-in MediaSense simulator and a fresh database",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"qms_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"qms_desktop.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def _start_integration_log() -> None:
    """Every command records what it does with MediaSense in the integration log (masked)."""
    from qms_desktop.integration_log import setup_integration_log
    from qms_desktop.integration_log.console import install_last_resort

    # Warnings of loggers without a handler (aiohttp's, asyncio's) reach stderr from a background
    # thread: a stderr pipe nobody reads must not stop a worker thread such as the playback proxy's.
    install_last_resort()
    setup_integration_log()


GUI_ONLY_ARGS = {"--demo"}
# 128 + SIGPIPE: what a shell reports for a command-line tool whose reader went away.
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # a reader that went away shows up here, not at interpreter exit
    except BrokenPipeError:
        # `qms-desktop … --json | head`: the reader has what it wanted. Point stdout at devnull so
        # the interpreter's own flush at exit cannot complain, and end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE


def _machine_errors() -> tuple[type[BaseException], ...]:
    """Errors of the machine, not of the command: a broken or unreachable database, an unusable
    home folder, an old SQLite, a password in a URL. Each is reported in one line saying what to do."""
    from qms_desktop.domain.urls import CredentialsInUrl
    from qms_desktop.paths import NotADemoHome
    from qms_desktop.store.engine import UnsupportedSqlite
    from qms_desktop.store.problems import DATABASE_ERRORS

    # A password in QMS_DATABASE_URL, MEDIASENSE_URL or QMS_OPENSEARCH_URL: whichever command noticed.
    return (UnsupportedSqlite, NotADemoHome, CredentialsInUrl, *DATABASE_ERRORS, OSError)


def _say_machine_error(error: BaseException) -> int:
    if isinstance(error, BrokenPipeError):
        raise error  # the reader went away: main() ends quietly
    from qms_desktop.store.engine import database_url
    from qms_desktop.store.problems import DATABASE_ERRORS, explain

    if isinstance(error, DATABASE_ERRORS):
        error = explain(error, database_url())
    elif isinstance(error, OSError) and error.filename:
        error = OSError(
            f"cannot use {error.filename} ({error.strerror or error}). Check the folder's permissions and free "
            "space, or point QMS_HOME at a writable folder"
        )
    print(f"qms-desktop: {error}", file=sys.stderr)
    return 2


def _main(argv: Sequence[str] | None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given and given[-1].lower().startswith("qms:") and set(given[:-1]) <= GUI_ONLY_ARGS:
        # The desktop entry's `Exec=qms-desktop %u`: a bare link (after --demo, if given) opens it.
        given = ["open", given[-1], *given[:-1]]
        argv = given
    if set(given) <= GUI_ONLY_ARGS:
        # The GUI: skip importing every subcommand's module first (the window must appear fast).
        try:
            gui = importlib.import_module("qms_desktop.ui.app")
        except ModuleNotFoundError:
            pass
        else:
            try:
                return int(gui.run(demo="--demo" in given))
            except _machine_errors() as exc:
                return _say_machine_error(exc)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    if handler is None:
        try:
            gui = importlib.import_module("qms_desktop.ui.app")
        except ModuleNotFoundError:
            parser.print_help()
            return 0
        return int(gui.run(demo=args.demo))
    if getattr(args, "starts_gui", False):  # `open URL`: the GUI sets up its own home and log
        try:
            return int(handler(args) or 0)
        except _machine_errors() as exc:
            return _say_machine_error(exc)
    try:
        if getattr(args, "demo", False):
            from qms_desktop import paths

            # Before the integration log opens its file: a demo writes nothing in the real home.
            paths.enter_demo_home()
        _start_integration_log()
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except _machine_errors() as exc:
        return _say_machine_error(exc)


if __name__ == "__main__":
    sys.exit(main())
