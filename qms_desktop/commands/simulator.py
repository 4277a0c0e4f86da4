"""`qms-desktop simulator`: serve a MediaSense look-alike until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

from qms_desktop.commands._output import add_json_flag, fail


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "simulator",
        help="run the built-in MediaSense simulator (demo and tests)",
        description="Serve a MediaSense look-alike API with synthetic calls and audio until interrupted.",
    )
    parser.add_argument("--profile", choices=("cisco", "spec", "legacy"), default="cisco")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8440, help="API port (0 = any free port)")
    parser.add_argument("--media-port", type=int, default=8446, help="media port for cisco/legacy (0 = any)")
    parser.add_argument("--sessions-per-day", type=int, default=500)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--user", default="qms", help="the API user the simulator accepts")
    parser.add_argument("--password", default="qms", help="the password the simulator accepts")
    parser.add_argument("--no-tls", action="store_true", help="plain HTTP instead of HTTPS")
    parser.add_argument("--cert-dir", default=None, help="where the self-signed certificate is kept")
    parser.add_argument("--ignore-range", action="store_true", help="answer ranged media requests with 200")
    parser.add_argument(
        "--cisco-version",
        choices=("11.5", "8.5"),
        default="11.5",
        help="the release whose shapes cisco/legacy speak: 8.5 sends `urls` as an array of one-key objects",
    )
    parser.add_argument(
        "--event-shape",
        choices=("cisco", "spec"),
        default="cisco",
        help="events as real servers post them (SESSION_EVENT, 2005) or as the original specification had them",
    )
    parser.add_argument(
        "--media-redirect",
        choices=("same_host", "other_host", "loop"),
        default=None,
        help="answer media requests with a redirect: to the API port (same host), to another host, or a loop",
    )
    parser.add_argument(
        "--hold-rate",
        type=float,
        default=None,
        metavar="SHARE",
        help="share of sessions that are the second segment of a held call (same ccid); default: cisco 0.05",
    )
    parser.add_argument("--faults", default="", help="fault knobs as k=v,k=v (e.g. latency_ms=50)")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def _text(info: dict[str, Any]) -> str:
    lines = [
        f"MediaSense simulator ({info['profile']} profile)",
        f"  API:      {info['api_url']}",
        f"  Media:    {info['media_url']}",
        f"  User:     {info['username']}  (password: as given on the command line)",
    ]
    if info["tls"] and info["cert_path"]:
        lines += [
            f"  Cert:     {info['cert_path']}",
            f"  SHA-256:  {info['fingerprint_sha256']}",
        ]
    lines.append("Press Ctrl-C to stop.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from qms_desktop.simulator import SimulatorConfig, parse_faults, start_simulator

    try:
        faults = parse_faults(args.faults)
    except ValueError as exc:
        return fail(str(exc), 2)
    config = SimulatorConfig(
        profile=args.profile,
        host=args.host,
        port=args.port,
        media_port=args.media_port,
        sessions_per_day=args.sessions_per_day,
        days=args.days,
        seed=args.seed,
        username=args.user,
        password=args.password,
        tls=not args.no_tls,
        cert_dir=args.cert_dir,
        ignore_range=args.ignore_range,
        cisco_version=args.cisco_version,
        event_shape=args.event_shape,
        media_redirect=args.media_redirect,
        faults=faults,
        hold_rate=args.hold_rate,
    )
    try:
        sim = start_simulator(config)
    except (OSError, RuntimeError, ValueError) as exc:
        return fail(f"cannot start the simulator: {exc}")
    stop = threading.Event()

    def _on_signal(signum: int, frame: object) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, _on_signal)
    try:
        info = sim.info()
        print(json.dumps(info) if args.json else _text(info), flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sim.stop()
    if not args.json:
        print("simulator stopped", file=sys.stderr)
    return 0
