"""Roles, permissions and the signed-in principal. Checks live in the service functions."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from qms_desktop.security.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "ADMIN"
    SUPERVISOR = "SUPERVISOR"
    IT = "IT"
    # The headless sync service: a principal of its own, never a user account (no one signs in as it).
    SYSTEM = "SYSTEM"

    @classmethod
    def parse(cls, value: str) -> Role:
        """A role a user account may have (SYSTEM is not one of them)."""
        try:
            role = cls(value.strip().upper())
        except ValueError:
            role = None
        if role is None or role is Role.SYSTEM:
            from qms_desktop.security.errors import InvalidUserInput

            raise InvalidUserInput(
                f"Unknown role {value!r}", hint="Use one of: " + ", ".join(r.value for r in USER_ROLES)
            ) from None
        return role


class Permission(StrEnum):
    RECORDINGS_READ = "recordings.read"
    RECORDINGS_PLAY = "recordings.play"
    SETTINGS_READ = "settings.read"
    SETTINGS_WRITE = "settings.write"
    CONNECTION_TEST = "connection.test"
    LOGS_READ = "logs.read"
    LOGS_MANAGE = "logs.manage"
    SYNC_STATUS = "sync.status"
    SYNC_RUN = "sync.run"
    SYNC_RESET = "sync.reset"
    SYNC_SCHEDULE = "sync.schedule"
    DIRECTORY_MANAGE = "directory.manage"
    SEARCH_MANAGE = "search.manage"
    USERS_MANAGE = "users.manage"
    AUDIT_READ = "audit.read"


# The roles a user account can have.
USER_ROLES = (Role.ADMIN, Role.SUPERVISOR, Role.IT)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.SUPERVISOR: frozenset({Permission.RECORDINGS_READ, Permission.RECORDINGS_PLAY}),
    # IT diagnoses: connection, logs, sync and the search index; never recordings, users or passwords.
    Role.IT: frozenset(
        {
            Permission.SETTINGS_READ,
            Permission.CONNECTION_TEST,
            Permission.LOGS_READ,
            Permission.LOGS_MANAGE,
            Permission.SYNC_STATUS,
            Permission.SYNC_RUN,
            Permission.SYNC_RESET,
            Permission.SYNC_SCHEDULE,
            Permission.SEARCH_MANAGE,
        }
    ),
    Role.SYSTEM: frozenset({Permission.SYNC_RUN, Permission.SYNC_STATUS}),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting. `teams` matters only for supervisors (admins see every team)."""

    username: str
    role: Role
    teams: frozenset[str] = field(default_factory=frozenset)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def allowed_teams(self) -> frozenset[str] | None:
        """What RecordingQuery.allowed_teams should be: None = every team (administrators only)."""
        return None if self.role is Role.ADMIN else self.teams

    def sees_team(self, team_code: str | None) -> bool:
        allowed = self.allowed_teams
        return allowed is None or (team_code is not None and team_code in allowed)

    def to_dict(self) -> dict[str, object]:
        return {"username": self.username, "role": self.role.value, "teams": sorted(self.teams)}


def require(principal: Principal, permission: Permission) -> None:
    """Raise PermissionDenied unless the principal's role grants `permission` (no audit here)."""
    if not principal.can(permission):
        raise PermissionDenied(
            f"{principal.username} ({principal.role.value}) may not {permission.value.replace('.', ' ')}",
            permission=permission.value,
        )


def narrow_teams(principal: Principal, requested: Collection[str] | None) -> frozenset[str] | None:
    """The teams a query may see: the principal's own, intersected with any the query already had."""
    own = principal.allowed_teams
    if own is None:
        return None if requested is None else frozenset(requested)
    return own if requested is None else own & frozenset(requested)
