"""Local accounts in the database: create, change password, disable, unlock, list, authenticate.

These functions run in the caller's transaction and check no permission: `app.users.UserUseCases`
is the guarded entry point. `authenticate()` audits every success, failure and refusal itself, and
throttles repeated failures (see `security.throttle`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from qms_desktop.domain.time import now_ms
from qms_desktop.security import audit, throttle
from qms_desktop.security.errors import (
    AccountDisabled,
    AccountLocked,
    InvalidUserInput,
    LoginFailed,
    SignInThrottled,
    UnknownUser,
    UserExists,
)
from qms_desktop.security.passwords import MIN_PASSWORD_LENGTH, burn_time, hash_password, verify_password
from qms_desktop.security.roles import Principal, Role
from qms_desktop.security.throttle import DEFAULT_POLICY, ThrottlePolicy
from qms_desktop.store.engine import begin_write, database_now_ms
from qms_desktop.store.schema import user_teams, users

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")


@dataclass(frozen=True, slots=True)
class UserInfo:
    username: str
    role: Role
    teams: tuple[str, ...]
    disabled: bool
    created_at_ms: int
    last_login_ms: int | None
    locked: bool = False  # too many failed sign-ins: until an administrator unlocks it
    delayed_until_ms: int | None = None  # failed sign-ins: refused until then (when listed)
    failed_sign_ins: int = 0  # consecutive, since the last success or unlock

    @property
    def state(self) -> str:
        """disabled, locked, delayed or enabled (the first that applies)."""
        if self.disabled:
            return "disabled"
        if self.locked:
            return "locked"
        return "delayed" if self.delayed_until_ms is not None else "enabled"

    def principal(self) -> Principal:
        return Principal(self.username, self.role, frozenset(self.teams))

    def to_dict(self) -> dict[str, object]:
        return {
            "username": self.username,
            "role": self.role.value,
            "teams": list(self.teams),
            "disabled": self.disabled,
            "locked": self.locked,
            "delayedUntilMs": self.delayed_until_ms,
            "failedSignIns": self.failed_sign_ins,
            "state": self.state,
            "createdAtMs": self.created_at_ms,
            "lastLoginMs": self.last_login_ms,
        }


def normalize_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidUserInput(
            f"Not a valid user name: {username!r}",
            hint="Use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
        )
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidUserInput("The password is too short", hint=f"Use at least {MIN_PASSWORD_LENGTH} characters")


def _clean_teams(teams: Collection[str]) -> tuple[str, ...]:
    return tuple(sorted({t.strip() for t in teams if t and t.strip()}))


def _user_id(conn: Connection, username: str) -> int:
    uid = conn.execute(sa.select(users.c.id).where(users.c.username == normalize_username(username))).scalar()
    if uid is None:
        raise UnknownUser(f"No user named {username!r}")
    return int(uid)


def create_user(
    conn: Connection, username: str, role: Role | str, password: str, teams: Collection[str] = ()
) -> UserInfo:
    name = normalize_username(username)
    role = role if isinstance(role, Role) else Role.parse(role)
    _check_password(password)
    clean = _clean_teams(teams)
    if role is Role.SUPERVISOR and not clean:
        raise InvalidUserInput("A supervisor needs at least one team", hint="Pass the team codes, e.g. --teams T1,T2")
    if conn.execute(sa.select(users.c.id).where(users.c.username == name)).first() is not None:
        raise UserExists(f"A user named {name!r} already exists")
    at = now_ms()
    uid = conn.execute(
        users.insert()
        .values(
            username=name,
            role=role.value,
            password_hash=hash_password(password),
            disabled=False,
            created_at_ms=at,
            updated_at_ms=at,
        )
        .returning(users.c.id)
    ).scalar_one()
    if clean:
        conn.execute(user_teams.insert(), [{"user_id": uid, "team_code": t} for t in clean])
    return UserInfo(name, role, clean, False, at, None)


def set_password(conn: Connection, username: str, password: str) -> None:
    _check_password(password)
    uid = _user_id(conn, username)
    conn.execute(
        users.update().where(users.c.id == uid).values(password_hash=hash_password(password), updated_at_ms=now_ms())
    )


def disable_user(conn: Connection, username: str, disabled: bool = True) -> None:
    uid = _user_id(conn, username)
    conn.execute(users.update().where(users.c.id == uid).values(disabled=disabled, updated_at_ms=now_ms()))


def set_teams(conn: Connection, username: str, teams: Collection[str]) -> tuple[str, ...]:
    uid = _user_id(conn, username)
    clean = _clean_teams(teams)
    conn.execute(user_teams.delete().where(user_teams.c.user_id == uid))
    if clean:
        conn.execute(user_teams.insert(), [{"user_id": uid, "team_code": t} for t in clean])
    return clean


def _teams_by_user(conn: Connection) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for uid, team in conn.execute(
        sa.select(user_teams.c.user_id, user_teams.c.team_code).order_by(user_teams.c.team_code)
    ):
        out.setdefault(uid, []).append(team)
    return out


def list_users(conn: Connection, *, at_ms: int | None = None) -> list[UserInfo]:
    """Every account with its teams and its sign-in throttling as of `at_ms` (default: now)."""
    teams = _teams_by_user(conn)
    now = at_ms if at_ms is not None else database_now_ms(conn)
    failures = throttle.user_states(conn, now)
    rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
    out = []
    for r in rows:
        state = failures.get(r["username"])
        delayed = state is not None and not state.hard_locked and state.locked_until_ms > now
        out.append(
            UserInfo(
                r["username"],
                Role(r["role"]),
                tuple(teams.get(r["id"], ())),
                bool(r["disabled"]),
                r["created_at_ms"],
                r["last_login_ms"],
                locked=state is not None and state.hard_locked,
                delayed_until_ms=state.locked_until_ms if state is not None and delayed else None,
                failed_sign_ins=state.failures if state is not None else 0,
            )
        )
    return out


def get_user(conn: Connection, username: str) -> UserInfo | None:
    name = username.strip().lower()
    return next((u for u in list_users(conn) if u.username == name), None)


def needs_first_admin(conn: Connection) -> bool:
    """True while no enabled administrator exists: the app must offer to create one."""
    stmt = sa.select(sa.func.count()).select_from(users).where(users.c.role == Role.ADMIN.value, ~users.c.disabled)
    return int(conn.execute(stmt).scalar_one()) == 0


def unlock_user(conn: Connection, username: str) -> throttle.FailureState | None:
    """Forget the user name's failed sign-ins (and its lock); what there was. UnknownUser when the
    name is neither a user nor throttled. Call inside `begin_write`."""
    name = normalize_username(username)
    throttle.lock_keys(conn, name, None)
    before = throttle.clear(conn, throttle.USER, throttle.user_key(name))
    if before is None and conn.execute(sa.select(users.c.id).where(users.c.username == name)).first() is None:
        raise UnknownUser(f"No user named {username!r}")
    return before


def _may_hard_lock(conn: Connection, row: sa.RowMapping | None) -> bool:
    """False for the last enabled administrator not already locked: someone must be able to unlock."""
    if row is None or row["role"] != Role.ADMIN.value or row["disabled"]:
        return True
    locked = throttle.hard_locked_names(conn)
    others = conn.execute(
        sa.select(users.c.username).where(users.c.role == Role.ADMIN.value, ~users.c.disabled, users.c.id != row["id"])
    ).scalars()
    return any(name not in locked for name in others)


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    *,
    from_where: str | None = None,
    at_ms: int | None = None,
    policy: ThrottlePolicy = DEFAULT_POLICY,
) -> Principal:
    """The principal for a correct, enabled account; LoginFailed / AccountDisabled otherwise, and
    SignInThrottled / AccountLocked without a look at the password while the user name or this
    workstation has failed too often (see `security.throttle`).

    Every outcome is audited. No message says whether the name or the password was wrong, nor
    whether the user exists. `at_ms` replaces the database's clock (tests).
    """
    name = username.strip().lower()
    place = from_where or audit.this_place()
    user_key, host_key = throttle.user_key(name), throttle.workstation(place)
    refused: throttle.Refusal | None = None
    with begin_write(engine) as conn:
        throttle.lock_keys(conn, user_key, host_key)
        now = at_ms if at_ms is not None else database_now_ms(conn)
        user_state = throttle.read_state(conn, throttle.USER, user_key, now, policy)
        host_state = throttle.read_state(conn, throttle.HOST, host_key, now, policy)
        refused = throttle.refusal(user_state, host_state, now)
        row = None
        ok, reason = False, ""
        if refused is not None:
            audit.record(
                conn,
                audit.LOGIN_THROTTLED,
                actor=name,
                target=name,
                detail={"reason": refused.reason, "by": list(refused.by), "retryAfterS": refused.retry_after_s},
                outcome=audit.DENIED,
                from_where=place,
            )
        else:
            row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
            if row is None:
                burn_time(password)  # an unknown name costs as long as a wrong password
                reason = "unknown user or wrong password"
            elif not verify_password(password, row["password_hash"]):
                reason = "unknown user or wrong password"
            elif row["disabled"]:
                reason = "account disabled"
            else:
                ok = True
        if refused is None and not ok:
            detail: dict[str, object] = {"reason": reason}
            locked_now = False
            if reason != "account disabled":  # a right password of a disabled account guesses nothing
                user_after = throttle.record_failure(
                    conn, throttle.USER, user_key, user_state, now, policy, may_hard_lock=_may_hard_lock(conn, row)
                )
                host_after = throttle.record_failure(conn, throttle.HOST, host_key, host_state, now, policy)
                detail["failures"] = user_after.failures
                detail["workstationFailures"] = host_after.failures
                locked_now = user_after.hard_locked and not (user_state is not None and user_state.hard_locked)
                throttle.prune(conn, now, policy)
            audit.record(
                conn,
                audit.LOGIN_FAILURE,
                actor=name,
                target=name,
                detail=detail,
                outcome=audit.DENIED,
                from_where=place,
            )
            if locked_now:
                audit.record(
                    conn,
                    audit.LOGIN_LOCKOUT,
                    actor=name,
                    target=name,
                    detail={"failures": detail["failures"]},
                    outcome=audit.DENIED,
                    from_where=place,
                )
        elif ok:
            assert row is not None
            throttle.clear(conn, throttle.USER, user_key)
            throttle.clear(conn, throttle.HOST, host_key)
            conn.execute(users.update().where(users.c.id == row["id"]).values(last_login_ms=now_ms()))
            audit.record(conn, audit.LOGIN_SUCCESS, actor=name, target=name, from_where=place)
            teams = conn.execute(sa.select(user_teams.c.team_code).where(user_teams.c.user_id == row["id"])).scalars()
            principal = Principal(name, Role(row["role"]), frozenset(teams))
    if refused is not None:
        if refused.locked:
            raise AccountLocked()
        raise SignInThrottled(refused.retry_after_s)
    if not ok:
        if reason == "account disabled":
            raise AccountDisabled(f"The account {name!r} is disabled")
        raise LoginFailed("Unknown user or wrong password")
    return principal
