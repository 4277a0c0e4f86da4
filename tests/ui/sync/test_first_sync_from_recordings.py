"""A first run end to end: the connection is set up, nothing is synced; the Recordings tab's Sync now
runs the sync (the Sync tab is asked to show), the calls appear, and since no agent is known yet the
list points an administrator to the Directory tab."""

from __future__ import annotations

import asyncio

import pytest

from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs.recordings.controller import RecordingsController
from qms_desktop.ui.tabs.recordings.filters import ALL_TIME
from qms_desktop.ui.tabs.recordings.tab import RecordingsTab

pytestmark = [pytest.mark.timeout(120)]


@pytest.mark.asyncio
async def test_sync_now_from_the_empty_list_brings_the_first_calls(qtbot, ctx, wait_signal, wait_until) -> None:
    ctx.principal = Principal("admin", Role.ADMIN)
    ctx.sync = BackgroundSync(ctx)
    opened: list[str] = []
    ctx.signals.open_tab.connect(opened.append)
    tab = RecordingsTab()
    tab.controller = RecordingsController(ctx, tab)  # type: ignore[attr-defined]
    qtbot.addWidget(tab)
    tab.resize(1100, 680)
    tab.show()
    tab.filters.restore({"preset": ALL_TIME})
    shown = asyncio.ensure_future(wait_signal(tab.controller.firstRunShown))
    tab.controller.start()
    (state,) = await shown
    assert (state.step, state.connection_configured, state.synced) == ("sync", True, False)
    assert [b.text() for b in tab.next_step.buttons if not b.isHidden()] == ["Sync now", "Open the Sync tab"]

    finished = asyncio.ensure_future(wait_signal(ctx.signals.sync_finished, 60))
    searched = asyncio.ensure_future(wait_signal(tab.controller.searched, 60))
    tab.next_step.buttons[0].click()
    assert opened == ["sync"]
    (result,) = await finished
    assert result.status == "SUCCESS" and result.counts.created > 0, result.error
    (_generation, rows) = await searched
    assert rows > 0
    await wait_until(lambda: tab.directory_note.isVisible())
    assert not tab.next_step.isVisible() and tab.table.isVisible()
    assert "Directory tab" in tab.directory_note.label.text()

    tab.controller.close()
    await ctx.sync.shutdown()
    await ctx.tasks.cancel_all()
