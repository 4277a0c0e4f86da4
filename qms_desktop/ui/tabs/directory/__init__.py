"""The Directory tab (administrators): agents, extensions and teams; CSV import with a preview."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.directory.controller import DirectoryController
from qms_desktop.ui.tabs.directory.tab import DirectoryTab


def create_tab(ctx: UiContext) -> DirectoryTab:
    view = DirectoryTab()
    return compose(view, DirectoryController(ctx, view))
