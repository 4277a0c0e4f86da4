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


def fail_sign_ins(engine, name: str, times: int, *, last_at: int) -> None:
    """`times` wrong passwords for `name` from a workstation of its own, each heard, the last at `last_at`."""
    from qms_desktop.security import LoginFailed, authenticate

    for i in range(times):
        with pytest.raises(LoginFailed):
            authenticate(engine, name, "wrong password", from_where=f"elsewhere-{name}/pid1",
                         at_ms=last_at - (times - 1 - i) * 301_000)  # fmt: skip


@pytest.mark.asyncio
async def test_a_locked_user_is_shown_and_unlocked(qtbot, ui_ctx) -> None:
    from qms_desktop.app.users import UserUseCases
    from qms_desktop.domain.time import now_ms
    from qms_desktop.security import AccountLocked, authenticate
    from tests.ui.test_login import shot

    create_first_admin(ui_ctx.engine, "admin", "correct-horse-battery")
    admin = Principal("admin", Role.ADMIN)
    users = UserUseCases(ui_ctx.engine, admin)
    users.create_user("sveta", "SUPERVISOR", "supervisor-pw", ["T1"])
    users.create_user("ivan", "IT", "it-person-pw")
    fail_sign_ins(ui_ctx.engine, "sveta", 10, last_at=now_ms())  # locked
    fail_sign_ins(ui_ctx.engine, "ivan", 8, last_at=now_ms())  # delayed for 32 s
    with pytest.raises(AccountLocked):
        authenticate(ui_ctx.engine, "sveta", "supervisor-pw")

    ui_ctx.principal = admin
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 420)
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    tab.show()
    await listed
    names = [u.username for u in tab.model.users]
    assert names == ["admin", "ivan", "sveta"]
    status = {u.username: tab.model.index(i, 3).data() for i, u in enumerate(tab.model.users)}
    assert status["sveta"] == "locked" and status["admin"] == "active"
    assert status["ivan"].startswith("delayed until ")
    assert tab.model.index(names.index("sveta"), 4).data() == "10"

    tab.view.selectRow(names.index("admin"))
    assert not tab.unlock_button.isEnabled()  # nothing to unlock
    tab.view.selectRow(names.index("sveta"))
    assert tab.unlock_button.isEnabled() and tab.unlock_button.text() == "Unlock"
    shot(tab, "users-locked")
    listed = asyncio.ensure_future(wait_signal(tab.controller.listed))
    tab.unlock_button.click()
    (rows,) = await listed
    sveta = next(u for u in rows if u.username == "sveta")
    assert not sveta.locked and sveta.failed_sign_ins == 0 and sveta.state == "enabled"
    assert tab.message_label.text() == "sveta is unlocked: it can sign in again."
    assert not tab.unlock_button.isEnabled()  # still selected, nothing left to unlock
    assert authenticate(ui_ctx.engine, "sveta", "supervisor-pw").username == "sveta"
    rows = [r for r in await ui_ctx.db(list_audit, ui_ctx.engine) if r.action == audit.USER_UNLOCK]
    assert [(r.actor, r.target, r.detail["wasLocked"]) for r in rows] == [("admin", "sveta", True)]
