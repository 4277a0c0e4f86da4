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

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls(value.strip().upper())
        except ValueError:
            from qms_desktop.security.errors import InvalidUserInput

            raise InvalidUserInput(
                f"Unknown role {value!r}", hint="Use one of: " + ", ".join(r.value for r in cls)
            ) from None


class Permission(StrEnum):
    RECORDINGS_READ = "recordings.read"
    RECORDINGS_PLAY = "recordings.play"
    SETTINGS_READ = "settings.read"
    SETTINGS_WRITE = "settings.write"
    CONNECTION_TEST = "connection.test"
    LOGS_READ = "logs.read"
    SYNC_STATUS = "sync.status"
    SYNC_RUN = "sync.run"
    SYNC_RESET = "sync.reset"
    USERS_MANAGE = "users.manage"
    AUDIT_READ = "audit.read"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.SUPERVISOR: frozenset({Permission.RECORDINGS_READ, Permission.RECORDINGS_PLAY}),
    Role.IT: frozenset(
        {
            Permission.CONNECTION_TEST,
            Permission.LOGS_READ,
            Permission.SYNC_STATUS,
            Permission.SYNC_RUN,
            Permission.SYNC_RESET,
        }
    ),
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
        """What RecordingQuery.allowed_teams should be: None = every team."""
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
