"""What the integration log holds: entries, pages of entries, levels and cursors."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

# The specification's levels, most severe first. WARN is logging's WARNING.
LEVELS: tuple[str, ...] = ("ERROR", "WARN", "INFO", "DEBUG")
_LOGGING_LEVEL = {"ERROR": logging.ERROR, "WARN": logging.WARNING, "INFO": logging.INFO, "DEBUG": logging.DEBUG}
_ALIASES = {"WARNING": "WARN", "CRITICAL": "ERROR", "FATAL": "ERROR"}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def normalize_level(level: str | int) -> str:
    """`"warning"`, `"WARN"`, `logging.WARNING` -> `"WARN"`; raises ValueError for anything else."""
    if isinstance(level, int) and not isinstance(level, bool):
        return level_name(level)
    if isinstance(level, str):
        name = level.strip().upper()
        name = _ALIASES.get(name, name)
        if name in _LOGGING_LEVEL:
            return name
    raise ValueError(f"unknown log level {level!r}; use one of {', '.join(LEVELS)}")


def level_name(levelno: int) -> str:
    """Fold logging's levels onto the specification's four (CRITICAL is an ERROR, below DEBUG a DEBUG)."""
    if levelno >= logging.ERROR:
        return "ERROR"
    if levelno >= logging.WARNING:
        return "WARN"
    if levelno >= logging.INFO:
        return "INFO"
    return "DEBUG"


def logging_level(level: str | int) -> int:
    return _LOGGING_LEVEL[normalize_level(level)]


def level_rank(name: str) -> int:
    return _LOGGING_LEVEL.get(name, logging.DEBUG)


def timestamp(created: float) -> tuple[datetime, str]:
    """`record.created` -> (aware UTC datetime with millisecond precision, ISO text ending in Z).

    Truncated to whole milliseconds from integer arithmetic, so an entry read back from the file
    compares equal to the one kept in memory.
    """
    dt = _EPOCH + timedelta(milliseconds=int(created * 1000))
    return dt, dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class LogEntry:
    """One masked log record. `seq` grows by one per recorded entry and is the same in the ring
    buffer and in the file; it survives restarts (read back from the files)."""

    seq: int
    ts: datetime
    level: str
    logger: str
    message: str
    extra: dict[str, Any] = field(default_factory=dict)
    exc: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": timestamp_text(self.ts),
            "level": self.level,
            "logger": self.logger,
            "message": self.message,
            "extra": self.extra,
            "exc": self.exc,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogEntry:
        extra = data.get("extra")
        return cls(
            seq=int(data["seq"]),
            ts=datetime.fromisoformat(data["ts"]),
            level=str(data.get("level", "INFO")),
            logger=str(data.get("logger", "")),
            message=str(data.get("message", "")),
            extra=extra if isinstance(extra, dict) else {},
            exc=data.get("exc"),
        )


def timestamp_text(ts: datetime) -> str:
    return ts.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class LogPage:
    """Entries newest first; `next_cursor` fetches the next (older) page, None when there is none."""

    entries: tuple[LogEntry, ...]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries], "nextCursor": self.next_cursor}


# Cursors are opaque to callers. They name the oldest entry already shown; the next page holds only
# entries with a smaller seq, so entries appended meanwhile can neither repeat nor shift a page.
_CURSOR = re.compile(r"s[0-9]{1,19}")


def encode_cursor(seq: int) -> str:
    return f"s{seq}"


def decode_cursor(cursor: str | None) -> int | None:
    if cursor is None or cursor == "":
        return None
    if isinstance(cursor, str) and _CURSOR.fullmatch(cursor):
        return int(cursor[1:])
    raise ValueError(f"invalid log cursor {cursor!r}")
