"""The waveform in the player against the real proxy, simulator and an offscreen QMediaPlayer: who talks
when matches the simulator's ground truth, Skip silence jumps over a known pause during playback, the
A–B loop goes back to A, and the 5 s and 15 s steps move the position."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.playback.waveform import silences
from qms_desktop.simulator import audio
from qms_desktop.ui import i18n
from qms_desktop.ui.qt import QLocale
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.widgets.timeline import Marker
from qms_desktop.ui.widgets.waveform import SKIP_SILENCE_MIN_MS
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab
from tests.ui.recordings.test_player import PLAYABLE, open_recording, pick

pytestmark = pytest.mark.timeout(90)


async def play_with_waveform(tab: Any, session_id: str) -> Any:
    player = tab.player
    if tab.controller.detail is None or tab.controller.detail.row.session_id != session_id:
        await open_recording(tab, session_id)
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    await source
    await wait_until(lambda: player.loaded and player.slider.isEnabled(), timeout=15)
    await wait_until(
        lambda: player.waveform.view.waveform is not None and player.waveform.view.waveform.complete, timeout=30
    )
    return player.waveform.view.waveform


def truth_for(synced: Any, session_id: str, duration_ms: int) -> dict[int, list[tuple[int, int]]]:
    call = synced.sim.simulator.dataset.find(session_id)
    return audio.talk_segments(call.key, duration_ms)


@pytest.mark.asyncio
async def test_waveform_matches_the_talk_of_both_parties(make_tab, rec_ctx, synced) -> None:
    session_id, duration_ms = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    try:
        found = await play_with_waveform(tab, session_id)
        truth = truth_for(synced, session_id, duration_ms)
        assert found.lanes == 2  # the whole call is a stereo WAV: the agent left, the far end right
        for lane in (0, 1):
            assert len(found.segments[lane]) == len(truth[lane])
            for (start, end), (true_start, true_end) in zip(found.segments[lane], truth[lane], strict=True):
                assert abs(start - true_start) <= 100 and abs(end - true_end) <= 100
        assert tab.player.waveform.view.lane_names[0] and tab.player.waveform.view.lane_names[1]
        image = tab.player.waveform.view.grab().toImage()
        assert image.width() > 100
    finally:
        await teardown_tab(tab)


@pytest.mark.asyncio
async def test_skip_silence_jumps_over_a_known_pause(make_tab, rec_ctx, synced) -> None:
    session_id, duration_ms = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    player, panel = tab.player, tab.player.waveform
    try:
        await play_with_waveform(tab, session_id)
        truth = truth_for(synced, session_id, duration_ms)
        pauses = silences((tuple(truth[0]), tuple(truth[1])), duration_ms, min_ms=1800)
        start, end = next((s, e) for s, e in pauses if s > 3000 and e < duration_ms - 3000)
        positions: list[int] = []
        player.media.positionChanged.connect(positions.append)
        panel.skip_silence.setChecked(True)
        skipped = wait_signal(panel.skipped, timeout=20)
        player.seek_to(start - 300)  # still talk: every turn is longer than that
        if not player.is_playing():
            player.media.play()
        jumped_from, jumped_to = await skipped
        assert start - 100 <= jumped_from < start + 1000 and end - 400 <= jumped_to < end
        await wait_until(lambda: player.position() >= end, timeout=10)
        inside = [p for p in positions if start + 1000 < p < end - 400]
        assert not inside, inside  # playback never went through the middle of the pause
    finally:
        await teardown_tab(tab)


@pytest.mark.asyncio
async def test_a_b_loop_returns_to_a_and_steps(make_tab, rec_ctx, synced) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    player, panel = tab.player, tab.player.waveform
    try:
        await play_with_waveform(tab, session_id)
        player.seek_to(10_000)
        await wait_until(lambda: player.position() >= 10_000, timeout=10)
        panel.set_loop_start()
        a = panel.view.loop[0]
        assert a is not None and 10_000 <= a < 12_000
        await wait_until(lambda: player.position() >= a + 1500, timeout=10)
        panel.set_loop_end()
        b = panel.view.loop[1]
        assert b is not None and b > a
        (back_to,) = await wait_signal(panel.looped, timeout=15)
        assert back_to == a
        await wait_until(lambda: a <= player.position() < b, timeout=5)
        (again,) = await wait_signal(panel.looped, timeout=15)  # and again: it keeps looping
        assert again == a
        panel.clear_loop()
        assert panel.view.loop == (None, None)

        # ±5 s (buttons, ←/→) and ±15 s (buttons, Ctrl+←/→).
        player.media.pause()
        player.seek_to(10_000)  # the call is at least 40 s long
        await wait_until(lambda: abs(player.position() - 10_000) < 300, timeout=10)
        player.forward_button.click()
        await wait_until(lambda: abs(player.position() - 15_000) < 300, timeout=10)
        panel.forward15.click()
        await wait_until(lambda: abs(player.position() - 30_000) < 300, timeout=10)
        panel.back15.click()
        await wait_until(lambda: abs(player.position() - 15_000) < 300, timeout=10)
        player.back_button.click()
        await wait_until(lambda: abs(player.position() - 10_000) < 300, timeout=10)
        keys = {s.key().toString() for s in panel.shortcuts}
        assert {"Ctrl+Left", "Ctrl+Right", "[", "]", "\\"} <= keys, keys
        next(s for s in panel.shortcuts if s.key().toString() == "Ctrl+Right").activated.emit()
        await wait_until(lambda: abs(player.position() - 25_000) < 300, timeout=10)
    finally:
        await teardown_tab(tab)


def test_skip_threshold_is_longer_than_a_turn_pause() -> None:
    assert SKIP_SILENCE_MIN_MS >= 300


@pytest.mark.asyncio
async def test_solo_keeps_both_lanes_and_speed_keeps_pitch(make_tab, rec_ctx, synced) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    player, panel = tab.player, tab.player.waveform
    try:
        found = await play_with_waveform(tab, session_id)
        # The FFmpeg backend keeps the pitch when the speed changes (Qt 6.10+), and the player asks for it.
        if hasattr(player.player, "pitchCompensation"):
            assert player.player.pitchCompensation()
        player.speed.setCurrentIndex(player.speed.findData(2.0))
        assert player.player.playbackRate() == 2.0
        # Solo the far end: its own track plays, the two lanes stay drawn, the agent's lane is dimmed.
        source = wait_signal(tab.controller.sourceSet, timeout=20)
        panel.listen_alone(1)
        (url,) = await source
        assert player.current_track == panel._party_tracks()[1] and "/play/" in url
        await wait_until(lambda: panel.view.solo == 1, timeout=10)
        assert panel.view.waveform is found  # nothing read again
        await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
        source = wait_signal(tab.controller.sourceSet, timeout=20)
        panel.listen_alone(1)  # again: the whole call
        await source
        await wait_until(lambda: panel.view.solo is None and player.current_track is None, timeout=10)
        assert panel.view.waveform is found
        await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    finally:
        await teardown_tab(tab)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "uk"])
async def test_player_with_waveform_screenshot(make_tab, rec_ctx, synced, shots_dir, language) -> None:
    """PNGs of the Recordings tab with the waveform, a loop and a note marker (QMS_SCREENSHOT_DIR to keep them)."""
    previous_locale = QLocale()
    translations = i18n.Translations()
    translations.apply(language)
    target = shots_dir
    tab = make_tab(start=False)
    tab.resize(1366, 800)
    tab.show()
    panel = tab.player.waveform
    try:
        tab.filters.restore({"preset": filters_mod.ALL_TIME})
        searched = asyncio.ensure_future(wait_signal(tab.controller.searched))
        tab.controller.start()
        await searched
        with rec_ctx.engine.connect() as conn:  # a call with tags, to show them on the waveform
            session_id, duration_ms = conn.exec_driver_sql(
                "SELECT r.session_id, r.duration_ms FROM recordings r WHERE NOT r.pruned AND r.state = "
                "'CLOSED_NORMAL' AND r.duration_ms BETWEEN 90000 AND 240000 AND (SELECT count(*) FROM "
                "recording_tags t WHERE t.recording_id = r.id AND t.offset_ms > 0) >= 2 ORDER BY r.start_ms DESC"
            ).first() or pick(rec_ctx.engine, PLAYABLE.replace("BETWEEN 40000", "BETWEEN 90000"))
        tab.details_button.setChecked(True)
        await open_recording(tab, session_id)
        found = await play_with_waveform(tab, session_id)
        panel.set_markers("note", [Marker(duration_ms // 3, "note")], "#c0392b")
        panel.set_loop(duration_ms // 2, duration_ms // 2 + 8000)
        panel.skip_silence.setChecked(True)
        tab.player.media.pause()
        tab.player.seek_to(duration_ms // 4)
        await wait_until(lambda: abs(tab.player.position() - duration_ms // 4) < 300, timeout=10)
        assert found.lanes == 2 and "note" in panel.view.markers
        await wait_until(lambda: panel.info.width() >= panel.info.sizeHint().width(), timeout=5)  # laid out
        for name, widget in (("recordings", tab), ("player", tab.player)):
            image = widget.grab()
            assert image.save(str(target / f"waveform_{name}_{language}.png"))
            assert image.width() > 300
    finally:
        await teardown_tab(tab)
        translations.remove()
        QLocale.setDefault(previous_locale)


def test_unsupported_or_unreadable_audio_says_so(qtbot: Any) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from qms_desktop.ui.widgets.player import PlayerWidget

    class Mp4(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = b"\x00\x00\x00\x20ftypisom" + bytes(2000)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Mp4)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    player = PlayerWidget()
    qtbot.addWidget(player)
    panel = player.waveform
    try:
        panel.set_recording(60_000, [], ())
        assert "played" in panel.view.message
        panel.set_source(f"http://127.0.0.1:{port}/play/t/u/s1/whole.mp4", None)
        qtbot.waitUntil(lambda: panel.view.message == "No waveform for this audio format.", timeout=10_000)
        assert panel.view.waveform is None
    finally:
        server.shutdown()
        server.server_close()
    panel.set_source(f"http://127.0.0.1:{port}/play/t/u/s2/whole.wav", None)  # nobody listens there now
    qtbot.waitUntil(lambda: panel.view.message == "The waveform could not be read.", timeout=10_000)
