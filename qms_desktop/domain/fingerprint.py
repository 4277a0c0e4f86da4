"""A session's fingerprint: the hash of the JSON MediaSense sent for it, taken before any parsing.

The sync compares it with the fingerprint stored with the row to tell an unchanged session without
normalizing, enriching or writing it (a re-read window is mostly unchanged sessions). What the
directory adds to a row (agent, team, direction) is not part of it: a directory change re-links the
stored rows in place, so an unchanged session stays unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson

# Bump when normalization changes what a row holds for the same JSON: every stored row then differs
# from its next copy once and is rewritten by the next sync that reads it.
FINGERPRINT_VERSION = b"2"


def raw_json(raw: Mapping[str, Any] | None) -> str | None:
    """The session's JSON as stored in `recordings.raw` (None for none); orjson keeps key order."""
    if not raw:
        return None
    return orjson.dumps(raw, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


def fingerprint(text: str, dialect: str) -> str:
    """32 hex digits over the dialect and the session's JSON text."""
    return _digest(text.encode(), dialect)


def fingerprinted(raw: Mapping[str, Any], dialect: str) -> tuple[str, str]:
    """(`raw_json(raw)`, its fingerprint) from one serialization, for a session that has content."""
    data = orjson.dumps(raw, default=str, option=orjson.OPT_NON_STR_KEYS)
    return data.decode(), _digest(data, dialect)


def _digest(data: bytes, dialect: str) -> str:
    digest = hashlib.blake2b(FINGERPRINT_VERSION + dialect.encode() + b"\x00", digest_size=16)
    digest.update(data)
    return digest.hexdigest()


__all__ = ["FINGERPRINT_VERSION", "fingerprint", "fingerprinted", "raw_json"]
