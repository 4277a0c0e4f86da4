"""`qms-desktop notes ...`: time-coded notes and bookmarks on a recording."""

from __future__ import annotations

import argparse

from qms_desktop.app.notes import InvalidNote, Note, NoteKind, NotesUseCases, NoteVisibility
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.notes import NOTE_CATEGORIES


def register(sub: argparse._SubParsersAction) -> None:
    notes = sub.add_parser("notes", help="time-coded notes and bookmarks on recordings")
    notes_sub = notes.add_subparsers(dest="notes_command", required=True)

    show = notes_sub.add_parser("list", help="the notes of one recording you may see, by position")
    show.add_argument("session_id")
    _common(show, run_list)

    add = notes_sub.add_parser("add", help="add a note (or, with --bookmark, a bookmark) at a position of a recording")
    add.add_argument("session_id")
    add.add_argument("--at", dest="seconds", type=_seconds, required=True, metavar="SECONDS",
                     help="position from the recording's start, in seconds (or M:SS)")  # fmt: skip
    add.add_argument("--text", default="", help="the note's words (a bookmark may have none)")
    add.add_argument("--category", help=f"e.g. {', '.join(NOTE_CATEGORIES)} (any short word)")
    add.add_argument("--bookmark", action="store_true", help="a bookmark rather than a note")
    add.add_argument("--private", action="store_true", help="only you will see it (default: your team)")
    _common(add, run_add)

    edit = notes_sub.add_parser("edit", help="change a note of yours (what is not given stays)")
    edit.add_argument("note_id", type=int)
    edit.add_argument("--at", dest="seconds", type=_seconds, metavar="SECONDS")
    edit.add_argument("--text")
    edit.add_argument("--category", help='"" removes it')
    visibility = edit.add_mutually_exclusive_group()
    visibility.add_argument("--private", action="store_const", const=NoteVisibility.PRIVATE, dest="visibility")
    visibility.add_argument("--team", action="store_const", const=NoteVisibility.TEAM, dest="visibility")
    _common(edit, run_edit)

    delete = notes_sub.add_parser("delete", help="delete a note of yours (an administrator: any team note)")
    delete.add_argument("note_id", type=int)
    _common(delete, run_delete)

    search = notes_sub.add_parser("search", help="notes whose words start with these, on your teams' recordings")
    search.add_argument("text")
    search.add_argument("--limit", type=_limit, default=200, help="at most this many notes (1-1000, default 200)")
    _common(search, run_search)


def _common(parser: argparse.ArgumentParser, func: object) -> None:
    add_acting_user_flags(parser)
    add_json_flag(parser)
    parser.set_defaults(func=func)


def _seconds(value: str) -> int:
    """Milliseconds from "75", "75.5" or "1:15"."""
    try:
        minutes, _, seconds = value.rpartition(":")
        total = float(seconds) + (int(minutes) * 60 if minutes else 0)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a position in seconds or M:SS: {value!r}") from exc
    if not 0 <= total < 366 * 24 * 3600:  # also refuses inf and nan
        raise argparse.ArgumentTypeError(f"not a position within a recording: {value!r}")
    return round(total * 1000)


def _limit(value: str) -> int:
    try:
        limit = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
    if not 1 <= limit <= 1000:
        raise argparse.ArgumentTypeError(f"the limit must be between 1 and 1000, not {limit}")
    return limit


def clock(ms: int) -> str:
    seconds = ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _line(note: Note) -> str:
    mark = "bookmark" if note.kind is NoteKind.BOOKMARK else "note"
    private = " private" if note.is_private else ""
    category = f" [{note.category}]" if note.category else ""
    return f"#{note.id:<5} {clock(note.position_ms):>8}  {mark}{private}  {note.author}{category}  {note.text}".rstrip()


def _emit_notes(args: argparse.Namespace, notes: list[Note], empty: str) -> None:
    emit(args, [n.to_dict() for n in notes], lambda _: "\n".join(_line(n) for n in notes) or empty)


@refusals_exit_2
def run_list(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        notes = NotesUseCases(engine, principal).list_for(args.session_id)
    _emit_notes(args, notes, "no notes")
    return 0


@refusals_exit_2
def run_add(args: argparse.Namespace) -> int:
    try:
        with signed_in(args) as (engine, principal):
            note = NotesUseCases(engine, principal).add(
                args.session_id,
                args.seconds,
                args.text,
                category=args.category,
                kind=NoteKind.BOOKMARK if args.bookmark else NoteKind.NOTE,
                visibility=NoteVisibility.PRIVATE if args.private else NoteVisibility.TEAM,
            )
    except InvalidNote as exc:
        return fail(str(exc), 2)
    emit(args, note.to_dict(), lambda _: f"added {_line(note)}")
    return 0


@refusals_exit_2
def run_edit(args: argparse.Namespace) -> int:
    try:
        with signed_in(args) as (engine, principal):
            note = NotesUseCases(engine, principal).edit(
                args.note_id, text=args.text, category=args.category, position_ms=args.seconds,
                visibility=args.visibility,
            )  # fmt: skip
    except InvalidNote as exc:
        return fail(str(exc), 2)
    emit(args, note.to_dict(), lambda _: f"changed {_line(note)}")
    return 0


@refusals_exit_2
def run_delete(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        NotesUseCases(engine, principal).delete(args.note_id)
    emit(args, {"deleted": args.note_id}, lambda _: f"deleted note {args.note_id}")
    return 0


@refusals_exit_2
def run_search(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        notes = NotesUseCases(engine, principal).search(args.text, limit=args.limit)

    def text(_: object) -> str:
        return "\n".join(f"{n.session_id:<24} {_line(n)}" for n in notes) or "no notes match"

    emit(args, [n.to_dict() for n in notes], text)
    return 0
