"""`qms-desktop agents ...`: the agents directory that links recordings to people."""

from __future__ import annotations

import argparse
from pathlib import Path

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.directory import Agent


def register(sub: argparse._SubParsersAction) -> None:
    agents = sub.add_parser("agents", help="the agents directory (agent id, name, extension, team)")
    agents_sub = agents.add_subparsers(dest="agents_command", required=True)
    imp = agents_sub.add_parser(
        "import",
        help="import agents from CSV and re-link recordings",
        description="CSV header: agent_id,name,extension,team. Bad rows are reported with their line "
        "numbers and skipped; exit status 1 when there were any.",
    )
    imp.add_argument("file", type=Path, help="CSV file (UTF-8)")
    add_acting_user_flags(imp)
    add_json_flag(imp)
    imp.set_defaults(func=run_import)
    lst = agents_sub.add_parser("list", help="list the agents")
    add_acting_user_flags(lst)
    add_json_flag(lst)
    lst.set_defaults(func=run_list)
    edit = agents_sub.add_parser(
        "edit",
        help="change one agent's name, extension or team and re-link recordings",
        description="Values not given keep their saved value; an empty value clears it. A new team is "
        "created. Refused (exit 2) when another agent holds the extension.",
    )
    edit.add_argument("agent_id", help="the agent to change")
    edit.add_argument("--name")
    edit.add_argument("--extension")
    edit.add_argument("--team")
    add_acting_user_flags(edit)
    add_json_flag(edit)
    edit.set_defaults(func=run_edit)


@refusals_exit_2
def run_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        return fail(f"{args.file}: no such file")
    try:
        csv_text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"{args.file}: {exc}")
    try:
        with signed_in(args) as (engine, principal):
            done = DirectoryUseCases(engine, principal).import_csv(csv_text, str(args.file))
    except ValueError as exc:
        return fail(f"{args.file}: {exc}")
    result = done.result
    data = done.to_dict()

    def text(d: dict) -> str:
        lines = [
            f"{d['created']} created, {d['updated']} updated, {d['unchanged']} unchanged, "
            f"{d['teams_created']} new teams, {d['relinked_recordings']} recordings re-linked"
        ]
        lines += [f"line {e['line']}: {e['message']}" for e in d["errors"]]
        return "\n".join(lines)

    emit(args, data, text)
    return 1 if result.errors else 0


@refusals_exit_2
def run_list(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        agents = DirectoryUseCases(engine, principal).agents()
    data = [{"agent_id": a.agent_id, "name": a.name, "extension": a.extension, "team": a.team_code} for a in agents]

    def text(rows: list[dict]) -> str:
        if not rows:
            return "no agents (import some with: qms-desktop agents import FILE)"
        return "\n".join(_row(Agent(r["agent_id"], r["name"], r["extension"], r["team"])) for r in rows)

    emit(args, data, text)
    return 0


@refusals_exit_2
def run_edit(args: argparse.Namespace) -> int:
    if args.name is None and args.extension is None and args.team is None:
        return fail("nothing to change: give --name, --extension and/or --team", 2)
    with signed_in(args) as (engine, principal):
        directory = DirectoryUseCases(engine, principal)
        current = next((a for a in directory.agents() if a.agent_id == args.agent_id), None)
        if current is None:
            return fail(f"there is no agent {args.agent_id!r} (see: qms-desktop agents list)", 2)
        wanted = Agent(
            current.agent_id,
            current.name if args.name is None else args.name,
            current.extension if args.extension is None else args.extension,
            current.team_code if args.team is None else args.team,
        )
        try:
            change = directory.edit_agent(wanted)
        except (LookupError, ValueError) as exc:
            return fail(f"agent {args.agent_id}: {exc}", 2)
    a = change.agent
    data = {"agent_id": a.agent_id, "name": a.name, "extension": a.extension, "team": a.team_code,
            "changed": change.changed, "relinked_recordings": change.relinked}  # fmt: skip

    def text(d: dict) -> str:
        row = _row(Agent(d["agent_id"], d["name"], d["extension"], d["team"]))
        return f"{row}\n{d['relinked_recordings']} recordings re-linked" if d["changed"] else f"{row}\nunchanged"

    emit(args, data, text)
    return 0


def _row(agent: Agent) -> str:
    return f"{agent.agent_id:<12} {agent.extension or '-':<8} {agent.team_code or '-':<10} {agent.name or ''}"
