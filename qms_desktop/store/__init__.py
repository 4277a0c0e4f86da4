"""The local (SQLite) or shared (PostgreSQL) database: engine, migrations, repositories."""

import importlib
from typing import Any

from qms_desktop.store.engine import (
    begin_write,
    create_engine_for,
    current_revision,
    database_url,
    head_revision,
    mask_url,
    upgrade,
)

# Repositories load on first use: they import qms_desktop.search, which imports store.schema, so an
# eager import here would be circular whenever `search` is imported first.
_LAZY = {
    "QuarantineEntry": "quarantine",
    "list_quarantine": "quarantine",
    "quarantine_records": "quarantine",
    "UpsertResult": "recordings",
    "upsert_sessions": "recordings",
    "get_settings": "settings",
    "put_settings": "settings",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "QuarantineEntry",
    "UpsertResult",
    "begin_write",
    "create_engine_for",
    "current_revision",
    "database_url",
    "get_settings",
    "head_revision",
    "list_quarantine",
    "mask_url",
    "put_settings",
    "quarantine_records",
    "upgrade",
    "upsert_sessions",
]
