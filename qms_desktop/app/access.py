"""The one gate every use case passes: who is acting, may they, and the audit row that says so.

Fail closed: a use case built without a principal refuses everything (and says "sign in first").
A refusal is audited (`access.denied`) before PermissionDenied is raised, so a probing user leaves a
trace; an allowed operation writes its own audit row through `audit()` or `audit_in()`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine

from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied, SecurityError
from qms_desktop.security.roles import Permission, Principal, Role

# The headless sync service acts as this principal: it may run the sync and read its status, nothing else.
SYSTEM = Principal("qms-sync-service", Role.SYSTEM)


class NotSignedIn(PermissionDenied):
    """No principal: nothing is reachable until someone signs in."""

    hint = "Sign in first (in the CLI: --as NAME, with the password on standard input or in QMS_PASSWORD)"


class RecordingNotFound(SecurityError, LookupError):
    hint = "Check the session id, or sync again if the recording is new"


class SyncBusy(SecurityError):
    hint = "A sync is running: try again when it has finished"


class UseCase:
    """Base of every use-case class: an engine and the principal acting on it (None = nobody)."""

    def __init__(self, engine: Engine, principal: Principal | None) -> None:
        self.engine = engine
        self.principal = principal

    @property
    def actor(self) -> str | None:
        return self.principal.username if self.principal is not None else None

    def require(self, permission: Permission, target: str | None = None) -> Principal:
        """The principal, if its role grants `permission`; otherwise audit the refusal and raise."""
        principal = self.principal
        if principal is not None and principal.can(permission):
            return principal
        detail: dict[str, Any] = {"permission": permission.value}
        if principal is not None:
            detail["role"] = principal.role.value
        audit.write(self.engine, audit.ACCESS_DENIED, actor=self.actor, target=target, detail=detail,
                    outcome=audit.DENIED)  # fmt: skip
        if principal is None:
            raise NotSignedIn(f"Nobody is signed in: {permission.value.replace('.', ' ')} is refused",
                              permission=permission.value)  # fmt: skip
        raise PermissionDenied(
            f"{principal.username} ({principal.role.value}) may not {permission.value.replace('.', ' ')}",
            permission=permission.value,
        )

    def require_team(self, permission: Permission, team_code: str | None, target: str) -> None:
        """A supervisor may only reach recordings of their own teams (a recording without a team is nobody's)."""
        principal = self.require(permission, target)
        if principal.sees_team(team_code):
            return
        audit.write(self.engine, audit.ACCESS_DENIED, actor=self.actor, target=target,
                    detail={"permission": permission.value, "reason": "team"}, outcome=audit.DENIED)  # fmt: skip
        raise PermissionDenied(
            f"Recording {target} belongs to a team {principal.username} does not supervise",
            permission=permission.value,
            hint="Ask an administrator to assign you that recording's team",
        )

    def audit(self, action: str, target: str | None = None, *, outcome: str = audit.OK, **detail: Any) -> None:
        """The operation's audit row, in its own transaction. Never pass a secret in `detail`."""
        audit.write(self.engine, action, actor=self.actor, target=target, detail=detail, outcome=outcome)

    def audit_in(self, conn: Connection, action: str, target: str | None = None, **detail: Any) -> None:
        """The operation's audit row inside the caller's transaction (it commits with the change)."""
        audit.record(conn, action, actor=self.actor, target=target, detail=detail)
