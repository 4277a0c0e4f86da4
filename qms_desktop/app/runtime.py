"""The unguarded plumbing under the use cases: the database, stored settings, detected dialects.

Front ends open the database here; everything that reads or changes what a user may or may not
see goes through the use cases in this package, which call these after their permission check.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from qms_desktop import config
from qms_desktop.mediasense.client import ServerProfile
from qms_desktop.store.engine import begin_write, create_engine_for, database_url, upgrade
from qms_desktop.store.problems import DATABASE_ERRORS, OPEN_ERRORS, explain
from qms_desktop.store.settings import get_settings, put_settings
from qms_desktop.sync.settings import SyncSettings

SYNC_SECTION = "sync"
DETECTED_SECTION = "mediasense.detected"  # which login/query dialect each server answered


class NotConfigured(RuntimeError):
    """The MediaSense connection is not configured, or its password is unknown."""


def open_database(url: str | None = None) -> Engine:
    """The configured database, upgraded to the current schema (the app does this on every start).

    Raises DatabaseProblem, saying what to do, when it cannot be opened, read or upgraded."""
    target = url or database_url()
    try:
        engine = create_engine_for(target)
    except OPEN_ERRORS as error:
        raise explain(error, target) from error
    try:
        upgrade(engine)
    except DATABASE_ERRORS as error:
        engine.dispose()
        raise explain(error, target) from error
    return engine


def connection_settings(engine: Engine) -> config.ConnectionSettings:
    with engine.connect() as conn:
        saved = get_settings(conn, config.SECTION)
    return config.load_connection_settings(saved)


def save_connection_settings(engine: Engine, settings: config.ConnectionSettings, updated_by: str | None) -> None:
    with begin_write(engine) as conn:
        put_settings(conn, config.SECTION, settings.to_database(), updated_by)


def sync_settings(engine: Engine) -> SyncSettings:
    with engine.connect() as conn:
        saved = get_settings(conn, SYNC_SECTION)
    known = {k: v for k, v in saved.items() if k in SyncSettings.__dataclass_fields__}
    return SyncSettings(**known)


def save_sync_settings(engine: Engine, values: dict[str, Any], updated_by: str | None) -> SyncSettings:
    current = sync_settings(engine)
    data = {name: getattr(current, name) for name in SyncSettings.__dataclass_fields__}
    data.update(values)
    result = SyncSettings(**data)  # validates before anything is stored
    with begin_write(engine) as conn:
        put_settings(conn, SYNC_SECTION, data, updated_by)
    return result


def detected_profiles(engine: Engine) -> dict[str, ServerProfile]:
    with engine.connect() as conn:
        saved = get_settings(conn, DETECTED_SECTION)
    return {node: ServerProfile(**values) for node, values in saved.items() if isinstance(values, dict)}


def remember_profile(engine: Engine, node: str, profile: ServerProfile) -> None:
    with begin_write(engine) as conn:
        saved = get_settings(conn, DETECTED_SECTION)
        saved[node] = {"login": profile.login, "query": profile.query}
        put_settings(conn, DETECTED_SECTION, saved, "qms-desktop")
