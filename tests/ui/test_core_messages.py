"""The core's coded messages shown in Ukrainian: the catalogue matches the core, the Connection tab uses it."""

from __future__ import annotations

import ast
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.mediasense import diagnostics, errors
from qms_desktop.mediasense.diagnostics import STEP_API, STEP_AUTH, STEP_URL
from qms_desktop.mediasense.messages import Message
from qms_desktop.ui import core_messages, i18n
from qms_desktop.ui.qt import QLocale
from qms_desktop.ui.tabs.connection.models import TLS_SYSTEM
from qms_desktop.ui.tabs.connection.tab import ConnectionTab
from tests.ui.test_connection_tab import fill, open_tab, run_test, states

pytestmark = pytest.mark.timeout(60)

CORE = Path(diagnostics.__file__).parent


def core_templates() -> dict[str, str]:
    """Every literal Message(code, template, ...) in the core, found by reading its source."""
    found: dict[str, str] = {}
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message" and len(node.args) >= 2:
                code, template = node.args[0], node.args[1]
                if isinstance(code, ast.Constant) and isinstance(template, ast.Constant):
                    assert found.setdefault(code.value, template.value) == template.value, code.value
    return found


def test_the_catalogue_has_every_core_message_verbatim() -> None:
    templates = core_templates()
    assert len(templates) > 40
    for code, template in templates.items():
        assert core_messages.SOURCES.get(code) == template, code
    for method, name in diagnostics._LOGIN_NAMES.items():
        assert core_messages.SOURCES[f"login.{method}"] == name
    error_classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.MediaSenseError)]
    for cls in error_classes:
        if cls.hint:
            assert core_messages.SOURCES.get(f"hint.{cls.__name__}") == cls.hint, cls.__name__


def test_unknown_or_changed_text_stays_english() -> None:
    assert core_messages.text("detail from the server") == "detail from the server"
    assert core_messages.text(Message("no.such.code", "Something new")) == "Something new"
    assert core_messages.text(Message("url.none", "Reworded in the core")) == "Reworded in the core"
    assert (
        core_messages.hint("AuthenticationFailed", "A hint set on this error only") == "A hint set on this error only"
    )


@pytest.fixture
def ukrainian(qapp: Any) -> Iterator[i18n.Translations]:
    locale = QLocale()
    translations = i18n.Translations()
    translations.apply("uk")
    qapp.processEvents()
    yield translations
    translations.remove()
    QLocale.setDefault(locale)
    qapp.processEvents()


def recommendation_items(tab: ConnectionTab) -> list[str]:
    html = tab.recommendations_label.text()
    return [part.split("</li>")[0] for part in html.split("<li>")[1:]]


@pytest.mark.asyncio
async def test_failed_test_reads_in_ukrainian(
    qtbot, ui_ctx, start_sim, ca_file, memory_keyring, ukrainian, qapp
) -> None:
    sim = start_sim()
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, sim.api_url, ca_file=ca_file, password="not-the-password")

    result = await run_test(tab, qtbot)

    assert states(tab) == ["ok", "failed", "skipped"]
    assert [tab.step_rows[s].name_label.text() for s in (STEP_URL, STEP_AUTH, STEP_API)] == [
        "Перевірка URL",
        "Автентифікація",
        "Доступ до API",
    ]
    auth = tab.step_rows[STEP_AUTH]
    assert auth.message_label.text() == "MediaSense відхилив ім’я користувача або пароль"
    # The failure's category heads the summary, in the UI language once the catalogue has it.
    assert result.category is not None
    assert tab.summary.text.text() == (
        f"{core_messages.text(result.category.title)} — "
        "Помилка автентифікації: MediaSense відхилив ім’я користувача або пароль"
    )
    items = recommendation_items(tab)
    assert items[0].startswith("Перевірте ім’я користувача й пароль")
    assert items[1].startswith("Спробуйте увійти в Search and Play")
    assert len(items) == len(result.recommendations)

    # The core's result is untouched: English text, the CLI's JSON shape, codes on the side.
    assert result.message == "Authentication failed: MediaSense rejected the user name or password"
    assert [item.code for item in result.recommendations] == ["hint.AuthenticationFailed", "advice.search_and_play"]
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == json.loads(json.dumps(data, default=str))
    assert all(type(item) is str for item in json.loads(json.dumps(data))["recommendations"])
    assert data["details"][1]["error"]["type"] == "AuthenticationFailed"

    # Switching back to English retranslates what is on screen.
    ukrainian.apply("en")
    qapp.processEvents()
    assert auth.message_label.text() == "MediaSense rejected the user name or password"
    assert recommendation_items(tab)[1] == (
        "Try signing in to MediaSense's Search and Play with the same user to confirm the password"
    )


@pytest.mark.asyncio
async def test_invalid_url_reads_in_ukrainian(qtbot, ui_ctx, memory_keyring, ukrainian) -> None:
    tab = await open_tab(ui_ctx, qtbot)
    fill(tab, "ftp://mediasense.example:8440", mode=TLS_SYSTEM)

    await run_test(tab, qtbot)

    assert states(tab) == ["failed", "skipped", "skipped"]
    expected = "'ftp://mediasense.example:8440' має починатися з https:// (наприклад, https://mediasense.example:8440)"
    assert tab.step_rows[STEP_URL].message_label.text() == expected
    assert tab.urls_check.text.text() == expected
