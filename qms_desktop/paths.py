"""Where QMS Desktop keeps its files.

platformdirs gives the per-user locations of the operating system; `QMS_HOME` replaces all of them
with sub-folders of one directory, so tests and demos never touch the user's real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "qms-desktop"


def _home() -> Path | None:
    value = os.environ.get("QMS_HOME")
    return Path(value).expanduser().resolve() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The database, the simulator's certificates and other durable state."""
    home = _home()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    """Window geometry and other per-user preferences (never secrets)."""
    home = _home()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    """The integration log's rotating files."""
    home = _home()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Disposable files. Audio is never written here: it is only ever proxied."""
    home = _home()
    return _ensure(home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'qms.sqlite3'}"
