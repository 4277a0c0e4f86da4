"""The player at the window's usual size (1100x720): the pruned-audio explanation stays on one line
(elided, whole in the tooltip) instead of growing the player, the time label fits an hour-long
position, and with no audio output device the player says that it plays silently while position and
seeking still work. PNGs go under the test's tmp, or QMS_SCREENSHOT_DIR when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qms_desktop.ui import multimedia
from qms_desktop.ui.qt import QCoreApplication, QEvent
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab
from tests.ui.recordings.test_player import open_recording, pick

pytestmark = pytest.mark.timeout(90)

NO_DEVICE = "No audio output device: the recording plays silently; position and seeking work"


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.mark.asyncio
async def test_player_layout_and_silent_playback(make_tab, rec_ctx, shots_dir: Path) -> None:
    tab = make_tab(start=False)
    tab.resize(1100, 720)
    tab.show()
    player = tab.player
    playable, duration_ms = pick(rec_ctx.engine, "NOT pruned AND state = 'CLOSED_NORMAL' AND duration_ms > 60000")
    await open_recording(tab, playable)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    usual_height = player.height()

    pruned, _ = pick(rec_ctx.engine, "pruned")
    await open_recording(tab, pruned)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay out now, before measuring
    assert tab.grab().save(str(shots_dir / "player_pruned_1100x720.png"))
    assert player.grab().save(str(shots_dir / "player_pruned_strip.png"))
    assert "retention" in player.status.text()
    assert player.height() == usual_height  # one line, like any other status
    assert player.status.height() < 2 * player.status.fontMetrics().lineSpacing()
    assert "retention" in player.status.toolTip()

    await open_recording(tab, playable)
    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    await source
    await wait_until(lambda: player.loaded and player.position() > 1000, timeout=15)
    target = duration_ms // 2
    player.seek_to(target)
    await wait_until(lambda: player.position() >= target, timeout=15)
    assert player.is_playing()
    mm = multimedia.load()
    if mm is not None and not mm.QMediaDevices.audioOutputs():  # this machine: no sound card, no server
        assert player.media.no_audio_device
        assert player.status.text() == NO_DEVICE
        assert NO_DEVICE in player.status.toolTip() or player.status.toolTip() == ""
    label = player.position_label
    label.setText("10:00:00 / 10:00:00")  # the widest a recording gets
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert player.grab().save(str(shots_dir / "player_hour_long_time_strip.png"))
    player._show_position(player.position())
    assert tab.grab().save(str(shots_dir / "player_playing_1100x720.png"))
    assert player.grab().save(str(shots_dir / "player_playing_strip.png"))
    await teardown_tab(tab)
