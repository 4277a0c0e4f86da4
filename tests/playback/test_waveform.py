"""Who talks when, from the audio bytes: the analysis against the simulator's ground truth."""

from __future__ import annotations

import numpy as np
import pytest

from qms_desktop.playback import waveform
from qms_desktop.playback.wav import wav_header
from qms_desktop.simulator import audio

KEY = 987654321
TEN_MINUTES = 600_000


def assert_matches(found: tuple[tuple[int, int], ...], truth: list[tuple[int, int]], tolerance: int = 100) -> None:
    assert len(found) == len(truth), (found[:5], truth[:5])
    for (start, end), (true_start, true_end) in zip(found, truth, strict=True):
        assert abs(start - true_start) <= tolerance and abs(end - true_end) <= tolerance, (
            (start, end),
            (true_start, true_end),
        )


def test_stereo_whole_call_matches_the_ground_truth_for_both_parties() -> None:
    body = audio.stereo_wav(KEY, TEN_MINUTES, "x")
    result = waveform.analyse(body.read(0, body.total))
    truth = audio.talk_segments(KEY, TEN_MINUTES)
    assert result.lanes == 2 and result.complete and result.duration_ms == TEN_MINUTES
    assert_matches(result.segments[0], truth[0])
    assert_matches(result.segments[1], truth[1])
    assert len(truth[0]) > 50 and len(truth[1]) > 50
    # Peaks: one min/max pair per 20 ms bucket; loud where someone talks, near zero in a shared pause.
    assert result.mins[0].size == TEN_MINUTES // waveform.BUCKET_MS
    gap = waveform.silences(result.segments, result.analysed_ms, min_ms=1500)[0]
    middle = (gap[0] + gap[1]) // 2 // waveform.BUCKET_MS
    assert result.maxs[0][middle] < 0.01 and result.maxs[1][middle] < 0.01
    start, end = truth[0][0]
    assert result.maxs[0][(start + end) // 2 // waveform.BUCKET_MS] > 0.1


@pytest.mark.parametrize("codec", ["PCMU", "PCMA"])
def test_one_track_in_g711_as_the_proxy_wraps_it(codec: str) -> None:
    duration = 120_000
    raw = audio.g711_raw(KEY, duration, 1, codec, "x")
    data = wav_header(raw.total, codec) + raw.read(0, raw.total)
    analysis = waveform.WaveformAnalysis()
    for i in range(0, len(data), 7_777):  # any chunking
        analysis.feed(data[i : i + 7_777])
    result = analysis.finish()
    assert result.lanes == 1
    assert_matches(result.segments[0], audio.talk_segments(KEY, duration)[1])


def test_spec_profile_mulaw_track() -> None:
    body = audio.mulaw_wav(KEY, 60_000, 1, "x")  # the specification's track 1: the agent, 44-byte header
    result = waveform.analyse(body.read(0, body.total))
    assert_matches(result.segments[0], audio.talk_segments(KEY, 60_000)[0])


def test_progressive_snapshots_are_usable_before_the_end() -> None:
    body = audio.stereo_wav(KEY, TEN_MINUTES, "x")
    truth = audio.talk_segments(KEY, TEN_MINUTES)
    analysis = waveform.WaveformAnalysis()
    assert analysis.snapshot().lanes == 0  # nothing yet, no error
    analysis.feed(body.read(0, 30))  # a header cut in the middle
    assert analysis.format is None
    half = 44 + body.total // 2 // 4 * 4 + 3  # half the call, ending inside a frame
    analysis.feed(body.read(30, half))
    early = analysis.snapshot()
    assert not early.complete and abs(early.analysed_ms - TEN_MINUTES // 2) <= waveform.BUCKET_MS
    assert early.duration_ms == TEN_MINUTES  # from the header: a view can scale the whole call at once
    for lane in (0, 1):
        closed = [s for s in truth[lane] if s[1] + 300 < early.analysed_ms]
        assert_matches(early.segments[lane][: len(closed)], closed)
        assert early.mins[lane].size == early.analysed_ms // waveform.BUCKET_MS
    analysis.feed(body.read(half, body.total))
    final = analysis.finish()
    whole = waveform.analyse(body.read(0, body.total))
    assert final.segments == whole.segments
    assert all(np.array_equal(a, b) for a, b in zip(final.maxs, whole.maxs, strict=True))


def test_silences_skip_and_overlaps() -> None:
    agent = ((0, 2000), (4000, 5000))
    caller = ((1800, 3200), (7000, 8000))
    gaps = waveform.silences((agent, caller), 10_000, min_ms=1000)
    assert gaps == [(5000, 7000), (8000, 10_000)]  # 3200-4000 is too short to skip
    assert waveform.silences((agent, caller), 0, min_ms=1000) == [(5000, 7000)]  # the end is not known yet
    assert waveform.overlaps(agent, caller) == [(1800, 2000)]
    assert waveform.skip_target(5100, gaps) == 7000 - 150
    assert waveform.skip_target(4900, gaps) is None  # still talking
    assert waveform.skip_target(6850, gaps) is None  # nearly through: no jump back or stutter


def test_not_a_wav_is_refused() -> None:
    with pytest.raises(waveform.UnsupportedAudio):
        waveform.WaveformAnalysis().feed(b"\x00\x00\x00\x20ftypisom" + bytes(100))
