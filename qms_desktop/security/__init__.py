"""Users, roles, permissions and the audit trail: the records and rules. No Qt here.

The guarded operations that use them (each checking the principal and writing its audit row) are
the use cases in `qms_desktop.app`.
"""

from qms_desktop.security.audit import AuditEvent, AuditRow, AuditWriter, export_csv, list_audit, record
from qms_desktop.security.errors import (
    AccountDisabled,
    AccountLocked,
    InvalidUserInput,
    LoginFailed,
    PermissionDenied,
    SecurityError,
    SignInThrottled,
    StreamLimitReached,
    UnknownUser,
    UserExists,
)
from qms_desktop.security.roles import ROLE_PERMISSIONS, Permission, Principal, Role, require
from qms_desktop.security.throttle import DEFAULT_POLICY, ThrottlePolicy
from qms_desktop.security.users import (
    UserInfo,
    authenticate,
    create_user,
    disable_user,
    get_user,
    list_users,
    needs_first_admin,
    set_password,
    set_teams,
    unlock_user,
)

__all__ = [
    "DEFAULT_POLICY",
    "ROLE_PERMISSIONS",
    "AccountDisabled",
    "AccountLocked",
    "AuditEvent",
    "AuditRow",
    "AuditWriter",
    "InvalidUserInput",
    "LoginFailed",
    "Permission",
    "PermissionDenied",
    "Principal",
    "Role",
    "SecurityError",
    "SignInThrottled",
    "StreamLimitReached",
    "ThrottlePolicy",
    "UnknownUser",
    "UserExists",
    "UserInfo",
    "authenticate",
    "create_user",
    "disable_user",
    "export_csv",
    "get_user",
    "list_audit",
    "list_users",
    "needs_first_admin",
    "record",
    "require",
    "set_password",
    "set_teams",
    "unlock_user",
]
