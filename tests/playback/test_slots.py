"""The stream limit in the database: each `DatabaseSlots` stands for one process (both databases)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.playback import PlaybackProxy
from qms_desktop.playback.slots import DatabaseSlots, Slot
from qms_desktop.security import Principal, Role, list_audit
from qms_desktop.security.audit import AuditWriter
from qms_desktop.store.engine import begin_write
from qms_desktop.store.playback_slots import claim_slot, held_slots
from qms_desktop.store.schema import playback_slots
from tests.playback.helpers import SimData

USER = "alice"


@pytest.fixture
def stores(engine: Engine) -> Iterator[Callable[..., DatabaseSlots]]:
    made: list[DatabaseSlots] = []

    def make(**options: float) -> DatabaseSlots:
        store = DatabaseSlots(engine, holder=f"test/pid{len(made)}", **options)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


def held(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(held_slots(conn, USER))


def wait_until(condition: Callable[[], bool]) -> None:
    while not condition():
        time.sleep(0.02)


def test_processes_share_one_limit(engine: Engine, stores: Callable[..., DatabaseSlots]) -> None:
    gui, cli = stores(), stores()
    a = gui.claim(USER, 3, "s1", None)
    b = gui.claim(USER, 3, "s2", 1)
    c = cli.claim(USER, 3, "s3", None)
    assert a and b and c
    assert gui.claim(USER, 3, "s4", None) is None and cli.claim(USER, 3, "s4", None) is None
    assert cli.claim("bob", 3, "s4", None) is not None  # another user counts on their own
    gui.release(a)
    wait_until(lambda: held(engine) == 2)  # freed at once, not at the lease's end
    assert cli.claim(USER, 3, "s4", None) is not None
    cli.close()
    assert held(engine) == 1  # closing frees a process's slots before it returns
    gui.release(b)
    gui.release(b)  # idempotent


def test_claims_racing_for_the_last_slots(engine: Engine, stores: Callable[..., DatabaseSlots]) -> None:
    processes = [stores() for _ in range(8)]
    barrier = threading.Barrier(len(processes))
    got: list[Slot | None] = []

    def claim(store: DatabaseSlots) -> None:
        barrier.wait()
        got.append(store.claim(USER, 3, "s", None))

    threads = [threading.Thread(target=claim, args=(store,)) for store in processes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(slot is not None for slot in got) == 3
    assert held(engine) == 3


def test_leases_are_renewed_while_held(engine: Engine, stores: Callable[..., DatabaseSlots]) -> None:
    store = stores(ttl_s=0.6)
    assert store.claim(USER, 3, "s1", None)
    with engine.connect() as conn:
        (first,) = held_slots(conn, USER)
    assert first.expires_ms - first.acquired_ms == 600  # both by the database's clock

    def renewed_past_first_expiry() -> bool:
        with engine.connect() as conn:
            rows = held_slots(conn, USER)  # only unexpired rows
            return bool(rows) and rows[0].expires_ms > first.expires_ms + 600

    wait_until(renewed_past_first_expiry)


def test_an_unrenewed_slot_is_free_after_its_lease(engine: Engine, stores: Callable[..., DatabaseSlots]) -> None:
    # A process that claimed three slots and died: nobody renews or frees them.
    with begin_write(engine) as conn:
        for n in range(3):
            assert claim_slot(conn, username=USER, limit=3, holder="dead/pid1", ttl_ms=300, session_id=f"s{n}")
    other = stores()
    assert other.claim(USER, 3, "t0", None) is None
    wait_until(lambda: held(engine) == 0)
    assert [other.claim(USER, 3, f"t{n}", None) is not None for n in range(4)] == [True, True, True, False]


def test_a_playback_whose_slot_was_taken_ends(
    sim_data_factory: Callable[..., SimData], engine: Engine, stores: Callable[..., DatabaseSlots]
) -> None:
    data = sim_data_factory()
    writer = AuditWriter(engine)
    proxy = PlaybackProxy(client_config=data.config, audit_sink=writer, slots=stores(ttl_s=0.6)).start()
    try:
        ticket = proxy.register(Principal(USER, Role.ADMIN), data.shortest())
        assert httpx.get(ticket.url, headers={"Range": "bytes=0-9"}, timeout=30).status_code == 206
        # What another process does once this one's lease ran out unrenewed (this one was frozen).
        with begin_write(engine) as conn:
            conn.execute(sa.update(playback_slots).values(lease="someone-else", holder="elsewhere/pid1"))
        wait_until(lambda: proxy.active_playbacks(USER) == 0)
        assert httpx.get(ticket.url, timeout=30).status_code == 403
    finally:
        proxy.stop()
        writer.close()
    stops = [r for r in list_audit(engine, limit=None) if r.action == "playback.stop"]
    assert [r.detail["reason"] for r in stops] == ["slot lost"]
