"""`qms-desktop recordings stream|serve`: audio through the very path the player uses.

Both start the local playback proxy, register a playback as the acting user (permission check,
per-user limit, audit), and then either fetch the local URL into a file (`stream`) or print it and
serve until interrupted (`serve`), so any player can open and seek it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from qms_desktop import paths
from qms_desktop.app import runtime
from qms_desktop.app.playback import Playback, PlaybackUseCases
from qms_desktop.commands._acting import acting_principal, add_acting_user_flags
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.sessions import WHOLE_CALL, BadTrackChoice, TrackChoice, parse_track_choice
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.playback.proxy import PlaybackTicket
from qms_desktop.security.errors import SecurityError


def register(rec_sub: argparse._SubParsersAction) -> None:
    stream = rec_sub.add_parser(
        "stream",
        help="fetch a recording's audio through the local playback proxy into a file",
        description="Acts as --as NAME (password from --password-stdin or QMS_PASSWORD); "
        "the MediaSense connection comes from the saved settings or MEDIASENSE_* variables.",
    )
    _common(stream)
    stream.add_argument("--range", metavar="bytes=A-B", help="ask for this byte range (as a seeking player would)")
    stream.add_argument("--output", "-o", required=True, metavar="FILE", help="where to write the audio")
    add_json_flag(stream)
    stream.set_defaults(func=run_stream)

    serve = rec_sub.add_parser(
        "serve",
        help="serve a recording on a local playback URL until interrupted (open it in any player)",
    )
    _common(serve)
    serve.set_defaults(func=run_serve)


def _track_choice(text: str) -> TrackChoice:
    try:
        return parse_track_choice(text)
    except BadTrackChoice as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id")
    parser.add_argument(
        "--track",
        type=_track_choice,
        default=WHOLE_CALL,
        metavar="N|whole",
        help="one party's track as MediaSense numbers them (Unified CM: 0 the agent's phone, 1 the far end), "
        "or 'whole' for both parties mixed (the default)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="play from the built-in simulator as the demo administrator, in the demo's own home "
        "(QMS_DEMO_HOME: the home an earlier `sync now --demo` used)",
    )
    add_acting_user_flags(parser)


class _Session:
    """Database, acting user, playback proxy: what both commands need, torn down together."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.demo: Any = None
        if args.demo:
            from qms_desktop.app.demo import start_demo

            home = paths.enter_demo_home()
            print(f"Demo: a throw-away home and database in {home}", file=sys.stderr)
            self.demo = start_demo(frozen=True)
        self.engine: Engine = runtime.open_database()
        self.playback: Playback | None = None
        try:
            if self.demo is not None:
                principal = self.demo.prepare(self.engine)["admin"]
            else:
                principal = acting_principal(args, self.engine)
            override = self.demo.connection() if self.demo is not None else None
            self.playback = PlaybackUseCases(self.engine, principal).open(override=override)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.playback is not None:
            self.playback.stop()
        self.engine.dispose()
        if self.demo is not None:
            self.demo.stop()


def _open(args: argparse.Namespace) -> tuple[_Session, PlaybackTicket] | int:
    try:
        session = _Session(args)
    except (SecurityError, runtime.NotConfigured, MediaSenseError) as exc:
        return fail(str(exc), 2)
    assert session.playback is not None
    try:
        ticket = session.playback.ticket(args.session_id, args.track)
    except (SecurityError, MediaSenseError) as exc:
        session.close()
        return fail(str(exc), 2)
    return session, ticket


def run_stream(args: argparse.Namespace) -> int:
    opened = _open(args)
    if isinstance(opened, int):
        return opened
    session, ticket = opened
    headers = {"Range": args.range} if args.range else {}
    written = 0
    try:
        with (
            httpx.Client(timeout=httpx.Timeout(30.0, read=120.0)) as client,
            client.stream("GET", ticket.url, headers=headers) as response,
        ):
            if response.status_code not in (200, 206):
                response.read()
                return fail(f"the playback proxy answered {response.status_code}: {response.text.strip()}", 1)
            with Path(args.output).open("wb") as out:
                for chunk in response.iter_raw(64 * 1024):
                    out.write(chunk)
                    written += len(chunk)
            data = {
                "status": response.status_code,
                "bytes": written,
                "contentType": response.headers.get("content-type"),
                "contentRange": response.headers.get("content-range"),
                "output": args.output,
                "sessionId": ticket.session_id,
                "track": ticket.track,
            }
    finally:
        session.close()
    emit(args, data, lambda d: f"{d['status']} {d['bytes']} bytes ({d['contentType']}) -> {d['output']}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    opened = _open(args)
    if isinstance(opened, int):
        return opened
    session, ticket = opened
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(ticket.url, flush=True)
        print(f"serving {ticket.session_id} until interrupted (Ctrl+C)", file=sys.stderr, flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        session.close()
    return 0
