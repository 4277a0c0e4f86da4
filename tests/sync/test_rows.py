"""A page's ordinary sessions go straight to the rows the store writes: exactly the rows their
records would have given, enriched by the same rule.

Checked over the simulator's pages read through the client over HTTPS (both MediaSense versions it
plays), with a directory that knows some of their extensions, and over generated sessions with odd
values, under several dial plans. A page that carries a session twice is left whole to the records.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qms_desktop.domain.directory import Agent, DialPlan, DirectorySnapshot, enrich
from qms_desktop.domain.sessions import SessionFilters
from qms_desktop.mediasense.cisco_typed import decode_ordinary
from qms_desktop.mediasense.dialects import QUERY_BY_NAME, response_code
from qms_desktop.mediasense.queries import FetchedPage, SessionPage, read_page
from qms_desktop.mediasense.session_bytes import split_sessions
from qms_desktop.store.recordings import PreparedSessions, prepare_sessions
from qms_desktop.sync.rows import prepare_page
from tests.mediasense.test_typed_sessions import _raw_pages, _sessions

PLANS = [
    DialPlan(),
    DialPlan(agent_track=1, caller_track=0),
    DialPlan(agent_track=0, caller_track=0),
    DialPlan(internal_pattern=r".+", agent_track=2, caller_track=1),
]


def fetched_page(sessions: list[bytes]) -> FetchedPage:
    """A getSessions answer carrying these sessions, as the client downloads it."""
    body = b'{"responseCode":2000,"responseBody":{"sessions":[' + b",".join(sessions) + b"]}}"
    payload = split_sessions(body)
    assert payload is not None
    dialect = QUERY_BY_NAME["cisco"]
    return FetchedPage(dialect.read(payload, response_code(payload), len(sessions), 0), dialect, SessionFilters(), 0)


def through_records(page: SessionPage, directory: DirectorySnapshot, plan: DialPlan) -> PreparedSessions:
    return prepare_sessions(enrich(page.records, directory, plan))


def assert_same_rows(quick: PreparedSessions, reference: PreparedSessions) -> None:
    assert quick.given == reference.given
    assert set(quick.items) == set(reference.items)
    for session_id, rows in reference.items.items():
        assert quick.items[session_id] == rows, session_id


# ---- the simulator's pages ----------------------------------------------------------------------


async def _pages(sim: Any, ca_file: str) -> list[bytes]:
    """Each session of the simulator's last two days as its bytes, read through the client."""
    return [bytes(item) for page in await _raw_pages(sim, ca_file, days=2) for item in page]


def _directory(sessions: list[bytes]) -> DirectorySnapshot:
    """Agents for every other internal extension the sessions name; some without a name or a team."""
    refs = sorted(
        {
            p["deviceRef"]
            for data in sessions
            for track in json.loads(data).get("tracks") or ()
            for p in track.get("participants") or ()
            if isinstance(p.get("deviceRef"), str) and p["deviceRef"].isdigit() and len(p["deviceRef"]) <= 5
        }
    )
    agents = [
        Agent(f"a{ref}", name=None if i % 3 == 0 else f"Agent {ref}", extension=ref, team_code=None if i % 4 else "T1")
        for i, ref in enumerate(refs[::2])
    ]
    assert agents, "the simulator's calls name no internal extension"
    return DirectorySnapshot.of(agents)


@pytest.mark.asyncio
@pytest.mark.parametrize("cisco_version", ["11.5", "8.5"])
async def test_the_simulators_pages_give_the_rows_their_records_give(
    start_sim: Any, ca_file: str, cisco_version: str
) -> None:
    sim = start_sim(sessions_per_day=300, days=2, cisco_version=cisco_version)
    sessions = await _pages(sim, ca_file)
    assert len(sessions) > 300
    directory = _directory(sessions)
    for first in range(0, len(sessions), 200):
        fetched = fetched_page(sessions[first : first + 200])
        quick = await read_page(fetched, ordinary=True)
        plain = await read_page(fetched)
        assert not quick.rejected and not plain.rejected
        assert sorted(quick.session_ids) == sorted(r.session_id for r in plain.records)
        if cisco_version == "11.5":
            assert quick.ordinary and not quick.records  # every session is ordinary there
        else:
            assert quick.records  # the 8.5 urls array is read by the tolerant reader
        for plan in PLANS:
            assert_same_rows(prepare_page(quick, directory, plan), through_records(plain, directory, plan))
    linked = prepare_page(quick, directory, DialPlan())
    assert any(item.row[7] is not None for item in linked.items.values()), "no session was linked to an agent"


@pytest.mark.asyncio
async def test_sessions_left_out_as_unchanged_are_neither_ordinary_nor_records(start_sim: Any, ca_file: str) -> None:
    sim = start_sim(sessions_per_day=200, days=1)
    sessions = (await _pages(sim, ca_file))[:150]
    fetched = fetched_page(sessions)
    every_other = {json.loads(data)["sessionId"] for data in sessions[::2]}

    async def stored_as_sent(prints: Any) -> set[str]:
        return {sid for sid, _ in prints if sid in every_other}

    page = await read_page(fetched, stored_as_sent, ordinary=True)
    assert page.unchanged == len(every_other)
    assert len(page.ordinary) == len(sessions) - len(every_other) and not page.records
    assert not set(page.session_ids) & every_other
    prepared = prepare_page(page, DirectorySnapshot(), DialPlan())
    assert prepared.given == len(page.ordinary)
    for found, text, printed in page.ordinary:  # each keeps its own text and print, not a neighbour's
        assert json.loads(text)["sessionId"] == found.session_id
        assert prepared.items[found.session_id].row[-1] == printed


@pytest.mark.asyncio
async def test_a_page_with_a_session_twice_is_left_to_the_records() -> None:
    active = {"sessionId": "s1", "sessionState": "ACTIVE", "sessionStartDate": 1769421214895}
    closed = {**active, "sessionState": "CLOSED_NORMAL", "sessionDuration": 5000}
    other = {**active, "sessionId": "s2"}
    fetched = fetched_page([json.dumps(s).encode() for s in (closed, other, active)])
    page = await read_page(fetched, ordinary=True)
    assert not page.ordinary and len(page.records) == 3
    prepared = prepare_page(page, DirectorySnapshot(), DialPlan())
    assert prepared.given == 3 and prepared.items["s1"].row[5] == "CLOSED_NORMAL"  # the closed copy is kept


# ---- generated sessions -------------------------------------------------------------------------

_DIRECTORY = DirectorySnapshot.of(
    [Agent("a1", "Ann", "1160", "T1"), Agent("a2", None, "x", None), Agent("a3", "Bo", "2", None)]
)


@settings(max_examples=400, deadline=None)
@given(
    sessions=st.lists(_sessions(odd=False) | _sessions(odd=True), min_size=1, max_size=3),
    plan=st.sampled_from(PLANS),
)
def test_generated_sessions_give_the_rows_their_records_give(sessions: list[dict[str, Any]], plan: DialPlan) -> None:
    for i, session in enumerate(sessions):  # distinct ids (a page with one twice is the records')
        value = session.get("sessionId")
        if isinstance(value, str) and value.strip():
            session["sessionId"] = f"{value}-{i}"
        elif type(value) is int:
            session["sessionId"] = value * 10 + i
    fetched = fetched_page([json.dumps(s).encode() for s in sessions])
    quick = asyncio.run(read_page(fetched, ordinary=True))
    plain = asyncio.run(read_page(fetched))
    assert [r.reason for r in quick.rejected] == [r.reason for r in plain.rejected]
    assert len(quick.ordinary) == sum(decode_ordinary(json.dumps(s).encode()) is not None for s in sessions)
    assert_same_rows(prepare_page(quick, _DIRECTORY, plan), through_records(plain, _DIRECTORY, plan))
