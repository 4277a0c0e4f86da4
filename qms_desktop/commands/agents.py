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


def _row(agent: Agent) -> str:
    return f"{agent.agent_id:<12} {agent.extension or '-':<8} {agent.team_code or '-':<10} {agent.name or ''}"
