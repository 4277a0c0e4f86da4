"""The heard tracker: contiguous advance while playing counts, seeks, jumps and pauses do not."""

from __future__ import annotations

from qms_desktop.domain.heard import HeardTracker, clip, from_json, heard_percent, merge, to_json, total_ms


def play(
    tracker: HeardTracker, start_pos: int, start_clock: int, steps: int, step_ms: int = 150, rate: float = 1.0
) -> tuple[int, int]:
    """Reports every `step_ms` of wall clock while playing at `rate`; returns (position, clock)."""
    pos, clock = start_pos, start_clock
    for _ in range(steps):
        tracker.update(pos, True, clock, rate)
        pos += int(step_ms * rate)
        clock += step_ms
    return pos - int(step_ms * rate), clock - step_ms


def test_merge_joins_overlapping_and_touching_and_drops_empty() -> None:
    assert merge([(5, 10), (0, 3), (3, 4), (9, 12), (20, 20), (30, 25)]) == [(0, 4), (5, 12)]
    assert total_ms([(0, 1000), (500, 1500)]) == 1500
    assert clip([(-100, 500), (900, 2000)], 1000) == [(0, 500), (900, 1000)]
    assert from_json(to_json([(0, 10), (5, 20)])) == [(0, 20)]
    assert from_json("not json") == []
    assert heard_percent(500, 1000) == 50 and heard_percent(2000, 1000) == 100 and heard_percent(1, None) is None


def test_contiguous_play_is_heard_with_irregular_reports() -> None:
    tracker = HeardTracker()
    tracker.start("s1")
    pos, clock = 0, 10_000
    for step in [100, 200, 130, 170, 110, 190] * 10:
        tracker.update(pos, True, clock)
        pos += step
        clock += step
    tracker.update(pos, True, clock)
    assert tracker.take() == {"s1": [(0, pos)]}


def test_a_seek_forward_and_back_is_not_heard() -> None:
    tracker = HeardTracker()
    tracker.start("s1")
    pos, clock = play(tracker, 0, 0, 21)  # 0 .. 3000
    assert pos == 3000
    tracker.update(20_000, True, clock + 150)  # a jump of 17 s in 150 ms: a seek
    pos, clock = play(tracker, 20_000, clock + 150, 11)  # 20000 .. 21500
    tracker.update(1000, True, clock + 150)  # back to 1 s
    play(tracker, 1000, clock + 150, 11)  # 1000 .. 2500, already heard
    assert tracker.take() == {"s1": [(0, 3000), (20_000, 21_500)]}


def test_an_explicit_seek_and_a_pause_leave_gaps() -> None:
    tracker = HeardTracker()
    tracker.start("s1")
    _, clock = play(tracker, 0, 0, 11)  # 0 .. 1500
    tracker.seeked()
    # A small seek (+400 ms) right after: the seek signal alone keeps it out.
    play(tracker, 1900, clock + 150, 5)  # 1900 .. 2500
    tracker.update(2500, False, clock + 2000)  # paused
    tracker.update(2600, False, clock + 2150)  # position moves while paused (a click on the bar)
    assert tracker.take() == {"s1": [(0, 1500), (1900, 2500)]}


def test_speed_other_than_one() -> None:
    fast = HeardTracker()
    fast.start("s1")
    pos, _ = play(fast, 0, 0, 41, rate=2.0)  # 300 ms of position per 150 ms report
    assert fast.take() == {"s1": [(0, pos)]} and pos == 12_000
    # At twice the speed a jump of 5 s within one report is still a seek.
    fast.update(pos + 5000, True, 6150, 2.0)
    play(fast, pos + 5000, 6150, 3, rate=2.0)
    assert fast.take() == {"s1": [(pos + 5000, pos + 5600)]}
    slow = HeardTracker()
    slow.start("s1")
    pos, _ = play(slow, 0, 0, 21, rate=0.5)
    assert slow.take() == {"s1": [(0, pos)]}


def test_a_stalled_gui_thread_still_counts() -> None:
    tracker = HeardTracker()
    tracker.start("s1")
    pos, clock = play(tracker, 0, 0, 5)  # 0 .. 600
    tracker.update(pos + 2000, True, clock + 2000)  # two seconds without a report, the clock moved too
    assert tracker.take() == {"s1": [(0, 2600)]}


def test_take_keeps_the_open_interval_growing_and_sources_are_separate() -> None:
    tracker = HeardTracker()
    tracker.start("s1")
    _, clock = play(tracker, 0, 0, 11)
    assert tracker.take() == {"s1": [(0, 1500)]}
    _, clock = play(tracker, 1650, clock + 150, 10)  # continues without a gap
    assert tracker.take() == {"s1": [(1500, 3000)]}
    tracker.start("s2")
    play(tracker, 5000, clock + 150, 3)
    assert tracker.take() == {"s2": [(5000, 5300)]}
    assert tracker.take() == {}
