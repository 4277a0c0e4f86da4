"""A session's fingerprint: the hash of the JSON MediaSense sent for it, taken before any parsing.

The sync compares it with the fingerprint stored with the row to tell an unchanged session without
normalizing, enriching or writing it (a re-read window is mostly unchanged sessions). What the
directory adds to a row (agent, team, direction) is not part of it: a directory change re-links the
stored rows in place, so an unchanged session stays unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

# Bump when normalization changes what a row holds for the same JSON: every stored row then differs
# from its next copy once and is rewritten by the next sync that reads it.
FINGERPRINT_VERSION = b"2"


def raw_json(raw: Mapping[str, Any] | None) -> str | None:
    """The session's JSON as stored in `recordings.raw` (None for none); orjson keeps key order."""
    if type(raw) is JsonObject:
        return raw.text or None
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


def fingerprint_bytes(data: bytes, dialect: str) -> str:
    """The fingerprint of a session's JSON as MediaSense sent it (equal to `fingerprint` of its text)."""
    return _digest(data, dialect)


class JsonObject(Mapping[str, Any]):
    """A session's JSON object, parsed only when someone reads it.

    Records read from a page carry their JSON text for the store; most are never looked at as a
    mapping, so the parse is left until that happens (a sync reads hundreds of thousands)."""

    __slots__ = ("_value", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._value: Mapping[str, Any] | None = None

    def _parsed(self) -> Mapping[str, Any]:
        if self._value is None:
            value = orjson.loads(self.text)
            self._value = value if isinstance(value, dict) else {}
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._parsed()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())

    def __repr__(self) -> str:
        return f"JsonObject({self.text[:60]!r})"

    def __reduce__(self) -> tuple[type[JsonObject], tuple[str]]:
        return JsonObject, (self.text,)


def _digest(data: bytes, dialect: str) -> str:
    digest = hashlib.blake2b(FINGERPRINT_VERSION + dialect.encode() + b"\x00", digest_size=16)
    digest.update(data)
    return digest.hexdigest()


__all__ = ["FINGERPRINT_VERSION", "JsonObject", "fingerprint", "fingerprint_bytes", "fingerprinted", "raw_json"]
