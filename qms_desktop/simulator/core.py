"""The simulator's state, independent of HTTP: data, clock, faults, sessions, ground truth."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from qms_desktop.simulator.auth import SessionStore
from qms_desktop.simulator.clock import SimClock, to_ms
from qms_desktop.simulator.data import Call, Dataset
from qms_desktop.simulator.faults import Faults, Stats

PROFILES = ("cisco", "spec", "legacy")
# The MediaSense release whose shapes the cisco/legacy profiles speak: "8.5" sends `urls` as an array
# of one-key objects (the DocWiki payloads); "11.5" sends an object (the 11.5 capture).
CISCO_VERSIONS = ("11.5", "8.5")
# Event payloads: "cisco" as real servers post them (SESSION_EVENT / TAG_EVENT, forwardedEvent a
# string, 2005 on a repeated subscription); "spec" as the original specification described them
# (sessionEvent, a boolean forwardedEvent, 4030 carrying the original id on a repeat).
EVENT_SHAPES = ("cisco", "spec")
# How the media port answers a request for a recording (cisco and legacy profiles):
#   same_host: 302 to the same recording under /redirected on the API port (same host, another port)
#   other_host: 302 to the same recording on another name of this machine (localhost <-> 127.0.0.1)
#   loop: 302 to itself, for ever
MEDIA_REDIRECTS = ("same_host", "other_host", "loop")


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
        cisco_version: str = "11.5",
        event_shape: str = "cisco",
        media_redirect: str | None = None,
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
        if cisco_version not in CISCO_VERSIONS:
            raise ValueError(f"unknown cisco_version {cisco_version!r}; expected one of {', '.join(CISCO_VERSIONS)}")
        if event_shape not in EVENT_SHAPES:
            raise ValueError(f"unknown event_shape {event_shape!r}; expected one of {', '.join(EVENT_SHAPES)}")
        check_media_redirect(media_redirect)
        self.cisco_version = cisco_version
        self.urls_array = cisco_version == "8.5"
        self.event_shape = event_shape
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
        # None: media is served where it is asked for; else one of MEDIA_REDIRECTS (may change at runtime)
        self.media_redirect = media_redirect
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


def check_media_redirect(value: str | None) -> None:
    if value is not None and value not in MEDIA_REDIRECTS:
        raise ValueError(f"unknown media redirect {value!r}; expected one of {', '.join(MEDIA_REDIRECTS)}")
