"""The player against the real proxy and simulator: QMediaPlayer (offscreen, no sound server) loads a
recording through the local proxy only, reports its duration, seeks backwards with a ranged request,
changes speed and track, and puts failures (pruned, MediaSense down, no QtMultimedia) into words."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.ui import multimedia
from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.widgets.player import WHOLE_CALL_DATA
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(60)


def pick(engine: Any, where: str) -> tuple[str, int]:
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            f"SELECT session_id, duration_ms FROM recordings WHERE {where} ORDER BY duration_ms LIMIT 1"
        ).one()
    return row[0], row[1]


PLAYABLE = "NOT pruned AND state = 'CLOSED_NORMAL' AND duration_ms BETWEEN 40000 AND 200000"


async def open_recording(tab: Any, session_id: str) -> Any:
    shown = wait_signal(tab.controller.detailShown)
    tab.selectionChanged.emit(session_id)
    (detail,) = await shown
    return detail


@pytest.mark.asyncio
async def test_plays_through_the_proxy_with_duration_seek_and_speed(make_tab, rec_ctx, synced) -> None:
    session_id, duration_ms = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    player = tab.player
    await open_recording(tab, session_id)
    assert not player.slider.isEnabled()  # nothing loaded yet

    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    (url,) = await source
    proxy = tab.controller.ctx.playback.proxy
    assert url.startswith(proxy.base_url + "/play/")  # only ever the local proxy
    assert synced.sim.api_url.split("//")[1] not in url and synced.sim.media_url.split("//")[1] not in url
    assert not player.slider.isEnabled() or player.loaded

    await wait_until(lambda: player.loaded, timeout=15)
    await wait_until(lambda: player.slider.isEnabled(), timeout=5)
    assert abs(player.duration() - duration_ms) <= 100, (player.duration(), duration_ms)
    assert player.slider.maximum() == player.duration()
    await wait_until(lambda: player.position() > 500, timeout=10)
    assert player.is_playing()

    player.speed.setCurrentIndex(player.speed.findData(1.5))
    assert player.player.playbackRate() == 1.5

    # A forward jump, then back near the start: data already dropped must be fetched again with Range.
    player.seek_to(duration_ms - 5000)
    await wait_until(lambda: player.position() >= duration_ms - 5000, timeout=10)
    before = proxy.stats().requests
    ranges_before = len(synced.sim.stats.snapshot()["ranges"])
    player.seek_to(1000)
    await wait_until(lambda: proxy.stats().requests > before, timeout=10)
    await wait_until(lambda: len(synced.sim.stats.snapshot()["ranges"]) > ranges_before, timeout=10)
    ranges = synced.sim.stats.snapshot()["ranges"][ranges_before:]
    assert any(header and header.startswith("bytes=") and status == 206 for _, header, status in ranges), ranges
    await wait_until(lambda: 1500 <= player.position() < 20000, timeout=15)  # played on from there
    assert proxy.active_playbacks() == 1

    # Dragging: position updates do not move the handle; the seek happens once, on release.
    player.slider.sliderPressed.emit()
    player.slider.setValue(20000)
    for _ in range(3):  # the playing media reports new positions while the handle is held
        await wait_signal(player.media.positionChanged)
    assert player.slider.value() == 20000
    player.slider.sliderReleased.emit()
    await wait_until(lambda: player.position() >= 20000, timeout=10)

    token = tab.controller.ticket_token
    await open_recording(tab, pick(rec_ctx.engine, PLAYABLE + f" AND session_id != '{session_id}'")[0])
    assert tab.controller.ticket_token is None and token is not None
    assert proxy.active_playbacks() == 0  # the ticket was released with the recording change
    assert not player.slider.isEnabled()
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_track_choice_keyboard_and_tag_jumps(make_tab, rec_ctx, qtbot) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    tab.show()
    player = tab.player
    await open_recording(tab, session_id)
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # space: play
    (both,) = await source
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)

    position = player.position()
    qtbot.keyClick(tab.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # +30 s
    await wait_until(lambda: player.position() >= position + 29000, timeout=10)
    position = player.position()
    qtbot.keyClick(tab.table, Qt.Key.Key_Left)  # −5 s
    await wait_until(lambda: player.position() <= position - 4000, timeout=10)

    # Whole call first, then the parties as the dial plan names them (Unified CM: track 0 the agent).
    texts = [player.track.itemText(i) for i in range(player.track.count())]
    assert texts[0] == "Whole call" and texts[1].startswith("Agent: ") and texts[2].startswith("Caller: ")
    assert [player.track.itemData(i) for i in range(3)] == [WHOLE_CALL_DATA, 0, 1]
    assert "/whole." in both and player.current_track is None
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.track.setCurrentIndex(player.track.findData(0))  # the agent's track 0: a ticket of its own
    (party1,) = await source
    assert party1 != both and "/track0." in party1 and player.current_track == 0
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    assert tab.controller.ctx.playback.proxy.active_playbacks() == 1

    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # space: pause
    await wait_until(lambda: not player.is_playing(), timeout=5)
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_pruned_audio_is_explained(make_tab, rec_ctx) -> None:
    session_id, _ = pick(rec_ctx.engine, "pruned")
    tab = make_tab(start=False)
    await open_recording(tab, session_id)
    assert not tab.player.play_button.isEnabled()
    assert "retention" in tab.player.status.text()
    # Even when asked directly, the proxy refuses and the player says why in words.
    errors = wait_signal(tab.player.errorShown)
    tab.controller.load_audio(0)
    (words,) = await errors
    assert "pruned" in words and "retention" in words
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_mediasense_down_is_explained(make_tab, rec_ctx, synced) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    await open_recording(tab, session_id)
    synced.sim.faults.update(error_5xx_rate=1.0)
    try:
        errors = wait_signal(tab.player.errorShown, timeout=30)
        tab.player.play_button.click()
        (words,) = await errors
    finally:
        synced.sim.faults.reset()
    assert "MediaSense did not deliver the audio" in words
    assert tab.controller.ctx.playback.proxy.active_playbacks() == 0
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_without_qtmultimedia_the_banner_explains_and_search_works(make_tab) -> None:
    multimedia._reset_for_tests("libpulse.so.0: cannot open shared object file")
    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    searched = wait_signal(tab.controller.searched)
    tab.filters.search_button.click()
    await searched
    assert tab.model.rowCount() > 0
    row = next(i for i, r in enumerate(tab.model.rows) if not r.pruned and r.state == "CLOSED_NORMAL")
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(row)
    await shown
    tab.player.play_button.click()
    assert not tab.banner.isHidden()
    assert "libpulse" in tab.banner.text() and "Searching and details still work" in tab.banner.text()
    assert not tab.player.play_button.isEnabled()
    assert tab.details.detail is not None
    await teardown_tab(tab)


VIDEO_CONFERENCE = (
    PLAYABLE
    + " AND id IN (SELECT recording_id FROM recording_tracks WHERE media_type = 'VIDEO')"
    + " AND id IN (SELECT recording_id FROM recording_participants WHERE track_number = 1"
    + " GROUP BY recording_id HAVING count(*) = 2)"
)


@pytest.mark.asyncio
async def test_a_video_conference_offers_the_parties_not_the_picture(make_tab, rec_ctx) -> None:
    """Tracks 0/1 as the simulator numbers them like a real server: the conference's far-end track
    names both of its participants; the VIDEO track is shown in the details, never offered as audio;
    the caller's track plays through the proxy."""
    session_id, _ = pick(rec_ctx.engine, VIDEO_CONFERENCE)
    tab = make_tab(start=False)
    tab.show()
    player = tab.player
    detail = await open_recording(tab, session_id)
    assert [t.media_type for t in detail.tracks] == ["AUDIO", "AUDIO", "VIDEO"]
    assert [player.track.itemData(i) for i in range(player.track.count())] == [WHOLE_CALL_DATA, 0, 1]
    caller = player.track.itemText(2)
    far_refs = [p.device_ref for p in detail.participants if p.track_number == 1]
    assert len(far_refs) == 2 and caller == "Caller: " + ", ".join(far_refs)
    tracks_column = [tab.details.participants_model.item(r, 0).text() for r in range(3, 4)]
    assert tracks_column == ["2 · video"]
    view = player.track.view()  # the list the selector drops down, rendered without a popup window
    view.resize(max(view.sizeHintForColumn(0) + 8, 300), view.sizeHintForRow(0) * player.track.count() + 4)
    view.grab().save("/tmp/k-player-party-list.png")

    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.track.setCurrentIndex(2)
    player.play_button.click()
    (url,) = await source
    assert "/track1." in url
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    player.grab().save("/tmp/k-player-party-selector.png")
    await teardown_tab(tab)
