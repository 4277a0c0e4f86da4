"""The review workflow in the GUI: after listening, the review bar shows the heard share, marks the
recording reviewed (audited), the Heard column and the review filter show it; the Coverage tab's
figures are the use case's, exported as CSV. PNGs in English and Ukrainian (under the test's tmp, or
QMS_SCREENSHOT_DIR when set)."""

from __future__ import annotations

import asyncio
import csv
import os
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app.reviews import ReviewUseCases
from qms_desktop.security import audit
from qms_desktop.ui import i18n
from qms_desktop.ui.qt import QDate, QLocale
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.tabs.recordings.models import COLUMN_INDEX
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def language_of(request: Any) -> Any:
    previous_locale = QLocale()
    translations = i18n.Translations()
    translations.apply(request.param)
    yield request.param
    translations.remove()
    QLocale.setDefault(previous_locale)


@pytest.mark.asyncio
@pytest.mark.parametrize("language_of", ["en", "uk"], indirect=True)
async def test_listen_mark_reviewed_and_see_it_in_the_list(make_tab, rec_ctx, shots_dir, language_of) -> None:
    tab = make_tab(start=False)
    tab.show()
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    searched = asyncio.ensure_future(wait_signal(tab.controller.searched))
    tab.controller.start()
    await searched
    await wait_until(lambda: tab._total is not None)
    row = next(
        i
        for i, r in enumerate(tab.model.rows)
        if not r.pruned and r.state == "CLOSED_NORMAL" and 60_000 < (r.duration_ms or 0) < 400_000
    )
    session_id = tab.model.rows[row].session_id
    assert tab.model.rows[row].heard_ms == 0 and not tab.model.rows[row].reviewed
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(row)
    await shown
    await wait_until(lambda: tab.mark_bar.isVisible() and tab.mark_bar.heard is not None, timeout=10)
    tab.player.play_button.click()
    await wait_until(lambda: tab.player.loaded and tab.player.position() > 2500, timeout=20)
    stored = wait_signal(tab.controller.heard.stored, timeout=20)
    tab.player.toggle_play()
    (state,) = await stored
    assert state.session_id == session_id and state.heard_ms >= 2000
    assert tab.mark_bar.heard is not None and tab.mark_bar.heard.heard_ms >= 2000

    assert tab.model.rows[row].heard_ms == state.heard_ms  # the Heard cell follows as it is stored
    tab.mark_bar.button.click()  # Mark reviewed
    await wait_until(lambda: tab.mark_bar.mark is not None, timeout=10)
    assert tab.model.rows[row].reviewed and tab.model.index(row, COLUMN_INDEX["heard"]).data().startswith("✓")
    mark = ReviewUseCases(rec_ctx.engine, rec_ctx.principal).review_mark(session_id)
    assert mark is not None and mark.reviewed_by == rec_ctx.principal.username
    assert audit.list_audit(rec_ctx.engine, action="review.mark")[0].target == session_id

    # Every recording: this one's row says it was heard and reviewed, the others say nothing.
    searched = wait_signal(tab.controller.searched)
    tab.filters.search_button.click()
    await searched
    await wait_until(lambda: tab.model.rowCount() > 1)
    cells = {r.session_id: tab.model.index(i, COLUMN_INDEX["heard"]).data() for i, r in enumerate(tab.model.rows)}
    assert cells.pop(session_id).startswith("✓ ") and set(cells.values()) == {""}
    assert tab.grab().save(str(shots_dir / f"recordings_heard_all_{language_of}.png"))

    # Only reviewed recordings: this one, with its heard share in the Heard column.
    tab.filters.review.setCurrentIndex(tab.filters.review.findData("reviewed"))
    searched = wait_signal(tab.controller.searched)
    tab.filters.search_button.click()
    await searched
    await wait_until(lambda: tab.model.rowCount() == 1)
    only = tab.model.rows[0]
    assert only.session_id == session_id and only.reviewed and only.heard_ms == state.heard_ms
    cell = tab.model.index(0, COLUMN_INDEX["heard"]).data()
    assert cell.startswith("✓ ") and cell.endswith(" %"), cell
    assert tab.table.columnViewportPosition(COLUMN_INDEX["heard"]) < tab.table.viewport().width()  # on screen
    shown = wait_signal(tab.controller.detailShown)
    tab.select_row(0)
    await shown
    await wait_until(lambda: tab.mark_bar.mark is not None, timeout=10)
    assert tab.mark_bar.button.text() != ""
    path = shots_dir / f"recordings_heard_{language_of}.png"
    assert tab.grab().save(str(path))
    await teardown_tab(tab)


@pytest.mark.asyncio
@pytest.mark.parametrize("language_of", ["en", "uk"], indirect=True)
async def test_coverage_tab_shows_the_use_cases_figures_and_exports_them(
    qtbot, rec_ctx, shots_dir, tmp_path, language_of
) -> None:
    from qms_desktop.ui.tabs.coverage.controller import CoverageController
    from qms_desktop.ui.tabs.coverage.tab import CoverageTab

    with rec_ctx.engine.connect() as conn:
        first, last, sessions = conn.exec_driver_sql(
            "SELECT MIN(start_ms), MAX(start_ms), COUNT(*) FROM recordings"
        ).one()
        some = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT session_id FROM recordings WHERE duration_ms > 60000 ORDER BY start_ms LIMIT 3"
            )
        ]
    reviews = ReviewUseCases(rec_ctx.engine, rec_ctx.principal)
    reviews.set_settings({"weekly_target": 5})
    for number, session_id in enumerate(some):
        reviews.record_heard(session_id, [(0, 20_000 + number * 1500)])
    reviews.mark(some[0])

    view = CoverageTab()
    controller = CoverageController(rec_ctx, view)
    view.controller = controller  # type: ignore[attr-defined]
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    settings = asyncio.ensure_future(wait_signal(controller.settingsShown))
    report_shown = asyncio.ensure_future(wait_signal(controller.reportShown))
    controller.start()
    await settings
    await report_shown
    assert view.settings_box.isVisible()  # an administrator may change the target

    from datetime import datetime

    day0 = datetime.fromtimestamp(first / 1000).date()
    day1 = datetime.fromtimestamp(last / 1000).date()
    view.date_from.setDate(QDate(day0.year, day0.month, day0.day))
    view.date_to.setDate(QDate(day1.year, day1.month, day1.day))
    shown = wait_signal(controller.reportShown)
    view.show_button.click()
    (report,) = await shown
    start, end = controller.period_ms()
    expected = reviews.coverage(start, end)
    assert report.total == expected.total
    assert (report.total.recordings, report.total.reviewed) == (sessions, 1)
    assert report.total.heard_ms == 20_000 + 21_500 + 23_000
    assert view.model.rowCount() == len(report.agents) + len(report.teams) + 1
    total_row = view.model.rowCount() - 1
    assert view.model.index(total_row, 2).data() == str(sessions)
    assert view.model.index(total_row, 4).data() == f"{64_500 / 60_000:.1f}"

    out = tmp_path / "coverage.csv"
    exported = wait_signal(controller.exported)
    view.exportRequested.emit(str(out))
    await exported
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[-1]["level"] == "total" and rows[-1]["heard_s"] == "64" and rows[-1]["reviewed"] == "1"
    assert audit.list_audit(rec_ctx.engine, action="review.coverage_export")

    assert view.grab().save(str(shots_dir / f"coverage_{language_of}.png"))
    view.close()
