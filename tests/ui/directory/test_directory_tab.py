"""The Directory tab: the agents list, a CSV import previewed (nothing changes) and then applied
(audited), a bad file explained; a supervisor is refused."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app.users import create_first_admin
from qms_desktop.security import audit, list_audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.directory import list_agents
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
