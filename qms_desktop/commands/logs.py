"""`qms-desktop logs`: read, clear and configure the integration log.

The listing reads the log files, not a ring buffer: the GUI or the service that writes them runs in
another process.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.integration_log import LEVELS, LogPage


def _log_dir() -> Path:
    from qms_desktop import paths

    return paths.log_dir()


def _child_json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: otherwise the sub-command's default (False) would overwrite `logs --json clear`.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")


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
        ts = e.ts.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        extra = " ".join(f"{k}={v}" for k, v in e.extra.items())
        lines.append(f"{ts} {e.level:<5} {e.logger} {e.message}" + (f"  [{extra}]" if extra else ""))
        if e.exc:
            lines.extend("    " + line for line in e.exc.splitlines())
    if not lines:
        lines.append("(no entries)")
    if page.next_cursor:
        lines.append(f"-- more: --cursor {page.next_cursor}")
    return "\n".join(lines)


def _list(args: argparse.Namespace) -> int:
    from qms_desktop.integration_log import query_files

    if args.limit < 1:
        return fail("--limit must be at least 1", 2)
    try:
        page = query_files(_log_dir(), args.level, args.cursor, args.limit, args.search)
    except ValueError as exc:
        return fail(str(exc), 2)
    emit(args, page.to_dict(), lambda _data: _page_text(page))
    return 0


def _clear(args: argparse.Namespace) -> int:
    from qms_desktop.integration_log import IntegrationLog

    # A bare (unattached) instance: archives the files without recording this process's logging.
    log = IntegrationLog(_log_dir(), buffer_size=0)
    archived = log.clear()
    data = {"archived": str(archived) if archived else None, "file": str(log.path)}
    emit(args, data, lambda d: f"archived to {d['archived']}" if d["archived"] else "nothing to archive")
    return 0


def _level(args: argparse.Namespace) -> int:
    from qms_desktop.integration_log import (
        get_integration_log,
        normalize_level,
        persist_level,
        read_persisted_level,
    )

    directory = _log_dir()
    if args.new_level is None:
        current = read_persisted_level(directory) or "INFO"
        emit(args, {"logLevel": current}, lambda d: d["logLevel"])
        return 0
    try:
        name = normalize_level(args.new_level)
    except ValueError as exc:
        return fail(str(exc), 2)
    # Stored in the log folder so later processes start with it. When settings move into the
    # database, a level stored there may take precedence over this file.
    persist_level(directory, name)
    running = get_integration_log()
    if running is not None:
        running.set_level(name)
    emit(args, {"logLevel": name}, lambda d: f"log level set to {d['logLevel']}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from qms_desktop.integration_log import IntegrationLog, read_persisted_level

    directory = _log_dir()
    log = IntegrationLog(directory, level=read_persisted_level(directory) or "INFO")
    data = log.status()
    # This process records nothing itself; "configured" tells whether a log exists to read.
    data["configured"] = log.path.exists()
    data["logDir"] = str(directory)
    emit(args, data, lambda d: "\n".join(f"{k}: {v}" for k, v in d.items()))
    return 0
