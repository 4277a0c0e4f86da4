"""The Connection tab: MediaSense URL(s), credentials, TLS trust, the live connection test."""

from __future__ import annotations

from qms_desktop.security.roles import Permission
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.connection.controller import ConnectionController, wire
from qms_desktop.ui.tabs.connection.tab import ConnectionTab


def create_tab(ctx: UiContext) -> ConnectionTab:
    view = ConnectionTab()
    # IT sees the settings read-only: it tests with the saved password but cannot see or change it.
    if ctx.principal is None or not ctx.principal.can(Permission.SETTINGS_WRITE):
        view.set_read_only(True)
    controller = ConnectionController(ctx, parent=view)
    wire(view, controller)
    return compose(view, controller)
