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
from qms_desktop.ui.tabs.directory import create_tab
from tests.ui.helpers import wait_signal

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
