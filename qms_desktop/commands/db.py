"""`qms-desktop db ...`: the database itself (schema upgrade, where it is)."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.store import create_engine_for, database_url, head_revision, mask_url, upgrade


def open_database(url: str | None = None) -> Engine:
    """The configured database, migrated to the newest schema (every command does this first)."""
    engine = create_engine_for(url)
    upgrade(engine)
    return engine


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema and location")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser(
        "upgrade",
        help="migrate the database to the newest schema",
        description="Uses QMS_DATABASE_URL, else the SQLite file in the data folder.",
    )
    up.add_argument("--url", help="database URL (default: QMS_DATABASE_URL or the local SQLite file)")
    add_json_flag(up)
    up.set_defaults(func=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    url = args.url or database_url()
    try:
        engine = create_engine_for(url)
        try:
            revision = upgrade(engine)
        finally:
            engine.dispose()
    except Exception as exc:  # the message must not echo the URL with its password
        return fail(f"could not upgrade {mask_url(url)}: {type(exc).__name__}: {exc}")
    data = {"url": mask_url(url), "revision": revision, "head": head_revision()}
    emit(args, data, lambda d: f"{d['url']} is at revision {d['revision']}")
    return 0
