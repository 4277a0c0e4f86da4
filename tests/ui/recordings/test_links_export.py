"""Links to a moment and evidence exports in the GUI, against the real proxy, player and simulator:
a link opened in a fresh window (sign-in first) selects the recording and cues the player at t; a
supervisor of another team is refused (audited); Copy link copies the recording and position; the
Export… dialog refuses without a reason, exports off the GUI thread with progress, and the folder
verifies. Screenshots of the dialog go to QMS_SCREENSHOT_DIR when set."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.app.export import MANIFEST, RECORDING_EXPORT, verify_export
from qms_desktop.app.links import LINK_OPEN, LinkUseCases
from qms_desktop.app.users import create_first_admin
from qms_desktop.security import audit, create_user
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.engine import begin_write
from qms_desktop.ui import i18n
from qms_desktop.ui.app import Shell
from qms_desktop.ui.qt import QGuiApplication
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import Synced, teardown_tab
from tests.ui.recordings.test_player import PLAYABLE, open_recording, pick

pytestmark = pytest.mark.timeout(90)

PASSWORD = "correct-horse-battery"


def shot(widget: Any, name: str) -> None:
    folder = os.environ.get("QMS_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def translations(qapp: Any) -> Any:
    t = i18n.Translations()
    t.apply("en")
    yield t
    t.remove()


def link_rows(engine: Any, target: str) -> list[audit.AuditRow]:
    return [r for r in audit.list_audit(engine, action=LINK_OPEN, limit=None) if r.target == target]


async def open_in_fresh_window(qapp: Any, translations: Any, link: str, user: str) -> tuple[Shell, Any]:
    shell = Shell(qapp, translations, link=link)
    ready = asyncio.ensure_future(wait_signal(shell.ready, 30))
    task = asyncio.ensure_future(shell.main())
    await ready
    dialog = shell.login_dialog
    assert dialog is not None and shell.window is not None and shell.window.tab_keys() == []  # sign-in first
    signed_in = asyncio.ensure_future(wait_signal(shell.signed_in, 20))
    dialog.username_edit.setText(user)
    dialog.password_edit.setText(PASSWORD)
    dialog.ok_button.click()
    await signed_in
    return shell, task


@pytest.fixture
def shell_home(
    qms_home: Path, synced: Synced, ca_file: str, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> Any:
    """The synced recordings in this test's home database, two accounts, MediaSense from the environment."""
    (qms_home / "data").mkdir(exist_ok=True)
    shutil.copy(synced.template, qms_home / "data" / "qms.sqlite3")
    engine = runtime.open_database()
    create_first_admin(engine, "admin", PASSWORD)
    with begin_write(engine) as conn:
        create_user(conn, "sue", Role.SUPERVISOR, PASSWORD, ("T1",))
    for name, value in {
        "MEDIASENSE_URL": synced.sim.api_url,
        "MEDIASENSE_USERNAME": SIM_USER,
        "MEDIASENSE_PASSWORD": SIM_PASSWORD,
        "MEDIASENSE_CA_FILE": ca_file,
    }.items():
        monkeypatch.setenv(name, value)
    yield engine
    engine.dispose()


@pytest.mark.asyncio
async def test_a_link_opens_a_fresh_window_at_the_moment(qapp, translations, shell_home) -> None:
    session_id, _ = pick(shell_home, PLAYABLE + " AND team_code = 'T1'")
    # The link as the player's Copy link makes it (the same use case), then opened in a fresh app.
    link = LinkUseCases(shell_home, Principal("sue", Role.SUPERVISOR, frozenset({"T1"}))).copy(session_id, 17.5)
    assert link == f"qms://recording/{session_id}?t=17.5"
    shell, task = await open_in_fresh_window(qapp, translations, link, "sue")
    try:
        window = shell.window
        tab = window.tab_widget("recordings")
        assert tab is not None and window.tabs.currentWidget() is tab
        (opened,) = await wait_signal(tab.controller.evidence.linkOpened, 30)
        assert opened is not None and opened.session_id == session_id
        assert tab.controller.detail.row.session_id == session_id
        player = tab.player
        await wait_until(lambda: player.loaded, timeout=30)
        await wait_until(lambda: abs(player.position() - 17500) <= 300, timeout=15)
        assert not player.is_playing()  # cued, not playing: the reviewer presses Play
        window.resize(1600, 900)
        assert tab.splitter.sizes()[2] > 0  # the details pane is open at the linked recording
        assert tab.details.title.text() and tab.details.moment_actions.export_button.isVisibleTo(tab)
        shot(window, "window-link-opened-en")
        # The list shows it selected once the first page is there (it is among the recent calls).
        await wait_until(lambda: tab.table.currentIndex().isValid() or tab.model.rowCount() > 0, timeout=15)
        if tab.select_session(session_id):
            current = tab.model.row_at(tab.table.currentIndex().row())
            assert current is not None and current.session_id == session_id
        (row,) = link_rows(shell_home, session_id)
        assert row.actor == "sue" and row.outcome == audit.OK and row.detail["seconds"] == 17.5
    finally:
        shell.request_quit()
        assert await asyncio.wait_for(task, 30) == 0


@pytest.mark.asyncio
async def test_a_link_to_another_teams_call_is_refused_and_audited(qapp, translations, shell_home) -> None:
    session_id, _ = pick(shell_home, "team_code = 'T2'")
    shell, task = await open_in_fresh_window(qapp, translations, f"qms://recording/{session_id}?t=3", "sue")
    try:
        tab = shell.window.tab_widget("recordings")
        (opened,) = await wait_signal(tab.controller.evidence.linkOpened, 30)
        assert opened is None and tab.controller.detail is None
        assert "could not be opened" in tab.details.placeholder.text()
        assert "does not supervise" in tab.details.placeholder.text()
        (row,) = link_rows(shell_home, session_id)
        assert row.actor == "sue" and row.outcome == audit.DENIED
        denied = [r for r in audit.list_audit(shell_home, action=audit.ACCESS_DENIED) if r.target == session_id]
        assert denied and denied[0].detail["reason"] == "team"
    finally:
        shell.request_quit()
        assert await asyncio.wait_for(task, 30) == 0


@pytest.mark.asyncio
async def test_copy_link_and_export_dialog(make_tab, rec_ctx, tmp_path) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE + " AND team_code = 'T1'")
    tab = make_tab(Principal("sue", Role.SUPERVISOR, frozenset({"T1"})), start=False)
    try:
        await open_recording(tab, session_id)
        actions = tab.details.moment_actions
        assert actions.export_button.isVisibleTo(tab)
        tab.player.cue(21_000)
        await wait_until(lambda: tab.player.loaded, timeout=30)
        await wait_until(lambda: abs(tab.player.position() - 21_000) <= 300, timeout=15)
        copied = asyncio.ensure_future(wait_signal(tab.controller.evidence.linkCopied))
        actions.copy_button.click()
        (link,) = await copied
        assert link.startswith(f"qms://recording/{session_id}?t=2") and QGuiApplication.clipboard().text() == link
        assert abs(float(link.split("t=")[1]) - 21) < 0.5 and link in actions.status.text()

        actions.export_button.click()
        dialog = tab.controller.evidence.dialog
        assert dialog is not None and dialog.isVisible()
        assert "one deliberate way audio leaves MediaSense" in dialog.notice.text()
        dialog.folder.setText(str(tmp_path / "evidence"))
        dialog.export_button.click()  # no reason yet
        assert "reason is required" in dialog.status.text() and not (tmp_path / "evidence").exists()
        shot(dialog, "export-dialog-en")
        dialog.reason.setPlainText("Complaint 17: the caller asks for the recording")
        dialog.clip.setChecked(True)
        dialog.clip_from.setValue(10)
        dialog.clip_to.setValue(20)
        finished = asyncio.ensure_future(wait_signal(tab.controller.evidence.exportFinished, 60))
        dialog.export_button.click()
        assert not dialog.reason.isEnabled()  # busy while it runs off the GUI thread
        assert tab.controller.evidence.open_export() is dialog  # one export at a time: the same dialog
        (result,) = await finished
        assert result is not None and verify_export(result.folder).ok
        assert result.manifest_sha256 in dialog.status.text()
        assert dialog.progress.value() == dialog.progress.maximum()
        shot(dialog, "export-dialog-done-en")
        rows = [r for r in audit.list_audit(rec_ctx.engine, action=RECORDING_EXPORT) if r.target == session_id]
        assert rows[0].outcome == audit.OK and rows[0].detail["manifest_sha256"] == result.manifest_sha256
        assert (result.folder / MANIFEST).is_file()

        # A second export of the same recording opens a fresh dialog (the folder is new, the reason empty).
        dialog2 = tab.controller.evidence.open_export()
        assert dialog2 is not None and dialog2 is not dialog and not dialog2.reason.toPlainText()
        dialog2.close()
    finally:
        await teardown_tab(tab)
