"""Fault knobs and request counters, shared by the test thread and the server thread.

Rates draw from a seeded `random.Random`, so a test that sets the same knobs sees the same faults.
Malformed records are chosen by hashing the session id, so a broken record stays broken on retry;
late-visible calls (`late_visible_rate`) likewise by hashing the call's key with the seed.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections import Counter, deque
from dataclasses import dataclass, field, fields
from typing import Any

from qms_desktop.simulator.data import LateVisibility

KNOBS = (
    "latency_ms",
    "error_5xx_rate",
    "error_5xx_next",
    "error_5xx_after",
    "drop_mid_body_rate",
    "expire_session_after",
    "busy_next",
    "retry_after",
    "malformed_records",
    "malformed_json_next",
    "late_visible_rate",
    "late_visible_min_s",
    "late_visible_max_s",
    "lookup_shape",
    "page_order",
    "no_duration_rate",
    "gone_sessions",
)

# How getSessionBySessionId answers (its real shape is in no public source; these are the plausible
# ones): a list under responseBody.sessions (like getSessions), one object under responseBody.session,
# the session object as responseBody ("bare"), a one-element list as responseBody ("list"); a server
# without the endpoint (HTTP 404 / 405); a logical refusal (responseCode 4010); an envelope we do not
# know ("unknown"); and "no rows" (2001) for every id.
LOOKUP_SHAPES = ("sessions", "session", "bare", "list", "http404", "http405", "refused", "unknown", "no_rows")
# getSessions' row order: "sorted" honours sortParameters; "descending" and "shuffled" (a fixed
# permutation drawn from the fault seed, the same on every request) ignore it.
PAGE_ORDERS = ("sorted", "descending", "shuffled")
TEXT_KNOBS = {"lookup_shape": LOOKUP_SHAPES, "page_order": PAGE_ORDERS}


FLOAT_KNOBS = frozenset(
    {
        "latency_ms",
        "error_5xx_rate",
        "drop_mid_body_rate",
        "malformed_records",
        "late_visible_rate",
        "late_visible_min_s",
        "late_visible_max_s",
        "no_duration_rate",
    }
)


@dataclass
class Faults:
    latency_ms: float = 0.0
    error_5xx_rate: float = 0.0
    error_5xx_next: int = 0
    # Requests answered normally before the `error_5xx_next` ones begin: an outage at a known point
    # of a run (after its first page), whatever the timing of the run's threads.
    error_5xx_after: int = 0
    drop_mid_body_rate: float = 0.0
    expire_session_after: int | None = None
    busy_next: int = 0
    retry_after: int = 1
    malformed_records: float | frozenset[str] = 0.0
    malformed_json_next: int = 0
    # This fraction of calls becomes visible only min..max seconds after the call ended.
    late_visible_rate: float = 0.0
    late_visible_min_s: float = 120.0
    late_visible_max_s: float = 5400.0
    lookup_shape: str = "sessions"
    page_order: str = "sorted"
    # This fraction of closed sessions comes without sessionDuration, only trackDuration on the tracks,
    # as a real 11.5 server answers some CLOSED_NORMAL sessions (cisco profile).
    no_duration_rate: float = 0.1
    # Sessions the server no longer has (deleted or purged): absent from getSessions and by id.
    gone_sessions: frozenset[str] = frozenset()
    seed: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)
    _rng: random.Random = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self.update(malformed_records=self.malformed_records)

    def update(self, **knobs: Any) -> None:
        """Set knobs by name (unknown names raise); `malformed_records` takes a rate or ids."""
        with self._lock:
            for name, value in knobs.items():
                if name not in KNOBS and name != "seed":
                    raise ValueError(f"unknown fault knob {name!r}; known: {', '.join(KNOBS)}")
                if name == "malformed_records" and not isinstance(value, int | float):
                    value = frozenset(str(v).lower() for v in value)
                if name == "gone_sessions":
                    value = frozenset(str(v).lower() for v in value)
                if name in TEXT_KNOBS and value not in TEXT_KNOBS[name]:
                    raise ValueError(f"{name} must be one of {', '.join(TEXT_KNOBS[name])}, not {value!r}")
                if name == "seed":
                    self._rng = random.Random(value)
                setattr(self, name, value)

    def reset(self) -> None:
        self.update(**{f.name: f.default for f in fields(self) if f.name in KNOBS})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in KNOBS}
        if isinstance(self.malformed_records, frozenset):
            out["malformed_records"] = sorted(self.malformed_records)
        out["gone_sessions"] = sorted(self.gone_sessions)
        return out

    def is_gone(self, session_id: str) -> bool:
        return session_id.lower() in self.gone_sessions

    def without_duration(self, session_id: str) -> bool:
        """Is this (closed) session answered without sessionDuration? Fixed per id and seed."""
        rate = self.no_duration_rate
        if rate <= 0:
            return False
        return rate >= 1 or _fraction(f"duration:{self.seed}:{session_id}") < rate

    def order_key(self, session_id: str) -> float:
        """The position of a session in the "shuffled" order: the same on every request."""
        return _fraction(f"order:{self.seed}:{session_id}")

    def _roll(self, rate: float) -> bool:
        return rate > 0 and self._rng.random() < rate

    def take_5xx(self) -> bool:
        with self._lock:
            if self.error_5xx_next > 0:
                if self.error_5xx_after > 0:
                    self.error_5xx_after -= 1
                    return False
                self.error_5xx_next -= 1
                return True
            return self._roll(self.error_5xx_rate)

    def take_busy(self) -> bool:
        with self._lock:
            if self.busy_next > 0:
                self.busy_next -= 1
                return True
            return False

    def take_malformed_json(self) -> bool:
        with self._lock:
            if self.malformed_json_next > 0:
                self.malformed_json_next -= 1
                return True
            return False

    def take_drop(self) -> bool:
        with self._lock:
            return self._roll(self.drop_mid_body_rate)

    def take_expiry(self) -> bool:
        """Count one authenticated request; True when the sessions must expire now (one-shot)."""
        with self._lock:
            if self.expire_session_after is None:
                return False
            if self.expire_session_after <= 0:
                self.expire_session_after = None
                return True
            self.expire_session_after -= 1
            return False

    def late_visibility(self) -> LateVisibility | None:
        """The late-visibility knobs as the dataset applies them; None when off."""
        with self._lock:
            if self.late_visible_rate <= 0:
                return None
            low = int(self.late_visible_min_s * 1000)
            return LateVisibility(self.late_visible_rate, low, max(low, int(self.late_visible_max_s * 1000)), self.seed)

    def record_is_malformed(self, session_id: str) -> bool:
        knob = self.malformed_records
        if isinstance(knob, set | frozenset):
            return session_id in knob
        if knob <= 0:
            return False
        return _fraction(f"{self.seed}:{session_id}") < knob


def _fraction(text: str) -> float:
    """A stable number in [0, 1) for this text."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest()) / 2**64


def parse_faults(text: str) -> dict[str, Any]:
    """`k=v,k=v` from the command line; ids for malformed_records are separated by `;`."""
    out: dict[str, Any] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or (name not in KNOBS and name != "seed"):
            raise ValueError(f"bad fault {item!r}; expected one of {', '.join(KNOBS)} as name=value")
        raw = raw.strip()
        value: Any
        if (name == "malformed_records" and not _is_number(raw)) or name == "gone_sessions":
            value = frozenset(filter(None, raw.split(";")))
        elif name in TEXT_KNOBS:
            value = raw
        elif name in FLOAT_KNOBS:
            value = float(raw)
        else:
            value = int(raw)
        out[name] = value
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class MediaRequest:
    """One request to a media path as the simulator saw it (headers summarised, no secrets)."""

    method: str
    port: int
    path_qs: str
    accept: str | None
    basic: bool  # an Authorization: Basic header was sent
    jsessionid: bool  # a JSESSIONID cookie (or header) was sent
    range: str | None
    status: int = 0  # filled when answered


class Stats:
    """What the simulator saw; tests assert on it. Mutated only under the lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.methods: Counter[str] = Counter()
        # Arrival order of the last requests: tests check which fallback came first.
        self.request_log: deque[tuple[str, str]] = deque(maxlen=10_000)
        self.logins = 0
        self.login_failures = 0
        self.ranges: list[tuple[str, str | None, int]] = []
        self.faults: Counter[str] = Counter()
        self.events_delivered = 0
        self.events_failed = 0
        self.events: list[tuple[str, str, str]] = []  # (action, sessionId or "", subscriber uri)
        # Every request on a media path, with what a test checks of its headers (never their values).
        self.media_requests: deque[MediaRequest] = deque(maxlen=10_000)

    def count_request(self, method: str, path: str) -> None:
        with self._lock:
            self.requests[path] += 1
            self.methods[f"{method} {path}"] += 1
            self.request_log.append((method, path))

    def requests_to(self, path: str) -> int:
        with self._lock:
            return self.requests[path]

    def count_login(self, ok: bool) -> None:
        with self._lock:
            if ok:
                self.logins += 1
            else:
                self.login_failures += 1

    def count_range(self, path: str, header: str | None, status: int) -> None:
        with self._lock:
            self.ranges.append((path, header, status))

    def log_media_request(self, entry: MediaRequest) -> None:
        with self._lock:
            self.media_requests.append(entry)

    def media_log(self) -> list[MediaRequest]:
        with self._lock:
            return list(self.media_requests)

    def count_fault(self, name: str) -> None:
        with self._lock:
            self.faults[name] += 1

    def count_event(self, action: str, session_id: str, uri: str, ok: bool) -> None:
        with self._lock:
            if ok:
                self.events_delivered += 1
            else:
                self.events_failed += 1
            self.events.append((action, session_id, uri))

    def total_requests(self) -> int:
        with self._lock:
            return sum(self.requests.values())

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.methods.clear()
            self.request_log.clear()
            self.logins = self.login_failures = 0
            self.ranges.clear()
            self.faults.clear()
            self.events_delivered = self.events_failed = 0
            self.events.clear()
            self.media_requests.clear()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": dict(self.requests),
                "logins": self.logins,
                "login_failures": self.login_failures,
                "ranges": list(self.ranges),
                "faults": dict(self.faults),
                "events_delivered": self.events_delivered,
                "events_failed": self.events_failed,
                "media_requests": [
                    {
                        "method": m.method,
                        "port": m.port,
                        "path": m.path_qs,
                        "accept": m.accept,
                        "basic": m.basic,
                        "jsessionid": m.jsessionid,
                        "range": m.range,
                        "status": m.status,
                    }
                    for m in self.media_requests
                ],
            }
