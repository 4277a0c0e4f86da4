"""The Connection tab against the simulator: live test steps, certificate pinning, saving the password."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from PySide6.QtCore import Qt

from qms_desktop import config, secrets
from qms_desktop.app import runtime
from qms_desktop.mediasense.diagnostics import STEP_API, STEP_AUTH, STEP_URL
from qms_desktop.mediasense.tls import normalize_fingerprint
from qms_desktop.ui.tabs.connection import create_tab
from qms_desktop.ui.tabs.connection.models import TLS_CA_FILE, TLS_INSECURE, TLS_PINNED, TLS_SYSTEM
from qms_desktop.ui.tabs.connection.tab import ConnectionTab
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.timeout(60)


async def open_tab(ctx: Any, qtbot: Any) -> ConnectionTab:
    tab = create_tab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    assert tab.controller is not None
    await wait_signal(tab.controller.loaded)
    return tab


def fill(
    tab: ConnectionTab,
    url: str,
    *,
    user: str = SIM_USER,
    password: str = SIM_PASSWORD,
    mode: str = TLS_CA_FILE,
    ca_file: str = "",
    fingerprint: str = "",
) -> None:
    tab.urls_edit.setPlainText(url)
    tab.username_edit.setText(user)
    tab.password_edit.setText(password)
    tab.tls_buttons[mode].setChecked(True)
    tab.ca_file_edit.setText(ca_file)
    tab.fingerprint_edit.setText(fingerprint)
    tab.timeout_spin.setValue(5)


async def run_test(tab: ConnectionTab, qtbot: Any) -> Any:
    assert tab.controller is not None
    finished = asyncio.ensure_future(wait_signal(tab.controller.test_finished, 20))
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    (result,) = await finished
    return result


def states(tab: ConnectionTab) -> list[str]:
    return [tab.step_rows[name].state for name in (STEP_URL, STEP_AUTH, STEP_API)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.asyncio
async def test_connection_ok_shows_three_passed_steps(qtbot, ui_ctx, start_sim, ca_file, memory_keyring) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    states_seen: list[tuple[str, str]] = []
    ui_ctx.signals.connection_state.connect(lambda state, detail: states_seen.append((state, detail)))
    steps_seen: list[tuple[str, str]] = []
    assert tab.controller is not None
    tab.controller.step_changed.connect(lambda step: steps_seen.append((step.step, step.status)))
    fill(tab, sim.api_url, ca_file=ca_file)

    result = await run_test(tab, qtbot)

    assert result.success
    assert states(tab) == ["ok", "ok", "ok"]
    assert all(tab.step_rows[name].duration_ms is not None for name in tab.step_rows)
    assert (STEP_AUTH, "running") in steps_seen and (STEP_AUTH, "ok") in steps_seen  # live, not only at the end
    assert tab.summary.isVisible() and tab.summary.level == "info"
    assert [s for s, _ in states_seen] == ["testing", "ok"]
    assert tab.test_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert not memory_keyring.store  # a test saves nothing


@pytest.mark.asyncio
async def test_wrong_password_fails_authentication(qtbot, ui_ctx, start_sim, ca_file, memory_keyring) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, sim.api_url, ca_file=ca_file, password="not-the-password")

    result = await run_test(tab, qtbot)

    assert not result.success
    assert states(tab) == ["ok", "failed", "skipped"]
    assert tab.recommendations_label.isVisible() and tab.recommendations_label.text()
    assert tab.summary.level == "error"
    assert "not-the-password" not in tab.summary.text.text()


@pytest.mark.asyncio
async def test_refused_connection_fails_with_port_advice(qtbot, ui_ctx, memory_keyring) -> None:
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, f"https://127.0.0.1:{free_port()}", mode=TLS_SYSTEM)

    result = await run_test(tab, qtbot)

    assert states(tab) == ["ok", "failed", "skipped"]
    assert any("8440" in item for item in result.recommendations)
    assert "8440" in tab.recommendations_label.text()


@pytest.mark.asyncio
async def test_untrusted_certificate_shows_fingerprint_and_pinning_fixes_it(
    qtbot, ui_ctx, start_sim, memory_keyring
) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, sim.api_url, mode=TLS_SYSTEM)  # the test CA is not a system CA

    result = await run_test(tab, qtbot)

    assert states(tab) == ["ok", "failed", "skipped"]
    assert result.certificate is not None
    assert result.certificate.sha256 in tab.presented_label.text()
    assert tab.pin_presented_button.isVisible()

    qtbot.mouseClick(tab.pin_presented_button, Qt.MouseButton.LeftButton)
    assert tab.certificate_dialog is not None
    assert result.certificate.sha256 in tab.certificate_dialog.fingerprint_label.text()
    tab.certificate_dialog.accept()
    assert tab.tls_mode() == TLS_PINNED
    assert normalize_fingerprint(tab.fingerprint_edit.text()) == normalize_fingerprint(result.certificate.sha256)

    again = await run_test(tab, qtbot)
    assert again.success, again.message
    assert states(tab) == ["ok", "ok", "ok"]


@pytest.mark.asyncio
async def test_fetch_certificate_button_pins_after_confirmation(qtbot, ui_ctx, start_sim, memory_keyring) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, sim.api_url, mode=TLS_PINNED)
    assert tab.controller is not None
    fetched = asyncio.ensure_future(wait_signal(tab.controller.certificate_fetched))
    qtbot.mouseClick(tab.fetch_button, Qt.MouseButton.LeftButton)
    (info,) = await fetched
    dialog = tab.certificate_dialog
    assert dialog is not None and dialog.isVisible()
    assert info.subject and info.issuer and info.sha256 in dialog.fingerprint_label.text()
    dialog.accept()
    assert normalize_fingerprint(tab.fingerprint_edit.text()) == normalize_fingerprint(info.sha256)
    assert tab.message.isVisible()


@pytest.mark.asyncio
async def test_cancel_stops_a_hanging_test(qtbot, ui_ctx, memory_keyring) -> None:
    # A server that accepts connections and never answers: the TLS handshake hangs.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    try:
        tab = await open_tab(ui_ctx, qtbot)
        fill(tab, f"https://127.0.0.1:{server.getsockname()[1]}", mode=TLS_SYSTEM)
        tab.timeout_spin.setValue(60)
        assert tab.controller is not None
        finished = asyncio.ensure_future(wait_signal(tab.controller.test_finished, 10))
        qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: tab.step_rows[STEP_AUTH].state == "running")
        assert tab.cancel_button.isEnabled()
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        (result,) = await finished
        assert result is None
        await wait_until(lambda: tab.test_button.isEnabled())
        assert tab.step_rows[STEP_AUTH].state == "skipped"
        assert not tab.cancel_button.isEnabled()
        assert not ui_ctx.tasks.running("connection.test")
    finally:
        server.close()


@pytest.mark.asyncio
async def test_fields_are_checked_as_you_type(qtbot, ui_ctx, memory_keyring) -> None:
    tab = await open_tab(ui_ctx, qtbot)
    tab.urls_edit.setPlainText("ftp://mediasense")
    tab.username_edit.setText("api")
    assert tab.urls_check.isVisible() and tab.urls_check.level == "error"
    assert not tab.save_button.isEnabled()
    tab.urls_edit.setPlainText("http://mediasense.example:8440")
    assert tab.urls_check.level == "warning" and "HTTPS" in tab.urls_check.text.text()
    assert tab.save_button.isEnabled()
    tab.urls_edit.setPlainText("https://ms1.example:8440\nhttps://ms2.example:8440")
    assert not tab.urls_check.isVisible()
    assert tab.form().urls == ("https://ms1.example:8440", "https://ms2.example:8440")
    tab.tls_buttons[TLS_PINNED].setChecked(True)
    tab.fingerprint_edit.setText("12:34")
    assert tab.tls_check.isVisible() and not tab.save_button.isEnabled()
    tab.tls_buttons[TLS_INSECURE].setChecked(True)
    assert tab.insecure_warning.isVisible() and tab.save_button.isEnabled()


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.asyncio
async def test_a_url_with_credentials_is_refused_and_nothing_is_saved(qtbot, ui_ctx, memory_keyring, qms_home) -> None:
    secret = "Form-Url-Pa55"
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, f"https://{SIM_USER}:{secret}@ms.example:8440", password="typed-in-its-field", mode=TLS_SYSTEM)
    assert tab.urls_check.isVisible() and tab.urls_check.level == "error"
    assert "password in their own fields" in tab.urls_check.text.text() and secret not in tab.urls_check.text.text()
    assert not tab.save_button.isEnabled()
    assert tab.controller is not None
    # Past the disabled button: the controller refuses as well.
    outcome = await tab.controller.save(tab.form(), "typed-in-its-field", False)
    assert not outcome.settings_saved and outcome.level == "error" and secret not in outcome.message
    assert memory_keyring.store == {}
    assert runtime.connection_settings(ui_ctx.engine).urls == ()
    await ui_ctx.writer.run(lambda: None)
    assert files_containing(qms_home, secret.encode()) == []


@pytest.mark.asyncio
async def test_save_puts_the_password_in_the_keyring_and_nowhere_else(
    qtbot, ui_ctx, start_sim, ca_file, memory_keyring, qms_home
) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    changed: list[bool] = []
    ui_ctx.signals.settings_changed.connect(lambda: changed.append(True))
    fill(tab, sim.api_url, ca_file=ca_file)
    assert tab.source_labels["urls"].text() == "changed, not saved"
    assert tab.controller is not None
    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (outcome,) = await saved

    assert outcome.settings_saved and outcome.level == "info"
    assert changed == [True]
    account = secrets.account_for(SIM_USER, sim.api_url)
    assert memory_keyring.store == {(secrets.SERVICE, account): SIM_PASSWORD}
    assert tab.password_edit.text() == ""  # never shown back
    assert "keyring" in tab.password_edit.placeholderText()
    assert tab.source_labels["urls"].text() == "saved in the database"
    settings = runtime.connection_settings(ui_ctx.engine)
    assert settings.urls == (sim.api_url,) and settings.ca_file == ca_file
    assert ui_ctx.credentials.password() == SIM_PASSWORD  # from the keyring now

    await ui_ctx.writer.run(lambda: None)  # let the writer finish before reading the files
    assert files_containing(qms_home, SIM_PASSWORD.encode()) == []
    assert any(qms_home.rglob("*.sqlite3")), "the database lives under QMS_HOME"


@pytest.mark.asyncio
async def test_insecure_keyring_needs_the_opt_in(qtbot, ui_ctx, use_keyring, monkeypatch, qms_home) -> None:
    written: list[tuple[str, str]] = []
    monkeypatch.setattr(
        keyring.backends.null.Keyring,
        "set_password",
        lambda self, service, user, password: written.append((service, user)),
    )
    use_keyring(keyring.backends.null.Keyring())
    tab = await open_tab(ui_ctx, qtbot)
    assert tab.keyring_notice.isVisible() and tab.insecure_checkbox.isVisible()
    fill(tab, "https://mediasense.example:8440", mode=TLS_SYSTEM, password="typed-secret-1")
    assert tab.controller is not None

    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (outcome,) = await saved
    assert outcome.settings_saved and outcome.level == "warning"
    assert "this session only" in outcome.message
    assert written == []
    assert ui_ctx.credentials.password() == "typed-secret-1"  # kept in memory
    assert "session" in tab.password_state_label.text()

    fill(tab, "https://mediasense.example:8440", mode=TLS_SYSTEM, password="typed-secret-2")
    tab.insecure_checkbox.setChecked(True)
    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (outcome,) = await saved
    assert written == [(secrets.SERVICE, secrets.account_for(SIM_USER, "https://mediasense.example:8440"))]
    assert "insecurely" in outcome.message
    await ui_ctx.writer.run(lambda: None)
    assert files_containing(qms_home, b"typed-secret") == []


@pytest.mark.asyncio
async def test_failing_keyring_keeps_the_password_for_the_session(qtbot, ui_ctx, use_keyring) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, "https://mediasense.example:8440", mode=TLS_SYSTEM, password="typed-secret")
    tab.insecure_checkbox.setChecked(True)
    assert tab.controller is not None
    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (outcome,) = await saved
    assert outcome.level == "warning" and "session only" in outcome.message
    assert ui_ctx.credentials.password() == "typed-secret"


@pytest.mark.asyncio
async def test_sources_and_password_provider_order(qtbot, ui_ctx, memory_keyring, monkeypatch) -> None:
    monkeypatch.setenv("MEDIASENSE_URL", "https://env.example:8440")
    monkeypatch.setenv("MEDIASENSE_USERNAME", "env-user")
    monkeypatch.setenv("MEDIASENSE_PASSWORD", "from-env")
    tab = await open_tab(ui_ctx, qtbot)
    assert tab.urls_edit.toPlainText() == "https://env.example:8440"
    assert tab.source_labels["urls"].text() == "from the environment"
    assert tab.source_labels["timeout"].text() == "default"
    assert "MEDIASENSE_PASSWORD" in tab.password_state_label.text()

    assert ui_ctx.credentials.password() == "from-env"
    memory_keyring.set_password(secrets.SERVICE, secrets.account_for("env-user", "https://env.example:8440"), "kr")
    assert ui_ctx.credentials.password() == "kr"
    ui_ctx.credentials.set_session_password("typed")
    assert ui_ctx.credentials.password() == "typed"
    ui_ctx.credentials.set_session_password(None)
    monkeypatch.delenv("MEDIASENSE_PASSWORD")
    memory_keyring.store.clear()
    assert ui_ctx.credentials.password() is None


@pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
    reason="needs a D-Bus session with an "
    "unlocked Secret Service (CI: dbus-run-session + gnome-keyring, qt-headless.md §4)",
)
@pytest.mark.asyncio
async def test_save_with_the_real_secret_service(qtbot, ui_ctx, use_keyring) -> None:
    from keyring.backends import SecretService

    backend: Callable[[], Any] = SecretService.Keyring
    use_keyring(backend())
    tab = await open_tab(ui_ctx, qtbot)
    assert not tab.keyring_notice.isVisible()
    url = "https://secret-service-test.example:8440"
    fill(tab, url, mode=TLS_SYSTEM, password="ss-password")
    assert tab.controller is not None
    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (outcome,) = await saved
    account = secrets.account_for(SIM_USER, url)
    try:
        assert outcome.level == "info", outcome.message
        assert keyring.get_password(secrets.SERVICE, account) == "ss-password"
    finally:
        secrets.delete_password(account)


def test_form_round_trips_settings() -> None:
    from qms_desktop.ui.tabs.connection.models import ConnectionForm

    settings = config.ConnectionSettings(
        urls=("https://a:8440", "https://b:8440"),
        username="u",
        timeout=7.0,
        ca_file=None,
        allow_self_signed=False,
        pinned_sha256=("ab" * 32,),
    )
    form = ConnectionForm.from_settings(settings)
    assert form.tls_mode == TLS_PINNED
    again = form.to_settings()
    assert (again.urls, again.username, again.timeout, again.pinned_sha256) == (
        settings.urls,
        settings.username,
        settings.timeout,
        settings.pinned_sha256,
    )
