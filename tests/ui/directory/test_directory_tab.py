"""The Directory tab: the agents list, a CSV import previewed (nothing changes) and then applied
(audited), a bad file explained; a supervisor is refused."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app.users import create_first_admin
from qms_desktop.domain.directory import DialPlan
from qms_desktop.security import audit, list_audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.directory import list_agents, load_dial_plan
from qms_desktop.ui.qt import Qt
from qms_desktop.ui.tabs.directory import create_tab
from tests.ui.helpers import wait_signal, wait_until

pytestmark = [pytest.mark.timeout(60)]

CSV = "agent_id,name,extension,team\na1,Ann,2001,T1\na2,Bob,2002,T2\na3,,bad ext!,T2\n"


def _agents(ctx: Any) -> list[str]:
    with ctx.engine.connect() as conn:
        return [a.agent_id for a in list_agents(conn)]


@pytest.mark.asyncio
async def test_preview_then_import(qtbot, ui_ctx, tmp_path: Path) -> None:
    create_first_admin(ui_ctx.engine, "admin", "correct-horse-battery")
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    await wait_signal(tab.controller.listed)
    assert tab.model.rowCount() == 0
    source = tmp_path / "agents.csv"
    source.write_text(CSV, encoding="utf-8")

    previewed = asyncio.ensure_future(wait_signal(tab.controller.previewed))
    tab.controller.preview(str(source))
    (preview,) = await previewed
    assert preview.result.created == 2 and len(preview.result.errors) == 1
    assert tab.preview.isVisible() and "2 new agents" in tab.summary.text()
    assert tab.problems.count() == 1 and "Line 4" in tab.problems.item(0).text()
    assert _agents(ui_ctx) == []  # a preview changes nothing

    imported = asyncio.ensure_future(wait_signal(tab.controller.imported))
    tab.apply_button.click()
    await imported
    await wait_signal(tab.controller.listed)
    assert _agents(ui_ctx) == ["a1", "a2"] and tab.model.rowCount() == 2
    assert not tab.preview.isVisible() and "2 agents added" in tab.message_label.text()
    rows = [r for r in list_audit(ui_ctx.engine) if r.action == audit.DIRECTORY_IMPORT]
    assert [(r.actor, r.target) for r in rows] == [("admin", "agents.csv")]
    await _settled(ui_ctx)


@pytest.mark.asyncio
async def test_a_bad_file_is_explained(qtbot, ui_ctx, tmp_path: Path) -> None:
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    source = tmp_path / "broken.csv"
    source.write_text('agent_id,name,extension,team\na1,"Ann,2001,T1\n', encoding="utf-8")
    failed = asyncio.ensure_future(wait_signal(tab.controller.failed))
    tab.controller.preview(str(source))
    (words,) = await failed
    assert "broken.csv cannot be imported" in words and "line 2" in words
    assert not tab.preview.isVisible() and "line 2" in tab.message_label.text()


@pytest.mark.asyncio
async def test_a_supervisor_is_refused(qtbot, ui_ctx) -> None:
    ui_ctx.principal = Principal("sup", Role.SUPERVISOR, frozenset({"T1"}))
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    (words,) = await wait_signal(tab.controller.failed)
    assert "may not" in words


@pytest.mark.asyncio
async def test_the_dial_plan_form_saves_the_sites_numbering(qtbot, ui_ctx) -> None:
    """An administrator sees the saved plan (the default: agent on track 0, caller on track 1), says
    the caller is on the agent's track; it is stored (audited) for the next sync. A pattern that is no
    regular expression is refused with the reason, nothing is stored."""
    create_first_admin(ui_ctx.engine, "admin", "correct-horse-battery")
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    loaded = asyncio.ensure_future(wait_signal(tab.controller.dial_plan_loaded))
    tab.show()
    await loaded
    assert (tab.internal_pattern.text(), tab.agent_track.value(), tab.caller_track.value()) == (
        DialPlan().internal_pattern, 0, 1,
    )  # fmt: skip

    tab.internal_pattern.setText("(")
    failed = asyncio.ensure_future(wait_signal(tab.controller.failed))
    tab.save_dial_plan_button.click()
    (words,) = await failed
    assert "not saved" in words and "not a regular expression" in tab.message_label.text()
    assert _saved_plan(ui_ctx) == DialPlan()

    tab.internal_pattern.setText(r"^\d{4}$")
    tab.caller_track.setValue(0)
    saved = asyncio.ensure_future(wait_signal(tab.controller.dial_plan_saved))
    tab.save_dial_plan_button.click()
    (change,) = await saved
    assert change.plan == DialPlan(r"^\d{4}$", agent_track=0, caller_track=0)
    assert _saved_plan(ui_ctx) == change.plan and "Dial plan saved" in tab.message_label.text()
    (row,) = [r for r in list_audit(ui_ctx.engine) if r.action == audit.DIRECTORY_DIAL_PLAN]
    assert row.actor == "admin" and row.detail["after"] == change.plan.to_dict()
    tab.dial_plan.grab().save("/tmp/k-dial-plan-form.png")


@pytest.mark.asyncio
async def test_a_supervisor_cannot_save_a_dial_plan(qtbot, ui_ctx) -> None:
    ui_ctx.principal = Principal("sup", Role.SUPERVISOR, frozenset({"T1"}))
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    await wait_signal(tab.controller.failed)
    said: list[str] = []
    tab.controller.failed.connect(said.append)
    # The task itself is awaited: the first load's own refusals may still arrive meanwhile.
    await tab.controller.save_dial_plan({"caller_track": 0})
    assert any(text.startswith("The dial plan was not saved") and "may not" in text for text in said), said
    assert _saved_plan(ui_ctx) == DialPlan()
    denied = [r for r in list_audit(ui_ctx.engine) if r.action == audit.ACCESS_DENIED and r.actor == "sup"]
    assert any(r.target == "directory.dial_plan" and r.detail["permission"] == "directory.manage" for r in denied)


def _saved_plan(ctx: Any) -> DialPlan:
    with ctx.engine.connect() as conn:
        return load_dial_plan(conn)


# --- stored recordings, linked through the tab -----------------------------------------------------

LINK_CSV = (
    "agent_id,name,extension,team\n"
    "a1,Olena Kovalenko,2001,SALES\n"
    "a2,Taras Shevchuk,2002,SUPPORT\n"
    "a3,No Desk,20 03,SUPPORT\n"  # line 4: an extension a device ref cannot have
    ",Nobody,2004,SALES\n"  # line 5: no agent id
    "a1,Olena Again,2005,SALES\n"  # line 6: a1 twice
)


def _store_calls(ctx: Any) -> None:
    """Calls as MediaSense (cisco dialect) stores them before any agent is known: the agent's phone
    on track 0, the far end on track 1; no agent, no team."""
    from qms_desktop.domain.directory import DirectorySnapshot, enrich
    from qms_desktop.store import begin_write
    from qms_desktop.store.recordings import upsert_sessions
    from tests.store.factory import make_session

    records = [
        make_session("c1", caller="0501234567", callee="2001"),
        make_session("c2", caller="0671111111", callee="2002"),
        make_session("c3", caller="0503333333", callee="2009"),  # nobody's extension
    ]
    with begin_write(ctx.engine) as conn:
        upsert_sessions(conn, enrich(records, DirectorySnapshot(), DialPlan()), fetched_at_ms=1, now_ms=1)


def _read_model(ctx: Any) -> dict[str, tuple[str | None, str | None]]:
    """Agent and team of each call as the Recordings tab's read model lists them (None shows as "—")."""
    from qms_desktop.app.recordings import RecordingUseCases
    from qms_desktop.search.query import RecordingQuery

    page = RecordingUseCases(ctx.engine, Principal("admin", Role.ADMIN)).search(RecordingQuery(limit=50))
    return {row.session_id: (row.agent_name, row.team_code) for row in page.items}


async def _shown_tab(qtbot: Any, ctx: Any) -> Any:
    tab = create_tab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 680)
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    calls = asyncio.ensure_future(wait_signal(tab.controller.calls_previewed))
    tab.show()
    await listed
    await calls
    return tab


@pytest.mark.asyncio
async def test_an_import_with_bad_lines_links_the_stored_recordings(qtbot, ui_ctx, tmp_path: Path) -> None:
    """Good lines are imported and link the calls already stored (agent and team no longer "—"); each
    bad line is reported with its number and reason."""
    create_first_admin(ui_ctx.engine, "admin", "correct-horse-battery")
    _store_calls(ui_ctx)
    assert _read_model(ui_ctx) == {"c1": (None, None), "c2": (None, None), "c3": (None, None)}
    tab = await _shown_tab(qtbot, ui_ctx)
    source = tmp_path / "agents.csv"
    source.write_text(LINK_CSV, encoding="utf-8")

    previewed = asyncio.ensure_future(wait_signal(tab.controller.previewed))
    tab.controller.preview(str(source))
    (preview,) = await previewed
    assert (preview.result.created, preview.relinked) == (2, 2)
    lines = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert lines[0].startswith("Line 4:") and "20 03" in lines[0], lines
    assert lines[1].startswith("Line 5:") and "agent_id is empty" in lines[1], lines
    assert lines[2].startswith("Line 6:") and "already appears on line 2" in lines[2], lines
    assert "3 rows are refused" in tab.summary.text() and tab.apply_button.isEnabled()
    tab.grab().save(str(_shots(tmp_path) / "directory-import-preview.png"))
    assert _read_model(ui_ctx)["c1"] == (None, None)  # the preview changed nothing

    imported = asyncio.ensure_future(wait_signal(tab.controller.imported))
    calls = asyncio.ensure_future(wait_signal(tab.controller.calls_previewed))  # the tab reads everything anew
    tab.apply_button.click()
    (result,) = await imported
    await calls
    assert result.relinked == 2 and [e.line for e in result.result.errors] == [4, 5, 6]
    assert _read_model(ui_ctx) == {
        "c1": ("Olena Kovalenko", "SALES"),
        "c2": ("Taras Shevchuk", "SUPPORT"),
        "c3": (None, None),
    }
    assert "2 recordings linked anew" in tab.message_label.text()
    assert not tab.progress_row.isVisible() and tab.import_button.isEnabled()
    (row,) = [r for r in list_audit(ui_ctx.engine) if r.action == audit.DIRECTORY_IMPORT]
    assert (row.detail["errors"], row.detail["relinked"]) == (3, 2)
    await _settled(ui_ctx)


@pytest.mark.asyncio
async def test_an_agent_is_edited_in_place_and_the_recordings_follow(qtbot, ui_ctx) -> None:
    """A new extension typed into the table moves the agent's calls to them (audited); an extension
    another agent holds is refused with the reason and the table shows the stored values again."""
    _store_calls(ui_ctx)
    from qms_desktop.app.directory import DirectoryUseCases

    DirectoryUseCases(ui_ctx.engine, ui_ctx.principal).import_csv(LINK_CSV)
    tab = await _shown_tab(qtbot, ui_ctx)
    row = next(i for i, a in enumerate(tab.model.rows) if a.agent_id == "a2")

    edited = asyncio.ensure_future(wait_signal(tab.controller.edited))
    assert tab.model.setData(tab.model.index(row, 2), "2009")
    (change,) = await edited
    assert change.changed and change.relinked == 2  # c2 loses a2, c3 gains it
    await wait_signal(tab.controller.listed)
    assert _read_model(ui_ctx)["c3"] == ("Taras Shevchuk", "SUPPORT") and _read_model(ui_ctx)["c2"] == (None, None)
    (row_audit,) = [r for r in list_audit(ui_ctx.engine) if r.action == audit.DIRECTORY_AGENT]
    assert row_audit.target == "agent:a2" and row_audit.detail["before"]["extension"] == "2002"
    assert row_audit.detail["after"]["extension"] == "2009"

    team_row = next(i for i, a in enumerate(tab.model.rows) if a.agent_id == "a1")
    edited = asyncio.ensure_future(wait_signal(tab.controller.edited))
    assert tab.model.setData(tab.model.index(team_row, 3), "NIGHTS")
    await edited
    await wait_signal(tab.controller.listed)
    assert _read_model(ui_ctx)["c1"] == ("Olena Kovalenko", "NIGHTS")
    assert tab.count_label.text() == "2 agents in 3 teams"

    failed = asyncio.ensure_future(wait_signal(tab.controller.failed))
    row = next(i for i, a in enumerate(tab.model.rows) if a.agent_id == "a2")
    tab.model.setData(tab.model.index(row, 2), "2001")
    (words,) = await failed
    assert "Agent a2 was not saved" in words and "belongs to agent a1" in words
    await wait_signal(tab.controller.listed)
    assert next(a for a in tab.model.rows if a.agent_id == "a2").extension == "2009"
    await _settled(ui_ctx)


@pytest.mark.asyncio
async def test_the_dial_plan_preview_classifies_stored_calls_before_saving(qtbot, ui_ctx, tmp_path: Path) -> None:
    """The last stored calls are shown as the plan in the form would classify them; nothing is saved
    until Save, which re-links them (with the progress shown) so the preview then matches."""
    _store_calls(ui_ctx)
    from qms_desktop.app.directory import DirectoryUseCases

    DirectoryUseCases(ui_ctx.engine, ui_ctx.principal).import_csv(LINK_CSV)
    tab = await _shown_tab(qtbot, ui_ctx)
    assert tab.calls_model.rowCount() == 3
    shown = {c.session_id: c for c in tab.calls_model.rows}
    assert shown["c1"].direction is not None and shown["c1"].direction.value == "inbound"
    assert not any(c.changes for c in shown.values())  # the saved plan: nothing would change

    # Agents dial out: the caller is on the agent's track.
    tab.caller_track.setValue(0)
    assert "was changed" in tab.calls_summary.text() and not tab.calls.isEnabled()  # what shows is stale
    previewed = asyncio.ensure_future(wait_signal(tab.controller.calls_previewed))
    tab.preview_dial_plan_button.click()
    (calls,) = await previewed
    by_id = {c.session_id: c for c in calls}
    assert by_id["c1"].direction is not None and by_id["c1"].direction.value == "outbound"
    assert (by_id["c1"].ani, by_id["c1"].dnis) == ("2001", "0501234567")
    assert by_id["c1"].agent is not None and by_id["c1"].agent.agent_id == "a1"
    assert all(c.changes for c in calls) and "3 would change" in tab.calls_summary.text()
    tip = tab.calls_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Stored now: Inbound") and tab.calls_model.index(0, 5).data().startswith("Inbound")
    tab.grab().save(str(_shots(tmp_path) / "directory-dial-plan-preview.png"))
    assert _saved_plan(ui_ctx) == DialPlan()  # previewing saved nothing

    saved = asyncio.ensure_future(wait_signal(tab.controller.dial_plan_saved))
    previewed = asyncio.ensure_future(wait_signal(tab.controller.calls_previewed))
    tab.save_dial_plan_button.click()
    (change,) = await saved
    (calls,) = await previewed
    assert change.relinked == 3 and not any(c.changes for c in calls)
    await _settled(ui_ctx)


@pytest.mark.asyncio
async def test_relink_runs_with_progress_and_can_be_stopped(qtbot, ui_ctx) -> None:
    """Re-link on request: stopped, nothing changes; let run, the calls are linked (audited)."""
    _store_calls(ui_ctx)
    from qms_desktop.store import begin_write
    from qms_desktop.store.directory import import_agents_csv

    with begin_write(ui_ctx.engine) as conn:  # agents stored without re-linking (as an older version did)
        import_agents_csv(conn, LINK_CSV)
    tab = await _shown_tab(qtbot, ui_ctx)

    failed_or_stopped = tab.controller.relink()
    assert tab.progress_row.isVisible() and not tab.relink_button.isEnabled()
    tab.stop_button.click()
    assert await failed_or_stopped is None
    assert "Stopped: nothing was changed" in tab.message_label.text()
    assert _read_model(ui_ctx)["c1"] == (None, None) and not tab.progress_row.isVisible()

    relinked = asyncio.ensure_future(wait_signal(tab.controller.relinked))
    tab.relink_button.click()
    (count,) = await relinked
    assert count == 2 and _read_model(ui_ctx)["c2"] == ("Taras Shevchuk", "SUPPORT")
    assert tab.progress.maximum() >= 0 and tab.relink_button.isEnabled()
    (row,) = [r for r in list_audit(ui_ctx.engine) if r.action == audit.DIRECTORY_RELINK]
    assert row.actor == "admin" and row.detail["relinked"] == 2
    await _settled(ui_ctx)


@pytest.mark.asyncio
async def test_a_supervisor_cannot_edit_import_or_relink(qtbot, ui_ctx, tmp_path: Path) -> None:
    """The tab's writes go through the use cases: each refusal says so and leaves an audit row."""
    _store_calls(ui_ctx)
    from qms_desktop.app.directory import DirectoryUseCases
    from qms_desktop.domain.directory import Agent

    DirectoryUseCases(ui_ctx.engine, ui_ctx.principal).import_csv(LINK_CSV)
    ui_ctx.principal = Principal("sup", Role.SUPERVISOR, frozenset({"SALES"}))
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    await wait_signal(tab.controller.failed)
    said: list[str] = []
    tab.controller.failed.connect(said.append)

    await tab.controller.edit_agent(Agent("a1", "Renamed", "2001", "SALES"))
    await tab.controller.relink()
    source = tmp_path / "agents.csv"
    source.write_text(LINK_CSV, encoding="utf-8")
    await tab.controller.preview(str(source))
    tab.controller._pending = (str(source), LINK_CSV)  # as if a preview had been shown
    await tab.controller.apply()

    assert any(s.startswith("Agent a1 was not saved") and "may not" in s for s in said), said
    assert any(s.startswith("The recordings were not linked anew") and "may not" in s for s in said), said
    assert sum("may not" in s for s in said) >= 4, said
    denied = {r.target for r in list_audit(ui_ctx.engine) if r.action == audit.ACCESS_DENIED and r.actor == "sup"}
    assert {"agent:a1", "directory"} <= denied
    assert _read_model(ui_ctx)["c1"] == ("Olena Kovalenko", "SALES")
    assert not [r for r in list_audit(ui_ctx.engine) if r.actor == "sup" and r.outcome == audit.OK]
    await _settled(ui_ctx)


async def _settled(ctx: Any) -> None:
    """The tab's reads and writes have all finished (a finished read may start the next one)."""
    await wait_until(
        lambda: not any(ctx.tasks.running(n) for n in list(ctx.tasks._tasks) if n.startswith("directory."))
    )


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: QMS_SCREENSHOT_DIR when set (to look at them), else the test's tmp."""
    import os

    folder = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
