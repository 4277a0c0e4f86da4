"""Time as the whole app sees it: timezone-aware UTC datetimes and epoch milliseconds.

MediaSense and the database speak epoch milliseconds; everything else speaks aware UTC datetimes.
These are the only conversions between the two (integer arithmetic, no float rounding).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import overload

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)


@overload
def to_ms(value: datetime) -> int: ...
@overload
def to_ms(value: None) -> None: ...
def to_ms(value: datetime | None) -> int | None:
    """Epoch milliseconds of `value`; a naive datetime is taken as UTC (MediaSense times are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - EPOCH) // _MS


@overload
def from_ms(value: int) -> datetime: ...
@overload
def from_ms(value: None) -> None: ...
def from_ms(value: int | None) -> datetime | None:
    """The aware UTC datetime of epoch milliseconds."""
    return None if value is None else EPOCH + timedelta(milliseconds=value)


def utc_now() -> datetime:
    return datetime.now(UTC)


def now_ms() -> int:
    return to_ms(datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A half-open UTC window [start, end)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("TimeWindow needs timezone-aware datetimes")
        if self.end < self.start:
            raise ValueError("TimeWindow end is before its start")

    @classmethod
    def of_ms(cls, start_ms: int, end_ms: int) -> TimeWindow:
        return cls(from_ms(start_ms), from_ms(end_ms))

    @property
    def start_ms(self) -> int:
        return to_ms(self.start)

    @property
    def end_ms(self) -> int:
        return to_ms(self.end)
