"""The simulator's state, independent of HTTP: data, clock, faults, sessions, ground truth."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from qms_desktop.simulator.auth import SessionStore
from qms_desktop.simulator.clock import SimClock, to_ms
from qms_desktop.simulator.data import Call, Dataset
from qms_desktop.simulator.faults import Faults, Stats

PROFILES = ("cisco", "spec", "legacy")


class Simulator:
    def __init__(
        self,
        *,
        profile: str,
        dataset: Dataset,
        clock: SimClock,
        faults: Faults,
        username: str,
        password: str,
        ignore_range: bool = False,
        secure_cookies: bool = True,
        lookup_by_id: bool = False,
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
        self.profile = profile
        self.dataset = dataset
        self.clock = clock
        self.faults = faults
        self.stats = Stats()
        self.sessions = SessionStore(clock, faults, username, password)
        self.ignore_range = ignore_range
        # legacy profile: also answer getSessionBySessionId (with its string numbers), as some servers do
        self.lookup_by_id = lookup_by_id
        self.secure_cookies = secure_cookies
        # Filled in by the runner once the ports are bound (session URLs embed them).
        self.api_base = ""
        self.media_base = ""

    # --- lookups used by the API handlers ---

    def visible_call(self, session_id: str) -> Call | None:
        call = self.dataset.find(session_id)
        if call is None or not call.visible(self.clock.now_ms()) or self.faults.is_gone(call.session_id):
            return None
        return call

    # --- ground truth for tests and benchmarks ---

    def ground_truth(self, start: datetime | int, end: datetime | int) -> list[dict[str, Any]]:
        """Sessions visible now whose start is in [start, end), sorted by (start, sessionId)."""
        now = self.clock.now_ms()
        selection = self.dataset.select(to_ms(start), to_ms(end), now)
        return [call.ground_truth(now) for call in selection.calls() if not self.faults.is_gone(call.session_id)]

    def count(self, start: datetime | int, end: datetime | int) -> int:
        if self.faults.gone_sessions:
            return len(self.ground_truth(start, end))
        return len(self.dataset.select(to_ms(start), to_ms(end), self.clock.now_ms()))

    def session(self, session_id: str) -> dict[str, Any] | None:
        """Ground truth of one session (also when not yet visible: see `visible`)."""
        call = self.dataset.find(session_id)
        if call is None:
            return None
        now = self.clock.now_ms()
        return {**call.ground_truth(now), "visible": call.visible(now)}

    def agents(self) -> list[dict[str, str]]:
        return [a.to_dict() for a in self.dataset.directory.agents]

    def teams(self) -> list[dict[str, str]]:
        return [{"team_id": t.team_id, "name": t.name, "queue": t.queue} for t in self.dataset.directory.teams]

    def agents_csv(self) -> str:
        return self.dataset.directory.to_csv()
