"""The Connection tab's failures: the same category and advice as the CLI (text and JSON), with or
without a pinned certificate; a failed test is a warning in the integration log; and a result about
one server goes away when the server is changed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.mediasense import categories
from qms_desktop.mediasense.diagnostics import STEP_API, STEP_AUTH, STEP_URL
from qms_desktop.mediasense.tls import fetch_certificate
from qms_desktop.ui import core_messages
from qms_desktop.ui.tabs.connection.models import TLS_CA_FILE, TLS_PINNED
from tests.conftest import SIM_PASSWORD
from tests.mediasense.test_failure_categories import (
    OTHER_PIN,
    UNKNOWN_HOST,
    WRONG_PASSWORD,
    closed_port_url,
    run_test_connection,
)
from tests.ui.test_connection_tab import fill, open_tab, run_test, states

pytestmark = pytest.mark.timeout(120)


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.asyncio
@pytest.mark.parametrize("failure", ["wrong password", "refused", "unknown host"])
async def test_gui_cli_and_json_agree_with_or_without_a_pin(
    qtbot, ui_ctx, start_sim, ca_file, memory_keyring, tmp_path: Path, failure: str
) -> None:
    sim = start_sim()
    pin = (await fetch_certificate(sim.api_url)).sha256
    url, password, expected = {
        "wrong password": (sim.api_url, WRONG_PASSWORD, categories.AUTH),
        "refused": (closed_port_url(), SIM_PASSWORD, categories.REFUSED),
        "unknown host": (UNKNOWN_HOST, SIM_PASSWORD, categories.DNS),
    }[failure]
    kind = categories.category(expected)
    tab = await open_tab(ui_ctx, qtbot)
    details: list[str] = []
    ui_ctx.signals.connection_state.connect(lambda state, detail: details.append(detail))
    cli_home = tmp_path / "cli-home"
    seen: dict[str, Any] = {}
    for mode, form, tls in (
        ("CA file", {"mode": TLS_CA_FILE, "ca_file": ca_file}, ["--ca-file", ca_file]),
        ("pinned", {"mode": TLS_PINNED, "fingerprint": pin}, ["--pin", pin]),
    ):
        fill(tab, url, password=password, **form)
        result = await run_test(tab, qtbot)
        as_json, as_text = await asyncio.gather(
            asyncio.to_thread(run_test_connection, cli_home, url, tls, password, as_json=True),
            asyncio.to_thread(run_test_connection, cli_home, url, tls, password, as_json=False),
        )
        assert states(tab) == ["ok", "failed", "skipped"], mode
        assert result.category is not None and result.category.key == expected == as_json["category"], mode
        assert result.recommendations == as_json["recommendations"], mode
        assert str(result.message) == as_json["message"], mode
        assert kind.advice in result.recommendations, mode
        assert f"failure: {kind.title} ({expected})" in as_text and str(result.message) in as_text, mode
        shown = tab.summary.text.text()
        assert shown.startswith(kind.title) and str(result.message) in shown, mode  # the category, then the reason
        assert details[-1] == shown  # the window's connection status says the same
        for item in result.recommendations:
            assert html_escaped(item) in tab.recommendations_label.text(), mode
        seen[mode] = (result.category.key, str(result.message), result.recommendations)
    assert seen["CA file"] == seen["pinned"]
    # The GUI's tests reach the integration log as warnings, logged below the UI.
    warned = [e.to_dict() for e in ui_ctx.integration_log.query(level="WARN", limit=200).entries]
    tests = [e for e in warned if e["logger"] == "qms.app" and e["extra"].get("category") == expected]
    assert len(tests) == 2 and all(kind.advice in e["message"] for e in tests)


@pytest.mark.asyncio
async def test_changed_pinned_certificate_is_its_own_category(qtbot, ui_ctx, start_sim, memory_keyring) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, sim.api_url, mode=TLS_PINNED, fingerprint=OTHER_PIN)

    result = await run_test(tab, qtbot)

    assert result.category.key == categories.FINGERPRINT_CHANGED
    assert sim.stats.logins == 0  # the password never went to the server that changed its certificate
    shown = tab.summary.text.text()
    assert shown.startswith(core_messages.text(result.category.title))
    assert "possible interception" in tab.recommendations_label.text()
    assert result.certificate is not None and result.certificate.sha256 in tab.presented_label.text()
    errors = [e.to_dict() for e in ui_ctx.integration_log.query(level="ERROR", limit=50).entries]
    assert any(e["extra"].get("category") == categories.FINGERPRINT_CHANGED for e in errors)


@pytest.mark.asyncio
async def test_changing_the_server_clears_the_previous_result_and_banner(qtbot, ui_ctx, memory_keyring) -> None:
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, closed_port_url(), mode=TLS_CA_FILE, ca_file="")
    tab.tls_buttons["system"].setChecked(True)

    reported: list[str] = []
    ui_ctx.signals.connection_state.connect(lambda state, _detail: reported.append(state))
    await run_test(tab, qtbot)
    assert states(tab) == ["ok", "failed", "skipped"] and tab.summary.isVisible()
    assert reported[-1] == "failed"  # what the status bar shows
    tab.password_edit.setText("another password")  # not the server: the result stays
    assert states(tab) == ["ok", "failed", "skipped"] and tab.summary.isVisible()

    tab.urls_edit.setPlainText(closed_port_url().replace("127.0.0.1", "localhost"))

    assert states(tab) == ["pending", "pending", "pending"]
    assert not tab.summary.isVisible() and not tab.recommendations_label.isVisible()
    assert all(tab.step_rows[s].message == "" for s in (STEP_URL, STEP_AUTH, STEP_API))
    assert reported[-1] == "unknown"  # the status bar no longer says "failed" about the old server

    # No password typed and none stored: the banner asks for one; another user name clears it.
    tab.password_edit.clear()
    await run_test(tab, qtbot)
    assert tab.message.isVisible() and "password" in tab.message.text.text()
    tab.username_edit.setText("someone-else")
    assert not tab.message.isVisible()
    assert states(tab) == ["pending", "pending", "pending"]
