"""A call the simulator split on hold (two sessions sharing a ccid) in the Recordings tab: one row in
the results with its segment count, found by the CCID filter, its segments in the details pane and on
the call strip above the player, and a real QMediaPlayer (offscreen) that plays the segments in order
through the local proxy, skipping the unrecorded gap, or the one the user picks."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.tabs.recordings.models import COLUMN_INDEX
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(90)


def held_call(engine: Any) -> tuple[str, list[tuple[str, int]]]:
    """The ccid of a call split into two playable sessions, and its (session id, duration) in order."""
    with engine.connect() as conn:
        ccid = conn.exec_driver_sql(
            "SELECT ccid FROM recordings GROUP BY ccid HAVING count(*) = 2"
            " AND sum(CASE WHEN state = 'CLOSED_NORMAL' AND NOT pruned THEN 1 ELSE 0 END) = 2"
            " ORDER BY min(duration_ms) LIMIT 1"
        ).scalar_one()
        rows = conn.exec_driver_sql(
            "SELECT session_id, duration_ms FROM recordings WHERE ccid = ? ORDER BY start_ms", (ccid,)
        ).all()
    return ccid, [(r[0], r[1]) for r in rows]


async def search(tab: Any, **state: Any) -> None:
    tab.filters.restore({"preset": filters_mod.ALL_TIME, **state})
    searched = wait_signal(tab.controller.searched)
    tab.controller.search()
    await searched
    await wait_until(lambda: tab._total is not None)
    while tab.model.canFetchMore():
        loaded = wait_signal(tab.controller.pageLoaded)
        tab.model.fetchMore()
        await loaded


async def open_call(tab: Any, ccid: str) -> Any:
    row = next(i for i, r in enumerate(tab.model.rows) if r.ccid == ccid)
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(row)
    (detail,) = await shown
    return detail


@pytest.mark.asyncio
async def test_a_held_call_is_one_row_and_the_ccid_filter_finds_it(make_tab, rec_ctx, tmp_path: Path) -> None:
    ccid, segments = held_call(rec_ctx.engine)
    with rec_ctx.engine.connect() as conn:
        sessions = conn.exec_driver_sql("SELECT count(*) FROM recordings").scalar_one()
        calls = conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT DISTINCT ccid FROM recordings)"
        ).scalar_one()  # the simulator's ccids are unique per call
    assert calls < sessions
    tab = make_tab(start=False)
    await search(tab)
    assert tab.model.rowCount() == calls == tab._total
    rows = [r for r in tab.model.rows if r.ccid == ccid]
    assert len(rows) == 1 and [s.session_id for s in rows[0].segments] == [sid for sid, _ in segments]
    index = tab.model.index(tab.model.rows.index(rows[0]), COLUMN_INDEX["segments"])
    assert tab.model.data(index, Qt.ItemDataRole.DisplayRole) == "2"
    tab.show()
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(tab.model.rows.index(rows[0]))
    await shown
    assert tab.grab().save(str(os.environ.get("QMS_HELD_LIST_SHOT") or tmp_path / "list.png"))

    await search(tab, ccid=ccid)
    assert [r.session_id for r in tab.model.rows] == [segments[0][0]]
    assert tab.filters.query().ccid == ccid
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_details_strip_and_player_play_the_segments_in_order(make_tab, rec_ctx, tmp_path: Path) -> None:
    ccid, segments = held_call(rec_ctx.engine)
    (first, first_ms), (second, second_ms) = segments
    tab = make_tab(start=False)
    tab.show()
    await search(tab, ccid=ccid)
    detail = await open_call(tab, ccid)
    assert detail.row.session_id == first and detail.row.is_call

    # Details: both segments, the one shown in bold; the strip: two bars and the gap between them.
    details = tab.details
    assert details.segments.isVisible() and details.segments_model.rowCount() == 2
    assert [details.segments_model.item(r, 2).text() for r in range(2)] == [
        f"{first_ms // 60000}:{first_ms // 1000 % 60:02d}",
        f"{second_ms // 60000}:{second_ms // 1000 % 60:02d}",
    ]
    assert details.segments_model.item(0, 0).font().bold() and not details.segments_model.item(1, 0).font().bold()
    strip = tab.call_strip
    assert strip.isVisible() and len(strip.segments) == 2 and strip.current == 0
    [gap] = strip.gaps()
    assert 3_000 <= gap < 4 * 60_000
    rects = strip.segment_rects()
    assert rects[0].right() < rects[1].left()  # the gap is drawn
    assert "segment 1 of 2" in tab.player.title.text()

    # Play the first segment near its end: when it ends, the second one plays (the gap is skipped).
    player = tab.player
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    (url,) = await source
    assert url.startswith(tab.controller.ctx.playback.proxy.base_url + "/play/")
    await wait_until(lambda: player.loaded and player.media.can_seek(), timeout=15)
    assert abs(player.duration() - first_ms) <= 100
    shot = tmp_path / "held.png"
    assert tab.grab().save(str(os.environ.get("QMS_HELD_SHOT") or shot))

    advanced = wait_signal(tab.controller.detailShown, timeout=30)
    next_source = wait_signal(tab.controller.sourceSet, timeout=30)
    player.seek_to(first_ms - 1500)
    (detail,) = await advanced
    assert detail.row.session_id == second and strip.current == 1
    (url2,) = await next_source
    assert url2 != url
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    assert abs(player.duration() - second_ms) <= 100
    assert details.segments_model.item(1, 0).font().bold()
    assert "segment 2 of 2" in details.title.text()

    # Picking a segment on the strip plays that one.
    back = wait_signal(tab.controller.detailShown, timeout=20)
    back_source = wait_signal(tab.controller.sourceSet, timeout=20)
    strip.segmentChosen.emit(0)
    (detail,) = await back
    assert detail.row.session_id == first
    await back_source
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    assert abs(player.duration() - first_ms) <= 100
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_the_last_segment_ending_stops_and_a_single_call_has_no_strip(make_tab, rec_ctx) -> None:
    ccid, segments = held_call(rec_ctx.engine)
    tab = make_tab(start=False)
    tab.show()
    await search(tab, ccid=ccid)
    await open_call(tab, ccid)
    shown = wait_signal(tab.controller.detailShown, timeout=20)
    tab.details.segmentActivated.emit(1)  # double-click on the second row
    (detail,) = await shown
    assert detail.row.session_id == segments[1][0]
    await wait_until(lambda: tab.player.loaded and tab.player.media.can_seek(), timeout=15)
    tab.player.seek_to(segments[1][1] - 1000)
    await wait_until(lambda: tab.player.media.status == "ended", timeout=20)
    await asyncio.sleep(0.2)  # not a wait: nothing may follow the last segment
    assert tab.controller.detail.row.session_id == segments[1][0]

    await search(tab)
    single = next(i for i, r in enumerate(tab.model.rows) if not r.is_call)
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(single)
    await shown
    assert not tab.call_strip.isVisible() and not tab.details.segments.isVisible()
    await teardown_tab(tab)
