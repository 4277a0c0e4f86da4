"""The Recordings tab's search against a real synced database: every filter narrows the results the
way the core query does, pages load lazily and once, headers sort on the server, supervisors see only
their teams, the model passes qtmodeltester, the details pane explains pruned audio."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest
import sqlalchemy as sa

from qms_desktop.search.query import RecordingQuery, count_recordings, search_recordings
from qms_desktop.security import Principal, Role
from qms_desktop.store.schema import recordings
from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.recordings import filters as filters_mod
from qms_desktop.ui.tabs.recordings.models import COLUMN_INDEX, RecordingsModel
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab

pytestmark = pytest.mark.timeout(60)


def all_rows(engine: Any, query: RecordingQuery) -> list[str]:
    """Every session id the core returns for `query`, following the cursor."""
    out: list[str] = []
    q = dataclasses.replace(query, limit=1000)
    while True:
        page = search_recordings(engine, q)
        out.extend(r.session_id for r in page.items)
        if page.next_cursor is None:
            return out
        q = dataclasses.replace(q, after=page.next_cursor)


async def run_search(tab: Any) -> None:
    done = wait_signal(tab.controller.searched)
    tab.filters.search_button.click()
    await done


async def load_everything(tab: Any) -> None:
    model = tab.model
    while model.canFetchMore():
        loaded = wait_signal(tab.controller.pageLoaded)
        model.fetchMore()
        await loaded


def sample(engine: Any) -> dict[str, Any]:
    with engine.begin() as conn:
        # The cisco profile reports no queue: give a third of the calls one (the filter is exact).
        conn.exec_driver_sql("UPDATE recordings SET csq = 'Sales' WHERE id % 3 = 0")
        row = (
            conn.execute(
                sa.select(recordings)
                .where(recordings.c.agent_id.is_not(None), recordings.c.ani.is_not(None), recordings.c.csq.is_not(None))
                .limit(1)
            )
            .mappings()
            .one()
        )
    return dict(row)


@pytest.mark.asyncio
async def test_each_filter_narrows_like_the_core_query(make_tab, rec_ctx) -> None:
    tab = make_tab(start=False)
    f = tab.filters
    tab.controller.refresh_directory()
    f.preset.setCurrentIndex(f.preset.findData(filters_mod.ALL_TIME))
    await run_search(tab)
    await load_everything(tab)
    ref = sample(rec_ctx.engine)
    everything = len(tab.model.rows)
    assert everything == count_recordings(rec_ctx.engine, RecordingQuery())
    await wait_until(lambda: f.agent.count() > 1)

    cases: list[tuple[str, Any]] = [
        ("agent", lambda: f.agent.setCurrentIndex(f.agent.findData(ref["agent_id"]))),
        ("team", lambda: f.team.setCurrentIndex(f.team.findData(ref["team_code"]))),
        ("direction", lambda: f.direction.setCurrentIndex(f.direction.findData(ref["direction"]))),
        ("ani", lambda: f.ani.setText(ref["ani"][-4:])),
        ("dnis", lambda: f.dnis.setText(str(ref["dnis"] or "")[-3:])),
        ("csq", lambda: f.csq.setText(ref["csq"])),
        ("duration", lambda: (f.min_duration.setValue(60), f.max_duration.setValue(300))),
        ("state", lambda: f.state_combo.setCurrentIndex(f.state_combo.findData("ACTIVE"))),
        ("text", lambda: f.text.setText(str(ref["agent_name"] or ref["agent_id"]).split()[0])),
        ("today", lambda: f.preset.setCurrentIndex(f.preset.findData(filters_mod.TODAY))),
    ]
    for name, apply in cases:
        f.reset_button.blockSignals(True)
        f.restore({"preset": filters_mod.ALL_TIME})
        apply()
        await run_search(tab)
        await load_everything(tab)
        query = f.query()
        expected = all_rows(rec_ctx.engine, query)
        shown = [r.session_id for r in tab.model.rows]
        assert shown == expected, name
        assert 0 < len(shown) < everything or name == "state", (name, len(shown))
        await wait_until(lambda: tab._total is not None)
        assert tab._total == len(expected)
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_tags_filter(make_tab, rec_ctx) -> None:
    with rec_ctx.engine.connect() as conn:
        tag = conn.exec_driver_sql("SELECT name FROM recording_tags GROUP BY name ORDER BY count(*) LIMIT 1").scalar()
    if tag is None:
        pytest.skip("the simulator planted no tags")
    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME, "tags": tag})
    await run_search(tab)
    await load_everything(tab)
    expected = all_rows(rec_ctx.engine, RecordingQuery(tags=(tag,)))
    assert [r.session_id for r in tab.model.rows] == expected and expected
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_lazy_paging_returns_each_row_once(make_tab, rec_ctx) -> None:
    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    await run_search(tab)
    assert tab.model.rowCount() == 100 and tab.model.canFetchMore()
    pages = 0
    while tab.model.canFetchMore():
        loaded = wait_signal(tab.controller.pageLoaded)
        tab.model.fetchMore()
        assert not tab.model.canFetchMore()  # one page in flight at a time
        await loaded
        pages += 1
    ids = [r.session_id for r in tab.model.rows]
    assert pages >= 3
    assert len(ids) == len(set(ids)) == count_recordings(rec_ctx.engine, RecordingQuery())
    assert ids == all_rows(rec_ctx.engine, RecordingQuery())
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_scrolling_the_view_fetches_more(make_tab) -> None:
    tab = make_tab(start=False)
    tab.show()
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    await run_search(tab)
    loaded = wait_signal(tab.controller.pageLoaded)
    tab.table.scrollToBottom()
    await loaded
    assert tab.model.rowCount() > 100
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_clicking_a_header_sorts_on_the_server(make_tab, rec_ctx, qtbot) -> None:
    tab = make_tab(start=False)
    tab.show()
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    await run_search(tab)
    header = tab.table.horizontalHeader()
    section = COLUMN_INDEX["duration"]
    done = wait_signal(tab.controller.searched)
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().topLeft() + _section_point(header, section),
    )
    await done
    durations = [r.duration_ms if r.duration_ms is not None else -1 for r in tab.model.rows]
    assert durations == sorted(durations, reverse=True)
    page = search_recordings(rec_ctx.engine, RecordingQuery(sort="duration", limit=100))
    assert [r.session_id for r in tab.model.rows] == [r.session_id for r in page.items]
    assert header.sortIndicatorSection() == section

    done = wait_signal(tab.controller.searched)  # again: ascending
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().topLeft() + _section_point(header, section),
    )
    await done
    durations = [r.duration_ms if r.duration_ms is not None else -1 for r in tab.model.rows]
    assert durations == sorted(durations)

    team = COLUMN_INDEX["team"]  # not sortable: nothing happens, the indicator stays
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().topLeft() + _section_point(header, team),
    )
    assert header.sortIndicatorSection() == section
    assert tab.controller.sort == "duration"
    await teardown_tab(tab)


def _section_point(header: Any, section: int) -> Any:
    from qms_desktop.ui.qt import QPoint

    return QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)


@pytest.mark.asyncio
async def test_supervisor_sees_only_own_teams(make_tab, rec_ctx) -> None:
    with rec_ctx.engine.connect() as conn:
        team = conn.exec_driver_sql(
            "SELECT team_code FROM recordings WHERE team_code IS NOT NULL GROUP BY team_code LIMIT 1"
        ).scalar()
    tab = make_tab(Principal("sue", Role.SUPERVISOR, frozenset({team})), start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    directory = asyncio.ensure_future(wait_signal(tab.controller.directoryLoaded))
    tab.controller.start()
    await directory
    await wait_until(lambda: tab.model.rowCount() > 0)
    await load_everything(tab)
    assert {r.team_code for r in tab.model.rows} == {team}
    expected = all_rows(rec_ctx.engine, RecordingQuery(allowed_teams=(team,)))
    assert [r.session_id for r in tab.model.rows] == expected
    teams = [tab.filters.team.itemData(i) for i in range(1, tab.filters.team.count())]
    assert teams == [team]
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_details_pane_shows_participants_tags_and_pruned_audio(make_tab, rec_ctx) -> None:
    with rec_ctx.engine.connect() as conn:
        pruned = conn.exec_driver_sql("SELECT session_id FROM recordings WHERE pruned LIMIT 1").scalar()
        tagged = conn.exec_driver_sql(
            "SELECT r.session_id FROM recordings r JOIN recording_tags t ON t.recording_id = r.id "
            "WHERE NOT r.pruned AND r.state != 'ACTIVE' LIMIT 1"
        ).scalar()
    assert pruned and tagged
    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME, "text": ""})

    shown = wait_signal(tab.controller.detailShown)
    tab.selectionChanged.emit(tagged)
    (detail,) = await shown
    assert detail.row.session_id == tagged
    assert tab.details.participants_model.rowCount() == len(detail.participants) > 0
    assert tab.details.tags_model.rowCount() == len(detail.tags) > 0
    assert tab.details.status.code == "available"
    assert len(tab.player.slider.markers) == len([t for t in detail.tags if t.offset_ms is not None])

    shown = wait_signal(tab.controller.detailShown)
    tab.selectionChanged.emit(pruned)
    await shown
    assert tab.details.status.code == "pruned"
    assert "retention" in tab.details.audio_reason.text()
    assert not tab.player.play_button.isEnabled()
    assert "retention" in tab.player.status.text()
    await teardown_tab(tab)


@pytest.mark.asyncio
async def test_filters_are_remembered_for_the_session(make_tab, rec_ctx) -> None:
    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME, "ani": "55", "min_s": 30})
    await run_search(tab)
    await teardown_tab(tab)
    again = make_tab(start=False)
    assert again.filters.ani.text() == "55"
    assert again.filters.min_duration.value() == 30
    assert again.filters.preset.currentData() == filters_mod.ALL_TIME
    await teardown_tab(again)


def test_model_passes_qtmodeltester(qtmodeltester, synced, rec_ctx) -> None:
    model = RecordingsModel()
    page = search_recordings(rec_ctx.engine, RecordingQuery(limit=60))
    model.reset(page.items, page.next_cursor)
    qtmodeltester.check(model)
    more = search_recordings(rec_ctx.engine, RecordingQuery(limit=60, after=page.next_cursor))
    assert model.append_page(model.generation, more.items, more.next_cursor)
    assert not model.append_page(model.generation - 1, more.items, None)  # a stale page is dropped
    qtmodeltester.check(model)


@pytest.mark.asyncio
async def test_a_finished_sync_refreshes_an_idle_list(make_tab) -> None:
    from types import SimpleNamespace

    tab = make_tab(start=False)
    tab.filters.restore({"preset": filters_mod.ALL_TIME})
    searched = asyncio.ensure_future(wait_signal(tab.controller.searched))
    tab.controller.ctx.signals.sync_finished.emit(SimpleNamespace(counts=SimpleNamespace(created=3, updated=0)))
    await searched
    assert tab.model.rowCount() > 0
    tab.selectionChanged.emit(tab.model.rows[0].session_id)
    await wait_signal(tab.controller.detailShown)
    tab.controller.ctx.signals.sync_finished.emit(SimpleNamespace(counts=SimpleNamespace(created=1, updated=0)))
    assert "press Search" in tab.count_label.text()  # busy with a recording: told, not disturbed
    await teardown_tab(tab)
