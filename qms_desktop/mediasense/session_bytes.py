"""A getSessions answer split into each session's own bytes, before any session is parsed.

The sync fingerprints a session by the bytes MediaSense sent for it and parses only the sessions
that changed since they were stored (a re-read window is mostly unchanged sessions). msgspec hands
out each element of `responseBody.sessions` as a `Raw` slice of the answer, validated as JSON but
not turned into objects. Any other shape of answer is left to the usual decoding.
"""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec import UNSET, Raw, UnsetType

from qms_desktop.mediasense.fields import read_session_id


class _Body(msgspec.Struct, forbid_unknown_fields=True):
    sessions: list[Raw]


class _Answer(msgspec.Struct, forbid_unknown_fields=True):
    # Exactly MediaSense's envelope: an answer with anything more is decoded the usual way, so no
    # part of it is lost to this shortcut.
    responseCode: Any = UNSET
    responseMessage: Any = UNSET
    responseBody: _Body | UnsetType = UNSET


class _SessionId(msgspec.Struct):
    sessionId: Any = None


_answer = msgspec.json.Decoder(_Answer)
_session_id = msgspec.json.Decoder(_SessionId)


def split_sessions(content: bytes) -> dict[str, Any] | None:
    """The answer as a dict whose `responseBody.sessions` holds each session as `msgspec.Raw`, or
    None when the answer is not exactly that envelope (then it is decoded as any other answer)."""
    try:
        answer = _answer.decode(content)
    except (msgspec.DecodeError, RecursionError):  # not JSON, another shape, or nested too deep to split
        return None
    if answer.responseBody is UNSET:
        return None
    payload: dict[str, Any] = {"responseBody": {"sessions": answer.responseBody.sessions}}
    if answer.responseCode is not UNSET:
        payload["responseCode"] = answer.responseCode
    if answer.responseMessage is not UNSET:
        payload["responseMessage"] = answer.responseMessage
    return payload


def session_id(raw: Raw) -> str | None:
    """The session id of one session's bytes, read as the normalizer reads it (None: none usable)."""
    try:
        value = _session_id.decode(raw).sessionId
    except (msgspec.DecodeError, RecursionError):  # not an object, or too deep: normalizing it says why
        return None
    return read_session_id({"sessionId": value})


__all__ = ["Raw", "session_id", "split_sessions"]
