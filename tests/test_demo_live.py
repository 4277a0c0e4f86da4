"""The demo stays alive: its simulator keeps producing calls as the clock runs (deterministically
for a frozen clock), its sync reaches back only as far as the simulator has history, and a demo
process leaves no folder behind and writes nothing in the real home."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from qms_desktop import paths
from qms_desktop.app import runtime
from qms_desktop.app.demo import (
    DEMO_DAYS,
    DEMO_LIVE_SESSIONS_PER_DAY,
    DEMO_SESSIONS_PER_DAY,
    DEMO_SYNC_INTERVAL_S,
    start_demo,
)
from qms_desktop.app.sync import STARTUP, SyncUseCases, run_plan
from qms_desktop.simulator.data import DAY_MS, Dataset
from qms_desktop.store.schema import recordings

ANCHOR_MS = 1_795_000_000_000 // 60_000 * 60_000


def _stored(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(recordings)).scalar_one())


def test_live_blocks_have_their_own_rate_and_are_the_same_every_time() -> None:
    def dataset() -> Dataset:
        return Dataset(seed=1, sessions_per_day=200, days=7, anchor_ms=ANCHOR_MS, future_days=2,
                       live_sessions_per_day=4320)  # fmt: skip

    first, second = dataset(), dataset()
    assert [first.sessions_in_block(i) for i in (-7, -1, 0, 1)] == [200, 200, 4320, 4320]
    assert first.block(2) is None  # no calls past future_days
    for index in (-1, 0, 1):
        a, b = first.block(index), second.block(index)
        assert a is not None and b is not None
        assert a.ids == b.ids and np.array_equal(a.start, b.start) and np.array_equal(a.dur, b.dur)
    # Seen through a frozen clock: an hour after the anchor shows the calls started by then, some of
    # them still in progress, and the same ones for every dataset built alike.
    hour = ANCHOR_MS + 3_600_000
    live = first.select(ANCHOR_MS, hour, hour)
    assert 100 <= len(live) <= 260  # three a minute on average
    assert [c.session_id for c in live.calls()] == [c.session_id for c in second.select(ANCHOR_MS, hour, hour).calls()]
    assert any(c.active(hour) for c in live.calls())
    assert len(first.select(hour, hour + 600_000, hour)) == 0  # nothing from the future is visible yet
    # The history keeps its own rate: the live rate does not change the blocks before the anchor.
    plain = Dataset(seed=1, sessions_per_day=200, days=7, anchor_ms=ANCHOR_MS)
    before, same = plain.block(-3), first.block(-3)
    assert before is not None and same is not None and before.ids == same.ids


@pytest.mark.asyncio
async def test_the_demo_keeps_producing_calls_and_a_later_sync_stores_them() -> None:
    paths.enter_demo_home()  # QMS_DEMO_HOME: the test's own folder
    demo = await asyncio.to_thread(start_demo)  # the real, ticking clock
    engine = await asyncio.to_thread(runtime.open_database)
    try:
        clock = demo.simulator.clock
        assert not clock.frozen
        principal = (await asyncio.to_thread(demo.prepare, engine))["admin"]
        use_cases = SyncUseCases(engine, principal)
        settings = use_cases.settings()
        assert settings.backfill_days == DEMO_DAYS  # as deep as the simulator's history, not 180 days
        assert settings.interval_s == DEMO_SYNC_INTERVAL_S

        plan = use_cases.plan(STARTUP, override=demo.connection())
        first = await run_plan(engine, plan, STARTUP)
        assert first.status == "SUCCESS", first.error
        assert first.backfill_complete and first.backfill_total_days == DEMO_DAYS
        oldest = demo.simulator.anchor_ms - DEMO_DAYS * DAY_MS
        assert first.covered_start_ms is not None and oldest - DAY_MS < first.covered_start_ms <= oldest
        assert first.counts.created >= DEMO_DAYS * DEMO_SESSIONS_PER_DAY * 0.9
        stored = _stored(engine)
        assert stored == first.counts.created
        history = use_cases.status(1)["history"]
        assert history[0]["trigger"] == STARTUP

        clock.advance(15 * 60)  # a quarter of an hour later; the clock keeps ticking
        assert not clock.frozen
        upper = clock.now_ms() - int(settings.safety_delay_s * 1000)
        assert first.window_end_ms is not None
        arrived = demo.simulator.count(first.window_end_ms, upper)
        assert arrived >= DEMO_LIVE_SESSIONS_PER_DAY // (24 * 60) * 5  # a few a minute
        second = await run_plan(engine, use_cases.plan("schedule", override=demo.connection()), "schedule")
        assert second.status == "SUCCESS", second.error
        assert second.counts.created >= arrived  # every new call (and any late one) is stored
        assert second.counts.updated >= 1  # calls in progress at the first sync have closed since
        assert _stored(engine) == stored + second.counts.created
    finally:
        await asyncio.to_thread(engine.dispose)
        await asyncio.to_thread(demo.stop)


# ---- demo processes: no folder left behind, nothing in the real home -------------------------------


def _env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """No QMS_HOME nor QMS_DEMO_HOME: the demo makes its own temporary folder in TMPDIR, and the
    user's folders (HOME, XDG) are empty folders the test can look into."""
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_", "XDG_"))}
    env.update(TMPDIR=str(temp), HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env, temp, home


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_sync_now_demo_leaves_no_folder_and_nothing_in_the_real_home(tmp_path: Path) -> None:
    env, temp, home = _env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "qms_desktop", "sync", "now", "--demo", "--json"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"created"' in done.stdout and str(temp) in done.stderr  # it ran, in a folder under TMPDIR
    assert _everything(temp) == []
    assert _everything(home) == []  # not even the integration log


def test_the_gui_demo_removes_its_folder_when_it_quits(tmp_path: Path) -> None:
    env, temp, home = _env(tmp_path)
    env["QMS_QUIT_AFTER_S"] = "3"
    done = subprocess.run(
        [sys.executable, "-m", "qms_desktop", "--demo"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "qms-demo-" in done.stderr
    assert _everything(temp) == []
    assert _everything(home) == []


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "qms_desktop", "--demo"],  # the GUI quits in order on SIGTERM
        [sys.executable, "-m", "qms_desktop", "service", "--demo", "--interval", "60"],
        # A process of no front end of its own: SIGTERM becomes an orderly exit.
        [sys.executable, "-c", "from qms_desktop import paths; import time; paths.enter_demo_home(); "
         "(paths.data_dir() / 'ready').write_text('1'); time.sleep(300)"],
    ],
    ids=["gui", "service", "plain"],
)  # fmt: skip
def test_a_demo_stopped_by_sigterm_removes_its_folder(tmp_path: Path, command: list[str]) -> None:
    env, temp, home = _env(tmp_path)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        from tests.waiting import poll_until

        def started() -> bool:
            assert process.poll() is None, process.communicate()[1][-2000:]
            data = [d / "data" for d in temp.glob("qms-demo-*")]
            return any((d / "qms.sqlite3").exists() or (d / "ready").exists() for d in data)

        poll_until(started, timeout=120, interval=0.2)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode in (0, 128 + signal.SIGTERM), stderr[-2000:]
    assert _everything(temp) == []
    assert _everything(home) == []
