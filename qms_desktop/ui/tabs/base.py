"""How every tab is put together: a view (widgets only, emitting intents) and a controller (the
intents become use cases, run as ops) that is the view's child, so both live and die together."""

from __future__ import annotations

import asyncio
from typing import Protocol, TypeVar

from qms_desktop.ui.qt import QTimer, QWidget


class Controller(Protocol):
    def start(self) -> None:
        """First load, once the view exists (nothing blocking: it starts ops)."""


V = TypeVar("V", bound=QWidget)


def compose(view: V, controller: Controller) -> V:
    view.controller = controller  # type: ignore[attr-defined]
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # built before the event loop runs: start once it does (if it ever does)
        QTimer.singleShot(0, view, lambda: _start_if_running(controller))
    else:
        controller.start()
    return view


def _start_if_running(controller: Controller) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # events processed without a loop (a plain test, a teardown): nothing can run
        return
    controller.start()
