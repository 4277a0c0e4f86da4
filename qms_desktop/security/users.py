"""Local accounts in the database: create, change password, disable, list, authenticate.

These functions run in the caller's transaction and check no permission: `services.UserService`
is the guarded entry point. `authenticate()` audits every success and failure itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from qms_desktop.domain.time import now_ms
from qms_desktop.security import audit
from qms_desktop.security.errors import AccountDisabled, InvalidUserInput, LoginFailed, UnknownUser, UserExists
from qms_desktop.security.passwords import MIN_PASSWORD_LENGTH, burn_time, hash_password, verify_password
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.engine import begin_write
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

    def principal(self) -> Principal:
        return Principal(self.username, self.role, frozenset(self.teams))

    def to_dict(self) -> dict[str, object]:
        return {
            "username": self.username,
            "role": self.role.value,
            "teams": list(self.teams),
            "disabled": self.disabled,
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


def list_users(conn: Connection) -> list[UserInfo]:
    teams = _teams_by_user(conn)
    rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
    return [
        UserInfo(
            r["username"],
            Role(r["role"]),
            tuple(teams.get(r["id"], ())),
            bool(r["disabled"]),
            r["created_at_ms"],
            r["last_login_ms"],
        )
        for r in rows
    ]


def get_user(conn: Connection, username: str) -> UserInfo | None:
    name = username.strip().lower()
    return next((u for u in list_users(conn) if u.username == name), None)


def needs_first_admin(conn: Connection) -> bool:
    """True while no enabled administrator exists: the app must offer to create one."""
    stmt = sa.select(sa.func.count()).select_from(users).where(users.c.role == Role.ADMIN.value, ~users.c.disabled)
    return int(conn.execute(stmt).scalar_one()) == 0


def authenticate(engine: Engine, username: str, password: str, *, from_where: str | None = None) -> Principal:
    """The principal for a correct, enabled account; LoginFailed / AccountDisabled otherwise.

    Both outcomes are audited. The message does not say whether the name or the password was wrong.
    """
    name = username.strip().lower()
    with begin_write(engine) as conn:
        row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
        if row is None:
            burn_time(password)  # an unknown name costs as long as a wrong password
            ok, reason = False, "unknown user or wrong password"
        elif not verify_password(password, row["password_hash"]):
            ok, reason = False, "unknown user or wrong password"
        elif row["disabled"]:
            ok, reason = False, "account disabled"
        else:
            ok, reason = True, ""
        if not ok:
            audit.record(
                conn,
                audit.LOGIN_FAILURE,
                actor=name,
                target=name,
                detail={"reason": reason},
                outcome=audit.DENIED,
                from_where=from_where,
            )
        else:
            assert row is not None
            conn.execute(users.update().where(users.c.id == row["id"]).values(last_login_ms=now_ms()))
            audit.record(conn, audit.LOGIN_SUCCESS, actor=name, target=name, from_where=from_where)
            teams = conn.execute(sa.select(user_teams.c.team_code).where(user_teams.c.user_id == row["id"])).scalars()
            principal = Principal(name, Role(row["role"]), frozenset(teams))
    if not ok:
        if reason == "account disabled":
            raise AccountDisabled(f"The account {name!r} is disabled")
        raise LoginFailed("Unknown user or wrong password")
    return principal
