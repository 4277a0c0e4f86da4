"""What the Recordings tab says when it lists nothing, and where its buttons lead: no connection yet
(administrators: the Connection tab; others: ask an administrator), connected but nothing synced
(Sync now, the Sync tab), recordings that no agent is linked to yet (the Directory tab), and filters
that match nothing (Clear filters)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.domain.directory import DialPlan, DirectorySnapshot, enrich
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.qt import QWidget
from qms_desktop.ui.tabs import TABS
from qms_desktop.ui.tabs.recordings.controller import RecordingsController
from qms_desktop.ui.tabs.recordings.models import COLUMNS
from qms_desktop.ui.tabs.recordings.tab import RecordingsTab
from tests.store.factory import make_session
from tests.ui.helpers import wait_signal, wait_until

pytestmark = [pytest.mark.timeout(60)]


async def _tab(qtbot: Any, ctx: Any) -> tuple[RecordingsTab, Any]:
    """A started Recordings tab, once its first search and what an empty list says are in."""
    tab = RecordingsTab()
    tab.controller = RecordingsController(ctx, tab)  # type: ignore[attr-defined]
    qtbot.addWidget(tab)
    tab.resize(1100, 680)
    tab.show()
    shown = asyncio.ensure_future(wait_signal(tab.controller.firstRunShown))
    tab.controller.start()
    (state,) = await shown
    return tab, state


async def _close(tab: RecordingsTab) -> None:
    tab.controller.close()
    ctx = tab.controller.ctx
    await wait_until(
        lambda: not any(ctx.tasks.running(n) for n in list(ctx.tasks._tasks) if n.startswith("recordings."))
    )


def _buttons(tab: RecordingsTab, panel: Any) -> list[str]:
    return [b.text() for b in panel.buttons if not b.isHidden()]


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: QMS_SCREENSHOT_DIR when set (to look at them), else the test's tmp."""
    import os

    folder = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.asyncio
async def test_no_connection_leads_an_administrator_to_the_connection_tab(qtbot, ui_ctx, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    tab, state = await _tab(qtbot, ui_ctx)
    connection = QWidget()
    specs = {spec.key: spec for spec in TABS}
    window.set_context(ui_ctx, [(specs["recordings"], tab), (specs["connection"], connection)], "test")
    window.tabs.setCurrentWidget(tab)
    window.set_principal(ui_ctx.principal)
    window.resize(1100, 720)
    window.show()
    assert state.step == "connection" and state.may_configure
    assert tab.next_step.isVisible() and not tab.table.isVisible()
    assert "Set up the connection to MediaSense in the Connection tab" in tab.next_step.label.text()
    assert "No recordings match" not in tab.count_label.text()
    assert _buttons(tab, tab.next_step) == ["Open the Connection tab"]
    window.grab().save(str(_shots(tmp_path) / "recordings-first-run.png"))

    tab.next_step.buttons[0].click()
    assert window.tabs.currentWidget() is connection
    await _close(tab)


@pytest.mark.asyncio
async def test_a_supervisor_is_told_to_ask_an_administrator(qtbot, ui_ctx) -> None:
    ui_ctx.principal = Principal("sup", Role.SUPERVISOR, frozenset({"SALES"}))
    tab, state = await _tab(qtbot, ui_ctx)
    assert state.step == "connection" and not state.may_configure
    assert "ask an administrator" in tab.next_step.label.text() and _buttons(tab, tab.next_step) == []

    _configure(ui_ctx)
    shown = asyncio.ensure_future(wait_signal(tab.controller.firstRunShown))
    ui_ctx.signals.settings_changed.emit()  # the connection was saved elsewhere
    (state,) = await shown
    assert state.step == "sync" and "ask an administrator to run a sync" in tab.next_step.label.text()
    assert _buttons(tab, tab.next_step) == []
    await _close(tab)


def _configure(ctx: Any) -> None:
    settings = config.load_connection_settings({"urls": ["https://mediasense.example:8440"], "username": "api"}, {})
    runtime.save_connection_settings(ctx.engine, settings, "admin")


@pytest.mark.asyncio
async def test_connected_but_not_synced_offers_sync_now(qtbot, ui_ctx) -> None:
    _configure(ui_ctx)
    opened: list[str] = []
    ui_ctx.signals.open_tab.connect(opened.append)
    tab, state = await _tab(qtbot, ui_ctx)
    assert (state.step, state.synced) == ("sync", False)
    assert "No recordings have been synced yet" in tab.next_step.label.text()
    assert _buttons(tab, tab.next_step) == ["Sync now", "Open the Sync tab"]
    tab.next_step.buttons[1].click()
    assert opened == ["sync"]
    await _close(tab)


@pytest.mark.asyncio
async def test_unlinked_recordings_point_to_the_directory_and_filters_can_be_cleared(qtbot, ui_ctx) -> None:
    """Stored calls older than the default week: the filters match nothing (Clear filters shows them);
    their agent and team are dashes, so an administrator is pointed to the Directory tab."""
    _configure(ui_ctx)
    records = [make_session(f"c{i}", caller="0501234567", callee=f"200{i}") for i in range(3)]
    with begin_write(ui_ctx.engine) as conn:
        upsert_sessions(conn, enrich(records, DirectorySnapshot(), DialPlan()), fetched_at_ms=1, now_ms=1)
    opened: list[str] = []
    ui_ctx.signals.open_tab.connect(opened.append)
    tab, state = await _tab(qtbot, ui_ctx)
    assert state.step == "" and state.needs_directory
    assert tab.count_label.text() == "No recordings match these filters."
    assert tab.next_step.label.text() == "No recordings match these filters."
    assert _buttons(tab, tab.next_step) == ["Clear filters"] and not tab.directory_note.isVisible()

    searched = asyncio.ensure_future(wait_signal(tab.controller.searched))
    shown = asyncio.ensure_future(wait_signal(tab.controller.firstRunShown))
    tab.next_step.buttons[0].click()
    (_generation, rows) = await searched
    await shown
    assert rows == 3 and tab.table.isVisible() and not tab.next_step.isVisible()
    assert tab.filters.state()["preset"] == "all"
    keys = [c.key for c in COLUMNS]
    cells = {tab.model.index(r, keys.index(k)).data() for r in range(3) for k in ("agent", "team")}
    assert cells == {"—"}
    assert tab.directory_note.isVisible() and "Directory tab" in tab.directory_note.label.text()
    assert _buttons(tab, tab.directory_note) == ["Open the Directory tab"]
    tab.directory_note.buttons[0].click()
    assert opened == ["directory"]

    # A supervisor sees none of these (no team yet): told why, not sent to a tab they cannot open.
    await _close(tab)
    ui_ctx.principal = Principal("sup", Role.SUPERVISOR, frozenset({"SALES"}))
    tab, state = await _tab(qtbot, ui_ctx)
    assert not state.may_manage_directory and not tab.directory_note.isVisible()
    assert (state.step, state.has_recordings, state.stored) == ("teams", False, True)
    assert "none belongs to your teams" in tab.next_step.label.text() and _buttons(tab, tab.next_step) == []
    await _close(tab)
