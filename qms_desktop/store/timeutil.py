"""Datetimes <-> epoch milliseconds UTC, the only time representation in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)


def to_ms(value: datetime | None) -> int | None:
    """Integer arithmetic, not float `timestamp()`: no rounding drift at millisecond precision.
    A naive datetime is taken as UTC (MediaSense times are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - EPOCH) // _MS


def from_ms(value: int | None) -> datetime | None:
    return None if value is None else EPOCH + timedelta(milliseconds=value)


def now_ms() -> int:
    return to_ms(datetime.now(UTC)) or 0
