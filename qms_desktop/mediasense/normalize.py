"""Turn raw MediaSense session JSON (cisco / spec / legacy dialects) into `SessionRecord`s.

Pure functions: no Qt, no database, no network. The rules, in short:

* Numbers may arrive as JSON numbers or numeric strings in every dialect (old servers quote them).
* Missing values, JSON null and empty/whitespace strings all mean "not given".
* A value that is present but garbage (e.g. a duration of "abc") rejects the whole session with a
  reason naming the field: silently turning it into None would hide broken data from the sync log.
  The exceptions are deliberate: an unknown state becomes UNKNOWN, an unknown direction becomes None.
* `normalize_page` never raises for a bad item; every item ends up as a record or a rejection.

Kept lean (plain dicts and dataclasses) because a sync normalizes hundreds of thousands of rows.
The work is split by seam: slotinit.py builds the dataclasses, fields.py reads single fields,
cisco_sessions.py and spec_sessions.py normalize one dialect's session each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from itertools import repeat
from typing import cast

import orjson
from msgspec import Raw

from qms_desktop.domain.sessions import RejectedRecord, SessionRecord
from qms_desktop.mediasense.cisco_sessions import normalize_cisco
from qms_desktop.mediasense.cisco_typed import read_session
from qms_desktop.mediasense.fields import (
    Reject,
    parse_bool,
    parse_epoch_ms,
    parse_int,
    read_session_id,
    show,
    to_datetime,
)
from qms_desktop.mediasense.slotinit import new_participant, new_record, new_track
from qms_desktop.mediasense.spec_sessions import normalize_spec

__all__ = [
    "DIALECTS",
    "detect_dialect",
    "normalize_page",
    "normalize_session",
    "parse_bool",
    "parse_epoch_ms",
    "parse_int",
    "to_datetime",
]

DIALECTS = frozenset({"cisco", "spec", "legacy"})
_AUTO = "auto"

# The fast dataclass builders under their former names here (tests compare them with the constructors).
_new_record = new_record
_new_track = new_track
_new_participant = new_participant


# ---------------------------------------------------------------------------------------------
# Dialect detection
# ---------------------------------------------------------------------------------------------


def detect_dialect(raw: object) -> str:
    """Guess which dialect produced one session object.

    spec sessions carry sessionStartTime / callDirection / agent; cisco and legacy carry
    sessionStartDate, legacy with the numbers quoted. Anything unrecognisable is called cisco,
    the real API."""
    if not isinstance(raw, Mapping):
        return "cisco"
    if "sessionStartTime" in raw or "callDirection" in raw or "agent" in raw:
        return "spec"
    if "sessionStartDate" in raw:
        return "legacy" if type(raw["sessionStartDate"]) is str else "cisco"
    if "sessionEndTime" in raw or "recordingId" in raw or ("state" in raw and "sessionState" not in raw):
        return "spec"
    return "cisco"


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def normalize_session(raw: object, dialect: str, raw_json: str | None = None) -> SessionRecord | RejectedRecord:
    """One raw session object -> SessionRecord, or RejectedRecord saying which field was wrong.

    `dialect` is "cisco", "spec", "legacy", or "auto" (detect per object). An unknown dialect name
    is a programming error and raises ValueError; bad data never raises. `raw_json`: the object as
    JSON text, when the caller already has it (kept on the record so the store need not redo it)."""
    if dialect == _AUTO:
        dialect = detect_dialect(raw)
    elif dialect not in DIALECTS:
        raise ValueError(f"unknown MediaSense dialect {dialect!r}; expected one of {sorted(DIALECTS)}")
    if type(raw) is not dict and not isinstance(raw, Mapping):
        return RejectedRecord(raw=raw, reason=f"session: expected an object, got {type(raw).__name__}", dialect=dialect)
    sid = read_session_id(raw)
    try:
        if sid is None:
            value = raw.get("sessionId")
            if value is None or (type(value) is str and not value.strip()):
                raise Reject("sessionId: missing")
            raise Reject(f"sessionId: expected text, got {type(value).__name__} {show(value)}")
        if dialect == "spec":
            return normalize_spec(raw, sid, dialect, raw_json)
        return normalize_cisco(raw, sid, dialect, raw_json)
    except Reject as exc:
        return RejectedRecord(raw=raw, reason=str(exc), session_id=sid, dialect=dialect)
    except Exception as exc:  # a safety net: one odd row must never cost the page
        return RejectedRecord(
            raw=raw, reason=f"unexpected data: {type(exc).__name__}: {exc}", session_id=sid, dialect=dialect
        )


def normalize_page(
    items: Iterable[object],
    dialect: str,
    raw_texts: Iterable[str | None] | None = None,
    raw_prints: Iterable[str | None] | None = None,
) -> tuple[list[SessionRecord], list[RejectedRecord]]:
    """Normalize a page of sessions; every item lands in exactly one of the two lists, in order.
    `raw_texts`: each item's JSON text, in the same order, when the caller has it; `raw_prints`: the
    fingerprint of each of those texts (`fingerprint_bytes` in `dialect`). An item may be a
    session's undecoded bytes (`msgspec.Raw`, from `session_bytes.split_sessions`)."""
    if dialect != _AUTO and dialect not in DIALECTS:
        raise ValueError(f"unknown MediaSense dialect {dialect!r}; expected one of {sorted(DIALECTS)}")
    records: list[SessionRecord] = []
    rejected: list[RejectedRecord] = []
    add_record = records.append
    add_rejected = rejected.append
    texts = raw_texts if raw_texts is not None else repeat(None)
    prints = raw_prints if raw_prints is not None else repeat(None)
    for item, text, printed in zip(items, texts, prints, strict=False):
        out = _read_raw(item, dialect, text, printed) if type(item) is Raw else normalize_session(item, dialect, text)
        if type(out) is SessionRecord:
            add_record(out)
        else:  # `type() is` does not narrow the other branch; normalize_session returns one of the two
            add_rejected(cast(RejectedRecord, out))
    return records, rejected


def _read_raw(item: Raw, dialect: str, text: str | None, printed: str | None) -> SessionRecord | RejectedRecord:
    """One session's bytes: the typed reader for an ordinary cisco session, the tolerant one otherwise."""
    if dialect == "cisco" and text is not None:
        record = read_session(item, text, printed)
        if record is not None:
            return record
    try:
        value = _decode(item)
    except (ValueError, RecursionError) as exc:  # valid JSON, but nested deeper than any parser here takes
        reason = f"session: JSON that cannot be read ({type(exc).__name__}: {str(exc)[:80]})"
        return RejectedRecord(raw=bytes(item).decode(errors="replace"), reason=reason, dialect=dialect)
    return normalize_session(value, dialect, text)


def _decode(item: Raw) -> object:
    data = memoryview(item)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # JSON the page's parser took and orjson does not (nested over 1024 deep)
        return json.loads(bytes(data))
