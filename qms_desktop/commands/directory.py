"""`qms-desktop directory dial-plan show|set|preview` and `directory relink`: the site's numbering,
which the sync infers direction, ANI and DNIS with (which device refs are extensions, which track is
the agent's phone and which the caller's). Setting it is for administrators; it re-links stored
recordings and is audited. A preview shows how a plan would classify the last stored calls before it
is saved; `relink` links every stored recording anew with the directory and the saved plan."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.directory import CallPreview, DialPlanError


def register(sub: argparse._SubParsersAction) -> None:
    directory = sub.add_parser("directory", help="the site's dial plan (internal numbers, agent and caller tracks)")
    directory_sub = directory.add_subparsers(dest="directory_command", required=True)
    plan = directory_sub.add_parser("dial-plan", help="show or set the dial plan the sync infers calls with")
    plan_sub = plan.add_subparsers(dest="dial_plan_command", required=True)
    show = plan_sub.add_parser("show", help="the saved dial plan (the default until one is saved)")
    add_acting_user_flags(show)
    add_json_flag(show)
    show.set_defaults(func=run_show)
    put = plan_sub.add_parser(
        "set",
        help="save the dial plan (administrators); stored recordings are re-linked with it",
        description="Values not given keep their saved value. MediaSense numbers tracks from 0: with "
        "Unified CM track 0 is the recorded (agent's) phone and track 1 the far end; CUBE may differ.",
    )
    _plan_flags(put)
    add_acting_user_flags(put)
    add_json_flag(put)
    put.set_defaults(func=run_set)
    preview = plan_sub.add_parser(
        "preview",
        help="how a dial plan would classify the last stored calls (nothing is saved)",
        description="Values not given keep their saved value. Each call: direction, agent, ANI and DNIS "
        "under the plan; calls the plan would change are marked with *.",
    )
    _plan_flags(preview)
    preview.add_argument("--limit", type=int, default=20, metavar="N", help="how many calls, newest first (20)")
    add_acting_user_flags(preview)
    add_json_flag(preview)
    preview.set_defaults(func=run_preview)
    relink = directory_sub.add_parser(
        "relink", help="link every stored recording anew (agent, team, direction, ANI, DNIS); administrators"
    )
    add_acting_user_flags(relink)
    add_json_flag(relink)
    relink.set_defaults(func=run_relink)


def _plan_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--internal-pattern", metavar="REGEX", help=r"device refs that are extensions, e.g. ^\d{3,5}$")
    parser.add_argument("--agent-track", metavar="N", help="the track of the recorded agent's phone (Unified CM: 0)")
    parser.add_argument(
        "--caller-track", metavar="N", help="the track of the calling side (1: the far end, inbound; 0: the agent)"
    )


def _plan_values(args: argparse.Namespace) -> dict[str, Any] | str:
    """The values given on the command line, or what is wrong with one."""
    values: dict[str, Any] = {}
    if args.internal_pattern is not None:
        values["internal_pattern"] = args.internal_pattern
    for name in ("agent_track", "caller_track"):
        given = getattr(args, name)
        if given is None:
            continue
        if not given.strip().isdigit():
            flag = "--" + name.replace("_", "-")
            return f"{flag} {given!r}: give a track number (0, 1, ... as MediaSense numbers them)"
        values[name] = int(given)
    return values


def _text(d: dict[str, Any]) -> str:
    lines = [
        f"internal numbers: {d['internal_pattern']}",
        f"agent's track:    {d['agent_track']}",
        f"caller's track:   {d['caller_track']}",
    ]
    if "relinked_recordings" in d:
        lines.append(f"{d['relinked_recordings']} recordings re-linked")
    return "\n".join(lines)


@refusals_exit_2
def run_show(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        try:
            plan = DirectoryUseCases(engine, principal).dial_plan()
        except DialPlanError as exc:
            return fail(str(exc))
    emit(args, plan.to_dict(), _text)
    return 0


@refusals_exit_2
def run_set(args: argparse.Namespace) -> int:
    values = _plan_values(args)
    if isinstance(values, str):
        return fail(values, 2)
    if not values:
        return fail("nothing to set: give --internal-pattern, --agent-track and/or --caller-track", 2)
    with signed_in(args) as (engine, principal):
        try:
            change = DirectoryUseCases(engine, principal).set_dial_plan(values)
        except DialPlanError as exc:
            return fail(str(exc), 2)
    emit(args, change.to_dict(), _text)
    return 0


def _call(call: CallPreview) -> dict[str, Any]:
    return {
        "session_id": call.session_id,
        "start_ms": call.start_ms,
        "direction": call.direction.value if call.direction is not None else None,
        "agent_id": call.agent.agent_id if call.agent is not None else None,
        "ani": call.ani,
        "dnis": call.dnis,
        "parties": list(call.parties),
        "changes": call.changes,
        "stored": {"direction": call.stored_direction, "agent_id": call.stored_agent_id, "ani": call.stored_ani,
                   "dnis": call.stored_dnis},
    }  # fmt: skip


@refusals_exit_2
def run_preview(args: argparse.Namespace) -> int:
    values = _plan_values(args)
    if isinstance(values, str):
        return fail(values, 2)
    if args.limit < 1:
        return fail("--limit: give a number of calls from 1", 2)
    with signed_in(args) as (engine, principal):
        try:
            calls = DirectoryUseCases(engine, principal).preview_dial_plan(values, args.limit)
        except DialPlanError as exc:
            return fail(str(exc), 2)
    data = [_call(c) for c in calls]

    def text(rows: list[dict[str, Any]]) -> str:
        if not rows:
            return "no calls are stored yet"
        lines = [
            f"{'*' if r['changes'] else ' '} {r['session_id']:<20} {r['direction'] or '-':<9} "
            f"{r['agent_id'] or '-':<12} {r['ani'] or '-'} -> {r['dnis'] or '-'}"
            for r in rows
        ]
        changed = sum(r["changes"] for r in rows)
        return "\n".join([*lines, f"{changed} of {len(rows)} calls would change (*)"])

    emit(args, data, text)
    return 0


@refusals_exit_2
def run_relink(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        relinked = DirectoryUseCases(engine, principal).relink()
    emit(args, {"relinked_recordings": relinked}, lambda d: f"{d['relinked_recordings']} recordings re-linked")
    return 0
