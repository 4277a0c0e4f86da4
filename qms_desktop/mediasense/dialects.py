"""Request builders and response readers for each MediaSense API flavour.

`cisco` is the real REST API (signIn, getSessions with requestParameters, epoch ms, logical errors in
HTTP 200); `spec` and `legacy` are the specification's paths, kept as fallbacks for other versions
(see docs/wire-shapes.md). The client tries them in the order below and remembers what worked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from qms_desktop.domain.sessions import SessionFilters
from qms_desktop.domain.time import TimeWindow, to_ms

OK_CODES = (2000, 2001)
NO_ROWS = 2001
INVALID_SESSION = 4021
TOO_MANY_REQUESTS = 5042
MAX_PAGE = 1000


# ---- Login strategies -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginStrategy:
    name: str
    method: str
    path: str
    uses_cookie: bool  # False: Basic auth on every request instead of a session

    def body(self, username: str, password: str) -> dict[str, Any] | None:
        if self.name == "cisco":
            return {"requestParameters": {"username": username, "password": password}}
        if self.name == "spec":
            return {"username": username, "password": password}
        return None


LOGIN_STRATEGIES: tuple[LoginStrategy, ...] = (
    LoginStrategy("cisco", "POST", "/ora/authenticationService/authentication/signIn", True),
    LoginStrategy("spec", "POST", "/ora/authenticationService/authentication/login", True),
    LoginStrategy("basic", "GET", "/ora/serviceInfo", False),
)
LOGIN_BY_NAME = {s.name: s for s in LOGIN_STRATEGIES}
SIGN_OUT_PATH = "/ora/authenticationService/authentication/signOut"
SYSTEM_TIME_PATH = "/ora/infoService/info/getSystemTime"
SESSION_BY_ID_PATH = "/ora/queryService/query/getSessionBySessionId"


# ---- Query dialects ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryRequest:
    method: str
    path: str
    json: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RawPage:
    items: list[Any]
    has_more: bool
    total: int | None = None
    recognised: bool = True  # False: an envelope without a sessions list (read as no rows)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class QueryDialect:
    name: str  # the endpoint's name, remembered per server
    session_dialect: str  # which normalizer reads its sessions: cisco / spec / legacy
    path: str

    def build(self, window: TimeWindow, filters: SessionFilters, offset: int, limit: int) -> QueryRequest:
        if self.session_dialect == "cisco":
            return QueryRequest("POST", self.path, _cisco_body(window, filters, offset, limit))
        body: dict[str, Any] = {
            "startTime": iso(window.start),
            "endTime": iso(window.end),
            "limit": limit,
            "offset": offset,
        }
        for key, value in (
            ("agentId", filters.agent_id),
            ("direction", filters.direction.value if filters.direction else None),
            ("ani", filters.ani),
            ("dnis", filters.dnis),
        ):
            if value:
                body[key] = value
        return QueryRequest("POST", self.path, body)

    def read(self, payload: Any, code: int | None, limit: int, offset: int) -> RawPage:
        if code == NO_ROWS:
            return RawPage([], False)
        items, total, recognised = _find_sessions(payload)
        if total is not None:
            return RawPage(items, offset + len(items) < total and bool(items), total, recognised)
        return RawPage(items, len(items) >= limit, None, recognised)

    @property
    def server_side_filters(self) -> frozenset[str]:
        """Filters this endpoint applies itself; the rest are applied to normalized records."""
        if self.session_dialect == "cisco":
            return frozenset({"state"})
        return frozenset({"agent_id", "direction", "ani", "dnis"})


QUERY_DIALECTS: tuple[QueryDialect, ...] = (
    QueryDialect("cisco", "cisco", "/ora/queryService/query/getSessions"),
    QueryDialect("spec", "spec", "/ora/queryService/query/sessions"),
    QueryDialect("legacy-recording", "legacy", "/ora/recording/api/sessions"),
    QueryDialect("legacy-v1", "legacy", "/ora/api/v1/sessions"),
)
QUERY_BY_NAME = {d.name: d for d in QUERY_DIALECTS}


def _cisco_body(window: TimeWindow, filters: SessionFilters, offset: int, limit: int) -> dict[str, Any]:
    # MediaSense's `between` is inclusive at both ends; ask [start, end - 1 ms] for a half-open window.
    clauses: list[dict[str, Any]] = [
        {
            "fieldName": "sessionStartDate",
            "fieldConditions": [
                {
                    "fieldOperator": "between",
                    "fieldValues": [to_ms(window.start), max(to_ms(window.start), to_ms(window.end) - 1)],
                }
            ],
            "paramConnector": "AND",
        }
    ]
    if filters.state is not None:
        clauses.append(
            {
                "fieldName": "sessionState",
                "fieldConditions": [{"fieldOperator": "equals", "fieldValues": [filters.state.value]}],
                "paramConnector": "AND",
            }
        )
    return {
        "requestParameters": clauses,
        "pageParameters": {"offset": offset, "limit": min(limit, MAX_PAGE)},
        "sortParameters": [{"byFieldName": "sessionStartDate", "order": "ASC"}],
    }


def _find_sessions(payload: Any) -> tuple[list[Any], int | None, bool]:
    """Sessions wherever this server version puts them, the total when given, and whether the
    shape was recognised (an envelope whose body has no sessions reads as none, but unrecognised);
    raises ValueError when there is no list."""
    if isinstance(payload, list):
        return payload, None, True
    if not isinstance(payload, Mapping):
        raise ValueError("the answer is not a JSON object")
    total = _as_int(payload.get("total"))
    body = payload.get("responseBody")
    if isinstance(body, Mapping):
        for key in ("sessions", "session"):
            value = body.get(key)
            if isinstance(value, list):
                return value, total, True
            if isinstance(value, Mapping):
                return [value], total, True
        if _looks_like_session(body):
            return [body], total, True
        return [], total, not body
    if isinstance(body, list):
        return body, total, True
    for key in ("data", "sessions", "items", "results"):
        value = payload.get(key)
        if isinstance(value, list):
            return value, total, True
    if "responseCode" in payload and body is None:
        return [], total, True  # a success with no body: nothing matched
    raise ValueError("the answer has no list of sessions")


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def response_code(payload: Any) -> int | None:
    """MediaSense's logical result code (sent as a number, or a string by older versions)."""
    if isinstance(payload, Mapping):
        return _as_int(payload.get("responseCode"))
    return None


def response_detail(payload: Any) -> str | None:
    if not isinstance(payload, Mapping):
        return None
    parts = [str(payload[k]) for k in ("responseMessage", "detail") if payload.get(k)]
    return " — ".join(parts) or None


def system_time_ms(payload: Any) -> int | None:
    if not isinstance(payload, Mapping):
        return None
    body = payload.get("responseBody")
    if isinstance(body, Mapping):
        return _as_int(body.get("currentSystemTime"))
    return _as_int(payload.get("currentSystemTime"))


# Fields only a session record carries: a record that lost its sessionId is still recognised as
# one (and quarantined with its reason) rather than read as an answer nobody understands.
_SESSION_FIELDS = frozenset({"sessionState", "sessionStartDate", "sessionStopDate", "sessionDuration", "tracks"})


def _looks_like_session(value: Any) -> bool:
    return isinstance(value, Mapping) and ("sessionId" in value or len(_SESSION_FIELDS.intersection(value)) >= 2)


def sessions_from_lookup(payload: Any) -> Sequence[Any]:
    """The sessions in a getSessionBySessionId answer, whose real shape no public source shows.

    Understood: a list under `responseBody.sessions` (as getSessions answers), an object or a list
    under `responseBody.session`, the session object itself as `responseBody`, a list of sessions as
    `responseBody`, and the same keys at the top level of an answer without an envelope. Anything
    else raises ValueError: an answer nobody recognised must never read as "no such session"."""
    if isinstance(payload, list):
        return _session_list(payload, "the answer")
    if not isinstance(payload, Mapping):
        raise ValueError("the answer is not a JSON object")
    body = payload.get("responseBody") if "responseBody" in payload else payload
    if isinstance(body, list):
        return _session_list(body, "responseBody")
    if not isinstance(body, Mapping):
        raise ValueError(f"responseBody is {type(body).__name__}, not a session or a list of sessions")
    if _looks_like_session(body):
        return [body]
    for key in ("sessions", "session"):
        value = body.get(key)
        if isinstance(value, list):
            return _session_list(value, key)
        if _looks_like_session(value):
            return [value]
    keys = ", ".join(sorted(str(k) for k in body)) or "none"
    raise ValueError(f"no session, no sessions list and no sessionId in it (keys: {keys})")


def _session_list(items: list[Any], where: str) -> list[Any]:
    if items and not any(_looks_like_session(item) for item in items):
        raise ValueError(f"{where} is a list without a session in it")
    return items
