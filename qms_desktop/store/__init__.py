"""The local (SQLite) or shared (PostgreSQL) database: engine, migrations, repositories."""

from qms_desktop.store.engine import (
    begin_write,
    create_engine_for,
    current_revision,
    database_url,
    head_revision,
    mask_url,
    upgrade,
)

__all__ = [
    "begin_write",
    "create_engine_for",
    "current_revision",
    "database_url",
    "head_revision",
    "mask_url",
    "upgrade",
]
