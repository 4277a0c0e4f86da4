"""A WAV wrapper for headerless G.711 (what MediaSense's per-track raw download returns).

We write the standard-conformant 58-byte header for non-PCM formats: a fmt chunk of 18 bytes
(`cbSize` = 0), a `fact` chunk with the sample count, then `data`. Strict readers (Media Foundation)
want `fact` for compressed formats; FFmpeg, GStreamer and VLC read it too. Format tag 7 is mu-law
(PCMU), 6 is A-law (PCMA); 8 kHz, mono, 8 bits per sample. RIFF chunks are word-aligned, so a body
of odd length is followed by one zero pad byte, counted in the file size and the Range math.
"""

from __future__ import annotations

import struct

SAMPLE_RATE = 8000
HEADER_BYTES = 58
FORMAT_TAGS = {"PCMU": 7, "PCMA": 6}
_ALIASES = {"G711U": "PCMU", "G711ULAW": "PCMU", "ULAW": "PCMU", "MULAW": "PCMU",
            "G711A": "PCMA", "G711ALAW": "PCMA", "ALAW": "PCMA"}  # fmt: skip


def g711_codec(codec: str | None) -> str:
    """`PCMU` or `PCMA` from the names MediaSense uses; unknown or missing codecs are taken as PCMU."""
    name = (codec or "PCMU").upper().replace(".", "").replace("-", "").replace("_", "")
    name = _ALIASES.get(name, name)
    return name if name in FORMAT_TAGS else "PCMU"


def pad_bytes(data_bytes: int) -> int:
    return data_bytes & 1


def wav_header(data_bytes: int, codec: str) -> bytes:
    """The 58-byte header for `data_bytes` of 8 kHz mono G.711 in `codec` (PCMU or PCMA)."""
    tag = FORMAT_TAGS[g711_codec(codec)]
    riff_size = 4 + (8 + 18) + (8 + 4) + (8 + data_bytes + pad_bytes(data_bytes))
    header = (
        b"RIFF"
        + struct.pack("<I", riff_size)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHHH", 18, tag, 1, SAMPLE_RATE, SAMPLE_RATE, 1, 8, 0)
        + b"fact"
        + struct.pack("<II", 4, data_bytes)
        + b"data"
        + struct.pack("<I", data_bytes)
    )
    assert len(header) == HEADER_BYTES
    return header
