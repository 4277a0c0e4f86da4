"""Async waits for qasync tests: a blocking qtbot.waitSignal/waitUntil inside an async test never lets
asyncio tasks advance and then hangs the run (qt-headless.md §3)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


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


async def wait_until(predicate: Callable[[], bool], timeout: float = 10.0, interval: float = 0.02) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(interval)
