"""Audio synthesized on demand: any byte range of any recording, computed from sample indexes.

Nothing is ever written to disk or generated whole: a sample's value depends only on the call's
key, the party and the sample index, so a 200 MB WAV can be served from its middle in 64 KiB chunks.
Each party "talks" in turns (2-second segments) with a voice-like harmonic tone at its own pitch, with
pauses and some talk-over; `talk_segments` gives those turns as intervals (the ground truth).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

RATE = 8000
SAMPLES_PER_MS = RATE // 1000
SEGMENT = 2 * RATE
CHUNK = 64 * 1024
WAV_HEADER_BYTES = 44
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: a cheap, well-spread hash of uint64 values (wraps mod 2**64)."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return (x ^ (x >> np.uint64(31))) & _MASK64


_TABLE = 4096
_t = np.arange(_TABLE) * (2.0 * np.pi / _TABLE)
# One period of a buzzy, voice-like wave (fundamental plus harmonics); looked up instead of np.sin.
_VOICE = (np.sin(_t) + 0.5 * np.sin(2 * _t) + 0.25 * np.sin(3 * _t) + 0.12 * np.sin(5 * _t)).astype(np.float32)
# Low background hiss, repeating every 8 s; party 1 reads it at an offset so channels differ.
_NOISE = (np.random.default_rng(7).random(1 << 16, dtype=np.float32) - np.float32(0.5)) * np.float32(0.004)
_FADE = int(0.05 * RATE)  # 50 ms fade in and out of each turn
_SILENT = -1


@dataclass(frozen=True)
class _Plan:
    """The turns of segments `first ..`: who talks, until when, and how far into the next segment."""

    hashes: np.ndarray  # uint64 per segment
    speaker: np.ndarray  # int64: 0 agent, 1 far end, -1 nobody (a pause)
    end: np.ndarray  # int64: samples into the segment where its speaker stops
    overhang: np.ndarray  # int64: samples the speaker goes on talking over the next segment's speaker


def _plan(key: int, first: int, count: int) -> _Plan:
    """Segments `first .. first+count-1` (negative ones are silent)."""
    segs = np.arange(first, first + count + 1, dtype=np.int64)
    salt = np.uint64((key * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    h = _mix(segs.clip(0).astype(np.uint64) ^ salt)
    pick = (h % np.uint64(5)).astype(np.int64)
    speaker = np.where(pick < 2, 0, np.where(pick < 4, 1, _SILENT))
    speaker = np.where(segs < 0, _SILENT, speaker)
    nxt = speaker[1:]
    speaker, h = speaker[:-1], h[:-1]
    # About half of the hand-overs to the other party start while this one is still talking (300-700 ms).
    overlapping = (
        (speaker != _SILENT) & (nxt != _SILENT) & (nxt != speaker) & (((h >> np.uint64(34)) & np.uint64(1)) == 1)
    )
    overhang_ms = 300 + (((h >> np.uint64(35)) & np.uint64(0xFF)).astype(np.int64) * 400) // 255
    overhang = np.where(overlapping, overhang_ms * SAMPLES_PER_MS, 0)
    # A quarter of the other turns stop 500-700 ms early: a pause inside one party's talk.
    early = ~overlapping & (((h >> np.uint64(24)) & np.uint64(3)) == 0)
    early_ms = 500 + (((h >> np.uint64(26)) & np.uint64(0xFF)).astype(np.int64) * 200) // 255
    end = np.where(early, SEGMENT - early_ms * SAMPLES_PER_MS, SEGMENT)
    return _Plan(h, speaker, end, overhang)


def party_samples(key: int, party: int, first: int, count: int) -> np.ndarray:
    """PCM16 samples `first .. first+count-1` of one party (0 = agent, 1 = far end).

    Each 2 s segment belongs to party 0, party 1 or nobody (a pause); a turn may end early (a pause
    of 500-700 ms) or run 300-700 ms into the other party's next turn (talk-over). `talk_segments`
    gives the same turns as intervals: the ground truth for a voice-activity detector."""
    k = np.arange(first, first + count, dtype=np.int64)
    seg0 = first // SEGMENT - 1
    plan = _plan(key, seg0, (first + count) // SEGMENT - seg0 + 1)
    base = (125.0 + (key % 40)) if party == 0 else (195.0 + (key >> 8) % 50)
    f0 = base * (0.92 + 0.16 * ((plan.hashes >> np.uint64(16)) & np.uint64(0xFF)).astype(np.float64) / 255.0)
    seg = k // SEGMENT
    local = seg - seg0
    within = k - seg * SEGMENT
    # This segment's own turn, or the previous segment's speaker talking over its start.
    own = (plan.speaker[local] == party) & (within < plan.end[local])
    over = (plan.speaker[local - 1] == party) & (within < plan.overhang[local - 1])
    t = np.where(over, within + SEGMENT, within)  # samples since the turn began
    length = np.where(over, SEGMENT + plan.overhang[local - 1], plan.end[local])
    pitch = np.where(over, f0[local - 1], f0[local])
    # Phase as a table index computed from the sample index alone, so any chunking is bit-identical.
    idx = (t * (pitch * (_TABLE / RATE))).astype(np.int64) & (_TABLE - 1)
    # Syllables at 3.5 Hz with 50 ms fades at the turn's edges.
    envelope = (
        0.28
        * (0.55 - 0.45 * np.cos((2.0 * np.pi * 3.5 / RATE) * t))
        * np.minimum(1.0, np.minimum(t, length - t) / _FADE)
    ).astype(np.float32)
    voice = np.where(own | over, _VOICE[idx] * envelope, np.float32(0.0))
    hiss = _NOISE[(k + party * 20011) & 0xFFFF]
    return np.clip((voice + hiss) * np.float32(32767.0), -32768, 32767).astype(np.int16)


def talk_segments(key: int, duration_ms: int, *, min_gap_ms: int = 300) -> dict[int, list[tuple[int, int]]]:
    """Ground truth: per party (0 agent, 1 far end) the intervals [start_ms, end_ms) in which it talks,
    pauses shorter than `min_gap_ms` bridged, clipped to the call's duration."""
    n = _samples(duration_ms)
    count = -(-n // SEGMENT)
    plan = _plan(key, 0, count)
    out: dict[int, list[tuple[int, int]]] = {0: [], 1: []}
    segment_ms = SEGMENT // SAMPLES_PER_MS
    for s in range(count):
        party = int(plan.speaker[s])
        if party == _SILENT:
            continue
        start = s * segment_ms
        stop = start + int(plan.end[s] + plan.overhang[s]) // SAMPLES_PER_MS
        start, stop = min(start, duration_ms), min(stop, duration_ms)
        if stop <= start:
            continue
        turns = out[party]
        if turns and start - turns[-1][1] < min_gap_ms:
            turns[-1] = (turns[-1][0], max(turns[-1][1], stop))
        else:
            turns.append((start, stop))
    return out


# --- G.711 encoders: tables over every int16 value, built once (ITU-T G.711 / Sun g711.c) ---


def _build_ulaw() -> np.ndarray:
    pcm = np.arange(-32768, 32768, dtype=np.int64) >> 2
    mask = np.where(pcm < 0, 0x7F, 0xFF)
    mag = np.minimum(np.abs(pcm), 8159) + 0x21
    seg_end = np.array([0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF])
    seg = np.searchsorted(seg_end, mag, side="left")
    uval = np.where(seg >= 8, 0x7F, (np.minimum(seg, 7) << 4) | ((mag >> (np.minimum(seg, 7) + 1)) & 0xF))
    return (uval ^ mask).astype(np.uint8)


def _build_alaw() -> np.ndarray:
    pcm = np.arange(-32768, 32768, dtype=np.int64) >> 3
    mask = np.where(pcm >= 0, 0xD5, 0x55)
    mag = np.where(pcm >= 0, pcm, -pcm - 1)
    seg_end = np.array([0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF])
    seg = np.searchsorted(seg_end, mag, side="left")
    shift = np.where(seg < 2, 1, seg)
    aval = np.where(seg >= 8, 0x7F, (np.minimum(seg, 7) << 4) | ((mag >> shift) & 0xF))
    return (aval ^ mask).astype(np.uint8)


ULAW_TABLE = _build_ulaw()
ALAW_TABLE = _build_alaw()


def encode_g711(samples: np.ndarray, codec: str) -> np.ndarray:
    table = ALAW_TABLE if codec == "PCMA" else ULAW_TABLE
    return table[samples.astype(np.int32) + 32768]


def wav_header(data_bytes: int, *, channels: int, bits: int, format_tag: int) -> bytes:
    """A canonical 44-byte RIFF/WAVE header (16-byte fmt chunk, also for format 7 mu-law)."""
    block_align = channels * bits // 8
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, format_tag, channels, RATE, RATE * block_align, block_align, bits)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


@dataclass(frozen=True)
class MediaBody:
    """A virtual file: fixed header plus frames computed on demand."""

    total: int
    content_type: str
    etag: str
    header: bytes
    frame_bytes: int
    frames: Callable[[int, int], bytes]

    def read(self, start: int, end: int) -> bytes:
        """Bytes [start, end) of the file."""
        end = min(end, self.total)
        if start >= end:
            return b""
        out = []
        h = len(self.header)
        if start < h:
            out.append(self.header[start : min(end, h)])
        da, db = max(start, h) - h, max(end, h) - h
        if db > da:
            f0, f1 = da // self.frame_bytes, -(-db // self.frame_bytes)
            data = self.frames(f0, f1 - f0)
            skip = da - f0 * self.frame_bytes
            out.append(data[skip : skip + (db - da)])
        return b"".join(out)

    def iter_range(self, start: int, end: int, chunk: int = CHUNK) -> Iterator[bytes]:
        """Bytes [start, end) in chunks, so memory stays flat whatever the size."""
        pos = start
        while pos < end:
            nxt = min(end, pos + chunk)
            yield self.read(pos, nxt)
            pos = nxt


def _samples(duration_ms: int) -> int:
    return max(0, duration_ms) * SAMPLES_PER_MS


def stereo_wav(key: int, duration_ms: int, etag_base: str) -> MediaBody:
    """Whole call: PCM16 8 kHz stereo, the agent (track 0) left, the far end (track 1) right."""
    n = _samples(duration_ms)

    def frames(first: int, count: int) -> bytes:
        count = max(0, min(count, n - first))
        out = np.empty((count, 2), dtype="<i2")
        out[:, 0] = party_samples(key, 0, first, count)
        out[:, 1] = party_samples(key, 1, first, count)
        return out.tobytes()

    header = wav_header(n * 4, channels=2, bits=16, format_tag=1)
    return MediaBody(len(header) + n * 4, "audio/wav", f'"{etag_base}-wav-{n}"', header, 4, frames)


def g711_raw(key: int, duration_ms: int, track: int, codec: str, etag_base: str) -> MediaBody:
    """One track as headerless G.711 (what ExportRaw returns), in the track's own codec: track 0 the
    agent's phone, track 1 the far end."""
    n = _samples(duration_ms)

    def frames(first: int, count: int) -> bytes:
        count = max(0, min(count, n - first))
        return encode_g711(party_samples(key, track, first, count), codec).tobytes()

    return MediaBody(n, "application/octet-stream", f'"{etag_base}-raw{track}-{codec}-{n}"', b"", 1, frames)


def mulaw_wav(key: int, duration_ms: int, track: int, etag_base: str) -> MediaBody:
    """One party as a mono mu-law WAV (format tag 7), the spec profile's tracks 1 and 2."""
    n = _samples(duration_ms)

    def frames(first: int, count: int) -> bytes:
        count = max(0, min(count, n - first))
        return encode_g711(party_samples(key, track - 1, first, count), "PCMU").tobytes()

    header = wav_header(n, channels=1, bits=8, format_tag=7)
    return MediaBody(len(header) + n, "audio/wav", f'"{etag_base}-ulaw{track}-{n}"', header, 1, frames)
