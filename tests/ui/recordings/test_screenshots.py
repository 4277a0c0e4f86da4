"""PNGs of the Recordings tab with results, details and the player during playback, in English and
Ukrainian (under the test's tmp, or QMS_SCREENSHOT_DIR when set, to look at them)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from qms_desktop.ui import i18n
from qms_desktop.ui.qt import QLocale
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "uk"])
async def test_recordings_tab_screenshot(make_tab, rec_ctx, shots_dir, language) -> None:
    previous_locale = QLocale()
    translations = i18n.Translations()
    translations.apply(language)
    try:
        tab = make_tab(start=False)
        tab.show()
        tab.filters.restore({"preset": filters_mod.LAST_7_DAYS})
        directory = asyncio.ensure_future(wait_signal(tab.controller.directoryLoaded))
        searched = asyncio.ensure_future(wait_signal(tab.controller.searched))
        tab.controller.start()
        await directory
        await searched
        await wait_until(lambda: tab._total is not None)
        row = next(
            i
            for i, r in enumerate(tab.model.rows)
            if not r.pruned and r.state == "CLOSED_NORMAL" and (r.duration_ms or 0) > 60000
        )
        shown = wait_signal(tab.controller.detailShown)
        tab.select_row(row)
        await shown
        source = wait_signal(tab.controller.sourceSet, timeout=20)
        tab.player.play_button.click()
        await source
        await wait_until(lambda: tab.player.loaded and tab.player.position() > 1500, timeout=15)
        path = Path(os.environ.get("QMS_SCREENSHOT_DIR") or shots_dir) / f"recordings_{language}.png"
        assert tab.grab().save(str(path))
        assert len(tab.grab().toImage().bits()) > 10_000  # a real picture, not an empty grab
        await teardown_tab(tab)
    finally:
        translations.remove()
        QLocale.setDefault(previous_locale)  # apply() changed the number format for later tests
