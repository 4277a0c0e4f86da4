"""The Recordings tab at the default window size: the key columns are in view, the details pane folds
away and comes back at the width it had (remembered across tabs, i.e. restarts), a long "new
recordings" note never widens the window, and a period applies as soon as it is chosen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.tabs.recordings.models import COLUMN_INDEX
from qms_desktop.ui.tabs.recordings.tab import RecordingsTab
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(60)

KEY_COLUMNS = ("start", "agent", "team", "ani", "dnis", "duration", "state", "audio")


def in_window(tab: RecordingsTab, qtbot) -> RecordingsTab:  # type: ignore[no-untyped-def]
    """The tab as its own window, as large as it is in the main window's default 1100x720."""
    tab.resize(1100, 650)
    tab.show()
    return tab


@pytest.mark.asyncio
async def test_key_columns_fit_and_details_fold_and_are_remembered(make_tab, qtbot) -> None:
    tab = make_tab()
    window = in_window(tab, qtbot)
    await wait_until(lambda: tab.model.rowCount() > 0)
    header = tab.table.horizontalHeader()
    viewport = tab.table.viewport().width()
    for key in KEY_COLUMNS:
        section = COLUMN_INDEX[key]
        right = header.sectionViewportPosition(section) + header.sectionSize(section)
        assert right <= viewport, f"{key} ends at {right}, the table shows {viewport}"
    # At 1100 px the details start folded, and the button says it can show them.
    assert not tab.details_shown()
    assert tab.details_button.text() == "Show details"
    table_width = tab.table.width()

    tab.details_button.click()
    assert tab.details_shown() and tab.splitter.sizes()[2] >= 280
    assert tab.details_button.text() == "Hide details"
    # Dragged wider, folded, shown again: the width it had.
    sizes = tab.splitter.sizes()
    tab.splitter.setSizes([sizes[0], sizes[1] - 40, sizes[2] + 40])
    tab.splitter.splitterMoved.emit(0, 2)
    wide = tab.splitter.sizes()[2]
    tab.details_button.click()
    assert not tab.details_shown() and tab.table.width() >= table_width - 1
    tab.details_button.click()
    assert tab.splitter.sizes()[2] == wide
    assert window.width() == 1100
    await teardown_tab(tab)

    # A new tab (a restart) shows them as they were left.
    again = make_tab()
    in_window(again, qtbot)
    assert again.details_shown() and again.splitter.sizes()[2] == wide
    await teardown_tab(again)


@pytest.mark.asyncio
async def test_new_recordings_note_and_banner_never_widen_the_window(make_tab, qtbot) -> None:
    tab = make_tab()
    window = in_window(tab, qtbot)
    await wait_until(lambda: tab.model.rowCount() > 0)
    tab.show_new_arrivals()
    tab.show_banner("Playback is unavailable: " + "the media server did not answer in time. " * 6)
    await wait_until(lambda: tab.banner.isVisible())
    assert "New recordings were synced" in tab.count_label.text()
    assert window.width() == 1100 and window.minimumSizeHint().width() <= 1100
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_a_chosen_period_applies_at_once_and_shows_todays_dates(make_tab, qtbot) -> None:
    tab = make_tab()
    in_window(tab, qtbot)
    await wait_until(lambda: tab.model.rowCount() > 0)
    f = tab.filters
    everything_before = tab.model.rowCount()
    searched = wait_signal(tab.controller.searched)
    f.preset.setCurrentIndex(f.preset.findData(filters_mod.ALL_TIME))
    f.preset.activated.emit(f.preset.currentIndex())  # what choosing it with the mouse or keyboard sends
    await searched
    assert f.query().start_ms is None and tab.model.rowCount() >= everything_before

    # The dates beside a preset are those of the day the search runs, not of the day it was chosen.
    f.preset.setCurrentIndex(f.preset.findData(filters_mod.LAST_7_DAYS))
    tomorrow = date.today() + timedelta(days=1)
    f.date_range_ms(today=tomorrow)
    assert f.date_to.date().toPython() == tomorrow
    assert f.date_from.date().toPython() == tomorrow - timedelta(days=6)
    await teardown_tab(tab)
