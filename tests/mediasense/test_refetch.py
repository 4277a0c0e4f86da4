"""Re-fetching one session by id, against the simulator over HTTPS, in every server profile.

The sync engine follows open sessions this way; a re-fetched session that differs from the listed
one in anything (dialect, raw payload, a parsed field) would be stored as an update on every run.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.dialects import QUERY_BY_NAME, SESSION_BY_ID_PATH
from tests.conftest import sim_client_config

pytestmark = pytest.mark.asyncio


async def listed(client: MediaSenseClient, sim: Any) -> list[SessionRecord]:
    now = sim.clock.now()
    window = TimeWindow(now - timedelta(days=4), now + timedelta(minutes=1))
    records: list[SessionRecord] = []
    offset: int | None = 0
    while offset is not None:
        page = await client.query_sessions(window, offset=offset, limit=100)
        records.extend(page.records)
        offset = page.next_offset
    return records


@pytest.mark.parametrize("profile", ["cisco", "spec", "legacy"])
async def test_a_session_fetched_again_by_id_equals_the_listed_one(start_sim, ca_file, profile: str) -> None:
    sim = start_sim(profile)
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        records = await listed(client, sim)
        query = client.query_dialect
        assert query is not None
        open_ones = [r for r in records if r.state is SessionState.ACTIVE]
        closed = [r for r in records if r.state is not SessionState.ACTIVE]
        assert open_ones and closed, "the simulator has open and closed sessions"
        for record in [*open_ones[:3], *closed[:3]]:
            fetched = await client.get_session(record.session_id, started=record.start)
            assert isinstance(fetched, SessionRecord), fetched
            assert fetched.dialect == QUERY_BY_NAME[query].session_dialect == record.dialect
            assert fetched == record
    lookups = [path for _method, path in list(sim.stats.request_log) if path == SESSION_BY_ID_PATH]
    # Tried first on every server; spec and legacy answer 404 once, and the client then goes straight
    # to getSessions around each session's start.
    assert len(lookups) == (6 if profile == "cisco" else 1)


async def test_a_legacy_server_that_answers_the_lookup_keeps_its_own_dialect(start_sim, ca_file) -> None:
    """Some older servers answer getSessionBySessionId too, in their own shapes (string numbers): a
    re-fetched session must read as what it is, or every open-session refetch stores an "update"."""
    sim = start_sim("legacy", lookup_by_id=True)
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        records = await listed(client, sim)
        for record in [r for r in records if r.state is SessionState.ACTIVE][:3]:
            fetched = await client.get_session(record.session_id, started=record.start)
            assert isinstance(fetched, SessionRecord), fetched
            assert fetched.dialect == "legacy" and fetched == record
    assert any(path == SESSION_BY_ID_PATH for _method, path in list(sim.stats.request_log))
