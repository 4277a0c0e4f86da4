"""The permission matrix through the GUI's controllers, offscreen on the qasync loop (see tests/matrix.py)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.security import audit
from qms_desktop.security.roles import Principal
from qms_desktop.store.engine import create_engine_for
from tests.conftest import SIM_PASSWORD
from tests.matrix import OPERATIONS, ROLES, World, audit_rows, build_world, check, copy_database, rows_since


@pytest.fixture(scope="module")
def world(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    yield from build_world(server_ssl_context, ca_file, tmp_path_factory)


class Gui:
    """A UiContext over a copy of the database, signed in as `principal`, and the controllers' calls."""

    def __init__(self, world: World, url: str, principal: Principal | None, tmp_path: Path) -> None:
        from qms_desktop.integration_log import IntegrationLog
        from qms_desktop.store.writer import DbWriter
        from qms_desktop.ui.context import AppSignals, UiContext
        from qms_desktop.ui.services.background_sync import BackgroundSync

        self.world = world
        self.engine = create_engine_for(url)
        (tmp_path / "logs").mkdir()
        self.ctx = UiContext(
            engine=self.engine, writer=DbWriter(), integration_log=IntegrationLog(tmp_path / "logs"),
            signals=AppSignals(),
        )  # fmt: skip
        self.ctx.principal = principal
        self.ctx.credentials.set_session_password(SIM_PASSWORD)
        self.ctx.sync = BackgroundSync(self.ctx)
        self.widgets: list[Any] = []

    async def close(self) -> None:
        await self.ctx.sync.shutdown()
        if self.ctx.playback is not None:
            await self.ctx.playback.shutdown()
        await self.ctx.tasks.cancel_all()
        for widget in self.widgets:
            if hasattr(widget, "close"):
                widget.close()
            widget.deleteLater()
        self.ctx.writer.close()
        self.ctx.readers.shutdown(wait=True)
        self.engine.dispose()

    def keep(self, widget: Any) -> Any:
        self.widgets.append(widget)
        return widget

    async def recordings(self) -> Any:
        from qms_desktop.ui.tabs.recordings.controller import RecordingsController
        from qms_desktop.ui.tabs.recordings.tab import RecordingsTab

        view = self.keep(RecordingsTab())
        view.controller = RecordingsController(self.ctx, view)
        return view

    async def run(self, operation: str) -> bool:
        """Do it through the controller; True when the GUI said no."""
        from tests.ui.helpers import wait_until

        if operation == "recordings.search":
            view = await self.recordings()
            outcome: list[Any] = []
            view.controller.searched.connect(lambda *a: outcome.append("ok"))
            view.controller.failed.connect(lambda *a: outcome.append("refused"))
            view.controller.search()
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation.startswith("recordings."):
            view = await self.recordings()
            session_id = self.world.t2 if operation.endswith("other-team") else self.world.t1
            shown: list[Any] = []
            view.controller.detailShown.connect(shown.append)
            view.controller.select(session_id)
            await wait_until(lambda: bool(shown), 20)
            if operation.startswith("recordings.show"):
                return shown[0] is None
            played: list[str] = []
            view.controller.sourceSet.connect(lambda url: played.append("ok"))
            view.player.errorShown.connect(lambda words: played.append("refused"))
            view.controller.detail = shown[0] or _detail_of(self.engine, session_id)  # as if it were on screen
            view.controller.load_audio(None)  # the whole call
            await wait_until(lambda: bool(played), 20)
            if played[0] == "ok":
                # Unloading while FFmpeg still opens the media makes Qt warn ("Immediate exit requested").
                await wait_until(lambda: view.player.loaded, 20)
            view.player.unload()
            return played[0] == "refused"
        if operation.startswith("connection."):
            from qms_desktop.ui.tabs.connection.controller import ConnectionController
            from qms_desktop.ui.tabs.connection.models import ConnectionForm

            controller = ConnectionController(self.ctx)
            self.widgets.append(controller)
            messages: list[tuple[str, str]] = []
            controller.message.connect(lambda level, text: messages.append((level, text)))
            if operation == "connection.settings":
                loaded: list[Any] = []
                controller.loaded.connect(loaded.append)
                await controller.load()
                return not loaded and bool(messages)
            settings = runtime.connection_settings(self.engine)
            result = await controller.test_connection(ConnectionForm.from_settings(settings), "")
            return result is None and bool(messages)
        if operation == "sync.status":
            from qms_desktop.ui.tabs.sync import create_tab

            view = self.keep(create_tab(self.ctx))
            done: list[Any] = []
            view.controller.refreshed.connect(done.append)
            await view.controller.refresh()
            return not done
        if operation == "sync.run":
            finished: list[Any] = []
            self.ctx.signals.sync_finished.connect(finished.append)
            self.ctx.sync.sync_now()
            await wait_until(lambda: bool(finished), 60)
            return finished[0].status == "FAILED"
        if operation == "sync.reset":
            return not await self.ctx.sync.reset()
        if operation == "logs.read":
            from qms_desktop.ui.tabs.logs.tab import LogsTab

            view = self.keep(LogsTab(self.ctx))
            started: list[str] = []
            view.controller.started.connect(lambda: started.append("ok"))
            view.controller.failed.connect(lambda text: started.append("refused"))
            view.controller.start()
            await wait_until(lambda: bool(started), 20)
            return started[0] == "refused"
        if operation == "audit.list":
            from qms_desktop.ui.tabs.audit import create_tab as audit_tab

            view = self.keep(audit_tab(self.ctx))
            outcome = []
            view.controller.loaded.connect(lambda *a: outcome.append("ok"))
            view.controller.failed.connect(lambda *a: outcome.append("refused"))
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation == "audit.verify":
            from qms_desktop.ui.tabs.audit import create_tab as audit_tab

            view = self.keep(audit_tab(self.ctx))
            outcome = []
            view.controller.verified.connect(lambda *a: outcome.append("ok"))
            view.controller.failed.connect(lambda text: outcome.append("refused" if "verify" in text else "list"))
            view.controller.verify()
            await wait_until(lambda: "ok" in outcome or "refused" in outcome, 20)
            return "refused" in outcome
        if operation == "users.list":
            from qms_desktop.ui.tabs.users import create_tab as users_tab

            view = self.keep(users_tab(self.ctx))
            outcome = []
            view.controller.listed.connect(lambda *a: outcome.append("ok"))
            view.controller.message.connect(lambda text, error: outcome.append("refused" if error else "ok"))
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation == "users.unlock":
            from qms_desktop.ui.tabs.users.controller import UsersController
            from qms_desktop.ui.tabs.users.tab import UsersTab

            view = self.keep(UsersTab())
            controller = UsersController(self.ctx, view)  # not shown: no list is read first
            outcome = []
            controller.message.connect(lambda text, error: outcome.append("refused" if error else "ok"))
            controller.unlock("sup")
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation == "reviews.coverage":
            from qms_desktop.ui.tabs.coverage.controller import CoverageController
            from qms_desktop.ui.tabs.coverage.tab import CoverageTab

            coverage = self.keep(CoverageTab())
            controller = CoverageController(self.ctx, coverage)
            outcome = []
            controller.reportShown.connect(lambda *a: outcome.append("ok"))
            controller.failed.connect(lambda *a: outcome.append("refused"))
            controller.show_report()
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation.startswith("reviews.mark"):
            view = await self.recordings()
            outcome = []
            view.controller.marks.marked.connect(lambda *a: outcome.append("ok"))
            view.controller.marks.failed.connect(lambda *a: outcome.append("refused"))
            view.controller.marks.mark(self.world.t2 if operation.endswith("other-team") else self.world.t1)
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        if operation == "directory.dial-plan":
            from qms_desktop.ui.tabs.directory import create_tab as directory_tab

            view = self.keep(directory_tab(self.ctx))
            outcome = []
            view.controller.dial_plan_saved.connect(lambda *a: outcome.append("ok"))
            view.controller.failed.connect(lambda *a: outcome.append("refused"))
            view.controller.save_dial_plan({"caller_track": 0})
            await wait_until(lambda: bool(outcome), 20)
            return outcome[0] == "refused"
        raise AssertionError(operation)


def _detail_of(engine: Any, session_id: str) -> Any:
    from qms_desktop.search.query import get_recording

    return get_recording(engine, session_id)


@pytest.mark.asyncio
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("role", sorted(ROLES))
async def test_gui(world: World, tmp_path: Path, qapp: Any, role: str, operation: str) -> None:
    url = copy_database(world, tmp_path)
    before = {row.id for row in audit_rows(url)}
    gui = Gui(world, url, ROLES[role], tmp_path)
    try:
        refused = await gui.run(operation)
    finally:
        await gui.close()
    check(role, OPERATIONS[operation], [r for r in rows_since(url, before) if r.action != audit.PLAYBACK_STOP],
           refused)  # fmt: skip
