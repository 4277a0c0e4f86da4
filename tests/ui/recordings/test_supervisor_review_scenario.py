"""A supervisor's review session end to end, offscreen against the simulator over HTTPS, the local proxy
and a real QMediaPlayer: a playlist from a search, the waveform of the open call matching the talk the
simulator put in it, Skip silence jumping over a pause, two notes, an A–B loop, a refused mark before
80 % was heard and an accepted one after, J to the next call, a restart that resumes there, and the
week's coverage equal, to the second, to the heard intervals the player recorded."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.app.review_queue import ReviewQueueUseCases
from qms_desktop.app.reviews import ReviewSettings, ReviewUseCases
from qms_desktop.playback.waveform import silences
from qms_desktop.security import audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab
from tests.ui.recordings.test_review_queue import search
from tests.ui.recordings.test_waveform import truth_for

pytestmark = pytest.mark.timeout(240)

DAY_MS = 86_400_000
SHORT_CALLS = {"preset": filters_mod.ALL_TIME, "state": "CLOSED_NORMAL", "min_s": 20, "max_s": 45}
PAUSE_MS = 1_800  # a pause both lanes keep at least this long, away from the call's ends


def a_pause(truth: dict[int, list[tuple[int, int]]], duration_ms: int) -> tuple[int, int] | None:
    pauses = silences((tuple(truth[0]), tuple(truth[1])), duration_ms, min_ms=PAUSE_MS)
    return next(((s, e) for s, e in pauses if s > 3_000 and e < duration_ms - 3_000), None)


@pytest.mark.asyncio
async def test_a_supervisor_reviews_a_call_end_to_end(make_tab, rec_ctx, synced, qtbot) -> None:
    ReviewUseCases(rec_ctx.engine, Principal("admin", Role.ADMIN)).set_settings(
        ReviewSettings(required_coverage_percent=80, weekly_target=2)
    )
    supervisor = Principal("sup", Role.SUPERVISOR, frozenset({"T1"}))
    tab = make_tab(principal=supervisor, start=False)
    tab.show()
    stored: dict[str, int] = {}  # session id -> heard ms, as the player's recorder stored it

    def remember(state: Any) -> None:
        stored[state.session_id] = state.heard_ms

    tab.controller.heard.stored.connect(remember)

    # The playlist: the search's short calls, opened at the first one that has a pause to skip.
    assert await search(tab, SHORT_CALLS) >= 3
    rows = [row for i in range(tab.model.rowCount()) if (row := tab.model.row_at(i)) is not None]
    assert {row.team_code for row in rows} == {"T1"}  # a supervisor sees their team only
    index = next(
        i
        for i, row in enumerate(rows[:-1])
        if not row.pruned and a_pause(truth_for(synced, row.session_id, row.duration_ms or 0), row.duration_ms or 0)
    )
    call, following = rows[index], rows[index + 1]
    duration = call.duration_ms or 0
    review = tab.controller.review
    made = wait_signal(review.queueShown, timeout=20)
    tab.review_button.click()
    (queue,) = await made
    assert [item.session_id for item in queue.items[: len(rows)]] == [row.session_id for row in rows]
    if index:
        moved = wait_signal(review.queueShown, timeout=20)
        review.move(index)
        (queue,) = await moved
    assert queue.current == index
    player, panel = tab.player, tab.player.waveform
    await wait_until(
        lambda: tab.controller.detail is not None and tab.controller.detail.row.session_id == call.session_id
    )
    if not player.is_playing():
        player.play_button.click()
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=20)

    # The waveform: both lanes, talk where the simulator put it (within 100 ms).
    await wait_until(lambda: panel.view.waveform is not None and panel.view.waveform.complete, timeout=30)
    found, truth = panel.view.waveform, truth_for(synced, call.session_id, duration)
    assert found.lanes == 2
    for lane in (0, 1):
        assert len(found.segments[lane]) == len(truth[lane])
        for (start, end), (true_start, true_end) in zip(found.segments[lane], truth[lane], strict=True):
            assert abs(start - true_start) <= 100 and abs(end - true_end) <= 100

    # Skip silence jumps over the pause: no position reported inside it.
    pause = a_pause(truth, duration)
    assert pause is not None
    positions: list[int] = []
    player.media.positionChanged.connect(positions.append)
    panel.skip_silence.setChecked(True)
    skipped = wait_signal(panel.skipped, timeout=20)
    player.seek_to(pause[0] - 300)
    (jumped_from, jumped_to) = await skipped
    assert pause[0] - 100 <= jumped_from < pause[0] + 1_000 and pause[1] - 400 <= jumped_to < pause[1]
    await wait_until(lambda: player.position() >= pause[1], timeout=10)
    assert not [p for p in positions if pause[0] + 1_000 < p < pause[1] - 400]
    panel.skip_silence.setChecked(False)

    # Two notes at the player's position; they show in the list and on the waveform.
    notes = tab.details.notes
    for words in ("Greeting per script", "Offer not mentioned"):
        changed = wait_signal(notes.notesChanged, timeout=15)
        notes.text.setText(words)
        notes.add_button.click()
        await changed
    assert [n.text for n in notes.notes()] == ["Greeting per script", "Offer not mentioned"]
    assert len(panel.view.markers["notes"]) == 2

    # An A–B loop goes back to A.
    player.seek_to(3_000)
    await wait_until(lambda: 3_000 <= player.position() < 4_000, timeout=10)
    panel.set_loop_start()
    a = panel.view.loop[0]
    assert a is not None
    await wait_until(lambda: player.position() >= a + 1_500, timeout=10)
    panel.set_loop_end()
    (back_to,) = await wait_signal(panel.looped, timeout=15)
    assert back_to == a
    panel.clear_loop()

    # Not yet 80 % heard: marking it reviewed is refused, in words.
    refused = wait_signal(tab.controller.marks.failed, timeout=15)
    tab.mark_bar.button.click()
    (words,) = await refused
    assert "80" in words
    # Listen through at double speed, then mark it.
    player.speed.setCurrentIndex(player.speed.findData(2.0))
    player.seek_to(0)
    await wait_until(lambda: player.position() < 1_000, timeout=10)
    await wait_until(lambda: player.position() >= duration * 0.92, timeout=60)
    flushed = wait_signal(tab.controller.heard.stored, timeout=15)
    player.toggle_play()  # pause: what was heard is stored
    await flushed
    assert stored[call.session_id] >= duration * 0.8
    marked = wait_signal(tab.controller.marks.marked, timeout=15)
    tab.mark_bar.button.click()
    (mark,) = await marked
    assert mark is not None and mark.reviewed_by == "sup"
    assert [r.target for r in audit.list_audit(rec_ctx.engine, action="review.mark")] == [call.session_id]

    # J: the next call of the playlist; stop in the middle of it.
    moved = wait_signal(review.queueShown, timeout=20)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_J)
    (queue,) = await moved
    assert queue.current == index + 1
    await wait_until(
        lambda: tab.controller.detail is not None and tab.controller.detail.row.session_id == following.session_id
    )
    await wait_until(lambda: player.loaded and player.slider.isEnabled(), timeout=20)
    player.seek_to(10_000)
    await wait_until(lambda: player.position() >= 10_000, timeout=15)
    review.save_now()
    queues = ReviewQueueUseCases(rec_ctx.engine, supervisor)
    await wait_until(lambda: queues.resume_position(following.session_id) >= 10_000, timeout=10)
    await teardown_tab(tab)

    # A restart: a new tab on the same database comes back to that call, at that moment.
    again = make_tab(principal=supervisor, start=False)
    again.show()
    again.controller.heard.stored.connect(remember)
    resumed = wait_signal(again.controller.review.resumeShown, timeout=20)
    again.controller.review.start()
    (session_id, at) = await resumed
    assert session_id == following.session_id and at >= 10_000
    assert again.controller.review.queue is not None and again.controller.review.queue.current == index + 1
    await teardown_tab(again)

    # The week's coverage is what the player recorded, to the second.
    reviews = ReviewUseCases(rec_ctx.engine, supervisor)
    heard = {sid: reviews.heard(sid).heard_ms for sid in stored}
    assert heard == stored
    report = reviews.coverage(call.start_ms - 3 * DAY_MS, call.start_ms + 4 * DAY_MS, team="T1")
    assert report.total.heard_s == sum(heard.values()) // 1000
    assert report.total.heard_ms == sum(heard.values())
    assert report.total.reviewed == 1
    agent = next(r for r in report.agents if r.agent_id == call.agent_id)
    assert agent.reviewed == 1 and agent.heard_ms >= heard[call.session_id]
