"""The Sync tab: status, progress, history charts, quarantine, the schedule and reset."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QSizePolicy
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.sync.controller import SyncController
from qms_desktop.ui.tabs.sync.tab import SyncTab


def create_tab(ctx: UiContext) -> SyncTab:
    view = SyncTab()
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return compose(view, SyncController(ctx, ctx.sync, view))
