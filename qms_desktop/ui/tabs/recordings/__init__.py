"""The Recordings tab: find a call, read its details, listen to it."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.recordings.controller import RecordingsController
from qms_desktop.ui.tabs.recordings.tab import RecordingsTab


def create_tab(ctx: UiContext) -> RecordingsTab:
    view = RecordingsTab()
    return compose(view, RecordingsController(ctx, view))
