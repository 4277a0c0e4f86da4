"""The use cases: everything a user (or the headless service) can do, each written once.

Each use-case class is built with an engine and the acting principal, checks the principal's role
and team scope, and writes the audit row itself. The GUI controllers, the CLI commands and the
headless service call these and nothing below them for these operations. Fail closed: without a
principal everything is refused, except signing in and creating the first administrator (they
exist before anyone can sign in) and the diagnostics that read and store nothing of the app's.

    principal = users.sign_in(engine, "alice", password)           # audited
    RecordingUseCases(engine, principal).search(query)             # narrowed to alice's teams
    SyncUseCases(engine, principal).reset()                        # PermissionDenied unless ADMIN/IT
"""

from qms_desktop.app.access import SYSTEM, NotSignedIn, RecordingNotFound, SyncBusy
from qms_desktop.app.runtime import NotConfigured

__all__ = ["SYSTEM", "NotConfigured", "NotSignedIn", "RecordingNotFound", "SyncBusy"]
