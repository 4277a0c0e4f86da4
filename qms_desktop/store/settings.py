"""Integration settings kept in the database (shared by every desktop on a PostgreSQL database).

Never secrets: passwords live only in the OS keyring (qms_desktop.secrets); a key that looks like a
secret is refused here so one cannot leak into a shared table by accident.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.domain.time import now_ms
from qms_desktop.store.schema import integration_settings

_SECRET_KEY = re.compile(r"passw|secret|token|api[_-]?key|credential", re.IGNORECASE)
# A URL naming a user or password before its host: what it holds must not reach a shared table.
_URL_WITH_CREDENTIALS = re.compile(r"[a-z][a-z0-9+.\-]*://[^\s/?#]*@", re.IGNORECASE)


def _secret_keys(values: Any, prefix: str = "") -> list[str]:
    """Where `values` holds something secret-looking: the paths, never the secrets themselves."""
    found: list[str] = []
    if isinstance(values, Mapping):
        for key, value in values.items():
            with_credentials = _URL_WITH_CREDENTIALS.search(str(key)) is not None
            path = f"{prefix}{'<a URL with credentials>' if with_credentials else key}"
            if with_credentials or _SECRET_KEY.search(str(key)):
                found.append(path)
            found.extend(_secret_keys(value, f"{path}."))
    elif isinstance(values, list | tuple):
        for index, value in enumerate(values):
            found.extend(_secret_keys(value, f"{prefix}{index}."))
    elif isinstance(values, str) and _URL_WITH_CREDENTIALS.search(values):
        found.append(f"{prefix.rstrip('.')} (a URL with credentials)")
    return found


def get_settings(conn: Connection, section: str) -> dict[str, Any]:
    """The stored values of `section`, or {} when nothing was saved yet."""
    text = conn.execute(
        sa.select(integration_settings.c.settings).where(integration_settings.c.section == section)
    ).scalar_one_or_none()
    return dict(json.loads(text)) if text else {}


def put_settings(conn: Connection, section: str, values: Mapping[str, Any], updated_by: str | None) -> None:
    """Replace the values of `section`. Raises ValueError for secret-looking keys (use the keyring)."""
    secrets = _secret_keys(values)
    if secrets:
        raise ValueError(
            f"refusing to store {', '.join(secrets)} in the database: passwords and tokens belong in the system keyring"
        )
    row = {
        "section": section,
        "settings": json.dumps(dict(values), ensure_ascii=False, sort_keys=True),
        "updated_at_ms": now_ms(),
        "updated_by": updated_by,
    }
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(integration_settings).values(row)
    stmt = stmt.on_conflict_do_update(
        index_elements=[integration_settings.c.section],
        set_={k: stmt.excluded[k] for k in ("settings", "updated_at_ms", "updated_by")},
    )
    conn.execute(stmt)


def get_settings_from_default_database(section: str) -> dict[str, Any]:
    """`get_settings` on the configured database for callers without an engine (CLI commands that
    only read settings). {} when there is no database yet: reading never creates one."""
    import logging

    from sqlalchemy.engine import make_url

    from qms_desktop.store.engine import create_engine_for, current_revision, database_url

    url = database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        from pathlib import Path

        if not parsed.database or not Path(parsed.database).expanduser().is_file():
            return {}
    engine = create_engine_for(url)
    try:
        if current_revision(engine) is None:
            return {}
        with engine.connect() as conn:
            return get_settings(conn, section)
    except sa.exc.OperationalError as exc:
        # A shared database that is down must not stop a connection test; say so in the log.
        logging.getLogger("qms.db").warning("could not read saved settings: %s", exc.orig)
        return {}
    finally:
        engine.dispose()
