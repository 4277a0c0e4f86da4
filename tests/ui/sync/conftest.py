"""Sync tab fixtures: a real database under QMS_HOME, the simulator. The qasync loop and the
collection on the GUI thread come from tests/ui/conftest.py."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.integration_log import IntegrationLog
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.writer import DbWriter
from qms_desktop.ui.context import AppSignals, UiContext
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.pg import postgres_url  # noqa: F401 - a fixture
from tests.ui import helpers


@pytest.fixture
def wait_signal() -> Callable[..., Any]:
    return helpers.wait_signal


@pytest.fixture
def wait_until() -> Callable[..., Any]:
    return helpers.wait_until


@pytest.fixture
def sim(start_sim: Callable[..., Any]) -> Any:
    return start_sim("cisco", sessions_per_day=40, days=3)


def make_context(sim: Any | None, ca_file: str, tmp_path: Path, **sync_values: Any) -> UiContext:
    """A UiContext over a fresh database under QMS_HOME, connected to `sim` (if given)."""
    engine = runtime.open_database()
    if sim is not None:
        settings = config.ConnectionSettings(
            urls=(sim.api_url,),
            username=SIM_USER,
            timeout=5.0,
            ca_file=ca_file,
            allow_self_signed=False,
            pinned_sha256=(),
        )
        runtime.save_connection_settings(engine, settings, "test")
    # A short backfill keeps runs quick; no safety delay so the simulator's newest calls count.
    runtime.save_sync_settings(engine, {"backfill_days": 3, "safety_delay_s": 0, **sync_values}, "test")
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    ctx = UiContext(engine=engine, writer=DbWriter(), integration_log=IntegrationLog(logs), signals=AppSignals())
    ctx.credentials.set_session_password(SIM_PASSWORD)
    ctx.principal = Principal("it-staff", Role.IT)  # signed in: allowed to run and reset the sync
    return ctx


@pytest.fixture
def ctx_factory(qapp: QApplication, ca_file: str, tmp_path: Path) -> Iterator[Callable[..., UiContext]]:
    made: list[UiContext] = []

    def make(sim: Any | None, **sync_values: Any) -> UiContext:
        ctx = make_context(sim, ca_file, tmp_path, **sync_values)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.writer.close()
        ctx.readers.shutdown(wait=True)
        ctx.engine.dispose()


@pytest.fixture
def ctx(ctx_factory: Callable[..., UiContext], sim: Any) -> UiContext:
    return ctx_factory(sim)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: QMS_SCREENSHOT_DIR when set (to look at them), else the test's tmp."""
    target = Path(os.environ.get("QMS_SCREENSHOT_DIR") or tmp_path / "shots")
    target.mkdir(parents=True, exist_ok=True)
    return target
