"""Local accounts and signing in and out.

Signing in and creating the very first administrator are the only operations open to nobody in
particular: they exist before anyone can sign in. Everything else needs an administrator, except
changing one's own password.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Engine

from qms_desktop.app.access import UseCase
from qms_desktop.integration_log import register_secret
from qms_desktop.security import audit
from qms_desktop.security import users as users_repo
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Permission, Principal, Role
from qms_desktop.security.users import UserInfo
from qms_desktop.store.engine import begin_write


def _typed(password: str) -> str:
    """A local user's password as typed (GUI, --password-stdin, QMS_PASSWORD) reaches the app only
    through the functions below: from here on the log masks it, right or wrong."""
    register_secret(password)
    return password


def needs_first_admin(engine: Engine) -> bool:
    """True while no enabled administrator exists: the front end offers to create one."""
    with engine.connect() as conn:
        return users_repo.needs_first_admin(conn)


def sign_in(engine: Engine, username: str, password: str, *, from_where: str | None = None) -> Principal:
    """The principal of a correct, enabled account (audited either way); LoginFailed otherwise.

    Repeated failures are throttled per user name and per workstation: SignInThrottled (wait
    `retry_after_s`) or AccountLocked (an administrator must unlock it), both LoginFailed too."""
    return users_repo.authenticate(engine, username, _typed(password), from_where=from_where)


def sign_out(engine: Engine, principal: Principal) -> None:
    audit.write(engine, audit.LOGOUT, actor=principal.username, target=principal.username)


def create_first_admin(engine: Engine, username: str, password: str) -> UserInfo:
    """The one unauthenticated write: allowed only while no enabled administrator exists."""
    _typed(password)
    with begin_write(engine) as conn:
        if not users_repo.needs_first_admin(conn):
            raise PermissionDenied(
                "An administrator already exists", hint="Sign in as an administrator to add users (--as NAME)"
            )
        info = users_repo.create_user(conn, username, Role.ADMIN, password)
        audit.record(
            conn, audit.USER_CREATE, actor=info.username, target=info.username, detail={"role": "ADMIN", "first": True}
        )
    return info


class UserUseCases(UseCase):
    def list_users(self) -> list[UserInfo]:
        self.require(Permission.USERS_MANAGE)
        with self.engine.connect() as conn:
            return users_repo.list_users(conn)

    def create_user(self, username: str, role: Role | str, password: str, teams: Collection[str] = ()) -> UserInfo:
        _typed(password)
        self.require(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            info = users_repo.create_user(conn, username, role, password, teams)
            audit.record(
                conn,
                audit.USER_CREATE,
                actor=self.actor,
                target=info.username,
                detail={"role": info.role.value, "teams": list(info.teams)},
            )
        return info

    def set_password(self, username: str, password: str) -> None:
        """Admins set anyone's password; every user may change their own."""
        _typed(password)
        if self.principal is None or users_repo.normalize_username(username) != self.principal.username:
            self.require(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            users_repo.set_password(conn, username, password)
            audit.record(conn, audit.USER_PASSWORD, actor=self.actor, target=username.lower())

    def disable_user(self, username: str, disabled: bool = True) -> None:
        self.require(Permission.USERS_MANAGE, username)
        name = users_repo.normalize_username(username)
        if disabled and name == self.actor:
            raise PermissionDenied("You cannot disable your own account", hint="Ask another administrator")
        with begin_write(self.engine) as conn:
            users_repo.disable_user(conn, name, disabled)
            audit.record(conn, audit.USER_DISABLE if disabled else audit.USER_ENABLE, actor=self.actor, target=name)

    def unlock_user(self, username: str) -> bool:
        """Forget the user name's failed sign-ins and lift its lock; True when it was locked.
        Audited (`user.unlock`) even when there was nothing to lift."""
        self.require(Permission.USERS_MANAGE, username)
        name = users_repo.normalize_username(username)
        with begin_write(self.engine) as conn:
            before = users_repo.unlock_user(conn, name)
            locked = before is not None and before.hard_locked
            audit.record(
                conn,
                audit.USER_UNLOCK,
                actor=self.actor,
                target=name,
                detail={"wasLocked": locked, "failures": before.failures if before is not None else 0},
            )
        return locked

    def set_teams(self, username: str, teams: Collection[str]) -> tuple[str, ...]:
        self.require(Permission.USERS_MANAGE, username)
        with begin_write(self.engine) as conn:
            clean = users_repo.set_teams(conn, username, teams)
            audit.record(
                conn,
                audit.USER_TEAMS,
                actor=self.actor,
                target=username.lower(),
                detail={"teams": list(clean)},
            )
        return clean


__all__ = ["UserInfo", "UserUseCases", "create_first_admin", "needs_first_admin", "sign_in", "sign_out"]
