"""`qms-desktop audit list`: the audit trail (administrators), as text, JSON or a CSV file."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from qms_desktop.app.audit import AuditUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit
from qms_desktop.domain.time import from_ms, to_ms


def _iso(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date/time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def register(sub: argparse._SubParsersAction) -> None:
    aud = sub.add_parser("audit", help="the audit trail: who played, changed or was refused what")
    aud_sub = aud.add_subparsers(dest="audit_command", required=True)
    lst = aud_sub.add_parser("list", help="audit rows, newest first")
    lst.add_argument("--actor", help="only this user")
    lst.add_argument("--action", help="only this action (a trailing '.' or '*' matches a prefix, e.g. playback.)")
    lst.add_argument("--since", type=_iso, metavar="ISO", help="at or after this time")
    lst.add_argument("--limit", type=int, default=100, help="at most N rows (default 100; 0 = all)")
    lst.add_argument("--csv", metavar="FILE", help="write the rows to a CSV file instead of printing them")
    add_acting_user_flags(lst)
    add_json_flag(lst)
    lst.set_defaults(func=run_list)


@refusals_exit_2
def run_list(args: argparse.Namespace) -> int:
    filters: dict[str, Any] = {
        "actor": args.actor,
        "action": args.action,
        "since_ms": to_ms(args.since),
        "limit": args.limit or None,
    }
    with signed_in(args) as (engine, principal):
        service = AuditUseCases(engine, principal)
        if args.csv:
            count = service.export_csv(args.csv, **filters)
            emit(args, {"written": count, "file": args.csv}, lambda d: f"{count} audit rows written to {args.csv}")
            return 0
        rows = service.list(**filters)

    def text(_: Any) -> str:
        lines = [f"{'at (UTC)':<20} {'actor':<16} {'action':<18} {'outcome':<7} target"]
        for r in rows:
            at = from_ms(r.at_ms).strftime("%Y-%m-%d %H:%M:%S")
            lines.append(f"{at:<20} {r.actor or '-':<16} {r.action:<18} {r.outcome:<7} {r.target or '-'}")
        return "\n".join(lines) if rows else "no audit rows match"

    emit(args, [r.to_dict() for r in rows], text)
    return 0
