"""Where QMS Desktop keeps its files.

platformdirs gives the per-user locations of the operating system; `QMS_HOME` replaces all of them
with sub-folders of one directory, so tests and demos never touch the user's real folders.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
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


# --- the demo's throw-away home ------------------------------------------------------------------

DEMO_HOME_ENV = "QMS_DEMO_HOME"  # reuse this folder as the demo home (it must be empty or a demo home)
DEMO_MARKER = ".qms-demo-home"


class NotADemoHome(RuntimeError):
    """QMS_DEMO_HOME names a folder that holds something other than an earlier demo."""


_entered_demo_home: Path | None = None


def enter_demo_home() -> Path:
    """Point this process at a throw-away home for a demo, whatever QMS_HOME and QMS_DATABASE_URL
    say: a new temporary folder, or QMS_DEMO_HOME when it is empty or an earlier demo's home.
    Call before anything reads a path or opens a database (a second call returns the same home).

    A temporary folder made here is deleted when the process ends: at a normal exit, after Ctrl+C,
    and on SIGTERM (turned into an orderly exit when nothing else handles it). A QMS_DEMO_HOME is
    kept: it was named to be used again."""
    global _entered_demo_home
    if _entered_demo_home is not None and os.environ.get("QMS_HOME") == str(_entered_demo_home):
        return _entered_demo_home
    wanted = os.environ.get(DEMO_HOME_ENV)
    if wanted:
        home = Path(wanted).expanduser().resolve()
        if home.exists() and any(home.iterdir()) and not (home / DEMO_MARKER).exists():
            raise NotADemoHome(
                f"{home} is not an empty folder nor an earlier demo's home: the demo will not write into it. "
                f"Unset {DEMO_HOME_ENV} or point it at a new folder"
            )
        home.mkdir(parents=True, exist_ok=True)
    else:
        home = Path(tempfile.mkdtemp(prefix="qms-demo-")).resolve()
        _remove_at_exit(home)
    (home / DEMO_MARKER).write_text("This folder belongs to a QMS Desktop demo and may be deleted.\n")
    os.environ["QMS_HOME"] = str(home)
    os.environ.pop("QMS_DATABASE_URL", None)
    _entered_demo_home = home
    return home


def _remove_at_exit(home: Path) -> None:
    def remove() -> None:
        shutil.rmtree(home, ignore_errors=True)

    atexit.register(remove)
    # SIGTERM's default ends the process without running atexit: exit the Python way instead. A
    # front end that handles SIGTERM itself (the GUI quits cleanly) replaces this.
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def in_demo_home() -> bool:
    """True when this process runs in a demo's throw-away home."""
    home = _home()
    return home is not None and (home / DEMO_MARKER).exists()
