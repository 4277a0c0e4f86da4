"""The Users tab (administrators): local accounts, roles and teams."""

from __future__ import annotations

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.tabs.base import compose
from qms_desktop.ui.tabs.users.controller import UsersController
from qms_desktop.ui.tabs.users.tab import UsersTab


def create_tab(ctx: UiContext) -> UsersTab:
    view = UsersTab()
    return compose(view, UsersController(ctx, view))
