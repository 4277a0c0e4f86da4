"""Build SessionRecords for store, search and sync tests without any MediaSense parsing."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from qms_desktop.domain.sessions import Direction, MediaUrls, Participant, SessionRecord, SessionState, Tag, Track

BASE = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
_counter = itertools.count(1)


def make_session(
    session_id: str | None = None,
    *,
    start: datetime | None = None,
    minutes: float = 5,
    state: SessionState = SessionState.CLOSED_NORMAL,
    caller: str | None = "0501234567",
    callee: str | None = "1001",
    tags: tuple[str, ...] = (),
    **overrides: Any,
) -> SessionRecord:
    """A closed two-track call numbered as Unified CM numbers it for an inbound call: track 0 (the
    recorded phone) = `callee`, track 1 (the far end) = `caller` (cisco dialect shape: no agent,
    direction, ANI or DNIS unless given in `overrides`)."""
    n = next(_counter)
    session_id = session_id or f"sess-{n:06d}"
    start = start or BASE + timedelta(minutes=n)
    duration_ms = int(minutes * 60_000)
    end = start + timedelta(milliseconds=duration_ms) if state is not SessionState.ACTIVE else None
    p1 = Participant(device_ref=caller, device_id=f"dev-{caller}", track_number=1, start=start)
    p2 = Participant(device_ref=callee, device_id=f"dev-{callee}", track_number=0, start=start)
    record = SessionRecord(
        session_id=session_id,
        state=state,
        start=start,
        end=end,
        duration_ms=duration_ms if end else None,
        recording_id=f"rec-{session_id}",
        ccid=f"cc-{n}",
        urls=MediaUrls(wav=f"https://ms.example/wav/{session_id}", mp4=f"https://ms.example/mp4/{session_id}"),
        tracks=(
            Track(number=0, codec="PCMU", start=start, duration_ms=duration_ms, participants=(p2,)),
            Track(number=1, codec="PCMU", start=start, duration_ms=duration_ms, participants=(p1,)),
        ),
        participants=(p1, p2),
        tags=tuple(Tag(name=t, type="USER_DEFINED", created=start, offset_ms=1000) for t in tags),
        raw={"sessionId": session_id, "n": n},
    )
    return replace(record, **overrides) if overrides else record


def make_spec_session(session_id: str | None = None, **overrides: Any) -> SessionRecord:
    """The specification dialect: agent, team, direction, ANI/DNIS given by the source."""
    values: dict[str, Any] = {
        "dialect": "spec",
        "agent_id": "a100",
        "agent_name": "Olena Kovalenko",
        "team_code": "SALES",
        "direction": Direction.INBOUND,
        "ani": "0501234567",
        "dnis": "1001",
        "csq": "CSQ_Sales",
        "wrap_up_reason": "Resolved",
    }
    values.update(overrides)
    return make_session(session_id, **values)
