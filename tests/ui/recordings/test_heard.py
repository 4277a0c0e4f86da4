"""What a user hears is stored for reviews: the real QMediaPlayer (offscreen) plays a recording from
the simulator through the proxy; the heard part, and not the part skipped by a seek, reaches the
database through the review use case."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.app.reviews import ReviewUseCases
from qms_desktop.search.query import RecordingQuery
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab
from tests.ui.recordings.test_player import PLAYABLE, open_recording, pick

pytestmark = pytest.mark.timeout(90)


@pytest.mark.asyncio
async def test_playing_stores_the_heard_interval_and_not_the_skipped_part(make_tab, rec_ctx: Any) -> None:
    session_id, duration_ms = pick(rec_ctx.engine, PLAYABLE)
    tab = make_tab(start=False)
    player = tab.player
    await open_recording(tab, session_id)
    player.play_button.click()
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=20)
    await wait_until(lambda: player.position() >= 2500, timeout=20)
    heard_until = player.position()

    # A seek forward: what lies between is not heard.
    jump_to = duration_ms - 15_000
    player.seek_to(jump_to)
    await wait_until(lambda: player.position() >= jump_to + 1500, timeout=20)
    stored = wait_signal(tab.controller.heard.stored, timeout=20)
    player.toggle_play()  # pause: what was heard is stored now
    (state,) = await stored
    while not any(start >= jump_to - 500 for start, _ in state.intervals):
        (state,) = await wait_signal(tab.controller.heard.stored, timeout=20)

    saved = ReviewUseCases(rec_ctx.engine, rec_ctx.principal).heard(session_id)
    assert saved.session_id == session_id and len(saved.intervals) == 2, saved
    (first_start, first_end), (second_start, second_end) = saved.intervals
    assert first_start <= 1000 and first_end >= 2000, saved  # the first seconds, from (about) the start
    assert first_end <= jump_to - 1000  # the skipped part is not in it
    assert jump_to - 500 <= second_start and second_end - second_start >= 1000, saved
    assert heard_until - 1000 <= first_end, (heard_until, saved)

    # The recordings read model shows the share for this user.
    page = tab.controller.recordings.search(RecordingQuery(session_id=session_id, heard_by=""))
    assert page.items[0].heard_ms == saved.heard_ms > 0
    await teardown_tab(tab)
