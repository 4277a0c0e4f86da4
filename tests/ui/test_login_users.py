"""The Users tab (admin): list, add with role and teams, disable; each change audited by UserService."""

from __future__ import annotations

import asyncio

import pytest

from qms_desktop.app.users import create_first_admin
from qms_desktop.security import audit, list_audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.tabs.users import create_tab
from tests.ui.helpers import wait_signal

pytestmark = pytest.mark.timeout(60)


@pytest.mark.asyncio
async def test_add_and_disable_a_user(qtbot, ui_ctx) -> None:
    create_first_admin(ui_ctx.engine, "admin", "correct-horse-battery")
    ui_ctx.principal = Principal("admin", Role.ADMIN)
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    tab.show()
    await listed
    assert [u.username for u in tab.model.users] == ["admin"]

    tab.name_edit.setText("Sveta")
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("SUPERVISOR"))
    tab.teams_edit.setText("T1, T2")
    tab.password_edit.setText("supervisor-pw")
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    tab.add_button.click()
    (users,) = await listed
    sveta = next(u for u in users if u.username == "sveta")
    assert sveta.role is Role.SUPERVISOR and sveta.teams == ("T1", "T2")
    assert tab.message_label.text() == "User sveta added." and tab.password_edit.text() == ""

    tab.view.selectRow([u.username for u in tab.model.users].index("sveta"))
    assert tab.toggle_button.text() == "Disable"
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    tab.toggle_button.click()
    (users,) = await listed
    assert next(u for u in users if u.username == "sveta").disabled

    message = asyncio.ensure_future(wait_signal(tab.controller.message))
    tab.name_edit.setText("x")
    tab.password_edit.setText("short")
    tab.add_button.click()
    text, error = await message
    assert error and "too short" in text
    actions = [(r.action, r.target) for r in await ui_ctx.db(list_audit, ui_ctx.engine) if r.action.startswith("user.")]
    assert actions[:2] == [(audit.USER_DISABLE, "sveta"), (audit.USER_CREATE, "sveta")]
