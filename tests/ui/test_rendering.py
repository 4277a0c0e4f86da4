"""Every tab, as an administrator with demo-like data (a synced simulator, its agents imported, users),
rendered in English and Ukrainian at 1100x720 and 1920x1080: no visible text is cut, and no visible
Ukrainian text is left in English. Writes the screenshots to QMS_SCREENSHOT_DIR when it is set.

Also: the Ukrainian catalogue has no unfinished or obsolete entries, and the catalogue regenerated
from the code (resources/translations/update.sh, run on a temporary copy) has no new ones."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.app.sync import SyncUseCases, run_plan
from qms_desktop.app.users import UserUseCases
from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui import i18n
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs import create_tabs
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.test_screenshots import connect_simulator, idle

pytestmark = pytest.mark.timeout(180)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "qms_desktop_uk.ts"
SIZES = ((1100, 720), (1920, 1080))
LANGUAGES = ("en", "uk")

# Texts that read the same in Ukrainian: product and protocol names, units and codes.
SAME_IN_UKRAINIAN = {
    "MediaSense",
    "CSV",
    "CSQ",
    "ANI",
    "DNIS",
    "CCID",
    "TLS",
    "HTTPS",
    "HTTP",
    "URL",
    "ID",
    "SHA-256",
    "PEM",
    "JSON",
    "SQLite",
    "PostgreSQL",
    "OpenSearch",
    "QMS Desktop",
    "English",
    "OK",
    "IT",
}
# Text that is data (numbers, times, dates, addresses, file paths): the same in any language.
DATA = re.compile(r"^[\s\d.,:;/\\+\-–—−%()\[\]#×*…·|<>=~]*$|://|^/")
RAW_ROLES = ("ADMIN", "SUPERVISOR", "SYSTEM")
RAW_CODES = re.compile(r"^(manual|schedule|startup|event)$|\b(incremental|backfill|reconcile)\b|\d s$")


def english_sources() -> set[str]:
    """Every English source text of the catalogue (a visible text equal to one is untranslated)."""
    sources: set[str] = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        sources.add(source)
        sources.add(source.replace("&", ""))
    return sources


def visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def shown_in_viewport(widget: QWidget) -> bool:
    """False for widgets wholly scrolled out of view (their own clipping is not ours to judge)."""
    region = widget.visibleRegion()
    return not region.isEmpty()


def button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    metrics = button.fontMetrics()
    need = metrics.horizontalAdvance(text)
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        hint = button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, metrics.size(0, text), button)
        if button.width() < hint.width() - 8:  # styles pad generously; less than that cuts the text
            return f"{button.width()} < {hint.width()}"
        return None
    if isinstance(button, (QCheckBox, QRadioButton)):
        available = button.width() - button.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) - 6
    elif isinstance(button, QToolButton):
        available = button.width() - 6
    else:
        available = button.width()
    return f"{available} < {need}" if available < need else None


def label_problem(label: QLabel) -> str | None:
    if label.wordWrap() or not label.text() or label.textFormat() == label.textFormat().RichText:
        return None
    if label.pixmap() is not None and not label.pixmap().isNull():
        return None
    text = label.text()
    if label.buddy() is not None:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if "<" in text and ">" in text:  # rich text (auto-detected): laid out as a document
        return None
    metrics = label.fontMetrics()
    margins = label.contentsMargins()
    available = label.width() - margins.left() - margins.right() - 2 * label.margin()
    need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return f"{available} < {need}" if available < need else None


def line_edit_problem(edit: QLineEdit) -> str | None:
    placeholder = edit.placeholderText()
    if not placeholder or edit.text():
        return None
    # The text area: the widget less the frame, the text margins and the side buttons (clear, actions).
    available = edit.width() - 2 * 4 - 4  # the clear button shows only with text: no room taken here
    for action in edit.actions():
        if action.isVisible() and not action.objectName().startswith("_q_qlineeditclearaction"):
            available -= edit.height()
    need = edit.fontMetrics().horizontalAdvance(placeholder)
    return f"{available} < {need}" if available < need else None


def header_problems(header: QHeaderView) -> list[tuple[str, str]]:
    model = header.model()
    if model is None:
        return []
    problems = []
    metrics = header.fontMetrics()
    sort_room = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) if header.isSortIndicatorShown() else 0
    padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        position = header.sectionViewportPosition(section)
        if position >= header.viewport().width():
            continue  # scrolled to the right: the user scrolls to it, it is not cut
        need = metrics.horizontalAdvance(text) + padding
        if header.sortIndicatorSection() == section:
            need += sort_room
        if header.sectionSize(section) < need:
            problems.append((text, f"section {header.sectionSize(section)} < {need}"))
    return problems


def tab_bar_problems(bar: QTabBar) -> list[tuple[str, str]]:
    problems = []
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        need = bar.fontMetrics().horizontalAdvance(text)
        if bar.tabRect(index).width() < need + 8:
            problems.append((text, f"tab {bar.tabRect(index).width()} < {need + 8}"))
    return problems


def group_box_problem(box: QGroupBox) -> str | None:
    title = box.title().replace("&", "")
    if not title:
        return None
    need = box.fontMetrics().horizontalAdvance(title) + (24 if box.isCheckable() else 8)
    return f"{box.width()} < {need}" if box.width() < need else None


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person sees on the current tab and the window's frame."""
    texts: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        # A header's visibleRegion() is empty offscreen (it sits in its view's margin): judged by visibility.
        if not visible(widget, window) or (not isinstance(widget, QHeaderView) and not shown_in_viewport(widget)):
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel) and widget.text():
            texts.append((name, re.sub(r"<[^>]+>", "", widget.text())))
        elif isinstance(widget, QAbstractButton) and widget.text():
            texts.append((name, widget.text().replace("&", "")))
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            texts.append((name + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QGroupBox) and widget.title():
            texts.append((name, widget.title().replace("&", "")))
        elif isinstance(widget, QComboBox) and widget.currentText():
            texts.append((name, widget.currentText()))
        elif isinstance(widget, QTabBar):
            texts += [(name, widget.tabText(i).replace("&", "")) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView) and widget.model() is not None and not widget.isHidden():
            for section in range(widget.count()):
                value = widget.model().headerData(section, widget.orientation(), Qt.ItemDataRole.DisplayRole)
                if value:
                    texts.append((name, str(value)))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 30)):
                for column in range(model.columnCount()):
                    value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str) and value:
                        texts.append((name + " cell", value))
    return texts


def clipped_texts(window: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        # A header's visibleRegion() is empty offscreen (it sits in its view's margin): judged by visibility.
        if not visible(widget, window) or (not isinstance(widget, QHeaderView) and not shown_in_viewport(widget)):
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        found: list[tuple[str, str]] = []
        if isinstance(widget, QLabel):
            if widget.property("elides"):
                # Designed to elide (the status bar): what does not fit ends in "…" and is whole in the tooltip.
                if label_problem(widget) and widget.text() not in widget.toolTip():
                    found.append((widget.text(), "elided without the whole text in its tooltip"))
                continue
            problem = label_problem(widget)
            if problem:
                found.append((widget.text(), problem))
        elif isinstance(widget, QAbstractButton):
            if isinstance(widget, QToolButton) and widget.parent() is not None and isinstance(widget.parent(), QTabBar):
                continue  # the tab bar's scroll arrows
            problem = button_problem(widget)
            if problem:
                found.append((widget.text(), problem))
        elif isinstance(widget, QLineEdit):
            problem = line_edit_problem(widget)
            if problem:
                found.append((widget.placeholderText(), problem))
        elif isinstance(widget, QGroupBox):
            problem = group_box_problem(widget)
            if problem:
                found.append((widget.title(), problem))
        elif isinstance(widget, QTabBar):
            found += tab_bar_problems(widget)
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            found += header_problems(widget)
        problems += [f"{name}: {text!r} ({why})" for text, why in found]
    return problems


def untranslated_texts(window: QWidget, sources: set[str]) -> list[str]:
    problems = []
    for where, text in visible_texts(window):
        stripped = text.strip()
        if not stripped or stripped in SAME_IN_UKRAINIAN or DATA.search(stripped):
            continue
        if stripped in RAW_ROLES:
            problems.append(f"{where}: raw role name {stripped!r}")
            continue
        if " cell" in where:
            # Table cells are data; but stored codes shown as they are (a run's trigger and mode, a unit) are ours.
            if RAW_CODES.search(stripped):
                problems.append(f"{where}: {stripped!r}")
            continue
        if stripped in sources or stripped.rstrip(":") in sources:
            problems.append(f"{where}: {stripped!r}")
    return problems


async def settle(ctx: UiContext) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    for _ in range(3):  # let the loop deliver layout requests and start what a shown tab loads
        await asyncio.sleep(0)
    await wait_until(lambda: idle(ctx))
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_every_tab_renders_without_cut_or_untranslated_text(
    qapp, qtbot, ui_ctx, start_sim, ca_file, memory_keyring, qms_home
) -> None:
    sim = start_sim(sessions_per_day=60, days=3)
    connect_simulator(ui_ctx, sim, ca_file)

    admin = Principal("admin", Role.ADMIN)
    ui_ctx.principal = admin
    DirectoryUseCases(ui_ctx.engine, admin).import_csv(sim.agents_csv(), "demo agents")
    users = UserUseCases(ui_ctx.engine, admin)
    users.create_user("admin", Role.ADMIN, "a-long-enough-password-1")
    users.create_user("olena", Role.SUPERVISOR, "a-long-enough-password-2", [str(sim.teams()[0]["team_id"])])
    users.create_user("it-desk", Role.IT, "a-long-enough-password-3")
    plan = SyncUseCases(ui_ctx.engine, admin).plan(credentials=ui_ctx.credentials)
    result = await run_plan(ui_ctx.engine, replace(plan, clock=sim.clock.now), writer=ui_ctx.writer)
    assert result.status == "SUCCESS" and result.counts.created > 0

    window = MainWindow()
    qtbot.addWidget(window)
    ui_ctx.signals.setParent(window)
    ui_ctx.sync = BackgroundSync(ui_ctx, window)
    window.set_context(ui_ctx, create_tabs(ui_ctx), f"sqlite:///{qms_home}/qms.sqlite3")
    window.set_principal(admin)
    window.resize(*SIZES[0])
    window.show()
    window.on_sync_finished(result)
    await wait_until(lambda: idle(ui_ctx))

    connection = window.tab_widget("connection")
    assert connection is not None
    await wait_until(lambda: connection.test_button.isEnabled())
    connection.test_button.click()
    await wait_signal(connection.controller.test_finished, 20)
    await wait_until(lambda: idle(ui_ctx))

    translations = i18n.Translations()
    sources = english_sources()
    out = Path(os.environ.get("QMS_SCREENSHOT_DIR") or qms_home / "screenshots")
    clipped: list[str] = []
    untranslated: list[str] = []
    shots = 0
    try:
        for language in LANGUAGES:
            translations.apply(language)
            await settle(ui_ctx)
            for width, height in SIZES:
                window.resize(width, height)
                recordings = window.tab_widget("recordings")
                if recordings is not None:  # the details pane too where it has room; folded where not
                    recordings.set_details_shown(width >= 1920)  # type: ignore[attr-defined]
                for index, key in enumerate(window.tab_keys()):
                    window.tabs.setCurrentIndex(index)
                    await settle(ui_ctx)
                    assert (window.width(), window.height()) == (width, height), f"{key} resized the window"
                    where = f"[{language} {width}x{height} {key}]"
                    clipped += [f"{where} {p}" for p in clipped_texts(window)]
                    if language == "uk":
                        untranslated += [f"{where} {p}" for p in untranslated_texts(window, sources)]
                    path = out / f"{language}-{width}x{height}" / f"{key}.png"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    assert window.grab().save(str(path))
                    shots += 1
    finally:
        translations.apply("en")
        translations.remove()
        await ui_ctx.tasks.cancel_all()
        await ui_ctx.sync.shutdown()
    assert shots == len(LANGUAGES) * len(SIZES) * len(window.tab_keys()) >= 2 * 2 * 7
    report = "cut text:\n" + "\n".join(dict.fromkeys(clipped))
    report += "\nuntranslated text:\n" + "\n".join(dict.fromkeys(untranslated))
    assert not clipped and not untranslated, report


def catalogue_problems(path: Path) -> list[str]:
    problems = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if not name:  # a module-level tr("...") helper: the app asks under its own context, never ""
                problems.append(f"{message.findtext('source')!r} has no context: it is never found at run time")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "obsolete", "vanished", "missing"):
                problems.append(f"{name}: {message.findtext('source')!r} is {kind}")
    return problems


def test_ukrainian_catalogue_is_complete() -> None:
    problems = catalogue_problems(CATALOGUE)
    assert not problems, "\n".join(problems)


def test_catalogue_regenerated_from_the_code_is_complete(tmp_path: Path) -> None:
    """update.sh on a copy of the project's sources: every string in the code has a translation."""
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed in the project's .venv")
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "qms_desktop" / "ui", copy / "qms_desktop" / "ui")
    shutil.copytree(ROOT / "resources" / "translations", copy / "resources" / "translations")
    env = {**os.environ, "PYSIDE6_BIN": str(ROOT / ".venv" / "bin")}
    subprocess.run(
        ["bash", str(copy / "resources" / "translations" / "update.sh")],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    problems = catalogue_problems(copy / "resources" / "translations" / "qms_desktop_uk.ts")
    assert not problems, "\n".join(problems)


def test_sync_card_audit_count_and_role_names_follow_a_language_switch(qapp, qtbot) -> None:
    """Text shown from data (the Sync card's progress summary, the Audit tab's "N entries.", the runs'
    trigger, role names) is rendered again in the new language, not left in the old one."""
    from PySide6.QtCore import QCoreApplication as App

    from qms_desktop.store.sync_state import RunCounts
    from qms_desktop.sync.run import SyncProgress, SyncResult
    from qms_desktop.ui.formatting import role_name
    from qms_desktop.ui.tabs.audit.tab import AuditTab
    from qms_desktop.ui.tabs.sync.models import trigger_text
    from qms_desktop.ui.tabs.sync.tab import SyncTab

    sync, audit = SyncTab(), AuditTab()
    qtbot.addWidget(sync)
    qtbot.addWidget(audit)
    counts = RunCounts(pages=4, fetched=187, created=180, skipped=7)
    sync.show_running(True)
    sync.show_progress(SyncProgress(7, "c", "incremental", counts))
    sync.show_running(False)
    sync.show_result(SyncResult(7, "c", "SUCCESS", "incremental", None, None, counts))
    audit.show_loaded(3, more=False)
    english = (sync.live_counts.text(), sync.status_detail.text(), audit.status_label.text())
    assert english == ("Pages 4 · fetched 187 · created 180 · updated 0 · errors 0", "Run 7", "3 entries.")
    assert (role_name("ADMIN"), trigger_text("manual")) == ("Administrator", "Manual")

    translations = i18n.Translations()
    try:
        translations.apply("uk")
        App.sendPostedEvents(None, QEvent.Type.LanguageChange)
        ukrainian = (sync.live_counts.text(), sync.status_detail.text(), audit.status_label.text())
        expected = (
            App.translate("SyncTab", "Pages %1 · fetched %2 · created %3 · updated %4 · errors %5"),
            App.translate("SyncTab", "Run %1").replace("%1", "7"),
            App.translate("AuditTab", "{n} entries.").format(n=3),
        )
        assert ukrainian[1:] == expected[1:] and ukrainian[0].startswith(expected[0].split("%1")[0])
        for before, after in zip(english, ukrainian, strict=True):
            assert before != after, f"{before!r} was not translated"
        assert role_name("ADMIN") == "Адміністратор"
        assert "ADMIN" not in sync.live_counts.text()
    finally:
        translations.apply("en")
        translations.remove()
        App.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert (sync.live_counts.text(), sync.status_detail.text(), audit.status_label.text()) == english


def test_audit_details_read_as_key_value_lines_with_the_json_in_the_tooltip(qapp) -> None:
    from qms_desktop.security.audit import AuditRow
    from qms_desktop.ui.tabs.audit.models import COLUMNS, AuditTableModel, detail_text

    detail = {"role": "SUPERVISOR", "teams": ["T1", "T2"], "filters": {"live": True, "since": None}}
    row = AuditRow(1, 0, "admin", "user.create", "olena", detail, "host", "ok")
    assert detail_text(row) == "role: Supervisor; teams: T1, T2; filters.live: true; filters.since: —"
    model = AuditTableModel()
    model.reset_rows([row], has_more=False)
    column = [c.key for c in COLUMNS].index("detail")
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("role: Supervisor\nteams: T1, T2\n") and '"role": "SUPERVISOR"' in tip
    assert "{" not in model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)


def test_a_pinned_fingerprint_is_shown_whole_in_two_lines(qapp, qtbot) -> None:
    from qms_desktop.ui.tabs.connection.tls_section import TlsSection

    section = TlsSection()
    qtbot.addWidget(section)
    section.resize(560, 400)  # about what the Connection tab gives it at 1100x720
    section.show()
    fingerprint = "ab" * 32
    section.pin(fingerprint)
    lines = section.fingerprint_view.text().split("\n")
    assert section.fingerprint_view.isVisible() and len(lines) == 2
    assert "".join(lines).replace(":", "") == fingerprint.upper()
    assert label_problem(section.fingerprint_view) is None, "the fingerprint does not fit its label"
    section.fingerprint_edit.setText("not a fingerprint")
    assert not section.fingerprint_view.isVisible()
