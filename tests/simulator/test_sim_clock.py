"""The simulator's clock pickles as a detached copy (a sync run in another process reads it)."""

from __future__ import annotations

import pickle

from qms_desktop.simulator.clock import SimClock


def test_a_pickled_frozen_clock_is_the_same_instant_and_detached() -> None:
    clock = SimClock(1_700_000_000_000, frozen=True)
    copy = pickle.loads(pickle.dumps(clock))
    assert copy.frozen and copy.now_ms() == 1_700_000_000_000
    assert pickle.loads(pickle.dumps(clock.now))() == clock.now()  # the bound method a plan holds
    clock.advance(60)
    assert copy.now_ms() == 1_700_000_000_000
    copy.advance(1)  # its own lock works
    assert copy.now_ms() == 1_700_000_001_000


def test_a_pickled_running_clock_keeps_its_offset() -> None:
    clock = SimClock(1_700_000_000_000)
    copy = pickle.loads(pickle.dumps(clock))
    assert not copy.frozen
    assert abs(copy.now_ms() - clock.now_ms()) < 1000
