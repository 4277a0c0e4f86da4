"""Recordings tab fixtures: one simulator per module, synced once by the core SyncEngine into a
template SQLite file; each test gets its own copy of that database and a UiContext over it."""

from __future__ import annotations

import asyncio
import shutil
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from qms_desktop.app import runtime
from qms_desktop.integration_log import IntegrationLog
from qms_desktop.mediasense.client import ClientConfig
from qms_desktop.security.roles import Principal, Role
from qms_desktop.simulator import RunningSimulator
from qms_desktop.store import directory
from qms_desktop.store.engine import begin_write, create_engine_for
from qms_desktop.store.writer import DbWriter
from qms_desktop.ui import multimedia
from qms_desktop.ui.context import AppSignals, UiContext
from tests.playback.helpers import sim_config, start_test_sim
from tests.sync.helpers import small_settings, sync_engine
from tests.ui.helpers import wait_until


class Synced:
    def __init__(self, sim: RunningSimulator, config: ClientConfig, template: Path) -> None:
        self.sim, self.config, self.template = sim, config, template


@pytest.fixture(scope="module")
def synced(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Synced]:
    tmp = tmp_path_factory.mktemp("recordings")
    sim = start_test_sim(server_ssl_context, tmp, sessions_per_day=120, days=3, seed=11)
    template = tmp / "template.sqlite3"
    engine = runtime.open_database(f"sqlite:///{template}")
    with begin_write(engine) as conn:
        directory.import_agents_csv(conn, sim.agents_csv())  # agents and teams link calls to people

    async def run() -> None:
        sync = sync_engine(engine, sim, ca_file, small_settings(page_size=200))
        try:
            result = await sync.run("test")
        finally:
            sync.close()
            await sync.client.aclose()
        assert result.status == "SUCCESS", result.error

    asyncio.run(run())
    engine.dispose()
    try:
        yield Synced(sim, sim_config(sim, ca_file), template)
    finally:
        sim.stop()


@pytest.fixture
def rec_ctx(qapp: Any, synced: Synced, tmp_path: Path) -> Iterator[UiContext]:
    path = tmp_path / "qms.sqlite3"
    shutil.copy(synced.template, path)
    engine = create_engine_for(f"sqlite:///{path}")
    (tmp_path / "logs").mkdir()
    ctx = UiContext(
        engine=engine, writer=DbWriter(), integration_log=IntegrationLog(tmp_path / "logs"), signals=AppSignals()
    )
    ctx.principal = Principal("admin", Role.ADMIN)  # signed in; a test may sign in someone else
    yield ctx
    for task in list(ctx.tasks._tasks.values()):
        task.cancel()
    ctx.writer.close()
    ctx.readers.shutdown(wait=True)
    engine.dispose()
    shiboken6.delete(ctx.signals)  # on the GUI thread (tests/ui/conftest.py explains why)


@pytest.fixture
def make_tab(qtbot: Any, rec_ctx: UiContext, synced: Synced) -> Callable[..., Any]:
    """A RecordingsTab with an AppPlayback streaming from the module's simulator."""
    from qms_desktop.ui.playback import AppPlayback
    from qms_desktop.ui.tabs.recordings.controller import RecordingsController
    from qms_desktop.ui.tabs.recordings.tab import RecordingsTab

    def make(principal: Any = None, start: bool = True) -> RecordingsTab:
        if principal is not None:
            rec_ctx.principal = principal
        playback = AppPlayback(rec_ctx, client_config=synced.config, parent=rec_ctx.signals)
        rec_ctx.playback = playback
        tab = RecordingsTab()
        tab.controller = RecordingsController(rec_ctx, tab, playback=playback)  # type: ignore[attr-defined]
        qtbot.addWidget(tab)
        tab.resize(1280, 760)
        if start:
            tab.controller.start()
        return tab

    return make


@pytest.fixture(autouse=True)
def fresh_session_state() -> Iterator[None]:
    """Filters are remembered per app session: each test is a new session."""
    from qms_desktop.ui.tabs.recordings import controller

    controller._SESSION_FILTERS.clear()
    yield
    controller._SESSION_FILTERS.clear()
    multimedia._reset_for_tests()


async def teardown_tab(tab: Any) -> None:
    """qt-headless §3: stop(), setSource(QUrl()), a short wait, deleteLater(); then the proxy.

    A playing player is first seen to play on: until the proxy has answered a seek, the position
    stays where it was sent, and a stop then cuts FFmpeg's seek off ("Failed to seek" warning)."""
    widget = tab.player
    if widget.player is not None and widget.is_playing():
        sent_to = widget.position()
        await wait_until(lambda: widget.position() > sent_to, timeout=15)
    tab.controller.close()
    await asyncio.sleep(0.1)  # not a wait: qt-headless §3's fixed pause for the FFmpeg threads to wind down
    player = tab.player.player
    if player is not None:
        player.deleteLater()
        tab.player.player = None
    await tab.controller.ctx.playback.shutdown()
    await asyncio.sleep(0.05)  # not a wait: the deleteLater() above runs on the loop before the test ends
