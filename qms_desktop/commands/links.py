"""`qms-desktop open qms://recording/<session id>?t=<seconds>`: the desktop window at that moment.

The link is checked before any window opens (a bad link is one line and exit 2); then the GUI starts
as usual (sign-in first), opens the Recordings tab at that recording and seeks to `t`. The desktop
entry registers this command for the `qms` scheme. A window already open is not reused: each link
opens its own window.
"""

from __future__ import annotations

import argparse
import importlib

from qms_desktop.commands._output import fail
from qms_desktop.domain.links import BadLink, parse_link


def register(sub: argparse._SubParsersAction) -> None:
    opener = sub.add_parser(
        "open",
        help="open the desktop window at a recording link (qms://recording/ID?t=SECONDS)",
        description="Signs in as usual, checks you may see the recording, selects it and seeks to t. "
        "Each link opens its own window.",
    )
    opener.add_argument("link", metavar="URL")
    opener.add_argument("--demo", action="store_true", help="open it in the built-in demo")
    opener.set_defaults(func=run_open, starts_gui=True)


def run_open(args: argparse.Namespace) -> int:
    try:
        parse_link(args.link)
    except BadLink as exc:
        return fail(f"cannot open {args.link[:80]!r}: {exc}", 2)
    gui = importlib.import_module("qms_desktop.ui.app")
    return int(gui.run(demo=args.demo, link=args.link))
