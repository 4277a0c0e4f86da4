"""`qms-desktop queue ...` (the review playlist) and `qms-desktop searches ...` (saved searches)."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app.review_queue import MAX_SAMPLE_PER_AGENT, QUEUE_CAP, ReviewQueue, ReviewQueueUseCases
from qms_desktop.app.saved_searches import SavedSearch, SavedSearchUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, local_time, reversed_range
from qms_desktop.commands.recordings import add_filter_flags, filters_from_args
from qms_desktop.search.query import RecordingQuery
from qms_desktop.security.errors import InvalidUserInput


def register(sub: argparse._SubParsersAction) -> None:
    queue = sub.add_parser("queue", help="the review playlist: show it, make one from a search, move in it")
    actions = queue.add_subparsers(dest="queue_command", required=True)
    show = actions.add_parser("show", help="the playlist and where you are in it")
    _common(show)
    show.set_defaults(func=run_show)
    make = actions.add_parser("make", help=f"a playlist of a search's recordings (at most {QUEUE_CAP})")
    add_filter_flags(make)
    make.add_argument(
        "--sample", type=int, metavar="N", help=f"N recordings per agent, drawn at random (1-{MAX_SAMPLE_PER_AGENT})"
    )
    make.add_argument("--seed", type=int, help="the seed of --sample: the same seed and filters draw the same")
    make.add_argument("--title", default="", help="a title shown with the playlist")
    _common(make)
    make.set_defaults(func=run_make)
    for name, step, words in (("next", 1, "go to the next recording"), ("prev", -1, "go to the previous one")):
        move = actions.add_parser(name, help=words)
        _common(move)
        move.set_defaults(func=run_move, step=step)

    searches = sub.add_parser("searches", help="saved searches: list, save, delete")
    s_actions = searches.add_subparsers(dest="searches_command", required=True)
    listing = s_actions.add_parser("list", help="your saved searches and the shared ones, with new matches")
    _common(listing)
    listing.set_defaults(func=run_list)
    save = s_actions.add_parser("save", help="save these filters under a name")
    save.add_argument("name")
    save.add_argument("--shared", action="store_true", help="share it with the team")
    add_filter_flags(save)
    _common(save)
    save.set_defaults(func=run_save)
    delete = s_actions.add_parser("delete", help="delete one of your saved searches")
    delete.add_argument("id", type=int)
    _common(delete)
    delete.set_defaults(func=run_delete)


def _common(parser: argparse.ArgumentParser) -> None:
    add_acting_user_flags(parser)
    add_json_flag(parser)


def _query(args: argparse.Namespace) -> RecordingQuery:
    problem = reversed_range(args.start, args.end)
    if problem:
        raise InvalidUserInput(problem)
    return RecordingQuery(**filters_from_args(args))


def _queue_data(queue: ReviewQueue | None) -> dict[str, Any] | None:
    if queue is None:
        return None
    return {
        "title": queue.title,
        "seed": queue.seed,
        "current": queue.current,
        "stored": queue.stored,
        "skipped": queue.skipped,
        "capped": queue.capped,
        "items": [
            {"session_id": i.session_id, "start_ms": i.start_ms, "duration_ms": i.duration_ms,
             "agent_id": i.agent_id, "agent_name": i.agent_name, "team_code": i.team_code}
            for i in queue.items
        ],
    }  # fmt: skip


def _queue_text(data: dict[str, Any] | None) -> str:
    if data is None:
        return "No review playlist: make one with `qms-desktop queue make`."
    head = f"Review playlist {data['title']!r}: {len(data['items'])} recording(s)"
    if data["seed"] is not None:
        head += f", seed {data['seed']}"
    if data["skipped"]:
        head += f", {data['skipped']} hidden (teams you no longer supervise)"
    if data["capped"]:
        head += f", only the first {QUEUE_CAP} of the search"
    lines = [head]
    for n, item in enumerate(data["items"]):
        mark = ">" if n == data["current"] else " "
        lines.append(
            f"{mark} {n + 1:>4}  {local_time(item['start_ms'])}  {item['session_id']}  {item['agent_name'] or '-'}"
        )
    return "\n".join(lines)


@refusals_exit_2
def run_show(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        queue = ReviewQueueUseCases(engine, principal).current()
    emit(args, _queue_data(queue), _queue_text)
    return 0


@refusals_exit_2
def run_make(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        uc = ReviewQueueUseCases(engine, principal)
        if args.sample is not None:
            queue = uc.sample(_query(args), args.sample, args.seed, args.title)
        else:
            queue = uc.create(_query(args), args.title)
    emit(args, _queue_data(queue), _queue_text)
    return 0


@refusals_exit_2
def run_move(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        queue = ReviewQueueUseCases(engine, principal).move(args.step)
    emit(args, _queue_data(queue), _queue_text)
    return 0


def _search_text(searches: list[dict[str, Any]]) -> str:
    if not searches:
        return "No saved searches."
    return "\n".join(
        f"{s['id']:>5}  {s['name']}  ({s['new_matches']} new)  "
        + (f"shared by {s['owner']}" if s["shared"] else "private")
        for s in searches
    )


@refusals_exit_2
def run_list(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        searches: list[SavedSearch] = SavedSearchUseCases(engine, principal).list()
    emit(args, [s.to_dict() for s in searches], _search_text)
    return 0


@refusals_exit_2
def run_save(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        saved = SavedSearchUseCases(engine, principal).save(args.name, _query(args), shared=args.shared)
    emit(args, [saved.to_dict()], _search_text)
    return 0


@refusals_exit_2
def run_delete(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        SavedSearchUseCases(engine, principal).delete(args.id)
    emit(args, {"deleted": args.id}, lambda d: f"Deleted saved search {d['deleted']}.")
    return 0
