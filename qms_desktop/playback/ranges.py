"""Deciding what to answer to a `Range` header (RFC 9110 §14, formerly RFC 7233) for one body.

Rules we apply: a unit other than `bytes`, a syntax error, or several ranges => the header is
ignored and the whole body is sent (200; RFC allows ignoring Range, and we never send multipart).
One syntactically valid range => 206 with exactly that slice, or 416 when it does not overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

_MAX_DIGITS = 30  # any longer number is beyond every real file: treat it as "very large"
_HUGE = 10**_MAX_DIGITS


@dataclass(frozen=True, slots=True)
class RangeDecision:
    status: int  # 200 whole body, 206 [start, end], 416 unsatisfiable
    start: int = 0
    end: int = -1  # inclusive; -1 for an empty body

    @property
    def length(self) -> int:
        return max(0, self.end - self.start + 1)

    def content_range(self, total: int) -> str | None:
        if self.status == 206:
            return f"bytes {self.start}-{self.end}/{total}"
        if self.status == 416:
            return f"bytes */{total}"
        return None


def _number(text: str) -> int | None:
    """A non-negative ASCII integer, or None if `text` is not one (str.isdigit accepts '²')."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    # 1*DIGIT allows leading zeros; they say nothing about the size, so only the rest is measured.
    digits = text.lstrip("0") or "0"
    return _HUGE if len(digits) > _MAX_DIGITS else int(digits)


def decide(header: str | None, total: int, *, if_range_ok: bool = True) -> RangeDecision:
    """What to send for `header` on a body of `total` bytes; `if_range_ok=False` ignores the Range."""
    full = RangeDecision(200, 0, total - 1)
    if header is None or not if_range_ok:
        return full
    unit, eq, spec = header.partition("=")
    if not eq or unit.strip().lower() != "bytes":
        return full
    ranges = [part.strip() for part in spec.split(",") if part.strip()]
    if len(ranges) != 1:
        return full  # none (invalid) or several (we do not send multipart/byteranges)
    first_text, dash, last_text = ranges[0].partition("-")
    first_text, last_text = first_text.strip(), last_text.strip()
    if not dash:
        return full
    if first_text == "":
        suffix = _number(last_text)
        if suffix is None:
            return full
        if suffix == 0 or total == 0:
            return RangeDecision(416)
        return RangeDecision(206, max(0, total - suffix), total - 1)
    first = _number(first_text)
    if first is None:
        return full
    last: int | None = None
    if last_text:
        last = _number(last_text)
        if last is None or last < first:
            return full  # an invalid range-spec: the whole header is ignored
    if first >= total:
        return RangeDecision(416)
    return RangeDecision(206, first, total - 1 if last is None else min(last, total - 1))


def parse_content_range(value: str | None) -> tuple[int | None, int | None, int | None]:
    """(start, end, total) from `bytes S-E/T` or `bytes */T`; None for each part that is absent."""
    if not value:
        return None, None, None
    unit, _, rest = value.strip().partition(" ")
    if unit.lower() != "bytes":
        return None, None, None
    span, _, total_text = rest.strip().partition("/")
    total = _number(total_text.strip())
    start_text, dash, end_text = span.partition("-")
    if span == "*" or not dash:
        return None, None, total
    return _number(start_text.strip()), _number(end_text.strip()), total
