"""Async waits for qasync tests: a blocking qtbot.waitSignal/waitUntil inside an async test never lets
asyncio tasks advance and then hangs the run (qt-headless.md §3)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.waiting import wait_until

__all__ = ["wait_signal", "wait_until"]


async def wait_signal(signal: Any, timeout: float = 10.0) -> tuple[Any, ...]:
    """The arguments of the next emission of `signal`."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def receive(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(receive)
    try:
        return await asyncio.wait_for(future, timeout)
    finally:
        signal.disconnect(receive)
