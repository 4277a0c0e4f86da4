"""The Audit tab (administrators): who did what, filtered, paged, exported as CSV."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.audit.controller import AuditController
from qms_desktop.ui.tabs.audit.tab import AuditTab
from qms_desktop.ui.tabs.base import compose


def create_tab(ctx: UiContext) -> AuditTab:
    view = AuditTab()
    return compose(view, AuditController(ctx, view))
