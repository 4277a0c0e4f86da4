"""Single-range `Range: bytes=...` parsing (RFC 9110 §14), as a media server would apply it."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SINGLE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RangeDecision:
    """status 200 (serve whole), 206 (serve [start, end]) or 416 (unsatisfiable)."""

    status: int
    start: int = 0
    end: int = -1  # inclusive; -1 with total 0

    @property
    def length(self) -> int:
        return self.end - self.start + 1


def decide(header: str | None, total: int) -> RangeDecision:
    """What to answer to `header` for a body of `total` bytes.

    Multi-range and unparsable headers are ignored (full 200), as RFC 9110 allows; a syntactically
    valid single range that does not overlap the body is 416.
    """
    full = RangeDecision(200, 0, total - 1)
    if not header:
        return full
    match = _SINGLE.match(header)
    if match is None:
        return full
    first, last = match.group(1), match.group(2)
    if first == "" and last == "":
        return full
    if first == "":
        suffix = int(last)
        if suffix == 0 or total == 0:
            return RangeDecision(416)
        return RangeDecision(206, max(0, total - suffix), total - 1)
    start = int(first)
    end = int(last) if last else total - 1
    if last and end < start:
        return full  # invalid range-spec: ignore the header
    if start >= total:
        return RangeDecision(416)
    return RangeDecision(206, start, min(end, total - 1))
