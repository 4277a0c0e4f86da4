"""The tab registry: which tabs exist, where they live, their titles and who may see them.

Each entry's module exposes `create_tab(ctx: UiContext) -> QWidget`. A module that fails to import is
skipped with a logged error, so one broken tab never keeps the app from starting.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import NamedTuple

from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QWidget

log = logging.getLogger("qms.ui")

ADMIN = "admin"
SUPERVISOR = "supervisor"
AGENT = "agent"
ALL_ROLES = (ADMIN, SUPERVISOR, AGENT)


class TabSpec(NamedTuple):
    key: str
    module: str
    title: str  # untranslated; shown through QCoreApplication.translate("Tabs", title)
    roles: tuple[str, ...]

    def translated_title(self) -> str:
        return QCoreApplication.translate("Tabs", self.title)


TABS: list[TabSpec] = [
    TabSpec("connection", "qms_desktop.ui.tabs.connection.tab", QT_TRANSLATE_NOOP("Tabs", "Connection"), (ADMIN,)),
    TabSpec("sync", "qms_desktop.ui.tabs.sync.tab", QT_TRANSLATE_NOOP("Tabs", "Sync"), (ADMIN, SUPERVISOR)),
    TabSpec("logs", "qms_desktop.ui.tabs.logs.tab", QT_TRANSLATE_NOOP("Tabs", "Logs"), (ADMIN,)),
]


def visible_tabs(role: str | None, specs: Iterable[TabSpec] | None = None) -> list[TabSpec]:
    """Tabs the role may open; no role (no user management yet) sees all of them."""
    return [spec for spec in (TABS if specs is None else specs) if role is None or role in spec.roles]


def create_tabs(ctx: UiContext, specs: Iterable[TabSpec] | None = None) -> list[tuple[TabSpec, QWidget]]:
    created: list[tuple[TabSpec, QWidget]] = []
    for spec in visible_tabs(ctx.role, specs):
        try:
            module = importlib.import_module(spec.module)
            widget = module.create_tab(ctx)
        except Exception:
            log.exception("The %s tab could not be created; it is left out", spec.key)
            continue
        widget.setObjectName(f"tab_{spec.key}")
        created.append((spec, widget))
    return created
