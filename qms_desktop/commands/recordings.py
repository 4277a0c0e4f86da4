"""`qms-desktop recordings ...`: search the synced recordings and show one in detail."""

from __future__ import annotations

import argparse
import asyncio
import os
from typing import Any

from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail, iso_datetime, local_time, reversed_range
from qms_desktop.domain.sessions import SessionState
from qms_desktop.domain.time import from_ms, to_ms
from qms_desktop.search.query import SORT_FIELDS, InvalidCursor, RecordingDetail, RecordingQuery, SegmentInfo


def register(sub: argparse._SubParsersAction) -> None:
    rec = sub.add_parser("recordings", help="search synced recordings, show one")
    rec_sub = rec.add_subparsers(dest="recordings_command", required=True)

    search = rec_sub.add_parser(
        "search",
        help="search recordings (filters are combined with AND)",
        description="Times are ISO 8601; without an offset they are UTC. --to is exclusive.",
    )
    add_filter_flags(search)
    search.add_argument(
        "--sessions",
        action="store_true",
        help="one row per MediaSense session (default: one row per call, its sessions as segments)",
    )
    search.add_argument("--sort", choices=SORT_FIELDS, default="start")
    search.add_argument("--asc", action="store_true", help="ascending order (default: newest/largest first)")
    search.add_argument("--limit", type=int, default=50, help="rows per page (1-1000, default 50)")
    search.add_argument("--after", metavar="CURSOR", help="the next-page cursor a previous search printed")
    search.add_argument("--count", action="store_true", help="also count all matching recordings")
    add_acting_user_flags(search)
    add_json_flag(search)
    search.set_defaults(func=run_search)

    show = rec_sub.add_parser("show", help="metadata, tracks, participants and tags of one session")
    show.add_argument("session_id")
    add_acting_user_flags(show)
    add_json_flag(show)
    show.set_defaults(func=run_show)

    from qms_desktop.commands import playback_cli

    playback_cli.register(rec_sub)

    from qms_desktop.commands import export_cli

    export_cli.register(rec_sub)


STATES = tuple(state.value for state in SessionState if state is not SessionState.UNKNOWN)
MAX_SECONDS = 366 * 24 * 3600  # no call lasts a year: anything longer is a typing mistake


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from exc
    if not 0 <= seconds <= MAX_SECONDS:  # also refuses inf and nan
        raise argparse.ArgumentTypeError(f"seconds must be between 0 and {MAX_SECONDS}, not {value!r}")
    return seconds


def add_filter_flags(parser: argparse.ArgumentParser) -> None:
    """The recordings filters, the same for a search, a review playlist and a saved search."""
    parser.add_argument("--from", dest="start", type=iso_datetime, metavar="ISO", help="start at or after")
    parser.add_argument("--to", dest="end", type=iso_datetime, metavar="ISO", help="start before")
    parser.add_argument("--agent", action="append", default=[], help="agent id (repeat for any of several)")
    parser.add_argument("--team", action="append", default=[], help="team code (repeat for any of several)")
    parser.add_argument("--direction", choices=("inbound", "outbound", "internal"))
    parser.add_argument("--ani", help="calling number contains")
    parser.add_argument("--dnis", help="called number contains")
    parser.add_argument("--csq", help="contact service queue (exact)")
    parser.add_argument("--tag", action="append", default=[], help="has this tag (repeat: has all of them)")
    parser.add_argument("--min-duration", type=_seconds, metavar="S", help="at least S seconds")
    parser.add_argument("--max-duration", type=_seconds, metavar="S", help="at most S seconds")
    parser.add_argument("--state", type=str.upper, choices=STATES, help="the session's state")
    parser.add_argument("--session", help="session id (exact)")
    parser.add_argument("--ccid", help="the call controller's call id (exact): every session (segment) of that call")
    parser.add_argument("--text", help="free text: every word as a prefix (agent, team, numbers, tags ...)")


def filters_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The RecordingQuery filters `add_filter_flags` read."""

    def seconds(value: float | None) -> int | None:
        return None if value is None else round(value * 1000)

    return {
        "start_ms": to_ms(args.start),
        "end_ms": to_ms(args.end),
        "agent_ids": tuple(args.agent),
        "team_codes": tuple(args.team),
        "direction": args.direction,
        "ani": args.ani,
        "dnis": args.dnis,
        "csq": args.csq,
        "tags": tuple(args.tag),
        "min_duration_ms": seconds(args.min_duration),
        "max_duration_ms": seconds(args.max_duration),
        "state": args.state,
        "session_id": args.session,
        "ccid": args.ccid,
        "text": args.text,
    }


def query_from_args(args: argparse.Namespace) -> RecordingQuery:
    return RecordingQuery(
        **filters_from_args(args),
        sort=args.sort,
        descending=not args.asc,
        limit=args.limit,
        after=args.after,
        group_calls=not args.sessions,
    )


@refusals_exit_2
def run_search(args: argparse.Namespace) -> int:
    problem = reversed_range(args.start, args.end)
    if problem:
        return fail(problem, 2)
    try:
        query = query_from_args(args)
    except ValueError as exc:
        return fail(str(exc), 2)
    try:
        with signed_in(args) as (engine, principal):
            recordings = RecordingUseCases(engine, principal)
            if os.environ.get("QMS_OPENSEARCH_URL"):
                # The team deployment: ids from OpenSearch, rows from the database (same results and cursors).
                page, total, _backend = asyncio.run(recordings.search_with_index(query, with_count=args.count))
            else:
                page = recordings.search(query)
                total = recordings.count(query) if args.count else None
    except InvalidCursor as exc:
        return fail(str(exc), 2)
    data: dict[str, Any] = page.to_dict()
    if total is not None:
        data["total"] = total

    def text(d: dict[str, Any]) -> str:
        lines = [
            f"{'start':<25} {'session':<24} {'dur':>8} {'dir':<8} {'agent':<20} {'team':<10} "
            f"{'ani':<16} {'dnis':<12} state"
        ]
        for row in page.items:
            start = from_ms(row.call_start_ms) or row.start
            lines.append(
                f"{local_time(start):<25} {row.session_id:<24} "
                f"{_duration(row.talk_ms):>8} {row.direction or '-':<8} "
                f"{(row.agent_name or row.agent_id or '-')[:20]:<20} {row.team_code or '-':<10} "
                f"{row.ani or '-':<16} {row.dnis or '-':<12} {row.state}"
            )
            if row.is_call:  # a call split by a hold or a transfer: its segments under it
                lines += [f"  {_segment_line(i, s)}" for i, s in enumerate(row.segments, 1)]
        if not page.items:
            lines.append("no recordings match")
        if total is not None:
            lines.append(f"{total} matching recordings")
        if page.next_cursor:
            lines.append(f"more: --after {page.next_cursor}")
        return "\n".join(lines)

    emit(args, data, text)
    return 0


def media_availability(detail: RecordingDetail) -> dict[str, Any] | None:
    """HOOK: the media availability check goes here (ask MediaSense, through mediasense.media, whether
    each media URL can still be played: pruned, moved, permission). None until it is built; whatever
    it returns is shown by `recordings show` under "media"."""
    return None


@refusals_exit_2
def run_show(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        detail = RecordingUseCases(engine, principal).show(args.session_id)
    data = detail.to_dict()
    data["media"] = media_availability(detail)
    emit(args, data, lambda _: _show_text(detail, data["media"]))
    return 0


def _duration(ms: int | None) -> str:
    if ms is None:
        return "-"
    seconds = ms // 1000
    return (
        f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if seconds >= 3600
        else f"{seconds // 60}:{seconds % 60:02d}"
    )


def _segment_line(number: int, segment: SegmentInfo) -> str:
    start = from_ms(segment.start_ms)
    assert start is not None
    return (
        f"segment {number}: {local_time(start)} {segment.session_id} {_duration(segment.duration_ms)} "
        f"{segment.state} {segment.agent_name or segment.agent_id or '-'}"
    )


def _time(ms: int | None) -> str:
    return local_time(ms)


def _show_text(detail: RecordingDetail, media: dict[str, Any] | None) -> str:
    row = detail.row
    fields = [
        ("session", row.session_id),
        ("recording", detail.recording_id),
        ("state", row.state + (" (pruned)" if row.pruned else "")),
        ("start", _time(row.start_ms)),
        ("end", _time(row.end_ms)),
        ("duration", _duration(row.duration_ms)),
        ("direction", row.direction),
        ("ani / dnis", f"{row.ani or '-'} -> {row.dnis or '-'}"),
        ("agent", f"{row.agent_name or '-'} ({row.agent_id or '-'})"),
        ("team", row.team_code),
        ("csq", row.csq),
        ("wrap-up", row.wrap_up_reason),
        ("codec", row.codec),
        ("ccid", detail.ccid),
        ("controller", f"{detail.call_controller_type or '-'} {detail.call_controller_ip or ''}".strip()),
        ("source", row.dialect),
    ]
    lines = [f"{name:<12} {value if value not in (None, '') else '-'}" for name, value in fields]
    for name, url in detail.urls.items():
        if url:
            lines.append(f"{name + ' url':<12} {url}")
    if row.is_call:
        lines.append(f"call of {len(row.segments)} segments (ccid {detail.ccid}):")
        lines += [f"  {_segment_line(i, s)}" for i, s in enumerate(row.segments, 1)]
    lines.append("tracks:")
    lines += [
        f"  #{'?' if t.number is None else t.number} {t.media_type or ''} {t.codec or ''} {_duration(t.duration_ms)}"
        for t in detail.tracks
    ]
    if detail.listening:
        lines.append("listen to:")
        lines += [
            f"  {'whole' if c.track is None else c.track:<6} "
            + ("whole call" if c.role is None else c.role.value)
            + (f": {', '.join(c.who)}" if c.who else "")
            for c in detail.listening
        ]
    lines.append("participants:")
    lines += [
        f"  track {p.track_number if p.track_number is not None else '-'}: {p.device_ref or '-'}"
        + (f" ({p.name})" if p.name else "")
        + (f" [{p.role}]" if p.role else "")
        + (" conference" if p.is_conference else "")
        for p in detail.participants
    ]
    lines.append("tags:")
    lines += [f"  {t.name} {t.type or ''} at {_duration(t.offset_ms)}" for t in detail.tags]
    if media is not None:
        lines.append(f"media: {media}")
    return "\n".join(lines)
