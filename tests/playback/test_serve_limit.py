"""The per-user stream limit across real `qms-desktop recordings serve` processes (both databases)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from qms_desktop.app.playback import SLOT_TTL_ENV
from qms_desktop.store import create_engine_for
from qms_desktop.store.playback_slots import held_slots
from tests.matrix import audit_rows
from tests.playback.helpers import SimData
from tests.playback.processes import USER, ServeWorld, serve_world, url_of


@pytest.fixture
def shared_world(
    sim_data_factory: Callable[..., SimData], db_url: str, tmp_path: Path, ca_file: str
) -> Iterator[ServeWorld]:
    w = serve_world(sim_data_factory(), db_url, tmp_path / "home", ca_file)
    yield w
    w.stop_all()


def held_by(world: ServeWorld) -> list[str]:
    engine = create_engine_for(world.database_url)
    try:
        with engine.connect() as conn:
            return [row.holder for row in held_slots(conn, USER)]
    finally:
        engine.dispose()


def pid_of(holder: str) -> int:
    return int(holder.rpartition("/pid")[2])


def test_five_processes_of_one_user_share_three_streams(shared_world: ServeWorld) -> None:
    world = shared_world
    processes = [world.serve(record) for record in world.records[:5]]  # all at once: they race
    urls = {process: url_of(process) for process in processes}
    served = [p for p, url in urls.items() if url is not None]
    refused = [p for p, url in urls.items() if url is None]
    assert len(served) == 3 and len(refused) == 2, [p.returncode for p in refused]
    for process in refused:
        assert process.returncode == 2
        assert process.stderr is not None and "3 playbacks open" in process.stderr.read()
    for process in served:
        url = urls[process]
        assert url is not None
        assert httpx.get(url, headers={"Range": "bytes=0-99"}, timeout=30).status_code == 206
    assert sorted(pid_of(h) for h in held_by(world)) == sorted(p.pid for p in served)

    for process in served:
        process.terminate()
        assert process.wait(timeout=60) == 0
    assert held_by(world) == []  # ended playbacks free their slots at once
    rows = [r for r in audit_rows(world.database_url) if r.actor == USER and r.action.startswith("playback.")]
    outcomes = sorted((r.action, r.detail.get("reason")) for r in rows)
    assert outcomes == sorted(
        [("playback.start", None)] * 3 + [("playback.denied", "limit")] * 2 + [("playback.stop", "released")] * 3
    )


def test_a_killed_process_frees_its_slots_when_the_lease_runs_out(shared_world: ServeWorld) -> None:
    world = shared_world
    short = {SLOT_TTL_ENV: "3"}
    first, second, killed = (world.serve(record, **short) for record in world.records[:3])
    for process in (first, second, killed):
        assert url_of(process) is not None
    assert url_of(world.serve(world.records[3], **short)) is None  # the limit holds while all three live

    killed.send_signal(signal.SIGKILL)
    killed.wait()
    started = time.monotonic()
    while killed.pid in {pid_of(h) for h in held_by(world)}:
        time.sleep(0.1)
    freed_after = time.monotonic() - started
    # The living processes renewed theirs: they hold on, the dead one's slot is free.
    assert sorted(pid_of(h) for h in held_by(world)) == sorted([first.pid, second.pid]), freed_after
    fourth = world.serve(world.records[3], **short)
    assert url_of(fourth) is not None
    assert url_of(world.serve(world.records[4], **short)) is None
