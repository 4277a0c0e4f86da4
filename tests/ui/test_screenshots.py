"""Grab every tab of a window with real data (a simulator synced by the core SyncEngine), in English and
Ukrainian, as PNGs under QMS_HOME/screenshots (and QMS_SCREENSHOT_DIR when set, to look at them)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from qms_desktop import config, secrets
from qms_desktop.app import runtime
from qms_desktop.app.sync import SyncUseCases, run_plan
from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui import i18n
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs import create_tabs
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.timeout(90)


def idle(ctx: UiContext) -> bool:
    """No op of the tabs is running: what they loaded is on screen."""
    return all(task.done() for task in ctx.tasks._tasks.values())


def connect_simulator(ctx: UiContext, sim: Any, ca_file: str) -> None:
    """The connection settings and keyring password a configured workstation has, for `sim`."""
    settings = config.ConnectionSettings(
        urls=(sim.api_url,),
        username=SIM_USER,
        timeout=5.0,
        ca_file=ca_file,
        allow_self_signed=False,
        pinned_sha256=(),
    )
    runtime.save_connection_settings(ctx.engine, settings, "test")
    secrets.set_password(secrets.account_for(SIM_USER, sim.api_url), SIM_PASSWORD)
    ctx.credentials.settings = settings


@pytest.mark.asyncio
async def test_screenshots_of_every_tab(qapp, qtbot, ui_ctx, start_sim, ca_file, memory_keyring, qms_home) -> None:
    sim = start_sim(sessions_per_day=60, days=3)
    connect_simulator(ui_ctx, sim, ca_file)

    ui_ctx.principal = Principal("admin", Role.ADMIN)
    plan = SyncUseCases(ui_ctx.engine, ui_ctx.principal).plan(credentials=ui_ctx.credentials)
    result = await run_plan(ui_ctx.engine, replace(plan, clock=sim.clock.now), writer=ui_ctx.writer)
    assert result.status == "SUCCESS" and result.counts.created > 0

    window = MainWindow()
    qtbot.addWidget(window)
    ui_ctx.signals.setParent(window)
    ui_ctx.sync = BackgroundSync(ui_ctx, window)
    window.set_context(ui_ctx, create_tabs(ui_ctx), "sqlite:///…/qms.sqlite3")
    window.resize(1180, 760)
    window.show()
    window.on_sync_finished(result)
    await wait_until(lambda: idle(ui_ctx))  # tabs load their data off the GUI thread

    connection = window.tab_widget("connection")
    assert connection is not None
    qtbot.mouseClick(connection.test_button, Qt.MouseButton.LeftButton)
    await wait_signal(connection.controller.test_finished, 20)
    await wait_until(lambda: idle(ui_ctx))  # and what the tab reads again after a test

    translations = i18n.Translations()
    out = qms_home / "screenshots"
    written: list[Path] = []
    try:
        for language in ("en", "uk"):
            translations.apply(language)
            # The windows' LanguageChange events are posted: deliver them now (only them, not the loop's).
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            written += window.save_screenshots(out / language)
    finally:
        translations.apply("en")
        translations.remove()
    assert len(written) == 2 * len(window.tab_keys()) and all(p.stat().st_size > 10_000 for p in written)
    assert "connection" in window.tab_keys()

    copy_to = os.environ.get("QMS_SCREENSHOT_DIR")
    if copy_to:
        shutil.copytree(out, copy_to, dirs_exist_ok=True)
    await ui_ctx.tasks.cancel_all()
    await ui_ctx.sync.shutdown()
