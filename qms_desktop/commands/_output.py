"""Output helpers shared by the subcommands: `--json` prints one JSON document, else plain text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from qms_desktop.domain.time import from_ms


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def to_json(data: Any) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def emit(args: argparse.Namespace, data: Any, text: Callable[[Any], str] | None = None) -> None:
    """Print `data` as JSON with --json, else as `text(data)` (or JSON when no text form exists)."""
    if getattr(args, "json", False) or text is None:
        print(to_json(data))
    else:
        print(text(data))


def fail(message: str, code: int = 1) -> int:
    print(f"qms-desktop: {message}", file=sys.stderr)
    return code


def local_time(value: int | datetime | None) -> str:
    """An instant (epoch milliseconds or an aware datetime) as ISO 8601 in the machine's time zone,
    to the second, with its offset: what text output shows; "-" for none."""
    moment = from_ms(value) if isinstance(value, int) else value
    if moment is None:
        return "-"
    return moment.astimezone().isoformat(timespec="seconds")


def reversed_range(start: datetime | None, end: datetime | None) -> str | None:
    """The usage error of a range whose start comes after its end, or None when it is in order."""
    if start is not None and end is not None and start > end:
        return f"--from ({start.isoformat()}) is after --to ({end.isoformat()}): swap them"
    return None


def iso_datetime(value: str) -> datetime:
    """An argparse type: an ISO 8601 date/time; one without an offset is read as UTC."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date/time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
