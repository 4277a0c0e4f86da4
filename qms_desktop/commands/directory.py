"""`qms-desktop directory dial-plan show|set`: the site's numbering, which the sync infers direction,
ANI and DNIS with (which device refs are extensions, which track is the agent's phone and which the
caller's). Setting it is for administrators; it re-links stored recordings and is audited."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.directory import DialPlanError


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
    put.add_argument("--internal-pattern", metavar="REGEX", help=r"device refs that are extensions, e.g. ^\d{3,5}$")
    put.add_argument("--agent-track", metavar="N", help="the track of the recorded agent's phone (Unified CM: 0)")
    put.add_argument(
        "--caller-track", metavar="N", help="the track of the calling side (1: the far end, inbound; 0: the agent)"
    )
    add_acting_user_flags(put)
    add_json_flag(put)
    put.set_defaults(func=run_set)


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
    values: dict[str, Any] = {}
    if args.internal_pattern is not None:
        values["internal_pattern"] = args.internal_pattern
    for name in ("agent_track", "caller_track"):
        given = getattr(args, name)
        if given is None:
            continue
        if not given.strip().isdigit():
            flag = "--" + name.replace("_", "-")
            return fail(f"{flag} {given!r}: give a track number (0, 1, ... as MediaSense numbers them)", 2)
        values[name] = int(given)
    if not values:
        return fail("nothing to set: give --internal-pattern, --agent-track and/or --caller-track", 2)
    with signed_in(args) as (engine, principal):
        try:
            change = DirectoryUseCases(engine, principal).set_dial_plan(values)
        except DialPlanError as exc:
            return fail(str(exc), 2)
    emit(args, change.to_dict(), _text)
    return 0
