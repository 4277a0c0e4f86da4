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
    assert len(lookups) == 6  # tried first on every server; spec and legacy answer 404 and are queried
