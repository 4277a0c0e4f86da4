"""Users, roles, permissions and the audit trail. No Qt here.

principal = authenticate(engine, "alice", password)        # audited
RecordingService(engine, principal).search(query)          # narrowed to alice's teams
UserService(engine, principal).create_user("bob", "IT", pw) # PermissionDenied unless ADMIN
"""

from qms_desktop.security.audit import AuditEvent, AuditRow, AuditWriter, export_csv, list_audit, record
from qms_desktop.security.errors import (
    AccountDisabled,
    InvalidUserInput,
    LoginFailed,
    PermissionDenied,
    SecurityError,
    StreamLimitReached,
    UnknownUser,
    UserExists,
)
from qms_desktop.security.roles import ROLE_PERMISSIONS, Permission, Principal, Role, require
from qms_desktop.security.services import (
    AuditService,
    ConnectionService,
    LogService,
    RecordingNotFound,
    RecordingService,
    SettingsService,
    SyncBusy,
    SyncService,
    UserService,
    create_first_admin,
)
from qms_desktop.security.users import (
    UserInfo,
    authenticate,
    create_user,
    disable_user,
    ensure_demo_users,
    get_user,
    list_users,
    needs_first_admin,
    set_password,
    set_teams,
)

__all__ = [
    "ROLE_PERMISSIONS",
    "AccountDisabled",
    "AuditEvent",
    "AuditRow",
    "AuditService",
    "AuditWriter",
    "ConnectionService",
    "InvalidUserInput",
    "LogService",
    "LoginFailed",
    "Permission",
    "PermissionDenied",
    "Principal",
    "RecordingNotFound",
    "RecordingService",
    "Role",
    "SecurityError",
    "SettingsService",
    "StreamLimitReached",
    "SyncBusy",
    "SyncService",
    "UnknownUser",
    "UserExists",
    "UserInfo",
    "UserService",
    "authenticate",
    "create_first_admin",
    "create_user",
    "disable_user",
    "ensure_demo_users",
    "export_csv",
    "get_user",
    "list_audit",
    "list_users",
    "needs_first_admin",
    "record",
    "require",
    "set_password",
    "set_teams",
]
