"""The tab registry: which tabs exist, where they live, their titles and who may see them.

Each tab is a package whose `__init__` exposes `create_tab(ctx: UiContext) -> QWidget`, built the
same way for every tab (`base.compose`: a view plus its controller). A tab that fails to build is
left out with a logged error, so one broken tab never keeps the app from starting. Nobody signed
in sees no tab at all; which tabs a role sees is convenience: every use case checks again.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import NamedTuple

from qms_desktop.security.roles import Role
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QWidget

log = logging.getLogger("qms.ui")

# The canonical role names of security.roles (StrEnum: Role.ADMIN == "ADMIN").
ADMIN = Role.ADMIN.value
SUPERVISOR = Role.SUPERVISOR.value
IT = Role.IT.value
ALL_ROLES = (ADMIN, SUPERVISOR, IT)


class TabSpec(NamedTuple):
    key: str
    module: str
    title: str  # untranslated; shown through QCoreApplication.translate("Tabs", title)
    roles: tuple[str, ...]

    def translated_title(self) -> str:
        return QCoreApplication.translate("Tabs", self.title)


TABS: list[TabSpec] = [
    TabSpec(
        "recordings",
        "qms_desktop.ui.tabs.recordings",
        QT_TRANSLATE_NOOP("Tabs", "Recordings"),
        (ADMIN, SUPERVISOR),
    ),
    # IT gets the Connection tab read-only: it tests with the saved password but cannot see or change it.
    TabSpec("connection", "qms_desktop.ui.tabs.connection", QT_TRANSLATE_NOOP("Tabs", "Connection"), (ADMIN, IT)),
    TabSpec("sync", "qms_desktop.ui.tabs.sync", QT_TRANSLATE_NOOP("Tabs", "Sync"), (ADMIN, IT)),
    TabSpec("logs", "qms_desktop.ui.tabs.logs", QT_TRANSLATE_NOOP("Tabs", "Logs"), (ADMIN, IT)),
    TabSpec("directory", "qms_desktop.ui.tabs.directory", QT_TRANSLATE_NOOP("Tabs", "Directory"), (ADMIN,)),
    TabSpec("audit", "qms_desktop.ui.tabs.audit", QT_TRANSLATE_NOOP("Tabs", "Audit"), (ADMIN,)),
    TabSpec("users", "qms_desktop.ui.tabs.users", QT_TRANSLATE_NOOP("Tabs", "Users"), (ADMIN,)),
    # Review coverage per agent and team: a report of its own (a supervisor sees it right after Recordings).
    TabSpec("coverage", "qms_desktop.ui.tabs.coverage", QT_TRANSLATE_NOOP("Tabs", "Coverage"), (ADMIN, SUPERVISOR)),
]


def visible_tabs(role: str | None, specs: Iterable[TabSpec] | None = None) -> list[TabSpec]:
    """Tabs the role may open (names compared case-insensitively); no role sees none."""
    if role is None:
        return []
    wanted = str(role).upper()
    return [spec for spec in (TABS if specs is None else specs) if wanted in {str(r).upper() for r in spec.roles}]


def create_tabs(ctx: UiContext, specs: Iterable[TabSpec] | None = None) -> list[tuple[TabSpec, QWidget]]:
    created: list[tuple[TabSpec, QWidget]] = []
    role = ctx.principal.role.value if ctx.principal is not None else None
    for spec in visible_tabs(role, specs):
        try:
            module = importlib.import_module(spec.module)
            widget = module.create_tab(ctx)
        except Exception:
            log.exception("The %s tab could not be created; it is left out", spec.key)
            continue
        widget.setObjectName(f"tab_{spec.key}")
        created.append((spec, widget))
    return created
