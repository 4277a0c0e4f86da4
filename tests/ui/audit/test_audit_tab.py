"""The Audit tab: model (qtmodeltester), keyset paging, filters, CSV export, and the audit rows written
by the Connection tab's save and the sync reset."""

from __future__ import annotations

import asyncio
import csv
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.app.audit import AuditUseCases
from qms_desktop.security import audit, list_audit
from qms_desktop.security.audit import AuditRow
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.engine import begin_write
from qms_desktop.ui.tabs import audit as audit_tab
from qms_desktop.ui.tabs.audit import controller as audit_controller
from qms_desktop.ui.tabs.audit.models import AuditFilter, AuditTableModel
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.timeout(60)

ADMIN = Principal("admin", Role.ADMIN)
BASE_MS = 1_700_000_000_000


def seed(engine: Any, n: int = 30) -> None:
    """n rows; every third pair shares a millisecond so paging meets equal timestamps."""
    actions = ("login.success", "login.failure", "config.change", "sync.reset", "playback.start")
    with begin_write(engine) as conn:
        for i in range(n):
            audit.record(
                conn,
                actions[i % len(actions)],
                actor="alice" if i % 2 else "bob",
                target=f"t{i}",
                detail={"i": i},
                outcome=audit.DENIED if i % 5 == 1 else audit.OK,
                at_ms=BASE_MS + (i // 3) * 60_000,
            )


def make_row(i: int) -> AuditRow:
    return AuditRow(i, BASE_MS + i, "alice", "login.success", "alice", {"i": i}, "host/pid1", "ok")


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = AuditTableModel()
    model.reset_rows([make_row(i) for i in range(5)], has_more=False)
    qtmodeltester.check(model, force_py=True)
    model.append_rows([make_row(i) for i in range(5, 8)], has_more=False)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 8
    assert model.index(0, 2).data() == "login.success" and "2023-11-1" in model.index(0, 0).data()


def test_fetch_more_only_asks_the_controller() -> None:
    model = AuditTableModel()
    wanted: list[bool] = []
    model.more_wanted.connect(lambda: wanted.append(True))
    model.reset_rows([make_row(i) for i in range(5)], has_more=True)
    root = model.index(-1, -1)
    assert model.canFetchMore(root)
    model.fetchMore(root)
    model.fetchMore(root)  # one request at a time
    assert wanted == [True] and model.rowCount() == 5
    model.append_rows([make_row(i) for i in range(5, 8)], has_more=False)
    assert model.rowCount() == 8 and not model.canFetchMore(root)


def load_page(engine: Any, principal: Any, flt: AuditFilter, loaded: Any = (), page_size: int = 200) -> Any:
    return AuditUseCases(engine, principal).page(loaded, page_size, **flt.kwargs())


def test_keyset_paging_meets_equal_timestamps_once(ui_ctx) -> None:
    seed(ui_ctx.engine, 31)
    seen: list[AuditRow] = []
    pages = 0
    while True:
        page = load_page(ui_ctx.engine, ADMIN, AuditFilter(), seen, page_size=4)
        seen += page.rows
        pages += 1
        if not page.has_more:
            break
    # Reading the trail is audited: that row is newer than the first page, so paging never meets it.
    everything = [r for r in list_audit(ui_ctx.engine, limit=None) if r.action != audit.AUDIT_READ]
    assert [r.id for r in seen] == [r.id for r in everything] and len(seen) == 31 and pages == 8
    assert [r.actor for r in list_audit(ui_ctx.engine, action=audit.AUDIT_READ)] == ["admin"]


def test_filters(ui_ctx) -> None:
    seed(ui_ctx.engine, 30)

    def rows(**kw: Any) -> list[AuditRow]:
        return load_page(ui_ctx.engine, ADMIN, AuditFilter(**kw), page_size=100).rows

    assert {r.actor for r in rows(actor=" Alice ")} == {"alice"}
    assert {r.action for r in rows(action="login")} == {"login.success", "login.failure"}
    assert {r.action for r in rows(action="sync.")} == {"sync.reset"}
    assert {r.outcome for r in rows(outcome="denied")} == {"denied"}
    since = BASE_MS + 5 * 60_000
    seeded_since = [r for r in rows(since_ms=since) if r.action != audit.AUDIT_READ]
    assert all(r.at_ms >= since for r in seeded_since) and len(seeded_since) == 15
    with pytest.raises(Exception, match="may not"):
        load_page(ui_ctx.engine, Principal("sv", Role.SUPERVISOR, frozenset({"T1"})), AuditFilter())


def shot(widget: Any, name: str) -> None:
    folder = os.environ.get("QMS_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.asyncio
async def test_tab_loads_pages_filters_and_exports(qtbot, ui_ctx, tmp_path, monkeypatch) -> None:
    seed(ui_ctx.engine, 30)
    ui_ctx.principal = ADMIN
    tab = audit_tab.create_tab(ui_ctx)
    tab.controller.page_size = 10
    qtbot.addWidget(tab)
    tab.resize(1100, 420)
    loaded = asyncio.ensure_future(wait_signal(tab.controller.loaded))
    tab.show()  # the first load happens when the tab is shown
    assert await loaded == (10, True)
    assert "scroll down" in tab.status_label.text()

    tab.view.scrollToBottom()  # the view asks the model for more; the controller fetches the next page
    await wait_until(lambda: tab.model.rowCount() > 10)
    await wait_until(lambda: not tab.model.has_more or tab.model.rowCount() >= 20)
    shot(tab, "audit-tab")

    loaded = asyncio.ensure_future(wait_signal(tab.controller.loaded))
    tab.actor_edit.setText("bob")
    tab.action_combo.setEditText("config.")
    tab.apply_filter()  # what the debounce timer does
    shown, more = await loaded
    assert shown == 3 and not more
    assert {(r.actor, r.action) for r in tab.model.rows} == {("bob", "config.change")}

    target = tmp_path / "audit.csv"

    async def fake_dialog(parent: Any, suggested: str) -> str:
        assert suggested.endswith(".csv")
        return str(target)

    monkeypatch.setattr(audit_controller, "choose_export_path", fake_dialog)
    exported = asyncio.ensure_future(wait_signal(tab.controller.exported))
    tab.export_button.click()
    assert await exported == (str(target), 3)
    with target.open(newline="", encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    assert [line["action"] for line in lines] == ["config.change"] * 3 and {line["actor"] for line in lines} == {"bob"}
    assert "Exported 3 entries" in tab.status_label.text()

    since = datetime.fromtimestamp(BASE_MS / 1000) + timedelta(days=1)
    tab.since_edit.setDate(since.date())
    loaded = asyncio.ensure_future(wait_signal(tab.controller.loaded))
    tab.since_check.setChecked(True)
    tab.apply_filter()
    assert await loaded == (0, False)


@pytest.mark.asyncio
async def test_connection_save_is_audited(qtbot, ui_ctx, memory_keyring) -> None:
    from qms_desktop.ui.tabs.connection import create_tab

    ui_ctx.principal = ADMIN
    tab = create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.show()
    await wait_signal(tab.controller.loaded)
    tab.urls_edit.setPlainText("https://ms.example.com:8440")
    tab.username_edit.setText("apiuser")
    tab.password_edit.setText("api-secret-pw")
    saved = asyncio.ensure_future(wait_signal(tab.controller.saved))
    tab.save_button.click()
    (outcome,) = await saved
    assert outcome.settings_saved
    rows = await ui_ctx.db(list_audit, ui_ctx.engine)
    change = [r for r in rows if r.action == audit.CONFIG_CHANGE]
    assert len(change) == 1 and change[0].actor == "admin" and change[0].target == "connection"
    assert change[0].detail["settings"]["urls"]["value"] == ["https://ms.example.com:8440"]
    assert "api-secret-pw" not in repr(rows)
    assert runtime.connection_settings(ui_ctx.engine).username == "apiuser"


@pytest.mark.asyncio
async def test_sync_reset_is_audited(ui_ctx) -> None:
    from qms_desktop.ui.services.background_sync import BackgroundSync

    ui_ctx.principal = Principal("it-person", Role.IT)
    service = BackgroundSync(ui_ctx)
    try:
        assert await service.reset()
    finally:
        await service.shutdown()
        service.deleteLater()
    rows = await ui_ctx.db(list_audit, ui_ctx.engine)
    assert [(r.action, r.actor, r.target) for r in rows] == [(audit.SYNC_RESET, "it-person", "sync")]


@pytest.mark.asyncio
async def test_verify_button_reports_an_intact_then_a_tampered_trail(qtbot, ui_ctx) -> None:
    seed(ui_ctx.engine, 6)
    tab = audit_tab.create_tab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 420)
    verified = asyncio.ensure_future(wait_signal(tab.controller.verified))
    tab.verify_button.click()
    (report,) = await verified
    assert report.intact and report.checked >= 6  # the seeded rows and the tab's own audit.read
    assert f"intact: {report.checked} entries checked" in tab.status_label.text() and tab.verify_button.isEnabled()

    # Someone with the database file drops the triggers and rewrites an entry.
    with begin_write(ui_ctx.engine) as conn:
        for name in ("audit_log_no_update", "audit_log_chain", "audit_log_no_replace"):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2")
    verified = asyncio.ensure_future(wait_signal(tab.controller.verified))
    tab.verify_button.click()
    (report,) = await verified
    assert not report.intact and report.broken_seq == 2
    assert "tampered with at entry 2" in tab.status_label.text() and "#b00020" in tab.status_label.styleSheet()
    shot(tab, "audit-tab-tampered")
    rows = list_audit(ui_ctx.engine, action=audit.AUDIT_VERIFY)
    assert [r.outcome for r in rows] == [audit.FAILED, audit.OK]  # both checks audited, newest first


@pytest.mark.asyncio
async def test_verify_refused_without_the_permission(qtbot, ui_ctx) -> None:
    ui_ctx.principal = Principal("itg", Role.IT)
    tab = audit_tab.create_tab(ui_ctx)
    qtbot.addWidget(tab)
    texts: list[str] = []
    tab.controller.failed.connect(texts.append)
    tab.controller.verify()
    await wait_until(lambda: any("Could not verify" in t for t in texts))
    assert "may not" in texts[-1] and tab.verify_button.isEnabled()
