"""The unguarded plumbing under the use cases: the database, stored settings, detected dialects.

Front ends open the database here; everything that reads or changes what a user may or may not
see goes through the use cases in this package, which call these after their permission check.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, event

from qms_desktop import config
from qms_desktop.domain.urls import CredentialsInUrl, has_user_info, node_key, redact_url, url_passwords
from qms_desktop.integration_log import register_secret
from qms_desktop.mediasense.client import ServerProfile
from qms_desktop.mediasense.errors import WHERE_MEDIASENSE_PASSWORD
from qms_desktop.store.engine import begin_write, create_engine_for, database_url, database_url_passwords, upgrade
from qms_desktop.store.problems import DATABASE_ERRORS, OPEN_ERRORS, explain
from qms_desktop.store.settings import get_settings, put_settings
from qms_desktop.sync.settings import SyncSettings

log = logging.getLogger("qms.app")

SYNC_SECTION = "sync"
DETECTED_SECTION = "mediasense.detected"  # which login/query dialect each server answered


class NotConfigured(RuntimeError):
    """The MediaSense connection is not configured, or its password is unknown."""


def open_engine(url: str | None = None) -> Engine:
    """The configured database (or `url`), as it is. A URL holding a password is refused
    (CredentialsInUrl); every password the process uses for the database is masked in the log."""
    for password in database_url_passwords(url or database_url()):
        register_secret(password)  # refused below, but masked should anything echo it
    register_secret(os.environ.get("PGPASSWORD"))
    engine = create_engine_for(url)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _register_connection_password)
    return engine


def _register_connection_password(dbapi_connection: Any, _record: Any) -> None:
    # libpq reports the password it used, wherever it found it (PGPASSWORD, ~/.pgpass, PGPASSFILE).
    register_secret(getattr(getattr(dbapi_connection, "info", None), "password", None))


def open_database(url: str | None = None) -> Engine:
    """The configured database, upgraded to the current schema (the app does this on every start).

    Raises DatabaseProblem, saying what to do, when it cannot be opened, read or upgraded, and
    CredentialsInUrl when the URL holds a password."""
    target = url or database_url()
    try:
        engine = open_engine(url)
    except CredentialsInUrl:
        raise
    except OPEN_ERRORS as error:
        raise explain(error, target) from error
    try:
        upgrade(engine)
    except DATABASE_ERRORS as error:
        engine.dispose()
        raise explain(error, target) from error
    return engine


def connection_settings(engine: Engine) -> config.ConnectionSettings:
    """The effective settings. A saved URL with credentials (written before they were refused) is
    cleaned in the database first, then refused once with CredentialsInUrl saying so."""
    with engine.connect() as conn:
        saved = get_settings(conn, config.SECTION)
    urls = saved.get("urls")
    dirty = [u for u in urls if isinstance(u, str) and has_user_info(u)] if isinstance(urls, list) else []
    if dirty:
        for url in dirty:
            for password in url_passwords(url):
                register_secret(password)
        with begin_write(engine) as conn:
            current = get_settings(conn, config.SECTION)
            current["urls"] = [redact_url(u) if isinstance(u, str) else u for u in current.get("urls") or []]
            put_settings(conn, config.SECTION, current, "qms-desktop")
        log.warning("Removed credentials from the saved MediaSense URL %s", redact_url(dirty[0]))
        raise CredentialsInUrl(
            "The saved MediaSense URL",
            dirty[0],
            "The credentials were removed from the saved settings; the address is kept. " + WHERE_MEDIASENSE_PASSWORD,
        )
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


def _clean_profiles(saved: Mapping[str, Any]) -> dict[str, Any]:
    """The detected dialects keyed by `node_key` (scheme, host, port), never by a configured URL:
    every workstation reads this section, and older versions keyed it by URLs that could hold
    `user:password@`. Such entries are dropped (the dialect is detected again at the next sign-in)."""
    return {node_key(key): value for key, value in saved.items() if isinstance(value, dict) and not has_user_info(key)}


def detected_profiles(engine: Engine, urls: Iterable[str]) -> dict[str, ServerProfile]:
    """What each of `urls` was found to speak, keyed as the client names its nodes. Entries stored
    under a URL with credentials (by older versions) are deleted here, on first read."""
    with engine.connect() as conn:
        saved = get_settings(conn, DETECTED_SECTION)
    clean = _clean_profiles(saved)
    if clean != saved:
        with begin_write(engine) as conn:
            put_settings(conn, DETECTED_SECTION, _clean_profiles(get_settings(conn, DETECTED_SECTION)), "qms-desktop")
    found: dict[str, ServerProfile] = {}
    for url in urls:
        values = clean.get(node_key(url))
        if values is not None:
            found[url.rstrip("/")] = ServerProfile(login=values.get("login"), query=values.get("query"))
    return found


def remember_profile(engine: Engine, node: str, profile: ServerProfile) -> None:
    with begin_write(engine) as conn:
        saved = _clean_profiles(get_settings(conn, DETECTED_SECTION))
        saved[node_key(node)] = {"login": profile.login, "query": profile.query}
        put_settings(conn, DETECTED_SECTION, saved, "qms-desktop")
