"""`qms-desktop audit list | verify`: the audit trail (administrators), as text, JSON or a CSV file;
its hash chain checked from the first row to the last."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app.audit import AuditUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, iso_datetime, local_time
from qms_desktop.domain.time import to_ms
from qms_desktop.security.audit_chain import ChainReport, parse_anchor


def register(sub: argparse._SubParsersAction) -> None:
    aud = sub.add_parser("audit", help="the audit trail: who played, changed or was refused what")
    aud_sub = aud.add_subparsers(dest="audit_command", required=True)
    lst = aud_sub.add_parser("list", help="audit rows, newest first")
    lst.add_argument("--actor", help="only this user")
    lst.add_argument("--action", help="only this action (a trailing '.' or '*' matches a prefix, e.g. playback.)")
    lst.add_argument("--since", type=iso_datetime, metavar="ISO", help="at or after this time")
    lst.add_argument("--limit", type=int, default=100, help="at most N rows (default 100; 0 = all)")
    lst.add_argument("--csv", metavar="FILE", help="write the rows to a CSV file instead of printing them")
    add_acting_user_flags(lst)
    add_json_flag(lst)
    lst.set_defaults(func=run_list)
    ver = aud_sub.add_parser(
        "verify",
        help="check the hash chain of the whole trail; exit 5 and the first broken link if it was tampered with",
    )
    ver.add_argument(
        "--anchor",
        type=_anchor,
        metavar="SEQ:HASH",
        help="a head printed by an earlier verify: check the trail still contains it (nothing cut off the end)",
    )
    add_acting_user_flags(ver)
    add_json_flag(ver)
    ver.set_defaults(func=run_verify)


def _anchor(value: str) -> tuple[int, str]:
    try:
        return parse_anchor(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


EXIT_TAMPERED = 5  # like `db check` on a damaged database


@refusals_exit_2
def run_verify(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        report = AuditUseCases(engine, principal).verify(args.anchor)

    def text(r: ChainReport) -> str:
        head = f"head {r.head_seq}:{r.head_hash}"
        if r.intact:
            return (
                f"The audit trail is intact: {r.checked} rows checked, {head}\n"
                f"Keep the head elsewhere: `audit verify --anchor {r.head_seq}:{r.head_hash}` later checks "
                "that nothing was cut off the end."
            )
        where = f"row {r.broken_seq}" if r.broken_seq is not None else f"row id {r.broken_id}"
        return (
            f"The audit trail was tampered with at {where}: {r.problem}.\n"
            f"{r.checked} rows before it are intact (last good: {head})."
        )

    emit(args, report.to_dict(), lambda _: text(report))
    return 0 if report.intact else EXIT_TAMPERED


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
        lines = [f"{'at':<25} {'actor':<16} {'action':<18} {'outcome':<7} target"]
        for r in rows:
            lines.append(
                f"{local_time(r.at_ms):<25} {r.actor or '-':<16} {r.action:<18} {r.outcome:<7} {r.target or '-'}"
            )
        return "\n".join(lines) if rows else "no audit rows match"

    emit(args, [r.to_dict() for r in rows], text)
    return 0
