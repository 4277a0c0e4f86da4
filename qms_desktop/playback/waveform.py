"""Who talks when: per-party peaks and speech segments from a recording's audio, as it streams.

Pure Python and numpy, no Qt. Feed the bytes of a WAV in any chunking (`WaveformAnalysis.feed`);
after each chunk the peaks (min/max per bucket) and the speech segments found so far are usable,
so a view can draw the waveform while the download is still running. Formats: the WAV files the
playback proxy serves (PCM 8/16-bit, G.711 mu-law and A-law, mono or stereo; a stereo whole call
has the agent on the left channel and the far end on the right). MP4/AAC needs a real decoder:
`UnsupportedAudio`.

Speech is found by energy: a 10 ms frame whose RMS is above `threshold_dbfs` is active; active
frames closer than `min_silence_ms` are one segment (the hang-over), so a silence is a pause of at
least that length. Audio is only read here, never stored: what may be kept (in memory) is the
derived `Waveform`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np

FRAME_MS = 10
BUCKET_MS = 20
DEFAULT_THRESHOLD_DBFS = -42.0
DEFAULT_MIN_SILENCE_MS = 300

_PCM, _ULAW, _ALAW = 1, 7, 6


class UnsupportedAudio(ValueError):
    """Not a WAV this module can decode (an MP4, a compressed WAV, garbage)."""


def _ulaw_table() -> np.ndarray:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    sign, exponent, mantissa = u & 0x80, (u >> 4) & 0x07, u & 0x0F
    magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return np.where(sign != 0, -magnitude, magnitude).astype(np.float32) / 32768.0


def _alaw_table() -> np.ndarray:
    a = np.arange(256, dtype=np.int32) ^ 0x55
    sign, exponent, mantissa = a & 0x80, (a >> 4) & 0x07, a & 0x0F
    magnitude = np.where(exponent == 0, (mantissa << 4) + 8, ((mantissa << 4) + 0x108) << np.maximum(exponent - 1, 0))
    return np.where(sign != 0, magnitude, -magnitude).astype(np.float32) / 32768.0


_TABLES = {_ULAW: _ulaw_table(), _ALAW: _alaw_table()}


@dataclass(frozen=True, slots=True)
class AudioFormat:
    format_tag: int  # 1 PCM, 6 A-law, 7 mu-law
    channels: int
    rate: int
    bits: int

    @property
    def frame_bytes(self) -> int:
        return self.channels * self.bits // 8


def parse_wav_header(data: bytes) -> tuple[AudioFormat, int] | None:
    """(format, offset of the samples) once `data` holds the header up to the `data` chunk; None
    while more bytes are needed. Raises UnsupportedAudio for anything but PCM/G.711 WAV."""
    if len(data) < 12:
        return None
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise UnsupportedAudio("not a WAV file")
    pos, fmt = 12, None
    while True:
        if len(data) < pos + 8:
            return None
        chunk, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if chunk == b"data":
            if fmt is None:
                raise UnsupportedAudio("WAV data before its format")
            return fmt, pos + 8
        if chunk == b"fmt ":
            if len(data) < pos + 8 + 16:
                return None
            tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", data[pos + 8 : pos + 24])
            if tag == 0xFFFE and size >= 40 and len(data) >= pos + 8 + 26:
                tag = struct.unpack("<H", data[pos + 32 : pos + 34])[0]  # WAVE_FORMAT_EXTENSIBLE's subformat
            if tag not in (_PCM, _ULAW, _ALAW) or channels < 1 or rate < 1 or bits not in (8, 16):
                raise UnsupportedAudio(f"WAV format {tag} with {bits} bits is not decoded here")
            fmt = AudioFormat(tag, channels, rate, bits)
        pos += 8 + size + (size & 1)
        if pos > 1 << 20:
            raise UnsupportedAudio("no data chunk in the first megabyte")


def decode(fmt: AudioFormat, payload: bytes) -> np.ndarray:
    """Whole frames of `payload` as float32 samples in [-1, 1], shape (frames, channels)."""
    if fmt.format_tag in _TABLES:
        samples = _TABLES[fmt.format_tag][np.frombuffer(payload, dtype=np.uint8)]
    elif fmt.bits == 16:
        samples = np.frombuffer(payload, dtype="<i2").astype(np.float32) / 32768.0
    else:
        samples = (np.frombuffer(payload, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    return samples.reshape(-1, fmt.channels)


@dataclass(slots=True)
class _Lane:
    """One channel's running state: peaks, frame energies and the segments closed so far."""

    mins: list[np.ndarray] = field(default_factory=list)
    maxs: list[np.ndarray] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)
    open_start: int | None = None  # ms: a segment still running at the last active frame
    last_active_end: int = 0  # ms: the end of the last active frame


@dataclass(frozen=True, slots=True)
class Waveform:
    """A snapshot: what has been analysed so far (`analysed_ms`), per lane (channel)."""

    bucket_ms: int
    mins: tuple[np.ndarray, ...]
    maxs: tuple[np.ndarray, ...]
    segments: tuple[tuple[tuple[int, int], ...], ...]  # per lane: [start_ms, end_ms)
    analysed_ms: int
    duration_ms: int | None  # from the header, when known
    complete: bool

    @property
    def lanes(self) -> int:
        return len(self.mins)


class WaveformAnalysis:
    """Feed a WAV's bytes in order; read `snapshot()` at any time (progressive)."""

    def __init__(
        self,
        *,
        threshold_dbfs: float = DEFAULT_THRESHOLD_DBFS,
        min_silence_ms: int = DEFAULT_MIN_SILENCE_MS,
        bucket_ms: int = BUCKET_MS,
    ) -> None:
        if bucket_ms % FRAME_MS:
            raise ValueError("bucket_ms must be a multiple of FRAME_MS")
        self.threshold = float(10 ** (threshold_dbfs / 20.0))
        self.min_silence_ms = min_silence_ms
        self.bucket_ms = bucket_ms
        self.format: AudioFormat | None = None
        self.data_bytes: int | None = None
        self._head = b""
        self._rest = b""  # bytes short of a whole analysis block
        self._frames = 0  # sample frames analysed
        self._lanes: list[_Lane] = []
        self.complete = False

    @property
    def block_bytes(self) -> int:
        assert self.format is not None
        return self.format.frame_bytes * self.format.rate * self.bucket_ms // 1000

    @property
    def analysed_ms(self) -> int:
        if self.format is None:
            return 0
        return self._frames * 1000 // self.format.rate

    def feed(self, data: bytes) -> None:
        if self.format is None:
            self._head += data
            parsed = parse_wav_header(self._head)
            if parsed is None:
                return
            self.format, offset = parsed
            self.data_bytes = struct.unpack("<I", self._head[offset - 4 : offset])[0] or None
            self._lanes = [_Lane() for _ in range(self.format.channels)]
            data, self._head = self._head[offset:], b""
        buffer = self._rest + data if self._rest else data
        usable = len(buffer) - len(buffer) % self.block_bytes
        if usable:
            self._analyse(decode(self.format, buffer[:usable]))
        self._rest = bytes(buffer[usable:])

    def finish(self) -> Waveform:
        """The stream ended: analyse the tail (a last, shorter bucket) and close open segments."""
        if self.format is not None and self._rest:
            whole = len(self._rest) - len(self._rest) % self.format.frame_bytes
            if whole:
                self._analyse(decode(self.format, self._rest[:whole]))
            self._rest = b""
        for lane in self._lanes:
            if lane.open_start is not None:
                lane.segments.append((lane.open_start, lane.last_active_end))
                lane.open_start = None
        self.complete = True
        return self.snapshot()

    def _analyse(self, samples: np.ndarray) -> None:
        assert self.format is not None
        rate = self.format.rate
        frame = rate * FRAME_MS // 1000
        first_ms = self._frames * 1000 // rate
        n = samples.shape[0]
        per_bucket = rate * self.bucket_ms // 1000
        buckets = -(-n // per_bucket)
        frames = -(-n // frame)
        for channel, lane in enumerate(self._lanes):
            x = samples[:, channel]
            padded = np.zeros(buckets * per_bucket, dtype=np.float32)
            padded[:n] = x
            shaped = padded.reshape(buckets, per_bucket)
            lane.mins.append(shaped.min(axis=1))
            lane.maxs.append(shaped.max(axis=1))
            energy = np.zeros(frames * frame, dtype=np.float32)
            energy[:n] = x * x
            rms = np.sqrt(energy.reshape(frames, frame).mean(axis=1))
            self._segments(lane, np.flatnonzero(rms > self.threshold), first_ms)
        self._frames += n

    def _segments(self, lane: _Lane, active: np.ndarray, first_ms: int) -> None:
        if active.size == 0:
            return
        starts = first_ms + active * FRAME_MS
        # A segment ends where the pause before the next active frame reaches min_silence_ms.
        before = lane.last_active_end if lane.open_start is not None else -(1 << 62)
        previous_end = np.concatenate(([before], starts[:-1] + FRAME_MS))
        for i in np.flatnonzero(starts - previous_end >= self.min_silence_ms):
            if lane.open_start is not None:
                lane.segments.append((lane.open_start, int(previous_end[i])))
            lane.open_start = int(starts[i])
        lane.last_active_end = int(starts[-1] + FRAME_MS)

    def snapshot(self) -> Waveform:
        duration = None
        if self.format is not None and self.data_bytes:
            duration = self.data_bytes // self.format.frame_bytes * 1000 // self.format.rate
        segments = []
        for lane in self._lanes:
            found = list(lane.segments)
            if lane.open_start is not None:
                found.append((lane.open_start, lane.last_active_end))
            segments.append(tuple(found))
        return Waveform(
            bucket_ms=self.bucket_ms,
            mins=tuple(np.concatenate(lane.mins) if lane.mins else np.zeros(0, np.float32) for lane in self._lanes),
            maxs=tuple(np.concatenate(lane.maxs) if lane.maxs else np.zeros(0, np.float32) for lane in self._lanes),
            segments=tuple(segments),
            analysed_ms=self.analysed_ms,
            duration_ms=duration,
            complete=self.complete,
        )


def analyse(data: bytes, **options: float | int) -> Waveform:
    """A whole file at once (tests, the benchmark)."""
    analysis = WaveformAnalysis(**options)  # type: ignore[arg-type]
    analysis.feed(data)
    return analysis.finish()


# ---- what the listening controls need -----------------------------------------------------------


def silences(
    segments: tuple[tuple[tuple[int, int], ...], ...], analysed_ms: int, *, min_ms: int
) -> list[tuple[int, int]]:
    """Intervals up to `analysed_ms` where no lane talks, at least `min_ms` long."""
    talk = sorted(s for lane in segments for s in lane)
    out: list[tuple[int, int]] = []
    cursor = 0
    for start, end in talk:
        if start - cursor >= min_ms:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if analysed_ms - cursor >= min_ms:
        out.append((cursor, analysed_ms))
    return out


def skip_target(position_ms: int, gaps: list[tuple[int, int]], *, lead_in_ms: int = 150) -> int | None:
    """Where to jump when playback at `position_ms` is inside one of `gaps` (None: play on). Lands
    `lead_in_ms` before the speech resumes, so its first syllable is heard."""
    for start, end in gaps:
        if start <= position_ms < end - lead_in_ms - 50:
            return end - lead_in_ms
        if start > position_ms:
            break
    return None


def overlaps(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Where two lanes talk at once (talk-over)."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out
