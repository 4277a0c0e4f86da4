"""Output helpers shared by the subcommands: `--json` prints one JSON document, else plain text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any


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
