"""The Logs tab (IT staff and administrators): the live integration log, filtered and searchable."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.logs.tab import LogsTab


def create_tab(ctx: UiContext) -> LogsTab:
    view = LogsTab(ctx)  # the view makes its controller: its widgets and the live rows are wired tightly
    return compose(view, view.controller)
