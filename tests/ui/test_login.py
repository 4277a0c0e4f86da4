"""Sign-in: first administrator, wrong password, tabs per role, demo role switch, sign-out."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.app.users import create_first_admin
from qms_desktop.security import audit, create_user, list_audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.engine import begin_write
from qms_desktop.ui import i18n
from qms_desktop.ui.app import Shell
from qms_desktop.ui.login import MODE_FIRST_ADMIN, MODE_SIGN_IN, SignIn
from qms_desktop.ui.tabs import visible_tabs
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.timeout(90)

PASSWORD = "correct-horse-battery"


@pytest.fixture
def translations(qapp: Any) -> Any:
    t = i18n.Translations()
    t.apply("en")
    yield t
    t.remove()


def shot(widget: Any, name: str) -> None:
    """Keep a PNG to look at when QMS_SCREENSHOT_DIR is set."""
    folder = os.environ.get("QMS_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


async def start_shell(qapp: Any, translations: Any, **options: Any) -> tuple[Shell, asyncio.Task[int]]:
    shell = Shell(qapp, translations, **options)
    ready = asyncio.ensure_future(wait_signal(shell.ready, 30))
    task = asyncio.ensure_future(shell.main())
    await ready
    assert shell.startup_error is None, shell.startup_error
    return shell, task


async def stop_shell(shell: Shell, task: asyncio.Task[int]) -> None:
    shell.request_quit()
    assert await asyncio.wait_for(task, 20) == 0


def seed_users(*users: tuple[str, Role, tuple[str, ...]]) -> None:
    """Accounts in the database the shell will open (QMS_HOME of this test)."""
    engine = runtime.open_database()
    try:
        create_first_admin(engine, "admin", PASSWORD)
        with begin_write(engine) as conn:
            for name, role, teams in users:
                create_user(conn, name, role, PASSWORD, teams)
    finally:
        engine.dispose()


async def submit(shell: Shell, user: str, password: str, confirm: str | None = None) -> None:
    dialog = shell.login_dialog
    assert dialog is not None
    dialog.username_edit.setText(user)
    dialog.password_edit.setText(password)
    if confirm is not None:
        dialog.confirm_edit.setText(confirm)
    dialog.ok_button.click()


def audit_actions(engine: Any, actor: str) -> list[str]:
    """The actor's account rows, newest first (the tabs' own reads are audited too; not these tests' topic)."""
    rows = list_audit(engine, actor=actor, limit=None)
    return [row.action for row in rows if row.action.startswith(("login", "logout", "user."))]


@pytest.mark.asyncio
async def test_first_run_creates_the_admin_and_signs_in(qapp, translations, memory_keyring) -> None:
    shell, task = await start_shell(qapp, translations)
    try:
        window, dialog = shell.window, shell.login_dialog
        assert window is not None and dialog is not None
        assert dialog.mode == MODE_FIRST_ADMIN and dialog.isVisible() and window.tab_keys() == []
        assert not window.sign_out_action.isEnabled()

        await submit(shell, "admin", "short", "short")  # checked in the dialog, nothing sent
        assert "at least 8 characters" in dialog.error_label.text()
        dialog.password_edit.setText(PASSWORD)
        dialog.confirm_edit.setText(PASSWORD + "x")
        assert "do not match" in dialog.error_label.text()  # live once tried
        assert dialog.isVisible()
        dialog.confirm_edit.setText(PASSWORD)
        shot(dialog, "login-first-admin")

        signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
        dialog.ok_button.click()
        (principal,) = await signed_in
        assert principal == Principal("admin", Role.ADMIN)
        ctx = shell.ctx
        assert ctx is not None and ctx.principal == principal
        assert shell.login_dialog is None
        assert {"connection", "sync", "logs", "audit", "users"} <= set(window.tab_keys())
        assert window.user_label.text() == "User: admin (Administrator)"
        assert window.windowTitle().startswith("admin — QMS Desktop")
        assert window.sign_out_action.isEnabled()
        actions = await ctx.db(audit_actions, ctx.engine, "admin")
        assert actions == [audit.LOGIN_SUCCESS, audit.USER_CREATE]
    finally:
        await stop_shell(shell, task)


@pytest.mark.asyncio
async def test_wrong_password_shows_a_message_and_is_audited(qtbot, ui_ctx) -> None:
    create_first_admin(ui_ctx.engine, "admin", PASSWORD)
    flow = await SignIn.start(ui_ctx, None)
    dialog = flow.dialog
    qtbot.addWidget(dialog)
    assert dialog.mode == MODE_SIGN_IN and not dialog.confirm_edit.isVisible()
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("not-the-password")
    failed = asyncio.ensure_future(wait_signal(flow.controller.failed, 20))
    dialog.ok_button.click()
    assert not dialog.ok_button.isEnabled()  # busy while scrypt runs on the writer thread
    (message,) = await failed
    assert message == "Wrong user name or password. Check both and try again."
    assert dialog.error_label.isVisible() and dialog.error_label.text() == message
    assert dialog.password_edit.text() == "" and dialog.ok_button.isEnabled()
    shot(dialog, "login-wrong-password")
    rows = await ui_ctx.db(list_audit, ui_ctx.engine)
    assert [(r.action, r.actor, r.outcome) for r in rows] == [
        (audit.LOGIN_FAILURE, "admin", audit.DENIED),
        (audit.USER_CREATE, "admin", audit.OK),
    ]

    dialog.password_edit.setText(PASSWORD)
    dialog.ok_button.click()
    principal = await asyncio.wait_for(flow.result(), 20)
    assert principal is not None and principal.username == "admin"


@pytest.mark.asyncio
async def test_a_throttled_sign_in_says_how_long_to_wait(qtbot, ui_ctx) -> None:
    from qms_desktop.domain.time import now_ms
    from tests.ui.test_login_users import fail_sign_ins

    create_first_admin(ui_ctx.engine, "admin", PASSWORD)
    with begin_write(ui_ctx.engine) as conn:
        create_user(conn, "sveta", Role.SUPERVISOR, PASSWORD, ["T1"])
    fail_sign_ins(ui_ctx.engine, "admin", 8, last_at=now_ms())  # 32 s to wait
    fail_sign_ins(ui_ctx.engine, "ghost", 8, last_at=now_ms())  # nobody has this name: the same answer
    fail_sign_ins(ui_ctx.engine, "sveta", 10, last_at=now_ms())  # locked
    flow = await SignIn.start(ui_ctx, None)
    dialog = flow.dialog
    qtbot.addWidget(dialog)

    async def answer(name: str) -> str:
        dialog.username_edit.setText(name)
        dialog.password_edit.setText(PASSWORD)  # the right one (for admin): not even looked at
        failed = asyncio.ensure_future(wait_signal(flow.controller.failed, 20))
        dialog.ok_button.click()
        (message,) = await failed
        assert dialog.error_label.isVisible() and dialog.error_label.text() == message
        assert dialog.ok_button.isEnabled() and dialog.password_edit.text() == ""
        return str(message)

    message = await answer("admin")
    assert message.startswith("Too many failed sign-ins. Wait ") and message.endswith(" s, then try again.")
    assert 25 <= int(message.split("Wait ")[1].split(" ")[0]) <= 32
    shot(dialog, "login-throttled")
    assert (await answer("ghost")).split("Wait ")[0] == message.split("Wait ")[0]
    assert await answer("sveta") == (
        "Too many failed sign-ins: this user name is locked. Ask an administrator to unlock it."
    )
    rows = await ui_ctx.db(list_audit, ui_ctx.engine)
    assert [(r.action, r.actor) for r in rows[:3]] == [
        (audit.LOGIN_THROTTLED, "sveta"), (audit.LOGIN_THROTTLED, "ghost"), (audit.LOGIN_THROTTLED, "admin"),
    ]  # fmt: skip
    dialog.quit_button.click()
    assert await asyncio.wait_for(flow.result(), 5) is None


@pytest.mark.asyncio
async def test_closing_the_dialog_gives_no_principal(qtbot, ui_ctx) -> None:
    flow = await SignIn.start(ui_ctx, None)
    qtbot.addWidget(flow.dialog)
    flow.dialog.quit_button.click()
    assert await asyncio.wait_for(flow.result(), 5) is None


ADMIN_TABS = {"connection", "sync", "logs", "audit", "users", "recordings", "coverage", "directory"}
ROLE_TABS = {
    Role.ADMIN: ADMIN_TABS,
    Role.SUPERVISOR: {"recordings", "coverage"},
    Role.IT: {"connection", "sync", "logs"},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("tab", sorted(ADMIN_TABS))
def test_tabs_per_role(role: Role, tab: str) -> None:
    keys = {spec.key for spec in visible_tabs(role.value)}
    assert (tab in keys) == (tab in ROLE_TABS.get(role, set()))
    assert keys == {spec.key for spec in visible_tabs(role.value.lower())}  # spelling-insensitive
    assert visible_tabs(None) == []  # nobody signed in: no tab at all


@pytest.mark.asyncio
async def test_it_gets_a_test_only_connection_tab(qtbot, ui_ctx) -> None:
    from qms_desktop.ui.tabs.connection import create_tab

    ui_ctx.principal = Principal("it-person", Role.IT)
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.show()
    await wait_signal(tab.controller.loaded)
    assert tab.save_button.isHidden() and tab.password_edit.isHidden()
    assert not tab.server_group.isEnabled() and not tab.tls_group.isEnabled()
    assert tab.test_button.isEnabled()
    assert "Only an administrator" in tab.keyring_notice.text.text()


@pytest.mark.asyncio
async def test_demo_signs_in_and_switches_role(qapp, translations, use_keyring) -> None:
    import keyring

    use_keyring(keyring.get_keyring())  # demo mode replaces the backend: put it back afterwards
    shell, task = await start_shell(qapp, translations, demo=True)
    try:
        window, ctx = shell.window, shell.ctx
        assert window is not None and ctx is not None and ctx.principal is not None
        assert ctx.principal.username == "demo-admin" and "audit" in window.tab_keys()
        assert window.demo_supervisor_action.isVisible()

        signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
        window.demo_supervisor_action.trigger()
        (principal,) = await signed_in
        assert principal.role is Role.SUPERVISOR and principal.teams == frozenset({"T1"})
        assert set(window.tab_keys()) <= {"recordings", "coverage"}
        assert window.user_label.text() == "User: demo-supervisor (Supervisor)"

        signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
        window.demo_admin_action.trigger()
        await signed_in
        assert "audit" in window.tab_keys()
        actions = await ctx.db(audit_actions, ctx.engine, "demo-admin")
        assert actions[:3] == [audit.LOGIN_SUCCESS, audit.LOGOUT, audit.LOGIN_SUCCESS]
    finally:
        await stop_shell(shell, task)


@pytest.mark.asyncio
async def test_sign_out_returns_to_the_dialog(qapp, translations, memory_keyring) -> None:
    seed_users(("it-person", Role.IT, ()))
    shell, task = await start_shell(qapp, translations)
    try:
        window = shell.window
        assert window is not None and shell.login_dialog is not None
        assert shell.login_dialog.mode == MODE_SIGN_IN
        signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
        await submit(shell, "admin", PASSWORD)
        await signed_in
        assert "audit" in window.tab_keys()

        signed_out = asyncio.ensure_future(wait_signal(shell.signed_out, 20))
        window.sign_out_action.trigger()
        await signed_out
        assert window.tab_keys() == [] and window.user_label.text() == "Not signed in"
        await wait_until(lambda: shell.login_dialog is not None and shell.login_dialog.isVisible())
        assert window.windowTitle() == "QMS Desktop"

        signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
        await submit(shell, "it-person", PASSWORD)
        await signed_in
        assert window.tab_keys() == ["connection", "sync", "logs"]
        connection = window.tab_widget("connection")
        assert connection is not None and connection.save_button.isHidden()
        ctx = shell.ctx
        assert ctx is not None
        assert (await ctx.db(audit_actions, ctx.engine, "admin"))[0] == audit.LOGOUT
    finally:
        await stop_shell(shell, task)


@pytest.mark.asyncio
async def test_signing_out_ends_the_users_playbacks(qapp, translations, use_keyring) -> None:
    import keyring

    use_keyring(keyring.get_keyring())  # demo mode replaces the backend: put it back afterwards
    shell, task = await start_shell(qapp, translations, demo=True)
    try:
        window, ctx = shell.window, shell.ctx
        assert window is not None and ctx is not None
        tab = window.tab_widget("recordings")
        assert tab is not None
        await wait_until(lambda: tab.model.rowCount() > 0, 30)
        rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
        playable = next(r for r in rows if r is not None and r.state == "CLOSED_NORMAL" and not r.pruned)
        shown = asyncio.ensure_future(wait_signal(tab.controller.detailShown, 20))
        tab.controller.select(playable.session_id)
        await shown
        source = asyncio.ensure_future(wait_signal(tab.controller.sourceSet, 20))
        tab.controller.load_audio(0)
        await source
        await wait_until(lambda: tab.player.loaded, 15)
        proxy = ctx.playback.proxy
        assert proxy is not None and proxy.active_playbacks("demo-admin") == 1

        signed_out = asyncio.ensure_future(wait_signal(shell.signed_out, 20))
        window.sign_out_action.trigger()
        await signed_out
        # The ticket no longer counts against the stream limit, and nothing of that user keeps running.
        assert proxy.active_playbacks() == 0 and not proxy.running and ctx.playback is None
        assert not [t for t in threading.enumerate() if t.name.startswith("qms-rec-read")]
    finally:
        await stop_shell(shell, task)
