"""`qms-desktop reviews coverage | mark | unmark | settings`: review coverage per agent and team for a
period (text, JSON or a CSV file), the reviewed mark of one recording, and the site's review settings
(required coverage before a mark, the weekly target per agent)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qms_desktop.app.reviews import CoverageReport, CoverageRow, ReviewSettings, ReviewUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail, iso_datetime, local_time, reversed_range
from qms_desktop.domain.time import to_ms


def register(sub: argparse._SubParsersAction) -> None:
    rev = sub.add_parser("reviews", help="review coverage, the reviewed mark and the review settings")
    rev_sub = rev.add_subparsers(dest="reviews_command", required=True)
    cov = rev_sub.add_parser(
        "coverage",
        help="per agent and team: recordings, reviewed, heard minutes, against the weekly target",
        description="Recordings started in the period. Times are ISO 8601; without an offset they are UTC. "
        "--to is exclusive.",
    )
    cov.add_argument("--from", dest="start", type=iso_datetime, required=True, metavar="ISO", help="start at or after")
    cov.add_argument("--to", dest="end", type=iso_datetime, required=True, metavar="ISO", help="start before")
    cov.add_argument("--team", help="only this team")
    cov.add_argument("--csv", metavar="FILE", help="write the report to a CSV file instead of printing it")
    add_acting_user_flags(cov)
    add_json_flag(cov)
    cov.set_defaults(func=run_coverage)
    for name, helptext, func in (
        ("mark", "mark a recording reviewed (the required coverage must have been heard)", run_mark),
        ("unmark", "remove a recording's reviewed mark (its reviewer or an administrator)", run_unmark),
    ):
        cmd = rev_sub.add_parser(name, help=helptext)
        cmd.add_argument("session_id", metavar="ID", help="the recording's session id")
        add_acting_user_flags(cmd)
        add_json_flag(cmd)
        cmd.set_defaults(func=func)
    st = rev_sub.add_parser("settings", help="show or change (administrators) the review settings")
    st.add_argument("--required-coverage", type=int, metavar="PERCENT", help="heard share needed before a mark")
    st.add_argument("--weekly-target", type=int, metavar="N", help="reviewed recordings per agent per week")
    add_acting_user_flags(st)
    add_json_flag(st)
    st.set_defaults(func=run_settings)


def _row_text(label: str, row: CoverageRow) -> str:
    target = f"{row.target:g}" if row.target else "-"
    percent = f"{row.target_percent} %" if row.target_percent is not None else "-"
    return (
        f"{label:<32} {row.recordings:>6} {row.reviewed:>8} {row.heard_ms / 60_000:>9.1f} "
        f"{row.recorded_ms / 60_000:>9.1f} {target:>7} {percent:>7}"
    )


def coverage_text(report: CoverageReport) -> str:
    head = f"{'':<32} {'recs':>6} {'reviewed':>8} {'heard min':>9} {'rec. min':>9} {'target':>7} {'met':>7}"
    lines = [f"Review coverage {local_time(report.start_ms)} .. {local_time(report.end_ms)}", head]
    for row in report.agents:
        name = row.agent_name or row.agent_id or "(no agent)"
        lines.append(_row_text(f"{row.team_code or '-'} / {name}", row))
    for row in report.teams:
        lines.append(_row_text(f"team {row.team_code or '-'}", row))
    lines.append(_row_text("total", report.total))
    return "\n".join(lines)


@refusals_exit_2
def run_coverage(args: argparse.Namespace) -> int:
    problem = reversed_range(args.start, args.end)
    if problem:
        return fail(problem, 2)
    start, end = to_ms(args.start), to_ms(args.end)
    assert start is not None and end is not None
    with signed_in(args) as (engine, principal):
        use_cases = ReviewUseCases(engine, principal)
        report = use_cases.coverage(start, end, args.team)
        if args.csv:
            text = use_cases.export_coverage(report, args.csv)
            Path(args.csv).write_text(text, encoding="utf-8")
            emit(
                args,
                {"csv": args.csv, "agents": len(report.agents)},
                lambda d: f"Wrote {d['agents']} agents to {d['csv']}",
            )
            return 0
    emit(args, report, coverage_text)
    return 0


@refusals_exit_2
def run_mark(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        mark = ReviewUseCases(engine, principal).mark(args.session_id)
    emit(args, mark, lambda m: f"{m.session_id} marked reviewed by {m.reviewed_by}")
    return 0


@refusals_exit_2
def run_unmark(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        mark = ReviewUseCases(engine, principal).unmark(args.session_id)
    emit(
        args,
        {"session_id": args.session_id, "removed": mark.to_dict() if mark else None},
        lambda d: f"{d['session_id']}: " + ("mark removed" if d["removed"] else "was not marked reviewed"),
    )
    return 0


@refusals_exit_2
def run_settings(args: argparse.Namespace) -> int:
    values = {
        key: value
        for key, value in (("required_coverage_percent", args.required_coverage), ("weekly_target", args.weekly_target))
        if value is not None
    }
    with signed_in(args) as (engine, principal):
        use_cases = ReviewUseCases(engine, principal)
        settings = use_cases.set_settings(values) if values else use_cases.settings()

    def text(s: ReviewSettings) -> str:
        return f"required coverage: {s.required_coverage_percent} %\nweekly target:     {s.weekly_target} per agent"

    emit(args, settings, text)
    return 0
