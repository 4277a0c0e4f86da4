"""Accounts, the role x service-function matrix, and the append-only audit trail (both databases)."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop import paths
from qms_desktop.app.access import SYSTEM, NotSignedIn
from qms_desktop.app.audit import AuditUseCases
from qms_desktop.app.connection import ConnectionUseCases
from qms_desktop.app.credentials import Credentials
from qms_desktop.app.demo import NotInDemoHome, ensure_demo_users
from qms_desktop.app.logs import LogUseCases
from qms_desktop.app.notes import NotesUseCases
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.app.sync import SyncUseCases, run_plan
from qms_desktop.app.users import UserUseCases, create_first_admin
from qms_desktop.search import RecordingQuery
from qms_desktop.security import (
    AccountDisabled,
    LoginFailed,
    PermissionDenied,
    Principal,
    Role,
    authenticate,
    list_audit,
    needs_first_admin,
)
from qms_desktop.security.passwords import verify_password
from qms_desktop.store.engine import begin_write, create_engine_for, upgrade
from qms_desktop.store.schema import users
from tests.playback.helpers import SimData, fetch_records, sim_config, start_test_sim, store_records

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def sim_data(server_ssl_context: Any, ca_file: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimData]:
    sim = start_test_sim(server_ssl_context, tmp_path_factory.mktemp("sim"))
    config = sim_config(sim, ca_file)
    yield SimData(sim, config, fetch_records(sim, config))
    sim.stop()


def test_accounts_and_login(engine: Engine) -> None:
    with engine.connect() as conn:
        assert needs_first_admin(conn)
    admin = create_first_admin(engine, "Root", PASSWORD)
    assert admin.username == "root"
    with pytest.raises(PermissionDenied):
        create_first_admin(engine, "second", PASSWORD)
    principal = authenticate(engine, "ROOT", PASSWORD)
    assert principal == Principal("root", Role.ADMIN)
    with engine.connect() as conn:
        stored = conn.execute(sa.select(users.c.password_hash)).scalar_one()
    assert stored.startswith("scrypt$") and PASSWORD not in stored and verify_password(PASSWORD, stored)

    service = UserUseCases(engine, principal)
    service.create_user("sue", "supervisor", PASSWORD, ["T1", "T2"])
    with pytest.raises(LoginFailed):
        authenticate(engine, "sue", "wrong password")
    with pytest.raises(LoginFailed):
        authenticate(engine, "nobody", PASSWORD)
    assert authenticate(engine, "sue", PASSWORD).teams == frozenset({"T1", "T2"})
    service.set_password("sue", "another password")
    service.disable_user("sue")
    with pytest.raises(AccountDisabled):
        authenticate(engine, "sue", "another password")
    assert [(u.username, u.disabled) for u in service.list_users()] == [("root", False), ("sue", True)]

    rows = list_audit(engine, limit=None)
    actions = [(r.action, r.target, r.outcome) for r in rows]
    for expected in [
        ("login.success", "root", "ok"),
        ("login.failure", "sue", "denied"),
        ("login.failure", "nobody", "denied"),
        ("user.create", "sue", "ok"),
        ("user.password", "sue", "ok"),
        ("user.disable", "sue", "ok"),
    ]:
        assert expected in actions
    assert all(PASSWORD not in str(r.detail) for r in rows)


def test_audit_rows_cannot_be_changed_or_deleted(engine: Engine, tmp_path: Path) -> None:
    from qms_desktop.security.audit import record

    with begin_write(engine) as conn:
        record(conn, "config.change", actor="root", target="=cmd|' /C calc'!A0", detail={"k": 1})
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), begin_write(engine) as conn:
            conn.exec_driver_sql(statement)
    rows = list_audit(engine)
    assert [(r.actor, r.action) for r in rows] == [("root", "config.change")]
    admin = Principal("root", Role.ADMIN)
    out = tmp_path / "audit.csv"
    assert AuditUseCases(engine, admin).export_csv(out) == 1
    with out.open(newline="") as handle:
        parsed = list(csv.DictReader(handle))
    assert parsed[0]["action"] == "config.change" and parsed[0]["target"].startswith("'=")


# ---- the matrix -------------------------------------------------------------------------------

ROLES: dict[str, Principal | None] = {
    "admin": Principal("adm", Role.ADMIN),
    "supervisor": Principal("sup", Role.SUPERVISOR, frozenset({"T1"})),
    "it": Principal("itg", Role.IT),
    "system": SYSTEM,
    "nobody": None,
}


def _sync_once(e: Engine, p: Principal | None, c: dict[str, Any]) -> Any:
    return asyncio.run(run_plan(e, SyncUseCases(e, p).plan()))


Call = Callable[[Engine, Principal | None, dict[str, Any]], Any]
OPERATIONS: dict[str, tuple[Call, set[str]]] = {
    "recordings.search": (lambda e, p, c: RecordingUseCases(e, p).search(RecordingQuery()), {"admin", "supervisor"}),
    "recordings.count": (lambda e, p, c: RecordingUseCases(e, p).count(RecordingQuery()), {"admin", "supervisor"}),
    "recordings.show": (lambda e, p, c: RecordingUseCases(e, p).show(c["t1"]), {"admin", "supervisor"}),
    "recordings.show_other_team": (lambda e, p, c: RecordingUseCases(e, p).show(c["t2"]), {"admin"}),
    "users.list": (lambda e, p, c: UserUseCases(e, p).list_users(), {"admin"}),
    "users.create": (lambda e, p, c: UserUseCases(e, p).create_user("newbie", "IT", PASSWORD), {"admin"}),
    "users.disable": (lambda e, p, c: UserUseCases(e, p).disable_user("victim"), {"admin"}),
    "users.set_teams": (lambda e, p, c: UserUseCases(e, p).set_teams("victim", ["T2"]), {"admin"}),
    "users.set_password_other": (lambda e, p, c: UserUseCases(e, p).set_password("victim", PASSWORD), {"admin"}),
    "settings.connection": (lambda e, p, c: ConnectionUseCases(e, p).settings(), {"admin", "it"}),
    "settings.save_sync": (lambda e, p, c: SyncUseCases(e, p).set_interval(600), {"admin", "it"}),
    "connection.test": (
        lambda e, p, c: asyncio.run(ConnectionUseCases(e, p).test(Credentials())),
        {"admin", "it"},
    ),
    "logs.query": (lambda e, p, c: LogUseCases(e, p).query(limit=5), {"admin", "it"}),
    "sync.status": (lambda e, p, c: SyncUseCases(e, p).status(), {"admin", "it", "system"}),
    "sync.reset": (lambda e, p, c: SyncUseCases(e, p).reset(), {"admin", "it"}),
    "sync.run_now": (_sync_once, {"admin", "it", "system"}),
    "audit.list": (lambda e, p, c: AuditUseCases(e, p).list(), {"admin"}),
    "notes.add": (lambda e, p, c: NotesUseCases(e, p).add(c["t1"], 1000, "words"), {"admin", "supervisor"}),
    "notes.add_other_team": (lambda e, p, c: NotesUseCases(e, p).add(c["t2"], 1000, "words"), {"admin"}),
    "notes.list": (lambda e, p, c: NotesUseCases(e, p).list_for(c["t1"]), {"admin", "supervisor"}),
    "notes.search": (lambda e, p, c: NotesUseCases(e, p).search("words"), {"admin", "supervisor"}),
}


@pytest.fixture
def matrix_env(sqlite_engine: Engine, sim_data: SimData, monkeypatch: pytest.MonkeyPatch, ca_file: str) -> dict:
    stored = store_records(sqlite_engine, sim_data.sim, sim_data.closed())
    by_team: dict[str | None, str] = {}
    for r in stored:
        by_team.setdefault(r.team_code, r.session_id)
    monkeypatch.setenv("MEDIASENSE_URL", sim_data.sim.api_url)
    monkeypatch.setenv("MEDIASENSE_USERNAME", sim_data.config.username)
    monkeypatch.setenv("MEDIASENSE_PASSWORD", sim_data.config.password)
    monkeypatch.setenv("MEDIASENSE_CA_FILE", ca_file)
    create_first_admin(sqlite_engine, "root", PASSWORD)
    UserUseCases(sqlite_engine, Principal("root", Role.ADMIN)).create_user("victim", "IT", PASSWORD)
    return {"t1": by_team["T1"], "t2": by_team["T2"], "now": sim_data.sim.clock.now}


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("role", sorted(ROLES))
def test_role_matrix(role: str, operation: str, matrix_env: dict, sqlite_engine: Engine) -> None:
    call, allowed = OPERATIONS[operation]
    principal = ROLES[role]
    if role in allowed:
        call(sqlite_engine, principal, matrix_env)
        return
    with pytest.raises(PermissionDenied) as caught:
        call(sqlite_engine, principal, matrix_env)
    assert caught.value.hint  # actionable
    if principal is None:
        assert isinstance(caught.value, NotSignedIn)
    denied = list_audit(sqlite_engine, actor=principal.username if principal else None, action="access.denied")
    assert denied, "every refusal is audited"


def test_supervisor_sees_only_own_teams(matrix_env: dict, sqlite_engine: Engine) -> None:
    everything = RecordingUseCases(sqlite_engine, ROLES["admin"]).search(RecordingQuery(limit=1000)).items
    own = RecordingUseCases(sqlite_engine, ROLES["supervisor"]).search(RecordingQuery(limit=1000)).items
    assert own and len(own) < len(everything)
    assert {r.team_code for r in own} == {"T1"}
    # Asking for another team explicitly does not widen the view.
    asked = RecordingUseCases(sqlite_engine, ROLES["supervisor"]).search(RecordingQuery(team_codes=("T2",)))
    assert asked.items == []


def test_demo_users_exist_only_in_a_demo_home(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(NotInDemoHome):  # a real database never gets the published demo passwords
        ensure_demo_users(sqlite_engine, ["T1"])
    with sqlite_engine.connect() as conn:
        assert not conn.execute(sa.select(users.c.username)).all()
    monkeypatch.setenv("QMS_DEMO_HOME", str(tmp_path / "demo"))
    assert paths.enter_demo_home() == (tmp_path / "demo").resolve()  # QMS_HOME comes back after the test
    demo_engine = create_engine_for()
    try:
        upgrade(demo_engine)
        first = ensure_demo_users(demo_engine, ["T1"])
        assert ensure_demo_users(demo_engine, ["T1"]) == first
        assert first["admin"].role is Role.ADMIN and first["supervisor"].teams == frozenset({"T1"})
    finally:
        demo_engine.dispose()
