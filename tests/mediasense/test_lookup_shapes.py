"""getSessionBySessionId in every plausible shape, against the simulator over HTTPS.

No public source shows the lookup's real request or answer, so the client understands the shapes a
server could plausibly send and, for anything else (no endpoint, a 4xxx refusal, "no rows", an
envelope it does not know), asks getSessions for the window around the session's start. Only that
window query's answer can say a session is gone.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest

from qms_desktop.domain.sessions import RejectedRecord, SessionRecord
from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.dialects import SESSION_BY_ID_PATH
from qms_desktop.mediasense.errors import ApiError, EndpointNotFound, LookupUnconfirmed, MalformedResponse
from qms_desktop.simulator.faults import LOOKUP_SHAPES
from tests.conftest import sim_client_config

pytestmark = pytest.mark.asyncio

GET_SESSIONS = "/ora/queryService/query/getSessions"
# Shapes the client reads as the answer itself; the others end in a getSessions window query.
UNDERSTOOD = ("sessions", "session", "bare", "list")
FALLBACK = tuple(shape for shape in LOOKUP_SHAPES if shape not in UNDERSTOOD)
ABSENT = ("http404", "http405")  # the endpoint does not exist on the server


async def listed(client: MediaSenseClient, sim: Any) -> list[SessionRecord]:
    now = sim.clock.now()
    window = TimeWindow(now - timedelta(days=1), now)
    records: list[SessionRecord] = []
    offset: int | None = 0
    while offset is not None:
        page = await client.query_sessions(window, offset=offset, limit=100)
        records.extend(page.records)
        offset = page.next_offset
    return records


def window_queries(sim: Any, before: int) -> int:
    return sum(1 for _m, path in list(sim.stats.request_log)[before:] if path == GET_SESSIONS)


@pytest.mark.parametrize("shape", LOOKUP_SHAPES)
async def test_every_shape_returns_the_session_as_listed(start_sim, ca_file, shape: str) -> None:
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        records = (await listed(client, sim))[:4]
        assert len(records) == 4
        sim.faults.update(lookup_shape=shape)
        before = len(sim.stats.request_log)
        for record in records:
            fetched = await client.get_session(record.session_id, started=record.start)
            assert fetched == record
        lookups = [p for _m, p in list(sim.stats.request_log)[before:] if p == SESSION_BY_ID_PATH]
        # Asked by id every time, unless the server has no such endpoint: then once, and the rest of
        # the lookups go straight to the window around the session's start.
        assert len(lookups) == (1 if shape in ABSENT else 4)
        # Understood answers need nothing more; the others are looked up around the session's start.
        assert window_queries(sim, before) == (0 if shape in UNDERSTOOD else 4)


@pytest.mark.parametrize("shape", LOOKUP_SHAPES)
async def test_a_session_is_gone_only_when_the_window_around_its_start_no_longer_lists_it(
    start_sim, ca_file, shape: str, caplog: pytest.LogCaptureFixture
) -> None:
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        gone, kept = (await listed(client, sim))[:2]
        sim.faults.update(lookup_shape=shape, gone_sessions=[gone.session_id])
        before = len(sim.stats.request_log)
        with caplog.at_level(logging.WARNING, logger="qms"):
            assert await client.get_session(gone.session_id, started=gone.start) is None
            assert await client.get_session(kept.session_id, started=kept.start) == kept
        # Whatever the lookup said, the window query decided that the session is gone.
        assert window_queries(sim, before) >= 1
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any(gone.session_id in w and "no longer lists it" in w for w in warnings), warnings
        assert not any(kept.session_id in w and "no longer" in w for w in warnings), warnings
        if shape == "unknown":  # an answer nobody recognised is worth a warning of its own
            assert any("does not know" in w and kept.session_id in w for w in warnings), warnings


async def test_without_a_start_an_answer_that_is_not_about_the_session_raises(start_sim, ca_file) -> None:
    """Without a start (nothing of the session is stored) only "no rows" may read as gone."""
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        record = (await listed(client, sim))[0]
        expected: dict[str, type[Exception]] = {
            "http404": EndpointNotFound,
            "http405": EndpointNotFound,
            "refused": ApiError,
            "unknown": MalformedResponse,
        }
        assert set(expected) == set(FALLBACK) - {"no_rows"}
        for shape, error in expected.items():
            sim.faults.update(lookup_shape=shape)
            with pytest.raises(error) as raised:
                await client.get_session(record.session_id)
            assert raised.value.hint, shape  # every error says what to do
        sim.faults.update(lookup_shape="no_rows")
        assert await client.get_session(record.session_id) is None


async def test_an_unreadable_row_in_the_window_keeps_the_session(start_sim, ca_file) -> None:
    """A quarantined row without a session id could be the session: nothing may be concluded."""
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        records = await listed(client, sim)
        sim.faults.update(lookup_shape="no_rows")
        for record in records[:20]:
            # The simulator breaks a malformed record one of two ways; find one that loses its id.
            sim.faults.update(malformed_records=[record.session_id])
            around = TimeWindow(record.start - timedelta(seconds=1), record.start + timedelta(seconds=1))
            page = await client.query_sessions(around, limit=100)
            if any(r.session_id is None for r in page.rejected):
                break
        else:
            raise AssertionError("the simulator broke no record by dropping its sessionId")
        with pytest.raises(LookupUnconfirmed, match="could not be read in full"):
            await client.get_session(record.session_id, started=record.start)


@pytest.mark.parametrize("shape", UNDERSTOOD)
async def test_a_broken_record_answered_by_id_is_returned_for_quarantine(start_sim, ca_file, shape: str) -> None:
    """The lookup answers the one record asked for, broken either way (no sessionId, or a start
    that is not a date): it comes back rejected, under the id asked for, with its reason."""
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        records = (await listed(client, sim))[:6]
        sim.faults.update(lookup_shape=shape, malformed_records=[r.session_id for r in records])
        reasons = set()
        for record in records:
            fetched = await client.get_session(record.session_id, started=record.start)
            assert isinstance(fetched, RejectedRecord), fetched
            assert fetched.session_id == record.session_id
            reasons.add("sessionId" in fetched.reason)
        assert reasons == {True, False}  # both breakages were met
