"""The local (SQLite) or shared (PostgreSQL) database: engine, migrations, repositories, and the
full-text upkeep that must happen in the same transaction as the rows it describes."""

from qms_desktop.store.engine import (
    UnsupportedSqlite,
    begin_write,
    create_engine_for,
    current_revision,
    database_url,
    head_revision,
    mask_url,
    upgrade,
)
from qms_desktop.store.quarantine import QuarantineEntry, list_quarantine, quarantine_records
from qms_desktop.store.recordings import UpsertResult, upsert_sessions
from qms_desktop.store.settings import get_settings, put_settings

__all__ = [
    "QuarantineEntry",
    "UnsupportedSqlite",
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
