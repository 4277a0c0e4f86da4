"""Session queries: getSessions paging, one session by id, and the server's clock.

The query endpoint is chosen per node from `dialects.QUERY_DIALECTS`; the one that answered is
remembered in the node's `ServerProfile` so later pages go straight to it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from msgspec import Raw

from qms_desktop.domain.fingerprint import fingerprint_bytes, fingerprinted, raw_json
from qms_desktop.domain.sessions import RejectedRecord, SessionFilters, SessionRecord
from qms_desktop.domain.time import TimeWindow, from_ms
from qms_desktop.mediasense import dialects
from qms_desktop.mediasense.cisco_typed import Ordinary, decode_ordinary
from qms_desktop.mediasense.dialects import QUERY_BY_NAME, QUERY_DIALECTS
from qms_desktop.mediasense.errors import (
    ApiError,
    EndpointNotFound,
    LookupUnconfirmed,
    MalformedResponse,
    MediaSenseError,
)
from qms_desktop.mediasense.fields import read_session_id
from qms_desktop.mediasense.messages import Message
from qms_desktop.mediasense.session_bytes import session_id
from qms_desktop.mediasense.signin import SignIn
from qms_desktop.mediasense.transport import ApiResponse, Transport

log = logging.getLogger("qms.http")

# getSessionBySessionId's fallback looks for a session this far either side of its start.
AROUND_START = timedelta(seconds=1)

# MediaSenseClient.request: (method, path, *, json=, params=, authenticated=) -> ApiResponse
RequestFn = Callable[..., Awaitable[ApiResponse]]
# Given (session id, fingerprint) pairs, the ids stored with exactly that fingerprint.
UnchangedFilter = Callable[[Sequence[tuple[str, str]]], Awaitable[set[str]]]
# An ordinary session as read, with its JSON text and that text's fingerprint.
OrdinaryText = tuple[Ordinary, str, str]


@dataclass(frozen=True, slots=True)
class SessionPage:
    records: list[SessionRecord]
    rejected: list[RejectedRecord]
    offset: int
    raw_count: int
    has_more: bool
    dialect: str
    total: int | None = None  # sessions in the whole window, when the server says (MediaSense does not)
    recognised: bool = True  # False: the answer had no sessions list we know (read as none)
    unchanged: int = 0  # sessions left out of `records` because they are stored exactly as sent
    unchanged_ids: frozenset[str] = frozenset()  # their session ids
    # Read with `ordinary=True`: the ordinary cisco sessions, decoded but not made records (they are
    # not in `records`), each with its JSON text and fingerprint.
    ordinary: Sequence[OrdinaryText] = ()

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.raw_count if self.has_more else None

    @property
    def session_ids(self) -> list[str]:
        """The ids of the sessions read (records and ordinary ones; not the unchanged or rejected)."""
        return [*(record.session_id for record in self.records), *(found.session_id for found, _, _ in self.ordinary)]


class SessionQueries:
    """The read side of the API, on top of the client's authenticated, retried `request`."""

    def __init__(self, transport: Transport, signin: SignIn, request: RequestFn) -> None:
        self._transport = transport
        self._signin = signin
        self._request = request
        # Nodes that answered getSessionBySessionId with 404/405: later lookups of a session whose
        # start is known go straight to the window around it (one request instead of two).
        self._no_lookup: set[str] = set()

    async def get_system_time(self) -> datetime:
        response = await self._request("GET", dialects.SYSTEM_TIME_PATH)
        ms = dialects.system_time_ms(response.payload)
        if ms is None:
            raise MalformedResponse(
                Message("error.no_system_time", "getSystemTime answered without currentSystemTime"),
                url=dialects.SYSTEM_TIME_PATH,
            )
        return from_ms(ms)

    async def query_sessions(
        self,
        window: TimeWindow,
        filters: SessionFilters | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
        unchanged: UnchangedFilter | None = None,
    ) -> SessionPage:
        """One page of sessions started in [window.start, window.end), oldest first.

        With `unchanged`, each session is fingerprinted before it is parsed, and the sessions the
        filter reports as stored with that fingerprint are counted in `unchanged` instead of
        normalized: re-reading a window costs little more than its download."""
        fetched = await self.fetch_page(window, filters, offset=offset, limit=limit)
        return await read_page(fetched, unchanged)

    async def fetch_page(
        self, window: TimeWindow, filters: SessionFilters | None = None, *, offset: int = 0, limit: int = 100
    ) -> FetchedPage:
        """The download half of `query_sessions`: the answer, its sessions not yet read (`read_page`).
        A sync reads one page while the next one downloads."""
        filters = filters or SessionFilters()
        limit = max(1, min(limit, dialects.MAX_PAGE))
        for dialect in self._query_dialects():
            built = dialect.build(window, filters, offset, limit)
            try:
                # Each session's bytes, not yet parsed: unchanged ones are never parsed at all.
                response = await self._request(built.method, built.path, json=built.json, raw_sessions=True)
            except EndpointNotFound:
                log.info("Query endpoint %s is not offered; trying the next one", built.path)
                continue
            self._signin.remember(self._transport.current_node, query=dialect.name)
            try:
                raw = dialect.read(response.payload, response.code, limit, offset)
            except ValueError as exc:
                raise MalformedResponse(
                    Message(
                        "error.unexpected_shape",
                        "MediaSense answered {path} in an unexpected shape: {reason}",
                        path=built.path,
                        reason=str(exc),
                    ),
                    url=built.path,
                    request_id=response.request_id,
                ) from exc
            return FetchedPage(raw, dialect, filters, offset)
        raise EndpointNotFound(
            Message(
                "error.no_query_endpoint",
                "{node} offers none of the session query endpoints QMS Desktop knows",
                node=self._transport.current_node,
            ),
            url=self._transport.current_node,
        )

    def _query_dialects(self) -> list[dialects.QueryDialect]:
        known = self._signin.profiles.get(self._transport.current_node)
        if known and known.query in QUERY_BY_NAME:
            first = QUERY_BY_NAME[known.query]
            return [first, *(d for d in QUERY_DIALECTS if d is not first)]
        return list(QUERY_DIALECTS)

    async def get_session(
        self, session_id: str, *, started: datetime | None = None
    ) -> SessionRecord | RejectedRecord | None:
        """Re-fetch one session (open sessions are followed until they close). None: MediaSense no
        longer has it, which, given `started`, only a time-window query around it concludes.

        getSessionBySessionId's real request and answer are in no public source, so its answer is
        trusted only when it carries the session. When the server has no such endpoint (404/405),
        refuses the lookup (a 4xxx), answers "no rows", or answers in a shape not recognised, the
        session is looked for with getSessions around its start. Without `started` (nothing of it is
        stored), "no rows" reads as None and the other answers raise their typed error."""
        from qms_desktop.mediasense.normalize import normalize_session

        path = dialects.SESSION_BY_ID_PATH
        if started is not None and self._transport.current_node in self._no_lookup:
            return await self._confirm_in_window(session_id, started, f"the server has no {path}", None)
        try:
            response = await self._request("GET", path, params={"sessionId": session_id})
        except EndpointNotFound as exc:
            self._no_lookup.add(self._transport.current_node)
            return await self._confirm_in_window(session_id, started, f"the server has no {path} ({exc.status})", exc)
        except ApiError as exc:
            if not _is_refusal(exc):
                raise
            return await self._confirm_in_window(session_id, started, f"{path} was refused: {exc}", exc)
        if response.code == dialects.NO_ROWS:
            return await self._confirm_in_window(session_id, started, f"{path} answered no rows (2001)", None)
        try:
            items = dialects.sessions_from_lookup(response.payload)
        except ValueError as exc:
            unknown = MalformedResponse(
                Message(
                    "error.unexpected_shape",
                    "MediaSense answered {path} in an unexpected shape: {reason}",
                    path=path,
                    reason=str(exc),
                ),
                url=path,
                request_id=response.request_id,
            )
            log.warning("%s answered session %s in a shape QMS Desktop does not know (%s)", path, session_id, exc)
            return await self._confirm_in_window(session_id, started, "the lookup's answer was not recognised", unknown)
        for item in items:
            # Read each answer for what it is: a server may answer the lookup in its own shapes.
            # With its JSON text, so the stored row carries the same fingerprint a page read computes.
            record = normalize_session(item, "auto", raw_json(item) if type(item) is dict else None)
            if record.session_id == session_id:
                return record
            if isinstance(record, RejectedRecord) and len(items) == 1:
                # The one record answered for this id: quarantined under the id that was asked for.
                return replace(record, session_id=record.session_id or session_id)
        return await self._confirm_in_window(session_id, started, f"{path} answered without this session", None)

    async def _confirm_in_window(
        self, session_id: str, started: datetime | None, why: str, error: MediaSenseError | None
    ) -> SessionRecord | RejectedRecord | None:
        """Look for the session with getSessions around its start; None only when a recognised
        answer for that window no longer lists it."""
        if started is None:
            if error is not None:
                raise error  # not an answer about the session: never read as "gone"
            return None  # the server says it has no such session; whoever stores it passes its start
        log.info("Session %s: %s; looking for it in the window around its start", session_id, why)
        found, unsure = await self._find_in_window(session_id, started)
        if found is not None:
            return found
        if unsure:
            raise LookupUnconfirmed(
                Message(
                    "error.lookup_window_unsure",
                    "MediaSense did not return session {session_id} by id ({why}), and its answer for the "
                    "window around the session's start could not be read in full; the session is kept as stored",
                    session_id=session_id,
                    why=why,
                ),
                url=dialects.SESSION_BY_ID_PATH,
            )
        log.warning(
            "Session %s is no longer in MediaSense: %s, and getSessions for %s..%s no longer lists it",
            session_id, why, (started - AROUND_START).isoformat(), (started + AROUND_START).isoformat(),
        )  # fmt: skip
        return None

    async def _find_in_window(
        self, session_id: str, started: datetime
    ) -> tuple[SessionRecord | RejectedRecord | None, bool]:
        """(the session as getSessions lists it around its start, or None; whether some of the answer
        could not be read: an unrecognised page or a quarantined row without a session id)."""
        window = TimeWindow(started - AROUND_START, started + AROUND_START)
        offset: int | None = 0
        unsure = False
        while offset is not None:
            page = await self.query_sessions(window, offset=offset, limit=100)
            for record in page.records:
                if record.session_id == session_id:
                    return record, False
            for rejected in page.rejected:
                if rejected.session_id == session_id:
                    return rejected, False
                unsure = unsure or rejected.session_id is None
            unsure = unsure or not page.recognised
            offset = page.next_offset
        return None, unsure


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A getSessions answer as downloaded: its sessions are read by `read_page`."""

    raw: dialects.RawPage
    dialect: dialects.QueryDialect
    filters: SessionFilters
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + len(self.raw.items) if self.raw.has_more else None


async def read_page(
    fetched: FetchedPage, unchanged: UnchangedFilter | None = None, *, ordinary: bool = False
) -> SessionPage:
    """The sessions of a downloaded page: those stored as sent counted (with `unchanged`), the rest
    normalized, and the filters the endpoint could not apply applied. With `ordinary`, the ordinary
    cisco sessions are only decoded (`page.ordinary`), for a caller that stores them straight away."""
    from qms_desktop.mediasense.normalize import normalize_page

    raw, dialect, filters = fetched.raw, fetched.dialect, fetched.filters
    items, texts, prints, same = await _skip_unchanged(raw.items, dialect.session_dialect, unchanged)
    found: list[OrdinaryText] = []
    # Only where the records would have no filter left to apply, and no session comes twice.
    quick = ordinary and dialect.session_dialect == "cisco" and filters == _NO_FILTERS
    if quick and texts is not None and prints is not None and _distinct(prints):
        items, texts, prints, found = _take_ordinary(items, texts, prints)
    fingerprints = [p[1] if p is not None else None for p in prints] if prints is not None else None
    records, rejected = normalize_page(items, dialect.session_dialect, texts, fingerprints)
    records = [r for r in records if _matches(r, filters, dialect.server_side_filters)]
    return SessionPage(
        records, rejected, fetched.offset, len(raw.items), raw.has_more, dialect.name, raw.total, raw.recognised,
        len(raw.items) - len(items) - len(found), frozenset(same), found,
    )  # fmt: skip


_NO_FILTERS = SessionFilters()


def _distinct(prints: Sequence[tuple[str, str] | None]) -> bool:
    """Whether no session id comes twice (a page with a session twice keeps the later copy of at
    least the same state: that is left to the records' path, `prepare_sessions`)."""
    ids = [p[0] for p in prints if p is not None]
    return len(set(ids)) == len(ids)


def _take_ordinary(
    items: Sequence[Any], texts: list[str | None], prints: list[tuple[str, str] | None]
) -> tuple[list[Any], list[str | None], list[tuple[str, str] | None], list[OrdinaryText]]:
    """(the items left to normalize, their texts and prints, the ordinary sessions taken out)."""
    rest: list[Any] = []
    rest_texts: list[str | None] = []
    rest_prints: list[tuple[str, str] | None] = []
    found: list[OrdinaryText] = []
    for item, text, printed in zip(items, texts, prints, strict=True):
        if type(item) is Raw and text is not None and printed is not None:
            decoded = decode_ordinary(item)
            if decoded is not None:
                found.append((decoded, text, printed[1]))
                continue
        rest.append(item)
        rest_texts.append(text)
        rest_prints.append(printed)
    return rest, rest_texts, rest_prints, found


async def _skip_unchanged(
    items: Sequence[Any], dialect: str, unchanged: UnchangedFilter | None
) -> tuple[Sequence[Any], list[str | None] | None, list[tuple[str, str] | None] | None, set[str]]:
    """(the items still to normalize, their JSON texts and (session id, fingerprint), the ids of
    those left out as unchanged). The texts and fingerprints also go with the records, filter or not."""
    if not items:
        return items, None, None, set()
    texts, prints = fingerprint_items(items, dialect)
    known = [p for p in prints if p is not None]
    same = await unchanged(known) if unchanged is not None and known else set()
    kept, kept_texts, kept_prints, _ = leave_out(items, texts, prints, same)
    return kept, kept_texts, kept_prints, same


def fingerprint_items(items: Sequence[Any], dialect: str) -> tuple[list[str | None], list[tuple[str, str] | None]]:
    """Each item's JSON text and its (session id, fingerprint); both None for an item without a
    session id (normalizing it says why). An item is a decoded object or its bytes (`msgspec.Raw`):
    bytes are hashed as sent, objects as serialized again."""
    texts: list[str | None] = []
    prints: list[tuple[str, str] | None] = []
    for item in items:
        if type(item) is Raw:
            sid = session_id(item)
            if sid is not None:
                data = bytes(item)
                texts.append(data.decode())
                prints.append((sid, fingerprint_bytes(data, dialect)))
                continue
        elif type(item) is dict and (sid := read_session_id(item)) is not None:
            text, digest = fingerprinted(item, dialect)
            texts.append(text)
            prints.append((sid, digest))
            continue
        texts.append(None)
        prints.append(None)
    return texts, prints


def leave_out(
    items: Sequence[Any], texts: list[str | None], prints: list[tuple[str, str] | None], same: set[str]
) -> tuple[Sequence[Any], list[str | None], list[tuple[str, str] | None], int]:
    """The items (with their texts and prints) whose session id is not in `same`, and how many were
    left out."""
    if not same:
        return items, texts, prints, 0
    keep = [i for i, known in enumerate(prints) if known is None or known[0] not in same]
    return [items[i] for i in keep], [texts[i] for i in keep], [prints[i] for i in keep], len(items) - len(keep)


def _is_refusal(exc: ApiError) -> bool:
    """A 4xxx logical error or an HTTP 4xx: the server refused this request, not the session."""
    if exc.code is not None:
        return 4000 <= exc.code < 5000
    return exc.status is not None and 400 <= exc.status < 500


def _matches(record: SessionRecord, filters: SessionFilters, server_side: frozenset[str]) -> bool:
    """Apply, on normalized records, the filters the endpoint could not apply itself."""
    checks: list[bool] = []
    if filters.agent_id and "agent_id" not in server_side:
        checks.append(record.agent_id == filters.agent_id)
    if filters.direction and "direction" not in server_side:
        checks.append(record.direction == filters.direction)
    if filters.ani and "ani" not in server_side:
        checks.append(_number_matches(filters.ani, record.ani, record))
    if filters.dnis and "dnis" not in server_side:
        checks.append(_number_matches(filters.dnis, record.dnis, record))
    if filters.state and "state" not in server_side:
        checks.append(record.state == filters.state)
    return all(checks)


def _number_matches(wanted: str, value: str | None, record: SessionRecord) -> bool:
    # Cisco sessions carry numbers only as participants' device references.
    candidates = [value] if value else [p.device_ref for p in record.participants]
    return any(c and wanted in c for c in candidates)
