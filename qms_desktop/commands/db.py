"""`qms-desktop db ...`: the database itself (schema upgrade, where it is, who holds the sync).

No signed-in user: these run before users exist, with the database's own credentials."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app import runtime
from qms_desktop.app.database import database_check
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.domain.urls import CredentialsInUrl
from qms_desktop.store import database_url, head_revision, mask_url, upgrade
from qms_desktop.store.problems import OPEN_ERRORS, explain

URL_HELP = (
    "database URL without a password (default: QMS_DATABASE_URL or the local SQLite file); "
    "the password comes from ~/.pgpass, PGPASSFILE or PGPASSWORD"
)


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema and location")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser(
        "upgrade",
        help="migrate the database to the newest schema",
        description="Uses QMS_DATABASE_URL, else the SQLite file in the data folder.",
    )
    up.add_argument("--url", help=URL_HELP)
    add_json_flag(up)
    up.set_defaults(func=run_upgrade)
    check = db_sub.add_parser(
        "check",
        help="schema version, connection and sync lock holder (changes nothing)",
        description="Exit 0: reachable, at the newest schema and sound; 3: the schema needs `db upgrade` (or is "
        "newer than this version); 5: damaged (SQLite quick_check, full-text index); 1: unreachable or unreadable.",
    )
    check.add_argument("--url", help=URL_HELP)
    add_json_flag(check)
    check.set_defaults(func=run_check)


def run_upgrade(args: argparse.Namespace) -> int:
    url = args.url or database_url()
    try:
        engine = runtime.open_engine(args.url)
        try:
            revision = upgrade(engine)
        finally:
            engine.dispose()
    except CredentialsInUrl as exc:  # before connecting: nothing was sent anywhere
        return fail(str(exc), 2)
    except OPEN_ERRORS as exc:  # the message must not echo the URL with its password
        return fail(str(explain(exc, url)))
    data = {"url": mask_url(url), "revision": revision, "head": head_revision()}
    emit(args, data, lambda d: f"{d['url']} is at revision {d['revision']}")
    return 0


EXIT_SCHEMA_BEHIND = 3
EXIT_DAMAGED = 5


def _check_text(d: dict[str, Any]) -> str:
    schema = d["schema"]
    if schema["newerThanThisVersion"]:
        state = "NEWER than this version of QMS Desktop: install the version that upgraded it"
    else:
        state = "up to date" if schema["upToDate"] else "BEHIND: run `qms-desktop db upgrade`"
    lines = [
        f"Database: {d['url']} ({d['serverVersion']})",
        f"Schema: {schema['current'] or 'empty'} (head {schema['head']}): {state}",
    ]
    integrity = d["integrity"]
    if integrity["checked"]:
        lines.append("Integrity: " + ("ok" if not integrity["problems"] else "PROBLEMS"))
        lines += [f"  {problem}" for problem in integrity["problems"]]
    lock = d["lock"]
    lease = lock["lease"]
    if lock["advisoryLockHeld"] is not None:
        pids = ", ".join(str(h["pid"]) for h in lock.get("advisoryHolders", [])) or "-"
        lines.append(f"Advisory lock: {'held by backend pid ' + pids if lock['advisoryLockHeld'] else 'free'}")
    if lease:
        lines.append(
            f"Sync lease: run {lease['runId']} by {lease['holder']}"
            + (" (expired)" if lease["expired"] else "")
            + (" (process gone)" if lease["holderProcessGone"] else "")
        )
    else:
        lines.append("Sync lease: none")
    lines.append(f"Sync running: {'yes' if lock['syncRunning'] else 'no'}")
    if lock.get("note"):
        lines.append(f"Note: {lock['note']}")
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    url = args.url or database_url()
    try:
        engine = runtime.open_engine(args.url)
        try:
            data = database_check(engine)
        finally:
            engine.dispose()
    except CredentialsInUrl as exc:  # before connecting: nothing was sent anywhere
        return fail(str(exc), 2)
    except OPEN_ERRORS as exc:  # the message must not echo the URL with its password
        return fail(str(explain(exc, url)))
    emit(args, data, _check_text)
    if data["integrity"]["problems"]:
        return EXIT_DAMAGED
    return 0 if data["schema"]["upToDate"] else EXIT_SCHEMA_BEHIND
