"""The Coverage tab (supervisors and administrators): review coverage per agent and team for a
period against the weekly target, exported as CSV; administrators set the target and the coverage a
recording needs before it can be marked reviewed."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.coverage.controller import CoverageController
from qms_desktop.ui.tabs.coverage.tab import CoverageTab


def create_tab(ctx: UiContext) -> CoverageTab:
    view = CoverageTab()
    return compose(view, CoverageController(ctx, view))
