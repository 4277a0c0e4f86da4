"""The permission matrix shared by its two front-end tests: role × operation, against one database
synced from the simulator (tests/test_permission_matrix_cli.py, tests/ui/test_permission_matrix_gui.py).

Allowed cells succeed and write their own audit row; refused cells fail with a clear message and
write nothing but the refusal itself (`access.denied`, and the CLI's audited sign-in). Team scope:
a supervisor of T1 reaches T1's recordings and no other. Nobody signed in reaches nothing.
"""

from __future__ import annotations

import asyncio
import shutil
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.app.sync import SyncUseCases, run_plan
from qms_desktop.app.users import create_first_admin
from qms_desktop.security import audit, create_user
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.directory import import_agents_csv
from qms_desktop.store.engine import begin_write, create_engine_for
from qms_desktop.store.schema import recordings
from tests.acting import PASSWORD
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.playback.helpers import start_test_sim

ROLES: dict[str, Principal | None] = {
    "admin": Principal("root", Role.ADMIN),
    "supervisor": Principal("sup", Role.SUPERVISOR, frozenset({"T1"})),
    "it": Principal("itg", Role.IT),
    "nobody": None,
}


@dataclass(frozen=True)
class Cell:
    """One operation: its CLI arguments, who may do it, and the audit action an allowed call writes."""

    cli: tuple[str, ...]
    allowed: frozenset[str]
    action: str | None  # None: a plain read with no audit row of its own


T1, T2 = "{t1}", "{t2}"
OPERATIONS: dict[str, Cell] = {
    "recordings.search": Cell(("recordings", "search", "--json"), frozenset({"admin", "supervisor"}),
                              audit.RECORDINGS_SEARCH),
    "recordings.show": Cell(("recordings", "show", T1, "--json"), frozenset({"admin", "supervisor"}),
                            audit.RECORDINGS_VIEW),
    "recordings.show-other-team": Cell(("recordings", "show", T2, "--json"), frozenset({"admin"}),
                                       audit.RECORDINGS_VIEW),
    "recordings.play": Cell(("recordings", "stream", T1, "-o", "{out}", "--range", "bytes=0-999", "--json"),
                            frozenset({"admin", "supervisor"}), audit.PLAYBACK_START),
    "recordings.play-other-team": Cell(("recordings", "stream", T2, "-o", "{out}", "--json"), frozenset({"admin"}),
                                       audit.PLAYBACK_START),
    "connection.settings": Cell(("connection", "show", "--json"), frozenset({"admin", "it"}), None),
    "connection.test": Cell(("test-connection", "--json"), frozenset({"admin", "it"}), audit.CONNECTION_TEST),
    "sync.status": Cell(("sync", "status", "--json"), frozenset({"admin", "it"}), None),
    "sync.run": Cell(("sync", "now", "--json"), frozenset({"admin", "it"}), audit.SYNC_RUN),
    "sync.reset": Cell(("sync", "reset", "--yes", "--json"), frozenset({"admin", "it"}), audit.SYNC_RESET),
    "logs.read": Cell(("logs", "--json"), frozenset({"admin", "it"}), audit.LOGS_READ),
    "audit.list": Cell(("audit", "list", "--json"), frozenset({"admin"}), audit.AUDIT_READ),
    "audit.verify": Cell(("audit", "verify", "--json"), frozenset({"admin"}), audit.AUDIT_VERIFY),
    "users.list": Cell(("users", "list", "--json"), frozenset({"admin"}), None),
    "users.unlock": Cell(("users", "unlock", "sup", "--json"), frozenset({"admin"}), audit.USER_UNLOCK),
    "reviews.coverage": Cell(("reviews", "coverage", "--from", "2000-01-01", "--to", "2100-01-01", "--json"),
                             frozenset({"admin", "supervisor"}), "review.coverage"),
    "reviews.mark": Cell(("reviews", "mark", T1, "--json"), frozenset({"admin", "supervisor"}), "review.mark"),
    "reviews.mark-other-team": Cell(("reviews", "mark", T2, "--json"), frozenset({"admin"}), "review.mark"),
    "directory.dial-plan": Cell(("directory", "dial-plan", "set", "--caller-track", "0", "--json"),
                                frozenset({"admin"}), audit.DIRECTORY_DIAL_PLAN),
}  # fmt: skip
# The trail every call may leave besides its own row: the CLI's sign-in, and a refusal.
BOOKKEEPING = {audit.LOGIN_SUCCESS, audit.ACCESS_DENIED}


@dataclass
class World:
    sim: Any
    template: Path
    ca_file: str
    t1: str
    t2: str


def build_world(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("matrix")
    sim = start_test_sim(server_ssl_context, tmp, sessions_per_day=40, days=2, seed=5)
    template = tmp / "template.sqlite3"
    engine = runtime.open_database(f"sqlite:///{template}")
    settings = config.ConnectionSettings(
        urls=(sim.api_url,), username=SIM_USER, timeout=10.0, ca_file=ca_file, allow_self_signed=False,
        pinned_sha256=(),
    )  # fmt: skip
    runtime.save_connection_settings(engine, settings, "test")
    runtime.save_sync_settings(engine, {"backfill_days": 1, "safety_delay_s": 0}, "test")
    create_first_admin(engine, "root", PASSWORD)
    with begin_write(engine) as conn:
        create_user(conn, "sup", Role.SUPERVISOR, PASSWORD, ["T1"])
        create_user(conn, "itg", Role.IT, PASSWORD)
        import_agents_csv(conn, sim.agents_csv())
    admin = ROLES["admin"]
    plan = replace(SyncUseCases(engine, admin).plan(override=None, credentials=_env_credentials()), clock=sim.clock.now)
    result = asyncio.run(run_plan(engine, plan))
    assert result.status == "SUCCESS" and result.counts.created > 0
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(recordings.c.session_id, recordings.c.team_code).where(
                recordings.c.state == "CLOSED_NORMAL", recordings.c.pruned.is_(False)
            )
        ).all()
    engine.dispose()  # the last connection closing folds the WAL into the file copied per test
    by_team = {team: sid for sid, team in rows}
    try:
        yield World(sim, template, ca_file, by_team["T1"], by_team["T2"])
    finally:
        sim.stop()


def _env_credentials() -> Any:
    from qms_desktop.app.credentials import Credentials

    credentials = Credentials()
    credentials.set_session_password(SIM_PASSWORD)
    return credentials


def copy_database(world: World, tmp_path: Path) -> str:
    path = tmp_path / "qms.sqlite3"
    shutil.copy(world.template, path)
    return f"sqlite:///{path}"


def audit_rows(url: str) -> list[audit.AuditRow]:
    engine = create_engine_for(url)
    try:
        return audit.list_audit(engine, limit=None)
    finally:
        engine.dispose()


def rows_since(url: str, before: set[int]) -> list[audit.AuditRow]:
    return [row for row in audit_rows(url) if row.id not in before]


def check(role: str, cell: Cell, rows: list[audit.AuditRow], refused: bool) -> None:
    principal = ROLES[role]
    actions = [row.action for row in rows]
    if role in cell.allowed:
        assert not refused
        if cell.action is not None:
            assert [r for r in rows if r.action == cell.action and r.actor == principal.username], actions
        assert audit.ACCESS_DENIED not in actions, actions
    else:
        assert refused
        assert set(actions) <= BOOKKEEPING, f"a refused call wrote {actions}"
        # A signed-in user's refusal is audited; the CLI turns away a call without --as at the door.
        assert principal is None or audit.ACCESS_DENIED in actions, "every refusal of a user is audited"
