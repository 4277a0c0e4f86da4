"""The typed reader (msgspec) of ordinary cisco sessions agrees with the tolerant normalizer.

Wherever the typed reader returns a record it must be the record the tolerant normalizer builds
from the same bytes; everything else it must leave to the tolerant one. Checked over the simulator's
real pages (which it must read itself, all of them) and over generated sessions with odd values.
"""

from __future__ import annotations

import json
import pickle
from datetime import timedelta
from typing import Any

import hypothesis
import msgspec
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qms_desktop.domain.fingerprint import JsonObject, fingerprint, fingerprint_bytes, raw_json
from qms_desktop.domain.sessions import RejectedRecord, SessionFilters, SessionRecord
from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense.cisco_typed import read_session
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.dialects import QUERY_BY_NAME
from qms_desktop.mediasense.fields import MAX_MS, MIN_MS
from qms_desktop.mediasense.normalize import normalize_page, normalize_session
from qms_desktop.mediasense.queries import fingerprint_items
from qms_desktop.mediasense.session_bytes import session_id, split_sessions
from tests.conftest import sim_client_config

START_MS = 1769421214895


def tolerant(data: bytes, text: str) -> SessionRecord | RejectedRecord:
    return normalize_session(orjson.loads(data), "cisco", text)


def assert_agree(data: bytes) -> SessionRecord | None:
    """The typed reading of `data` (None when it leaves it), checked against the tolerant one."""
    text = data.decode()
    typed = read_session(data, text)
    if typed is None:
        return None
    reference = tolerant(data, text)
    assert isinstance(reference, SessionRecord), reference
    assert typed == reference
    for name in SessionRecord.__dataclass_fields__:  # also the fields equality leaves out
        if name != "raw":
            assert getattr(typed, name) == getattr(reference, name), name
    assert dict(typed.raw) == dict(reference.raw)
    assert typed.raw_json == text
    return typed


# ---- the simulator's pages ----------------------------------------------------------------------


async def _raw_pages(sim: Any, ca_file: str, *, days: int) -> list[list[msgspec.Raw]]:
    """Every getSessions page of the simulated days as the client's transport splits it."""
    client = MediaSenseClient(sim_client_config(sim, ca_file))
    dialect = QUERY_BY_NAME["cisco"]
    now = sim.clock.now()
    window = TimeWindow(now - timedelta(days=days), now)
    pages: list[list[msgspec.Raw]] = []
    try:
        offset = 0
        while True:
            built = dialect.build(window, SessionFilters(), offset, 100)
            response = await client.request(built.method, built.path, json=built.json, raw_sessions=True)
            items = response.payload["responseBody"]["sessions"] if response.payload.get("responseBody") else []
            if not items:
                return pages
            assert all(type(item) is msgspec.Raw for item in items)
            pages.append(items)
            offset += len(items)
    finally:
        await client.aclose()


@pytest.mark.asyncio
@pytest.mark.parametrize("cisco_version", ["11.5", "8.5"])
async def test_the_simulators_sessions_are_read_by_the_typed_reader_as_the_tolerant_one_reads_them(
    start_sim: Any, ca_file: str, cisco_version: str
) -> None:
    sim = start_sim(sessions_per_day=400, days=2, cisco_version=cisco_version)
    pages = await _raw_pages(sim, ca_file, days=2)
    sessions = [bytes(item) for page in pages for item in page]
    assert len(sessions) > 500
    typed = [assert_agree(data) for data in sessions]
    read = [record for record in typed if record is not None]
    if cisco_version == "8.5":
        # The 8.5 array of one-key objects is not the typed shape: every such session goes to the
        # tolerant reader (and is read all the same).
        with_urls = [data for data in sessions if b'"urls"' in data]
        assert with_urls and all(read_session(data, data.decode()) is None for data in with_urls)
    else:
        assert len(read) == len(sessions)  # every ordinary session takes the quick way
        assert {r.state.value for r in read} >= {"ACTIVE", "CLOSED_NORMAL", "CLOSED_ERROR"}
        assert any(r.duration_ms is not None and "sessionDuration" not in (r.raw_json or "") for r in read)


@pytest.mark.asyncio
async def test_a_page_read_through_the_client_equals_the_tolerant_reading_of_its_sessions(
    start_sim: Any, ca_file: str
) -> None:
    sim = start_sim(sessions_per_day=300, days=1)
    client = MediaSenseClient(sim_client_config(sim, ca_file))
    now = sim.clock.now()
    try:
        page = await client.query_sessions(TimeWindow(now - timedelta(days=1), now), limit=1000)
    finally:
        await client.aclose()
    assert page.records and not page.rejected
    for record in page.records:
        assert type(record.raw) is JsonObject and record.raw_json is not None
        assert tolerant(record.raw_json.encode(), record.raw_json) == record


# ---- generated sessions -------------------------------------------------------------------------

_odd: st.SearchStrategy[Any] = st.sampled_from(["2", "", " ", 1.0, 4.5, True, "true", [], {}, -3, None])
_text = st.sampled_from(["PCMU", " x ", "", "   ", "1160", "+380 68 291", "\u00a0y\u00a0", "é"]) | st.none()
_in_range = st.sampled_from([START_MS, START_MS + 999, 0, -1, MIN_MS, 253_402_000_000_000]) | st.none()
_epoch = _in_range | st.sampled_from([MAX_MS, MAX_MS + 1, MIN_MS - 1])
_count = st.sampled_from([0, 5, 61_000, 3_600_000]) | st.none()
_huge = st.sampled_from([MAX_MS])  # past year 9999 once added to a start


def _sessions(odd: bool) -> st.SearchStrategy[dict[str, Any]]:
    """cisco-shaped sessions; with `odd`, any field may also hold a value of the wrong kind."""

    def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(strategy, strategy, strategy, _odd) if odd else strategy

    epoch = _epoch if odd else _in_range
    count = _count | _huge if odd else _count
    participant = st.fixed_dictionaries(
        {},
        optional={
            "deviceRef": maybe(_text | st.integers(0, 9999)) if odd else _text,
            "deviceId": maybe(_text),
            "participantStartDate": maybe(epoch),
            "participantDuration": maybe(count),
            "xRefCi": maybe(_text),
            "isConference": maybe(st.booleans() | st.none()),
            "role": _text,
        },
    )
    track = st.fixed_dictionaries(
        {},
        optional={
            "trackNumber": maybe(st.sampled_from([0, 1, 2]) | st.none()),
            "trackMediaType": maybe(st.sampled_from(["AUDIO", "VIDEO", " audio ", ""]) | st.none()),
            "codec": maybe(_text),
            "trackStartDate": maybe(epoch),
            "trackDuration": maybe(count),
            "downloadUrl": maybe(_text),
            "participants": maybe(st.lists(maybe(participant), max_size=3)),
        },
    )
    tag_fields: dict[str, st.SearchStrategy[Any]] = {
        "tagType": maybe(st.sampled_from(["USER_DEFINED", "SYSTEM_DEFINED", " x "]) | st.none()),
        "tagCreateDate": maybe(epoch),
        "tagOffset": maybe(count),
        "trackNumber": maybe(st.sampled_from([0, 1]) | st.none()),
    }
    if odd:
        tag_fields.update({"tagName": maybe(_text), "name": _text, "type": _text})
        tag = st.fixed_dictionaries({}, optional=tag_fields) | st.text(max_size=3)
    else:
        tag = st.fixed_dictionaries({"tagName": st.sampled_from(["TrackActive", " escalation "])}, optional=tag_fields)
    url_keys = st.sampled_from(["wavUrl", "mp4Url", "httpUrl", "rtspUrl"])
    urls = st.dictionaries(url_keys, _text, max_size=4) | st.none()
    if odd:
        urls = maybe(
            urls
            | st.dictionaries(url_keys | st.just("otherUrl"), maybe(_text), max_size=4)
            | st.lists(st.dictionaries(url_keys, _text, max_size=1), max_size=3)
        )
    optional: dict[str, st.SearchStrategy[Any]] = {
        "sessionState": maybe(st.sampled_from(["ACTIVE", "CLOSED_NORMAL", " closed_error ", "WEIRD"])),
        "sessionDuration": maybe(count),
        "callControllerIP": maybe(_text),
        "callControllerType": maybe(_text),
        "ccid": maybe(_text),
        "tracks": maybe(st.lists(maybe(track), max_size=3)),
        "urls": urls,
        "tags": maybe(st.lists(maybe(tag), max_size=3)),
        "pruned": maybe(st.booleans()),
        "unknownField": _text,
    }
    if odd:
        optional.update({"state": st.sampled_from(["ACTIVE", "DELETED"]), "agent": _text, "recordingId": _text})
    session_ids = st.sampled_from(["4f1e2", " 4f1e2 "])
    required: dict[str, st.SearchStrategy[Any]] = {
        "sessionId": maybe(session_ids | st.sampled_from(["", "  "]) | st.integers(0, 99)),
        "sessionStartDate": maybe(epoch),
    }
    if not odd:  # what an ordinary session always has
        required = {
            "sessionId": session_ids,
            "sessionStartDate": epoch.filter(bool),
            "sessionState": optional.pop("sessionState"),
        }
    return st.fixed_dictionaries(required, optional=optional)


@settings(max_examples=600, deadline=None)
@given(session=_sessions(odd=False) | _sessions(odd=True), spaced=st.booleans(), ascii_only=st.booleans())
def test_generated_sessions_typed_reading_agrees_with_the_tolerant_one(
    session: dict[str, Any], spaced: bool, ascii_only: bool
) -> None:
    data = json.dumps(session, indent=1 if spaced else None, ensure_ascii=ascii_only).encode()
    typed = assert_agree(data)
    hypothesis.event("typed" if typed is not None else "tolerant")
    if "tags" in session or "urls" in session or "tracks" in session:
        hypothesis.event("typed, with children" if typed is not None else "tolerant, with children")


def test_what_the_typed_reader_leaves_to_the_tolerant_one() -> None:
    ordinary = {"sessionId": "a1", "sessionState": "CLOSED_NORMAL", "sessionStartDate": START_MS, "sessionDuration": 5}
    assert assert_agree(orjson.dumps(ordinary)) is not None
    for change in (
        {"sessionDuration": "5"},  # a quoted number
        {"sessionDuration": -5},  # rejected by the tolerant reader, with its reason
        {"sessionStartDate": None},
        {"sessionState": ""},  # the state may be under "state"
        {"agent": "a"},  # a specification field
        {"tracks": [None]},
        {"urls": {"wavUrl": "w", "otherUrl": "o"}},  # an unknown URL key is logged by the tolerant reader
        {"tags": ["plain"]},
        {"tags": [{"name": "n"}]},
        {"sessionDuration": MAX_MS},  # past year 9999
    ):
        data = orjson.dumps({**ordinary, **change})
        assert read_session(data, data.decode()) is None, change
    rejected = tolerant(orjson.dumps({**ordinary, "sessionDuration": -5}), "{}")
    assert isinstance(rejected, RejectedRecord) and "sessionDuration" in rejected.reason


# ---- the page split and the fingerprint of the bytes --------------------------------------------


def test_a_page_in_the_usual_envelope_is_split_into_each_sessions_bytes() -> None:
    page = b'{"responseCode":2000,"responseMessage":"ok","responseBody":{"sessions":[{"sessionId":"a"}, 5, null]}}'
    split = split_sessions(page)
    assert split is not None and split["responseCode"] == 2000 and split["responseMessage"] == "ok"
    items = split["responseBody"]["sessions"]
    assert [bytes(item) for item in items] == [b'{"sessionId":"a"}', b"5", b"null"]
    assert [session_id(item) for item in items] == ["a", None, None]
    records, rejected = normalize_page(items, "cisco", fingerprint_items(items, "cisco")[0])
    assert not records and len(rejected) == 3  # no start, not an object, not an object: each with its reason
    assert {r.reason for r in rejected} >= {"sessionStartDate: missing", "session: expected an object, got int"}


def test_json_nested_too_deep_to_read_is_refused_or_quarantined_never_a_crash() -> None:
    deep = b'{"sessionId":"deep","sessionStartDate":1,"x":' + b"[" * 3000 + b"]" * 3000 + b"}"
    good = orjson.dumps({"sessionId": "good", "sessionState": "CLOSED_NORMAL", "sessionStartDate": START_MS})
    # A whole answer that deep is not split (the usual decoding then says it is not readable JSON) ...
    assert split_sessions(b'{"responseCode":2000,"responseBody":{"sessions":[' + deep + b"]}}") is None
    # ... and one session that deep among others is quarantined with its reason.
    items = [msgspec.Raw(deep), msgspec.Raw(good)]
    records, rejected = normalize_page(items, "cisco", fingerprint_items(items, "cisco")[0])
    assert [r.session_id for r in records] == ["good"]
    assert len(rejected) == 1 and "JSON that cannot be read" in rejected[0].reason
    assert str(rejected[0].raw).startswith('{"sessionId":"deep"')


@pytest.mark.parametrize(
    "page",
    [
        b'{"responseCode":2000,"responseBody":{"sessions":[]},"total":3}',  # more than the envelope
        b'{"responseCode":2000,"responseBody":{"sessions":[],"totalCount":3}}',
        b'{"responseCode":2000,"responseBody":{"session":{"sessionId":"a"}}}',
        b'{"responseCode":2001,"responseMessage":"no rows"}',
        b'{"responseCode":2000,"responseBody":{"sessions":{"sessionId":"a"}}}',
        b"[]",
        b'{"responseCode":2000,"responseBody":{"sessions":[',
        b"<html>busy</html>",
    ],
)
def test_any_other_answer_is_left_to_the_usual_decoding(page: bytes) -> None:
    assert split_sessions(page) is None


def test_the_fingerprint_of_the_bytes_is_the_fingerprint_of_the_stored_text() -> None:
    data = '{"sessionId":"a","note":"é \\u00e9"}'.encode()
    assert fingerprint_bytes(data, "cisco") == fingerprint(data.decode(), "cisco")
    assert fingerprint_bytes(data, "cisco") != fingerprint_bytes(data, "legacy")
    (item,) = msgspec.json.decode(b"[" + data + b"]", type=list[msgspec.Raw])
    texts, prints = fingerprint_items([item], "cisco")
    assert texts == [data.decode()] and prints == [("a", fingerprint_bytes(data, "cisco"))]
    # A decoded object is serialized again; compact JSON gives the same fingerprint either way.
    compact = orjson.dumps({"sessionId": "a", "x": 1})
    (compact_item,) = msgspec.json.decode(b"[" + compact + b"]", type=list[msgspec.Raw])
    assert fingerprint_items([compact_item], "cisco") == fingerprint_items([orjson.loads(compact)], "cisco")


def test_a_lazy_json_object_reads_as_its_mapping_and_stores_as_its_text() -> None:
    text = '{"sessionId": "a", "tracks": [1, 2]}'
    lazy = JsonObject(text)
    assert raw_json(lazy) == text  # stored as sent, never re-serialized
    assert dict(lazy) == {"sessionId": "a", "tracks": [1, 2]} and lazy["tracks"] == [1, 2] and len(lazy) == 2
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy.text == text and dict(copy) == dict(lazy)
    assert dict(JsonObject("[1]")) == {}


@pytest.mark.asyncio
async def test_a_page_read_carries_each_sessions_fingerprint_and_the_store_does_not_hash_again(
    start_sim: Any, ca_file: str
) -> None:
    from qms_desktop.store.recordings import prepare_sessions

    sim = start_sim(sessions_per_day=200, days=1)
    items = [item for page in await _raw_pages(sim, ca_file, days=1) for item in page]
    texts, prints = fingerprint_items(items, "cisco")
    records, rejected = normalize_page(items, "cisco", texts, [p[1] if p else None for p in prints])
    assert len(records) == len(items) > 100 and not rejected
    for record in records:  # the print the client compared before parsing is the one of the stored text
        assert record.fingerprint is not None
        assert record.fingerprint == fingerprint(record.raw_json or "", record.dialect)
    # Without the prints the store hashes each text itself, and writes the very same rows.
    unprinted, _ = normalize_page(items, "cisco", texts)
    assert all(record.fingerprint is None for record in unprinted)
    assert prepare_sessions(records).items == prepare_sessions(unprinted).items


@pytest.mark.asyncio
async def test_sessions_left_out_as_unchanged_take_their_fingerprints_with_them(start_sim: Any, ca_file: str) -> None:
    from qms_desktop.mediasense.dialects import response_code
    from qms_desktop.mediasense.queries import FetchedPage, read_page

    sim = start_sim(sessions_per_day=200, days=1)
    items = [item for page in await _raw_pages(sim, ca_file, days=1) for item in page]
    body = b'{"responseCode":2000,"responseBody":{"sessions":[' + b",".join(bytes(i) for i in items) + b"]}}"
    payload = split_sessions(body)
    dialect = QUERY_BY_NAME["cisco"]
    fetched = FetchedPage(dialect.read(payload, response_code(payload), len(items), 0), dialect, SessionFilters(), 0)
    every_other = {session_id(item) for item in items[::2]}

    async def stored_as_sent(prints: Any) -> set[str]:
        return {sid for sid, _ in prints if sid in every_other}

    page = await read_page(fetched, stored_as_sent)
    assert page.unchanged == len(every_other) and len(page.records) == len(items) - len(every_other)
    for record in page.records:  # each record keeps its own print, not a neighbour's
        assert record.session_id not in every_other
        assert record.fingerprint == fingerprint(record.raw_json or "", "cisco")
