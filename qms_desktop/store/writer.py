"""The one thread every database write of the app runs on.

SQLite has a single writer, so queuing writes on one thread keeps them from waiting on each other's
locks; on PostgreSQL it keeps a sync's pages in order. The event loop only awaits the results.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")


class DbWriter:
    """One thread for all database writes (SQLite has one writer; PostgreSQL gets ordered pages)."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qms-db")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        context = contextvars.copy_context()  # keep context variables (the sync's correlation id) on the thread
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(context.run, fn, *args))

    def close(self) -> None:
        self._executor.shutdown(wait=True)


__all__ = ["DbWriter"]
