"""CLI commands act as a signed-in user (`--as NAME`, QMS_PASSWORD): accounts for the tests that run them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

from qms_desktop.app import runtime
from qms_desktop.security import create_user, needs_first_admin
from qms_desktop.security.roles import Role
from qms_desktop.store.engine import begin_write

PASSWORD = "acting-user-password"


def database_in(home: Path) -> str:
    """The SQLite URL a process with QMS_HOME=home opens."""
    (home / "data").mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'data' / 'qms.sqlite3'}"


def add_user(url: str, name: str, role: Role | str = Role.ADMIN, teams: Collection[str] = ()) -> None:
    """An enabled account with PASSWORD in the database at `url` (migrated first)."""
    engine = runtime.open_database(url)
    try:
        with begin_write(engine) as conn:
            if needs_first_admin(conn) and Role(role) is not Role.ADMIN:
                create_user(conn, "first-admin", Role.ADMIN, PASSWORD)
            create_user(conn, name, role, PASSWORD, teams)
    finally:
        engine.dispose()


def as_user(name: str) -> tuple[list[str], dict[str, str]]:
    """The arguments and environment that make a CLI command act as `name`."""
    return ["--as", name], {"QMS_PASSWORD": PASSWORD}


def run_as(home: Path, user: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`qms-desktop ARGS` in its own process with QMS_HOME=home, acting as `user` (no inherited settings)."""
    acting, acting_env = as_user(user)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **acting_env)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args, *acting], env=env, capture_output=True, text=True, timeout=120
    )
