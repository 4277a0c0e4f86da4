"""The supervisor's day, end to end: find a call of their team by the caller's number, play it through
the local proxy, seek back (a ranged request), change the speed; the screen is saved under QMS_HOME."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(90)


def team_call(engine: Any, team: str) -> tuple[str, str, int]:
    """A playable inbound call of `team`: its id, the caller's number and its duration."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT session_id, ani, duration_ms FROM recordings WHERE team_code = ? AND direction = 'inbound' "
            "AND NOT pruned AND state = 'CLOSED_NORMAL' AND duration_ms BETWEEN 40000 AND 200000 "
            "ORDER BY start_ms DESC LIMIT 1",
            (team,),
        ).one()
    return row[0], row[1], row[2]


@pytest.mark.asyncio
async def test_a_supervisor_finds_a_call_by_number_and_plays_seeks_and_changes_speed(
    make_tab, rec_ctx, synced, qms_home
) -> None:
    session_id, ani, duration_ms = team_call(rec_ctx.engine, "T1")
    supervisor = Principal("olena", Role.SUPERVISOR, frozenset({"T1"}))
    tab = make_tab(principal=supervisor, start=False)
    tab.show()

    # Search by the last digits of the caller's number, as a supervisor would type them.
    tab.filters.restore({"preset": filters_mod.ALL_TIME, "ani": ani[-6:]})
    done = wait_signal(tab.controller.searched)
    tab.filters.search_button.click()
    await done
    found = [row.session_id for row in tab.model.rows]
    assert session_id in found
    assert all(row.team_code == "T1" for row in tab.model.rows)  # never another team's calls

    shown = wait_signal(tab.controller.detailShown)
    tab.selectionChanged.emit(session_id)
    await shown
    player = tab.player
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    await source
    await wait_until(lambda: player.loaded and player.slider.isEnabled(), timeout=20)
    assert abs(player.duration() - duration_ms) <= 100
    await wait_until(lambda: player.position() > 500, timeout=10)

    player.seek_to(duration_ms - 4000)
    await wait_until(lambda: player.position() >= duration_ms - 4000, timeout=10)
    ranges_before = len(synced.sim.stats.snapshot()["ranges"])
    player.seek_to(2000)  # back to data already dropped: fetched again with Range
    await wait_until(lambda: len(synced.sim.stats.snapshot()["ranges"]) > ranges_before, timeout=10)
    ranges = synced.sim.stats.snapshot()["ranges"][ranges_before:]
    assert any(header and header.startswith("bytes=") and status == 206 for _, header, status in ranges)

    player.speed.setCurrentIndex(player.speed.findData(1.5))
    assert player.player.playbackRate() == 1.5
    # Played on from there: the position moves past where the seek sent it only once the proxy answered.
    await wait_until(lambda: 2500 <= player.position() < 30000, timeout=15)

    shots = qms_home / "screenshots"
    shots.mkdir(exist_ok=True)
    assert tab.grab().save(str(shots / "recordings-supervisor-playing.png"))
    await teardown_tab(tab)
