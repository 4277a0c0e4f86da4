"""The MediaSense client: one shared httpx.AsyncClient, login strategies, retries, failover.

Everything that talks to MediaSense goes through `MediaSenseClient.request()` (API calls) or
`MediaSenseClient.open_media()` (audio). Both log a request id, method, path, status and duration
on the `qms.http` logger, and turn every failure into a typed `MediaSenseError`.

The work is done in the modules beside this one: transport.py (HTTP, retries, failover), signin.py
(login strategies and sessions), queries.py (session queries) and download.py (media). The rest of
the app imports from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import httpx

from qms_desktop.domain.sessions import RejectedRecord, SessionFilters, SessionRecord
from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense import download
from qms_desktop.mediasense.config import ClientConfig, ServerProfile
from qms_desktop.mediasense.download import MediaResponse
from qms_desktop.mediasense.queries import FetchedPage, SessionPage, SessionQueries, UnchangedFilter, read_page
from qms_desktop.mediasense.signin import SESSION_IDLE_LIMIT_S, SESSION_REUSE_MARGIN_S, SignIn, register_secret
from qms_desktop.mediasense.transport import MAX_RETRY_AFTER_S, ApiResponse, Transport, new_request_id

__all__ = [
    "MAX_RETRY_AFTER_S",
    "SESSION_IDLE_LIMIT_S",
    "SESSION_REUSE_MARGIN_S",
    "ApiResponse",
    "ClientConfig",
    "FetchedPage",
    "MediaResponse",
    "MediaSenseClient",
    "ServerProfile",
    "SessionPage",
    "UnchangedFilter",
    "read_page",
]


class MediaSenseClient:
    """One connection to a MediaSense server or cluster. Use as `async with MediaSenseClient(cfg)`."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        profiles: Mapping[str, ServerProfile] | None = None,
        on_profile: Callable[[str, ServerProfile], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config
        self._transport = Transport(config, transport)
        self._signin = SignIn(config, self._transport, profiles, on_profile)
        self._queries = SessionQueries(self._transport, self._signin, self.request)
        register_secret(config.password)

    # ---- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> MediaSenseClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Sign out where we hold a session (best effort), then close the connection pool."""
        await self._signin.sign_out_all()
        await self._transport.aclose()

    @property
    def current_node(self) -> str:
        return self._transport.current_node

    @property
    def profiles(self) -> dict[str, ServerProfile]:
        """What worked on each node, by node URL (shared with the sign-in and the queries)."""
        return self._signin.profiles

    @property
    def query_dialect(self) -> str | None:
        profile = self.profiles.get(self.current_node)
        return profile.query if profile else None

    @property
    def login_strategy(self) -> str | None:
        profile = self.profiles.get(self.current_node)
        return profile.login if profile else None

    # ---- API calls ----------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        authenticated: bool = True,
        raw_sessions: bool = False,
    ) -> ApiResponse:
        """One API call with login, one transparent re-login, retries with backoff and failover.
        `raw_sessions`: a getSessions answer's sessions stay undecoded bytes (`session_bytes`)."""
        request_id = new_request_id()
        return await self._transport.with_retries(
            lambda node: self._signin.call(
                node, method, path, json, params, authenticated, request_id, raw_sessions=raw_sessions
            ),
            f"{method} {path}",
            request_id,
        )

    async def login(self) -> str:
        """Sign in now (used by the connection test); returns the strategy that worked."""
        return await self._signin.login()

    async def get_system_time(self) -> datetime:
        return await self._queries.get_system_time()

    async def query_sessions(
        self,
        window: TimeWindow,
        filters: SessionFilters | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        unchanged: UnchangedFilter | None = None,
    ) -> SessionPage:
        """One page of sessions started in [window.start, window.end), oldest first (`unchanged`:
        see `SessionQueries.query_sessions`)."""
        return await self._queries.query_sessions(window, filters, offset=offset, limit=limit, unchanged=unchanged)

    async def fetch_page(self, window: TimeWindow, *, offset: int = 0, limit: int = 100) -> FetchedPage:
        """The download half of `query_sessions`; `read_page` reads its sessions."""
        return await self._queries.fetch_page(window, offset=offset, limit=limit)

    async def get_session(
        self, session_id: str, *, started: datetime | None = None
    ) -> SessionRecord | RejectedRecord | None:
        """Re-fetch one session (open sessions are followed until they close). None: unknown."""
        return await self._queries.get_session(session_id, started=started)

    # ---- media --------------------------------------------------------------------------------

    async def open_media(self, url: str, *, byte_range: str | None = None) -> MediaResponse:
        """Start a media download (Basic + JSESSIONID, as MediaSense's media service expects).

        404 means the media was pruned; 416 an unsatisfiable range. The caller must close it.
        """
        return await download.open_media(self._transport, self._signin, url, byte_range=byte_range)
