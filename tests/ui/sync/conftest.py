"""Sync tab fixtures: a qasync loop per async test, a real database under QMS_HOME, the simulator.

The loop factory and the async wait helpers live here because tests/ui/conftest.py may not exist
yet; they follow /work/shared/qt-headless.md §3 (never a blocking qtbot wait inside an async test).
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from qms_desktop import app_context, config
from qms_desktop.integration_log import IntegrationLog
from qms_desktop.sync.engine import DbWriter
from qms_desktop.ui.context import AppSignals, UiContext
from tests.conftest import SIM_PASSWORD, SIM_USER


def pytest_asyncio_loop_factories(config: Any, item: Any) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qasync": lambda: qasync.QEventLoop(QApplication.instance() or QApplication([]))}


async def _wait_signal(signal: Any, timeout: float = 10.0) -> tuple[Any, ...]:
    """Await one emission of a Qt signal on the running qasync loop."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def receive(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(receive)
    try:
        return await asyncio.wait_for(future, timeout)
    finally:
        signal.disconnect(receive)


async def _wait_until(predicate: Callable[[], bool], timeout: float = 10.0, interval: float = 0.02) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(interval)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """Garbage cycles holding QObjects (qasync's timers, widgets) must die on the GUI thread.

    With automatic collection on, the writer or simulator thread can run the collector and destroy
    a QObject there, leaving a dangling Qt timer that crashes the next test's loop (seen as SIGSEGV
    in QTimerInfoList::activateTimers). Collect here instead, between tests.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture
def wait_signal() -> Callable[..., Any]:
    return _wait_signal


@pytest.fixture
def wait_until() -> Callable[..., Any]:
    return _wait_until


@pytest.fixture
def sim(start_sim: Callable[..., Any]) -> Any:
    return start_sim("cisco", sessions_per_day=40, days=3)


def make_context(sim: Any | None, ca_file: str, tmp_path: Path, **sync_values: Any) -> UiContext:
    """A UiContext over a fresh database under QMS_HOME, connected to `sim` (if given)."""
    engine = app_context.open_database()
    if sim is not None:
        settings = config.ConnectionSettings(
            urls=(sim.api_url,),
            username=SIM_USER,
            timeout=5.0,
            ca_file=ca_file,
            allow_self_signed=False,
            pinned_sha256=(),
        )
        app_context.save_connection_settings(engine, settings, "test")
    # A short backfill keeps runs quick; no safety delay so the simulator's newest calls count.
    app_context.save_sync_settings(engine, {"backfill_days": 3, "safety_delay_s": 0, **sync_values}, "test")
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    return UiContext(
        engine=engine,
        writer=DbWriter(),
        integration_log=IntegrationLog(logs),
        signals=AppSignals(),
        password_provider=lambda: SIM_PASSWORD,
    )


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
