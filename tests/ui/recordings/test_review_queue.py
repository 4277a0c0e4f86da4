"""The review playlist in the Recordings tab, against the real proxy, simulator and QMediaPlayer: a
playlist from a search, J to the next recording (the player loads it), the position saved, and a new
tab on the same database (a restart) back at the same recording and position; saved searches."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app.review_queue import ReviewQueueUseCases
from qms_desktop.app.saved_searches import SavedSearchUseCases
from qms_desktop.search.query import RecordingQuery
from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(90)

# Calls with audio, long enough to stop in the middle.
PLAYABLE_FILTERS = {"preset": filters_mod.ALL_TIME, "state": "CLOSED_NORMAL", "min_s": 40, "max_s": 200}


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


async def search(tab: Any, state: dict[str, Any]) -> int:
    tab.filters.restore(state)
    done = wait_signal(tab.controller.searched)
    tab.controller.search()
    _generation, rows = await done
    return int(rows)


@pytest.mark.asyncio
async def test_queue_from_search_next_with_j_and_resume_after_restart(make_tab, rec_ctx, qtbot, shots_dir) -> None:
    tab = make_tab(start=False)
    tab.show()
    rows = await search(tab, PLAYABLE_FILTERS)
    assert rows >= 3
    expected = [tab.model.row_at(i).session_id for i in range(3)]
    review = tab.controller.review

    made = wait_signal(review.queueShown, timeout=20)
    first_source = wait_signal(tab.controller.sourceSet, timeout=30)
    tab.review_button.click()
    (queue,) = await made
    assert [item.session_id for item in queue.items[:3]] == expected
    assert tab.review_bar.isVisible() and "1" in tab.review_bar.status.text()
    await first_source  # the first recording plays at once
    assert tab.controller.detail.row.session_id == expected[0]
    tab.grab().save(str(shots_dir / "review-playing-first.png"))

    # J: the next recording; the player loads it through the proxy.
    moved = wait_signal(review.queueShown, timeout=20)
    second_source = wait_signal(tab.controller.sourceSet, timeout=30)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_J)
    (queue,) = await moved
    assert queue.current == 1
    (url,) = await second_source
    assert url.startswith(rec_ctx.playback.proxy.base_url + "/play/")
    assert tab.controller.detail.row.session_id == expected[1]
    player = tab.player
    await wait_until(lambda: player.loaded and player.slider.isEnabled(), timeout=20)
    player.seek_to(25_000)
    await wait_until(lambda: player.position() >= 25_000, timeout=15)
    heard = player.position()
    tab.controller.review.save_now()
    uc = ReviewQueueUseCases(rec_ctx.engine, rec_ctx.principal)
    await wait_until(lambda: uc.resume_position(expected[1]) >= 25_000, timeout=10)
    await teardown_tab(tab)

    # A restart: a new tab on the same database comes back to the second recording and its position.
    again = make_tab(start=False)
    again.show()
    resumed = wait_signal(again.controller.review.resumeShown, timeout=20)
    again.controller.review.start()
    session_id, position = await resumed
    assert session_id == expected[1] and 25_000 <= position <= heard + 3_000
    assert again.controller.review.queue is not None and again.controller.review.queue.current == 1
    assert again.review_bar.resumed.isVisible() and "0:2" in again.review_bar.resumed.text()
    again.grab().save(str(shots_dir / "review-resumed-after-restart.png"))
    source = wait_signal(again.controller.sourceSet, timeout=30)
    again.player.play_button.click()
    await source
    await wait_until(lambda: again.player.loaded and again.player.position() >= 25_000, timeout=20)

    # Start over: from the beginning, and saved so.
    again.review_bar.start_over.click()
    # Played on from the start (the seek has run, not just been asked for).
    await wait_until(lambda: again.player.is_playing() and 1_000 < again.player.position() < 10_000, timeout=15)
    assert not again.review_bar.resumed.isVisible()
    await wait_until(lambda: uc.resume_position(expected[1]) < 10_000, timeout=10)
    await teardown_tab(again)


@pytest.mark.asyncio
async def test_saved_search_lists_new_matches_and_applies_filters(make_tab, rec_ctx, shots_dir) -> None:
    tab = make_tab(start=False)
    tab.show()
    await search(tab, {"preset": filters_mod.ALL_TIME, "min_s": 40})
    saved = tab.controller.saved
    tab.saved_searches.save_button.click()  # Save…: a name and "share with the team"
    saved.dialog.name.setText("Longer than 40 s")
    saved.dialog.shared.setChecked(True)
    saved.dialog.accept()
    await wait_until(lambda: tab.saved_searches.list.count() == 1, timeout=20)
    assert tab.saved_searches.list.item(0).text() == "Longer than 40 s"  # nothing new yet
    # Someone else's view of it: every match is new for a reader who never opened it.
    [theirs] = SavedSearchUseCases(rec_ctx.engine, rec_ctx.principal).list()
    assert theirs.shared and theirs.new_matches == 0

    await search(tab, {"preset": filters_mod.ALL_TIME})
    assert tab.filters.min_duration.value() == 0
    opened = wait_signal(saved.opened, timeout=20)
    searched = wait_signal(tab.controller.searched, timeout=20)
    tab.saved_searches.list.itemActivated.emit(tab.saved_searches.list.item(0))
    await opened
    await searched
    assert tab.filters.min_duration.value() == 40
    assert tab.controller.query is not None and tab.controller.query.min_duration_ms == 40_000
    tab.grab().save(str(shots_dir / "saved-searches.png"))

    # One saved from the command line (no panel fields): its filters are put into the panel.
    SavedSearchUseCases(rec_ctx.engine, rec_ctx.principal).save(
        "Closed, 1 minute or more", RecordingQuery(min_duration_ms=60_000, state="CLOSED_NORMAL", tags=("a", "b"))
    )
    saved.refresh()
    await wait_until(lambda: tab.saved_searches.list.count() == 2, timeout=20)
    row = next(i for i in range(2) if tab.saved_searches.list.item(i).text().startswith("Closed"))
    searched = wait_signal(tab.controller.searched, timeout=20)
    tab.saved_searches.list.itemActivated.emit(tab.saved_searches.list.item(row))
    await searched
    query = tab.controller.query
    assert query is not None and query.min_duration_ms == 60_000 and query.state == "CLOSED_NORMAL"
    assert tuple(query.tags) == ("a", "b") and query.start_ms is None
    await teardown_tab(tab)


@pytest.mark.asyncio
# The ended audio is rewound by the media backend while the next recording opens; its playback link
# has been handed back by then, so that read is refused (403). Nothing is shown: asserted below.
@pytest.mark.qt_log_ignore(r"^Could not open media\. FFmpeg error description: Server returned 403 Forbidden")
async def test_the_end_of_a_recording_plays_the_next(make_tab, rec_ctx) -> None:
    tab = make_tab(start=False)
    tab.show()
    await search(tab, {**PLAYABLE_FILTERS, "max_s": 0})
    review = tab.controller.review
    made = wait_signal(review.queueShown, timeout=20)
    first_source = wait_signal(tab.controller.sourceSet, timeout=30)
    review.review_these()
    (queue,) = await made
    await first_source
    player = tab.player
    await wait_until(lambda: player.loaded and player.slider.isEnabled(), timeout=20)
    first = tab.controller.detail.row
    # A plain session (a call's segments play on by themselves first): near its end, let it run out.
    assert not first.is_call, "the first playable recording is a split call"
    advanced = wait_signal(review.queueShown, timeout=30)
    next_source = wait_signal(tab.controller.sourceSet, timeout=30)
    player.seek_to(player.duration() - 1_500)
    (queue,) = await advanced
    assert queue.current == 1
    await next_source
    assert tab.controller.detail.row.session_id == queue.items[1].session_id
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=20)
    assert player.media.status != "error" and not tab.banner.isVisible()
    # The one that ended starts from the beginning next time.
    uc = ReviewQueueUseCases(rec_ctx.engine, rec_ctx.principal)
    await wait_until(lambda: uc.resume_position(first.session_id) == 0, timeout=10)
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_sample_per_agent_from_the_menu_shows_its_seed(make_tab, rec_ctx) -> None:
    tab = make_tab(start=False)
    tab.show()
    await search(tab, {"preset": filters_mod.ALL_TIME})
    review = tab.controller.review
    made = wait_signal(review.queueShown, timeout=20)
    tab.sample_action.trigger()
    review.dialog.per_agent.setValue(2)
    review.dialog.seed.setValue(777)
    review.dialog.accept()
    (queue,) = await made
    assert queue.seed == 777 and "777" in tab.review_bar.status.text()
    agents: dict[str | None, int] = {}
    for item in queue.items:
        agents[item.agent_id] = agents.get(item.agent_id, 0) + 1
    assert agents and max(agents.values()) <= 2
    again = ReviewQueueUseCases(rec_ctx.engine, rec_ctx.principal).sample(tab.controller.query, 2, 777)
    assert [i.session_id for i in again.items] == [i.session_id for i in queue.items]  # the same draw
    await teardown_tab(tab)
