"""Sign-in throttling on a real SQLite file and a real PostgreSQL schema: the delay doubles and is
enforced, per user name and per workstation; a user name locks after many failures until an
administrator unlocks it, except the last administrator; unknown names get the same answers; a
success forgets; every step is audited. The clock is passed in (`at_ms`), so nothing sleeps."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.users import UserUseCases, create_first_admin
from qms_desktop.domain.time import now_ms
from qms_desktop.security import (
    AccountLocked,
    LoginFailed,
    PermissionDenied,
    Principal,
    Role,
    SignInThrottled,
    ThrottlePolicy,
    UnknownUser,
    audit,
    authenticate,
    list_audit,
)
from qms_desktop.security.throttle import DEFAULT_POLICY
from qms_desktop.store.engine import begin_write, create_engine_for, upgrade
from qms_desktop.store.schema import sign_in_failures
from tests.acting import PASSWORD

T0 = 1_900_000_000_000  # the tests' own clock (ms)
WAIT = 301_000  # longer than the longest delay: the next attempt is heard
ROOT = Principal("root", Role.ADMIN)


@pytest.fixture
def accounts(engine: Engine) -> UserUseCases:
    create_first_admin(engine, "root", PASSWORD)
    users = UserUseCases(engine, ROOT)
    users.create_user("sue", "IT", PASSWORD)
    return users


def attempt(engine: Engine, name: str, password: str, at: int, where: str = "ws1/pid1") -> Exception | None:
    """The error a sign-in raised (None: signed in)."""
    try:
        authenticate(engine, name, password, from_where=where, at_ms=at)
    except LoginFailed as exc:
        return exc
    return None


def fail_times(engine: Engine, name: str, times: int, start: int, *, where: str = "ws1/pid1") -> int:
    """`times` wrong passwords, each heard (spaced beyond the delay); the time of the last one."""
    at = start
    for i in range(times):
        at = start + i * WAIT
        error = attempt(engine, name, "wrong password", at, where)
        assert type(error) is LoginFailed, error
    return at


def rows(engine: Engine) -> list[tuple[str, str, int, bool]]:
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(
                sign_in_failures.c.key_kind,
                sign_in_failures.c.key,
                sign_in_failures.c.failures,
                sign_in_failures.c.hard_locked,
            ).order_by(sign_in_failures.c.key_kind, sign_in_failures.c.key)
        ).all()
    return [tuple(r) for r in found]  # type: ignore[misc]


def audited(engine: Engine, action: str) -> list[audit.AuditRow]:
    return list_audit(engine, action=action, limit=None)


def test_the_policy_doubles_up_to_the_cap() -> None:
    policy = ThrottlePolicy(free_failures=3, base_delay_s=1, max_delay_s=300, lockout_after=10)
    assert [policy.delay_ms(n) // 1000 for n in range(1, 13)] == [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert policy.delay_ms(10_000) == 300_000


def test_the_delay_grows_exponentially_and_is_enforced(engine: Engine, accounts: UserUseCases) -> None:
    at = T0
    assert type(attempt(engine, "sue", "wrong password", at)) is LoginFailed
    assert type(attempt(engine, "sue", "wrong password", at)) is LoginFailed  # two are free
    waits = []
    for _ in range(6):  # failures 3..8: each one is heard once its delay has passed
        error = attempt(engine, "sue", "wrong password", at)
        assert type(error) is LoginFailed
        # The right password right after, from another workstation: refused without a look at it.
        refused = attempt(engine, "sue", PASSWORD, at + 1, "ws2/pid7")
        assert isinstance(refused, SignInThrottled) and not isinstance(refused, AccountLocked)
        assert refused.retry_after_s is not None
        waits.append(refused.retry_after_s)
        assert str(refused).startswith(f"Too many failed sign-ins: try again in {refused.retry_after_s} s")
        at += refused.retry_after_s * 1000
        assert isinstance(attempt(engine, "sue", PASSWORD, at - 1, "ws2/pid7"), SignInThrottled)  # still
    assert waits == [1, 2, 4, 8, 16, 32]

    assert [r.failed_sign_ins for r in accounts.list_users() if r.username == "sue"] == [8]
    assert attempt(engine, "sue", PASSWORD, at, "ws2/pid7") is None  # the delay is over: heard, and right
    assert [(u.username, u.state, u.failed_sign_ins) for u in accounts.list_users()] == [
        ("root", "enabled", 0),
        ("sue", "enabled", 0),
    ]

    throttled = audited(engine, audit.LOGIN_THROTTLED)
    assert len(throttled) == 12 and {(r.actor, r.outcome) for r in throttled} == {("sue", audit.DENIED)}
    assert throttled[-1].detail == {"by": ["user"], "reason": "too many failed sign-ins, try again in 1 s",
                                    "retryAfterS": 1}  # fmt: skip
    assert throttled[-1].from_where == "ws2/pid7"
    failures = audited(engine, audit.LOGIN_FAILURE)
    assert [r.detail["failures"] for r in reversed(failures)] == list(range(1, 9))
    assert audited(engine, audit.LOGIN_SUCCESS)[0].actor == "sue"


def test_a_workstation_is_counted_across_user_names(engine: Engine, accounts: UserUseCases) -> None:
    for pid, name in enumerate(["sue", "ghost", "root"]):  # three processes on one machine, three names
        assert type(attempt(engine, name, "wrong password", T0, f"desk-7/pid{pid}")) is LoginFailed
    refused = attempt(engine, "root", PASSWORD, T0 + 10, "DESK-7/pid99")
    assert isinstance(refused, SignInThrottled) and refused.retry_after_s == 1
    assert audited(engine, audit.LOGIN_THROTTLED)[0].detail["by"] == ["host"]
    assert attempt(engine, "root", PASSWORD, T0 + 10, "desk-8/pid1") is None  # another workstation
    assert attempt(engine, "sue", PASSWORD, T0 + 1000, "desk-7/pid3") is None  # after the delay
    assert rows(engine) == [("user", "ghost", 1, False)]  # success forgot sue's and the workstation's


def test_lockout_until_an_administrator_unlocks(engine: Engine, accounts: UserUseCases) -> None:
    last = fail_times(engine, "sue", DEFAULT_POLICY.lockout_after, T0)
    for later in (WAIT, 86_400_000 * 3):  # an hour or three days on: still locked
        refused = attempt(engine, "sue", PASSWORD, last + later, "ws9/pid1")
        assert isinstance(refused, AccountLocked) and refused.retry_after_s is None
    assert "ask an administrator to unlock it" in str(refused).lower()
    assert [(u.username, u.state) for u in accounts.list_users()] == [("root", "enabled"), ("sue", "locked")]
    (lockout,) = audited(engine, audit.LOGIN_LOCKOUT)
    assert (lockout.actor, lockout.target, lockout.outcome, lockout.detail) == ("sue", "sue", audit.DENIED,
                                                                               {"failures": 10})  # fmt: skip
    assert audited(engine, audit.LOGIN_THROTTLED)[0].detail["reason"].startswith("too many failed sign-ins, locked")

    with pytest.raises(PermissionDenied):
        UserUseCases(engine, Principal("sue", Role.IT)).unlock_user("sue")
    assert audited(engine, audit.ACCESS_DENIED)[0].detail["permission"] == "users.manage"
    assert accounts.unlock_user("SUE") is True
    assert attempt(engine, "sue", PASSWORD, last + WAIT, "ws9/pid1") is None
    (unlock,) = audited(engine, audit.USER_UNLOCK)
    assert (unlock.actor, unlock.target, unlock.detail) == ("root", "sue", {"failures": 10, "wasLocked": True})
    assert accounts.unlock_user("sue") is False  # nothing to lift: still fine, still audited
    assert len(audited(engine, audit.USER_UNLOCK)) == 2
    with pytest.raises(UnknownUser):
        accounts.unlock_user("nobody-at-all")


def test_the_last_administrator_is_never_hard_locked(engine: Engine, accounts: UserUseCases) -> None:
    last = fail_times(engine, "root", 15, T0)
    assert not audited(engine, audit.LOGIN_LOCKOUT)
    refused = attempt(engine, "root", PASSWORD, last + 1)
    assert isinstance(refused, SignInThrottled) and refused.retry_after_s == 300  # the delay still applies
    assert attempt(engine, "root", PASSWORD, last + WAIT) is None

    # With a second administrator, the first one locks; the second, now the last unlocked one, does not.
    accounts.create_user("second", "ADMIN", PASSWORD)
    accounts.create_user("gone", "ADMIN", PASSWORD)
    accounts.disable_user("gone")  # a disabled administrator unlocks nobody
    last = fail_times(engine, "root", 10, last + 2 * WAIT)
    assert isinstance(attempt(engine, "root", PASSWORD, last + WAIT), AccountLocked)
    last = fail_times(engine, "second", 12, last + 2 * WAIT)
    assert attempt(engine, "second", PASSWORD, last + WAIT) is None
    assert [r.target for r in audited(engine, audit.LOGIN_LOCKOUT)] == ["root"]
    UserUseCases(engine, Principal("second", Role.ADMIN)).unlock_user("root")
    assert attempt(engine, "root", PASSWORD, last + 2 * WAIT) is None


def test_an_unknown_name_is_throttled_exactly_like_a_known_one(engine: Engine, accounts: UserUseCases) -> None:
    def story(name: str, where: str) -> list[tuple[str, str, int | None]]:
        seen = []
        for step in range(DEFAULT_POLICY.lockout_after + 2):  # two wrong passwords in a row, every 301 s
            for when in (T0 + step * WAIT, T0 + step * WAIT + 1):
                error = attempt(engine, name, "wrong password", when, where)
                assert error is not None
                seen.append((type(error).__name__, str(error), getattr(error, "retry_after_s", None)))
        return seen

    known, unknown = story("sue", "ws-a/pid1"), story("ghost", "ws-b/pid1")
    assert known == unknown
    assert {kind for kind, _, _ in known} == {"LoginFailed", "SignInThrottled", "AccountLocked"}
    assert all("sue" not in text and "ghost" not in text for _, text, _ in known + unknown)
    assert {r.target for r in audited(engine, audit.LOGIN_LOCKOUT)} == {"sue", "ghost"}
    assert accounts.unlock_user("ghost") is True  # an administrator can clear a locked name nobody has


def test_a_success_forgets_the_failures(engine: Engine, accounts: UserUseCases) -> None:
    fail_times(engine, "sue", 2, T0)
    assert attempt(engine, "sue", PASSWORD, T0 + WAIT) is None
    fail_times(engine, "sue", 2, T0 + 2 * WAIT)
    # Had the count survived the success, this third failure in a row would start a delay.
    assert attempt(engine, "sue", PASSWORD, T0 + 3 * WAIT + 1) is None
    assert rows(engine) == []


def test_old_rows_are_pruned_and_the_table_stays_small(engine: Engine, accounts: UserUseCases) -> None:
    for i in range(30):
        attempt(engine, f"guess{i}", "wrong password", T0, f"bot{i}/pid1")
    fail_times(engine, "sue", DEFAULT_POLICY.lockout_after, T0, where="ws1/pid1")
    assert len(rows(engine)) == 30 * 2 + 2
    day_later = T0 + 86_400_000 + 10 * WAIT
    attempt(engine, "ghost", "wrong password", day_later, "ws2/pid1")
    # A locked real user stays locked; everything idle for a day is gone.
    assert rows(engine) == [("host", "ws2", 1, False), ("user", "ghost", 1, False), ("user", "sue", 10, True)]


def test_simultaneous_failures_all_count(engine: Engine, accounts: UserUseCases) -> None:
    policy = ThrottlePolicy(free_failures=100, lockout_after=1000)
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            authenticate(engine, "sue", "wrong password", from_where=f"ws{i % 2}/pid{i}", at_ms=T0, policy=policy)
        except LoginFailed:
            pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert rows(engine) == [("host", "ws0", 4, False), ("host", "ws1", 4, False), ("user", "sue", 8, False)]


# ---- the command line ---------------------------------------------------------------------------


def cli(url: str, home: Path, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), QMS_DATABASE_URL=url, QMS_PASSWORD=password)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_cli_refuses_a_throttled_user_and_unlocks(db_url: str, tmp_path: Path) -> None:
    engine = create_engine_for(db_url)
    try:
        upgrade(engine)
        create_first_admin(engine, "root", PASSWORD)
        UserUseCases(engine, ROOT).create_user("sue", "ADMIN", PASSWORD)
        # Eight failures elsewhere, the last one now: sue is delayed for 32 s by the real clock.
        now = now_ms()
        fail_times(engine, "sue", 8, now - 7 * WAIT, where="elsewhere/pid1")
    finally:
        engine.dispose()
    home = tmp_path / "home"

    done = cli(db_url, home, "users", "list", "--as", "sue")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("qms-desktop: Too many failed sign-ins: try again in ")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr

    done = cli(db_url, home, "users", "list", "--as", "root")
    assert done.returncode == 0, done.stderr
    assert [line.split()[:4] for line in done.stdout.splitlines()[1:]] == [
        ["root", "ADMIN", "enabled", "0"],
        ["sue", "ADMIN", "delayed", "8"],
    ]

    engine = create_engine_for(db_url)
    try:
        fail_times(engine, "sue", 2, now + 40_000, where="elsewhere/pid1")  # the 9th and 10th: locked
    finally:
        engine.dispose()
    done = cli(db_url, home, "users", "list", "--as", "sue")
    assert done.returncode == 2 and "this user name is locked" in done.stderr and "users unlock" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    done = cli(db_url, home, "users", "list", "--as", "root", "--json")
    assert '"state": "locked"' in done.stdout

    done = cli(db_url, home, "users", "unlock", "sue", "--as", "sue")
    assert done.returncode == 2 and "locked" in done.stderr  # a locked user cannot unlock itself
    done = cli(db_url, home, "users", "unlock", "Sue", "--as", "root")
    assert done.returncode == 0 and done.stdout.strip() == "sue unlocked", done.stderr
    done = cli(db_url, home, "users", "list", "--as", "sue")
    assert done.returncode == 0, done.stderr
    done = cli(db_url, home, "users", "unlock", "nobody", "--as", "root")
    assert done.returncode == 2 and "No user named" in done.stderr and "Traceback" not in done.stderr

    engine = create_engine_for(db_url)
    try:
        actions = [(r.action, r.actor, r.target) for r in list_audit(engine, limit=None)]
    finally:
        engine.dispose()
    assert (audit.USER_UNLOCK, "root", "sue") in actions
    assert (audit.LOGIN_LOCKOUT, "sue", "sue") in actions
    assert (audit.LOGIN_THROTTLED, "sue", "sue") in actions


def test_a_database_without_the_table_is_migrated(sqlite_url: str) -> None:
    engine = create_engine_for(sqlite_url)
    try:
        upgrade(engine, "0005_audit_chain")
        assert "sign_in_failures" not in sa.inspect(engine).get_table_names()
        upgrade(engine)
        assert "sign_in_failures" in sa.inspect(engine).get_table_names()
        with begin_write(engine) as conn:
            conn.execute(sign_in_failures.insert().values(key_kind="user", key="x", last_failure_ms=1))
        with pytest.raises(sa.exc.IntegrityError), begin_write(engine) as conn:
            conn.execute(sign_in_failures.insert().values(key_kind="other", key="x", last_failure_ms=1))
    finally:
        engine.dispose()
