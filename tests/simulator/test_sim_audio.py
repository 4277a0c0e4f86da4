"""Synthesized audio and Range decisions, without sockets."""

from __future__ import annotations

import itertools
import struct
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qms_desktop.simulator import audio
from qms_desktop.simulator.ranges import decide


def test_wav_header_and_length() -> None:
    body = audio.stereo_wav(123456789, 5_000, "x")
    assert body.total == 44 + 5_000 * 8 * 4
    header = body.read(0, 44)
    riff, size, wave, fmt, fmt_len, tag, channels, rate, byte_rate, align, bits, data, data_len = struct.unpack(
        "<4sI4s4sIHHIIHH4sI", header
    )
    assert (riff, wave, fmt, data) == (b"RIFF", b"WAVE", b"fmt ", b"data")
    assert (fmt_len, tag, channels, rate, byte_rate, align, bits) == (16, 1, 2, 8000, 32000, 4, 16)
    assert size == body.total - 8 and data_len == body.total - 44


def test_mulaw_wav_and_raw_lengths() -> None:
    wav = audio.mulaw_wav(1, 2_000, 1, "x")
    assert wav.total == 44 + 16_000
    assert struct.unpack("<H", wav.read(20, 22))[0] == 7  # WAVE_FORMAT_MULAW
    raw = audio.g711_raw(1, 2_000, 2, "PCMA", "x")
    assert raw.total == 16_000 and raw.header == b""


def test_parties_differ_and_take_turns() -> None:
    body = audio.stereo_wav(987654321, 60_000, "x")
    pcm = np.frombuffer(body.read(44, body.total), "<i2").reshape(-1, 2)
    loud = np.abs(pcm) > 2000
    assert loud[:, 0].mean() > 0.05 and loud[:, 1].mean() > 0.05
    both = loud[:, 0] & loud[:, 1]
    assert 0 < both.mean() < 0.1  # some talk-over, mostly turns
    truth = audio.talk_segments(987654321, 60_000)
    talking = np.zeros((2, len(pcm)), dtype=bool)
    for party, turns in truth.items():
        for start, stop in turns:
            talking[party, start * 8 : stop * 8] = True
    assert not (loud[:, 0] & ~talking[0]).any() and not (loud[:, 1] & ~talking[1]).any()
    assert not (both & ~(talking[0] & talking[1])).any()  # loud together only where the truth overlaps


def test_talk_segments_have_pauses_and_overlap() -> None:
    truth = audio.talk_segments(987654321, 600_000)
    agent, caller = truth[0], truth[1]
    assert all(a < b for a, b in agent + caller)
    overlap = sum(max(0, min(b, d) - max(a, c)) for a, b in agent for c, d in caller)
    assert overlap > 0
    gaps = [c - b for (_, b), (c, _) in itertools.pairwise(agent)]
    assert min(gaps) >= 300 and any(g < 1000 for g in gaps)  # short pauses as well as other people's turns
    assert audio.talk_segments(987654321, 600_000) == truth  # deterministic


def test_g711_matches_reference_encoder() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        audioop = pytest.importorskip("audioop")
    pcm = np.arange(-32768, 32768, dtype=np.int16)
    assert audio.encode_g711(pcm, "PCMU").tobytes() == audioop.lin2ulaw(pcm.tobytes(), 2)
    assert audio.encode_g711(pcm, "PCMA").tobytes() == audioop.lin2alaw(pcm.tobytes(), 2)


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, 200_000), length=st.integers(0, 150_000))
def test_any_range_equals_the_same_slice_of_the_whole(start: int, length: int) -> None:
    body = audio.stereo_wav(42, 20_000, "x")
    whole = _whole(body)
    assert body.read(start, start + length) == whole[start : start + length]
    assert (
        b"".join(body.iter_range(start, min(body.total, start + length), chunk=7_777)) == whole[start : start + length]
    )


_CACHE: dict[int, bytes] = {}


def _whole(body: audio.MediaBody) -> bytes:
    if body.total not in _CACHE:
        _CACHE[body.total] = b"".join(body.iter_range(0, body.total))
    return _CACHE[body.total]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, (200, 0, 999)),
        ("bytes=0-", (206, 0, 999)),
        ("bytes=0-0", (206, 0, 0)),
        ("bytes=100-199", (206, 100, 199)),
        ("bytes=900-5000", (206, 900, 999)),
        ("bytes=-10", (206, 990, 999)),
        ("bytes=-5000", (206, 0, 999)),
        ("bytes=999-", (206, 999, 999)),
        ("bytes=1000-", (416, 0, -1)),
        ("bytes=-0", (416, 0, -1)),
        ("bytes=0-1,5-9", (200, 0, 999)),
        ("bytes=9-1", (200, 0, 999)),
        ("items=0-10", (200, 0, 999)),
        ("garbage", (200, 0, 999)),
    ],
)
def test_range_decisions(header: str | None, expected: tuple[int, int, int]) -> None:
    d = decide(header, 1000)
    assert (d.status, d.start, d.end) == expected
