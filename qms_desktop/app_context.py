"""Assembling the core pieces the CLI, the GUI and the service share: database, settings, client.

No Qt here. Each function does one thing so callers can run the slow ones off their event loop.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from qms_desktop import config, secrets
from qms_desktop.mediasense.client import MediaSenseClient, ServerProfile
from qms_desktop.store.engine import begin_write, create_engine_for, upgrade
from qms_desktop.store.settings import get_settings, put_settings
from qms_desktop.sync.settings import SyncSettings

SYNC_SECTION = "sync"
DETECTED_SECTION = "mediasense.detected"  # which login/query dialect each server answered


class NotConfigured(RuntimeError):
    """The MediaSense connection is not configured, or its password is unknown."""


def open_database(url: str | None = None) -> Engine:
    """The configured database, upgraded to the current schema (the app does this on every start)."""
    engine = create_engine_for(url)
    upgrade(engine)
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


def password_for(settings: config.ConnectionSettings) -> str:
    """MEDIASENSE_PASSWORD (headless use) or the keyring; NotConfigured when neither has one."""
    from_env = config.password_from_environment()
    if from_env:
        return from_env
    if not settings.configured:
        raise NotConfigured("The MediaSense connection is not configured (URL and user name)")
    try:
        password = secrets.get_password(secrets.account_for(settings.username, settings.urls[0]))
    except secrets.KeyringUnavailable as exc:
        raise NotConfigured(str(exc)) from exc
    if password is None:
        raise NotConfigured("No MediaSense password is saved for this user: save it in the Connection tab")
    return password


def detected_profiles(engine: Engine) -> dict[str, ServerProfile]:
    with engine.connect() as conn:
        saved = get_settings(conn, DETECTED_SECTION)
    return {node: ServerProfile(**values) for node, values in saved.items() if isinstance(values, dict)}


def remember_profile(engine: Engine, node: str, profile: ServerProfile) -> None:
    with begin_write(engine) as conn:
        saved = get_settings(conn, DETECTED_SECTION)
        saved[node] = {"login": profile.login, "query": profile.query}
        put_settings(conn, DETECTED_SECTION, saved, "qms-desktop")


def build_client(engine: Engine, settings: config.ConnectionSettings, password: str) -> MediaSenseClient:
    """A client that starts from what worked last time and remembers what works now."""
    return MediaSenseClient(
        settings.client_config(password),
        profiles=detected_profiles(engine),
        on_profile=lambda node, profile: remember_profile(engine, node, profile),
    )
