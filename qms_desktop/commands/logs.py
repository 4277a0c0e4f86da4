"""`qms-desktop logs`: read, clear and configure the integration log (IT staff and administrators).

The listing reads the log files, not a ring buffer: the GUI or the service that writes them runs in
another process.
"""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app.logs import LogUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.integration_log import LEVELS, LogPage


def _child_json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: otherwise the sub-command's defaults would overwrite `logs --json --as X clear`.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    parser.add_argument("--as", dest="as_user", metavar="NAME", default=argparse.SUPPRESS, help="act as this user")
    parser.add_argument(
        "--password-stdin", action="store_true", default=argparse.SUPPRESS, help="read the password from stdin"
    )


def register(sub: Any) -> None:
    logs = sub.add_parser(
        "logs",
        help="show, clear or configure the integration log",
        description="Show the integration log, newest first (reads the files in the log folder).",
    )
    logs.add_argument("--level", type=str.upper, choices=LEVELS, help="minimum level to show")
    logs.add_argument("--search", help="case-insensitive text in message, logger, extras or exception")
    logs.add_argument("--limit", type=int, default=100, help="entries per page (default 100)")
    logs.add_argument("--cursor", help="the next cursor printed by the previous page")
    add_acting_user_flags(logs)
    add_json_flag(logs)
    logs.set_defaults(func=_list)
    actions = logs.add_subparsers(dest="logs_command", metavar="ACTION")

    clear = actions.add_parser("clear", help="archive the current log file and start a new one")
    _child_json_flag(clear)
    clear.set_defaults(func=_clear)

    level = actions.add_parser("level", help="show or set the level recorded by later processes")
    level.add_argument("new_level", nargs="?", metavar="LEVEL", help=f"one of {', '.join(LEVELS)}")
    _child_json_flag(level)
    level.set_defaults(func=_level)

    status = actions.add_parser("status", help="level, files and sizes of the integration log")
    _child_json_flag(status)
    status.set_defaults(func=_status)


def _page_text(page: LogPage) -> str:
    lines = []
    for e in page.entries:
        ts = e.ts.astimezone().isoformat(timespec="milliseconds")
        extra = " ".join(f"{k}={v}" for k, v in e.extra.items())
        lines.append(f"{ts} {e.level:<5} {e.logger} {e.message}" + (f"  [{extra}]" if extra else ""))
        if e.exc:
            lines.extend("    " + line for line in e.exc.splitlines())
    if not lines:
        lines.append("(no entries)")
    if page.next_cursor:
        lines.append(f"-- more: --cursor {page.next_cursor}")
    return "\n".join(lines)


def _run(args: argparse.Namespace, action: str) -> int:
    if getattr(args, "limit", 1) < 1:
        return fail("--limit must be at least 1", 2)
    try:
        return _act(args, action)
    except ValueError as exc:  # a bad cursor or level
        return fail(str(exc), 2)


def _act(args: argparse.Namespace, action: str) -> int:
    with signed_in(args) as (engine, principal):
        logs = LogUseCases(engine, principal)
        if action == "list":
            page = logs.query(args.level, args.search, args.limit, args.cursor)
            emit(args, page.to_dict(), lambda _data: _page_text(page))
        elif action == "clear":
            archived = logs.clear()
            data = {"archived": str(archived) if archived else None}
            emit(args, data, lambda d: f"archived to {d['archived']}" if d["archived"] else "nothing to archive")
        elif action == "level" and args.new_level is None:
            emit(args, {"logLevel": logs.level()}, lambda d: d["logLevel"])
        elif action == "level":
            name = logs.set_level(args.new_level)
            emit(args, {"logLevel": name}, lambda d: f"log level set to {d['logLevel']}")
        else:
            status = logs.status()
            emit(args, status, lambda d: "\n".join(f"{k}: {v}" for k, v in d.items()))
    return 0


@refusals_exit_2
def _list(args: argparse.Namespace) -> int:
    return _run(args, "list")


@refusals_exit_2
def _clear(args: argparse.Namespace) -> int:
    return _run(args, "clear")


@refusals_exit_2
def _level(args: argparse.Namespace) -> int:
    return _run(args, "level")


@refusals_exit_2
def _status(args: argparse.Namespace) -> int:
    return _run(args, "status")
