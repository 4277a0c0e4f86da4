"""Long-lived, app-wide services that turn the async core into Qt signals (no widgets here)."""

from qms_desktop.ui.services.sync_service import SyncService

__all__ = ["SyncService"]
