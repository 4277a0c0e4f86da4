"""Request bodies of the session queries, validated the way the simulated servers do.

Cisco's getSessions is compiled to a vectorised window selection plus, when needed, a per-call
predicate (deviceRef, tagName, OR-connected clauses). Errors carry Cisco's 4xxx codes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from qms_desktop.simulator.data import Call, Dataset

MAX_LIMIT = 1000
MISSING_WINDOW = 4010
BAD_LIMIT = 4011
MALFORMED = 4012

Predicate = Callable[[Call, int], bool]


class QueryError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _number(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("boolean")
    if isinstance(value, int | float):
        return int(value)
    return int(str(value).strip())


@dataclass
class SessionQuery:
    start_ms: int
    end_ms: int  # exclusive
    offset: int = 0
    limit: int = 100
    descending: bool = False
    states: set[str] | None = None
    min_duration_ms: int | None = None
    max_duration_ms: int | None = None
    predicates: list[Predicate] = field(default_factory=list)

    def run(
        self,
        dataset: Dataset,
        now_ms: int,
        *,
        order: str = "sorted",
        order_key: Callable[[str], float] | None = None,
        gone: frozenset[str] = frozenset(),
    ) -> tuple[int, list[Call]]:
        """(total matches, the requested page). `order` "sorted" honours sortParameters; a server
        that ignores them answers "descending" or "shuffled" (by `order_key`, the same permutation on
        every request, so offsets stay meaningful). Sessions in `gone` are no longer on the server."""
        selection = dataset.select(
            self.start_ms,
            self.end_ms,
            now_ms,
            states=self.states,
            min_duration_ms=self.min_duration_ms,
            max_duration_ms=self.max_duration_ms,
        )
        descending = self.descending if order == "sorted" else order == "descending"
        if not self.predicates and order != "shuffled" and not gone:
            return len(selection), selection.calls(self.offset, self.limit, descending)
        rows = [
            c
            for c in selection.calls(descending=descending)
            if c.session_id not in gone and all(p(c, now_ms) for p in self.predicates)
        ]
        if order == "shuffled" and order_key is not None:
            rows.sort(key=lambda c: order_key(c.session_id))
        return len(rows), rows[self.offset : self.offset + self.limit]


# --- cisco getSessions ---


def _condition(field_name: str, op: str, values: list[Any]) -> Predicate:
    if not values:
        raise QueryError(MALFORMED, f"fieldValues missing for {field_name}")
    if field_name == "sessionState" and op == "equals":
        wanted = {str(v) for v in values}
        return lambda c, now: c.state(now) in wanted
    if field_name == "deviceRef" and op == "equals":
        refs = {str(v) for v in values}
        return lambda c, now: any(r in refs for r in c.device_refs)
    if field_name == "tagName" and op == "equals":
        names = {str(v) for v in values}
        return lambda c, now: "TrackActive" in names or any(n in names for n, _ in c.user_tags)
    if field_name in ("sessionDuration", "sessionStartDate"):
        try:
            nums = [_number(v) for v in values]
        except (TypeError, ValueError) as exc:
            raise QueryError(MALFORMED, f"{field_name} values must be numbers") from exc

        def value(c: Call, now: int) -> int | None:
            if field_name == "sessionStartDate":
                return c.start_ms
            return None if c.active(now) else c.duration_ms

        if op == "greaterThan":
            return lambda c, now: (v := value(c, now)) is not None and v > nums[0]
        if op == "lessThan":
            return lambda c, now: (v := value(c, now)) is not None and v < nums[0]
        if op == "between" and len(nums) == 2:
            return lambda c, now: (v := value(c, now)) is not None and nums[0] <= v <= nums[1]
        if op == "equals":
            return lambda c, now: value(c, now) in nums
    raise QueryError(MALFORMED, f"unsupported condition {field_name} {op}")


def _combine(parts: list[tuple[Predicate, str]]) -> Predicate:
    """Left to right, each part joined to the next by its connector (AND/OR)."""

    def evaluate(c: Call, now: int) -> bool:
        result = parts[0][0](c, now)
        for (_, connector), (pred, _) in itertools.pairwise(parts):
            result = (result or pred(c, now)) if connector == "OR" else (result and pred(c, now))
        return result

    return evaluate


def parse_get_sessions(body: Any) -> SessionQuery:
    if not isinstance(body, dict):
        raise QueryError(MALFORMED, "request body must be a JSON object")
    params = body.get("requestParameters")
    if not isinstance(params, list):
        raise QueryError(MISSING_WINDOW, "sessionStartDate between condition is mandatory")
    window: tuple[int, int] | None = None
    clauses: list[tuple[str, list[tuple[str, list[Any], str]], str]] = []
    for param in params:
        if not isinstance(param, dict) or not isinstance(param.get("fieldConditions"), list):
            raise QueryError(MALFORMED, "each requestParameters entry needs fieldName and fieldConditions")
        name = str(param.get("fieldName", ""))
        conds = []
        for cond in param["fieldConditions"]:
            if not isinstance(cond, dict):
                raise QueryError(MALFORMED, "fieldConditions entries must be objects")
            op = str(cond.get("fieldOperator", ""))
            values = cond.get("fieldValues")
            values = values if isinstance(values, list) else [values] if values is not None else []
            if name == "sessionStartDate" and op == "between" and window is None:
                try:
                    lo, hi = (_number(v) for v in values)
                except (TypeError, ValueError) as exc:
                    raise QueryError(MALFORMED, "sessionStartDate between needs two epoch-ms values") from exc
                window = (lo, hi)
                continue
            conds.append((op, values, str(cond.get("fieldConnector", "AND")).upper()))
        if conds:
            clauses.append((name, conds, str(param.get("paramConnector", "AND")).upper()))
    if window is None:
        raise QueryError(MISSING_WINDOW, "sessionStartDate between condition is mandatory")

    page = body.get("pageParameters") or {}
    try:
        offset = _number(page.get("offset", 0))
        limit = _number(page.get("limit", 100))
    except (TypeError, ValueError, AttributeError) as exc:
        raise QueryError(MALFORMED, "pageParameters offset/limit must be numbers") from exc
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(BAD_LIMIT, f"limit must be 1..{MAX_LIMIT}")
    if offset < 0:
        raise QueryError(MALFORMED, "offset must be >= 0")
    descending = False
    sort = body.get("sortParameters")
    if isinstance(sort, dict):
        sort = [sort]
    if isinstance(sort, list) and sort and isinstance(sort[0], dict):
        descending = str(sort[0].get("order", "ASC")).upper() == "DESC"

    # `between` is inclusive on both ends in MediaSense.
    query = SessionQuery(window[0], window[1] + 1, offset, limit, descending)
    all_and = all(connector == "AND" for _, _, connector in clauses[:-1])
    compiled: list[tuple[Predicate, str]] = []
    for name, conds, connector in clauses:
        ops = {op for op, _, _ in conds}
        joins = {c for _, _, c in conds[:-1]}
        if all_and and name == "sessionState" and ops == {"equals"} and joins <= {"OR"}:
            wanted = {str(v) for _, values, _ in conds for v in values}
            query.states = wanted if query.states is None else query.states & wanted
            continue
        predicate = _combine([(_condition(name, op, values), join) for op, values, join in conds])
        compiled.append((predicate, connector))
    if compiled:
        query.predicates = [_combine(compiled)] if not all_and else [p for p, _ in compiled]
    return query


# --- spec / legacy query body ---


def parse_iso(value: Any) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    text = str(value).strip()
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return round(parsed.timestamp() * 1000)


def parse_spec_query(body: Any) -> SessionQuery:
    """`{startTime, endTime, limit, offset, agentId?, direction?, ani?, dnis?}`, window half-open."""
    if not isinstance(body, dict):
        raise QueryError(MALFORMED, "request body must be a JSON object")
    if body.get("startTime") is None or body.get("endTime") is None:
        raise QueryError(MISSING_WINDOW, "startTime and endTime are mandatory")
    try:
        start, end = parse_iso(body["startTime"]), parse_iso(body["endTime"])
    except (TypeError, ValueError) as exc:
        raise QueryError(MALFORMED, "startTime/endTime must be ISO 8601") from exc
    try:
        limit = _number(body.get("limit", 100))
        offset = _number(body.get("offset", 0))
    except (TypeError, ValueError) as exc:
        raise QueryError(MALFORMED, "limit/offset must be numbers") from exc
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(BAD_LIMIT, f"limit must be 1..{MAX_LIMIT}")
    if offset < 0:
        raise QueryError(MALFORMED, "offset must be >= 0")
    query = SessionQuery(start, end, offset, limit)
    if body.get("agentId"):
        agent_id = str(body["agentId"])
        query.predicates.append(lambda c, now: c.agent.agent_id == agent_id)
    if body.get("direction"):
        direction = str(body["direction"]).lower()
        query.predicates.append(lambda c, now: c.direction == direction)
    if body.get("ani"):
        ani = str(body["ani"])
        query.predicates.append(lambda c, now: c.caller_called[0] == ani)
    if body.get("dnis"):
        dnis = str(body["dnis"])
        query.predicates.append(lambda c, now: c.caller_called[1] == dnis)
    return query
