"""Waiting on a condition, never on a fixed time: a test goes on as soon as what it waits for has
happened, and fails with a TimeoutError when it does not happen in time.

`poll_until` is for plain (synchronous) tests; `wait_until` is for async tests on any asyncio loop,
qasync's included (tests/ui/helpers.py also has `wait_signal`, and explains why a GUI test must not
use pytest-qt's blocking waits)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


def poll_until(predicate: Callable[[], object], timeout: float = 10.0, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s")
        time.sleep(interval)  # the poll interval


async def wait_until(predicate: Callable[[], object], timeout: float = 10.0, interval: float = 0.02) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise TimeoutError(f"condition not met within {timeout} s")
        await asyncio.sleep(interval)  # the poll interval
