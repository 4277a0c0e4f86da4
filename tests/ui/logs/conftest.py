"""Fixtures for the Logs tab tests: a real integration log on tmp_path (small ring buffer, small files
that rotate) and a UiContext around it. The qasync loop comes from tests/ui/conftest.py."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from qms_desktop.app import runtime
from qms_desktop.integration_log import IntegrationLog, setup_integration_log, shutdown_integration_log
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.writer import DbWriter
from qms_desktop.ui.context import AppSignals, UiContext
from qms_desktop.ui.qt import QApplication


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path / "logs"


@pytest.fixture
def integration_log(log_dir: Path) -> Iterator[IntegrationLog]:
    """Process-global: always shut down, so no other test sees our handler."""
    log = setup_integration_log(log_dir, level="DEBUG", buffer_size=200, max_bytes=20_000, backup_count=5)
    try:
        yield log
    finally:
        shutdown_integration_log()


@pytest.fixture
def ctx(qapp: QApplication, integration_log: IntegrationLog) -> Iterator[UiContext]:
    """Signed in as IT staff; the database holds the audit rows of opening, clearing, the level."""
    engine = runtime.open_database()
    ctx = UiContext(engine=engine, writer=DbWriter(), integration_log=integration_log, signals=AppSignals())
    ctx.principal = Principal("it-staff", Role.IT)
    yield ctx
    ctx.writer.close()
    ctx.readers.shutdown(wait=True)
    engine.dispose()


@pytest.fixture
def qlog() -> logging.Logger:
    return logging.getLogger("qms.test")
