"""The synthetic data: deterministic, lazy, fast, and shaped like a contact centre."""

from __future__ import annotations

import csv
import io
import re

from qms_desktop.simulator import SimulatorConfig, build_simulator
from qms_desktop.simulator.data import Dataset
from qms_desktop.simulator.ids import decode, encode_many, format_ids, round_keys

from .conftest import ANCHOR, ANCHOR_MS, DAY_MS


def _sim(**overrides):
    config = SimulatorConfig(
        sessions_per_day=300, days=4, seed=11, anchor=ANCHOR, now=ANCHOR, freeze_clock=True, tls=False
    )
    for k, v in overrides.items():
        setattr(config, k, v)
    return build_simulator(config)


def test_same_seed_same_data_other_seed_other_data() -> None:
    a = _sim().ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    b = _sim().ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    c = _sim(seed=12).ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    assert a == b
    assert {r["sessionId"] for r in a}.isdisjoint({r["sessionId"] for r in c})


def test_ids_are_unique_hex_and_decode_back() -> None:
    keys = round_keys(5)
    ids = format_ids(encode_many(keys, -3, 50_000))
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{14}", i) for i in ids[:1000])
    assert decode(keys, ids[1234]) == (-3, 1234)
    assert decode(keys, "not-an-id") is None


def test_window_counts_sorting_and_shapes() -> None:
    sim = _sim()
    rows = sim.ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    # Everything that started before now is visible except late arrivals still hidden.
    assert 0.95 * 1200 < len(rows) <= 1200
    assert sim.count(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS) == len(rows)
    assert rows == sorted(rows, key=lambda r: (r["start_ms"], r["sessionId"]))
    states = {r["state"] for r in rows}
    assert {"ACTIVE", "CLOSED_NORMAL", "CLOSED_ERROR"} <= states
    active = [r for r in rows if r["state"] == "ACTIVE"]
    assert all(r["duration_ms"] is None for r in active)
    assert any(r["planned_end_ms"] - r["start_ms"] > 30 * 60_000 for r in active)
    pruned = sum(r["pruned"] for r in rows) / len(rows)
    assert 0.005 < pruned < 0.08
    for r in rows[:200]:
        assert len(r["deviceRefs"]) == 2
        # Track 0 is the recorded (agent's) phone, track 1 the far end, whoever dialed (Unified CM).
        agent_ref, far_ref = r["deviceRefs"]
        assert agent_ref.isdigit()
        if r["direction"] != "internal":
            assert re.fullmatch(r"\+380\d{9}", far_ref)
    # Some start times are shared, so clients must break ties by sessionId.
    starts = [r["start_ms"] for r in rows]
    assert len(set(starts)) < len(starts)


def test_late_sessions_appear_minutes_after_they_end() -> None:
    sim = _sim()
    data = sim.dataset
    late = [c for b in range(-4, 0) for c in data.select(*_block(b), 10**15).calls() if c.late]
    assert late
    call = late[0]
    assert call.visible_from_ms >= call.end_ms + 2 * 60_000
    sim.clock.set(call.end_ms + 1)
    assert sim.session(call.session_id)["visible"] is False
    assert call.session_id not in {r["sessionId"] for r in sim.ground_truth(*_window_of(call))}
    sim.clock.set(call.visible_from_ms)
    assert call.session_id in {r["sessionId"] for r in sim.ground_truth(*_window_of(call))}


def _block(b: int) -> tuple[int, int]:
    return ANCHOR_MS + b * DAY_MS, ANCHOR_MS + (b + 1) * DAY_MS


def _window_of(call) -> tuple[int, int]:
    return call.start_ms, call.start_ms + 1


def test_agents_and_csv() -> None:
    sim = _sim()
    agents = sim.agents()
    assert agents[0]["agent_id"] == "A1001" and agents[0]["extension"] == "1001"
    assert agents[0]["team"].startswith("T")
    rows = list(csv.DictReader(io.StringIO(sim.agents_csv())))
    assert list(rows[0]) == ["agent_id", "name", "extension", "team"]
    assert len(rows) == len(agents)
    extensions = {a["extension"] for a in agents}
    rows = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    assert {r["deviceRefs"][0] for r in rows} <= extensions


def test_a_day_of_hundred_thousand_sessions_is_generated_and_cached() -> None:
    # How fast this runs is measured by tests/benchmarks/bench_simulator_data.py, not asserted here.
    data = Dataset(seed=3, sessions_per_day=100_000, days=1, anchor_ms=ANCHOR_MS)
    first = data.select(ANCHOR_MS - DAY_MS, ANCHOR_MS, ANCHOR_MS + DAY_MS).calls()
    assert len(first) == 100_000
    again = data.select(ANCHOR_MS - DAY_MS, ANCHOR_MS, ANCHOR_MS + DAY_MS).calls()
    assert [c.session_id for c in again[:50]] == [c.session_id for c in first[:50]]


def test_cisco_splits_some_held_calls_into_two_sessions_sharing_a_ccid() -> None:
    truth = _sim().ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    by_ccid: dict[str, list[dict]] = {}
    for row in truth:
        by_ccid.setdefault(row["ccid"], []).append(row)
    held = [rows for rows in by_ccid.values() if len(rows) > 1]
    assert 0.02 * len(truth) < len(held) < 0.08 * len(truth)  # about 5% of the sessions
    for first, second in held:
        assert len({first["agent_id"], second["agent_id"]}) == 1 and first["direction"] == second["direction"]
        gap = second["start_ms"] - first["planned_end_ms"]
        assert 3_000 <= gap < 4 * 60_000, gap  # seconds to minutes on hold
    # Other profiles, and a rate of 0, keep one session per call; the other sessions do not change.
    flat = _sim(profile="spec").ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)
    assert len({row["ccid"] for row in flat}) == len(flat)
    unheld = {row["sessionId"]: row for row in _sim(hold_rate=0.0).ground_truth(ANCHOR_MS - 4 * DAY_MS, ANCHOR_MS)}
    seconds = {rows[1]["sessionId"] for rows in held}
    assert set(unheld) == {row["sessionId"] for row in truth}
    same = ("agent_id", "ccid", "duration_ms", "direction", "state")
    assert all(
        [unheld[row["sessionId"]][k] for k in same] == [row[k] for k in same]
        for row in truth
        if row["sessionId"] not in seconds
    )
