"""Background work for the GUI, one way: a core call runs off the GUI thread, and its success or
failure callback runs on the GUI thread.

    ReadOp(ctx, "recordings.search", recordings.search, query).success(show).run()   # reader pool
    WriteOp(ctx, "sync.reset", sync.reset).success(done).failure(explain).run()       # the one writer thread
    AsyncOp(ctx, "connection.test", connection.test, credentials).success(show).run()  # awaited on the loop

Every op is a named task (`ctx.tasks`): starting an op under a name that runs cancels the old one,
whose callbacks then never run. Callbacks are skipped when the `owner` widget is gone. A failure with
no failure callback reaches sys.excepthook (logged, and shown in a dialog). `fn` must not touch Qt:
it runs on a worker thread; everything Qt belongs in the callbacks.
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from qms_desktop.ui.qt import QObject, is_alive

if TYPE_CHECKING:
    from qms_desktop.ui.context import UiContext

T = TypeVar("T")


class _Op(Generic[T]):
    def __init__(self, ctx: UiContext, name: str, *, owner: QObject | None = None) -> None:
        self._ctx = ctx
        self._name = name
        self._owner = owner
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[Exception], Any] | None = None

    def success(self, callback: Callable[[T], Any]) -> _Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> _Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> asyncio.Task[T | None]:
        """Start it (cancelling a running op of the same name); the task can be awaited."""
        return self._ctx.tasks.start(self._name, self._run())

    async def _call(self) -> T:
        raise NotImplementedError

    async def _run(self) -> T | None:
        try:
            result = await self._call()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if not self._alive():
                return None
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)
            return None
        if self._alive() and self._on_success is not None:
            self._on_success(result)
        return result

    def _alive(self) -> bool:
        return self._owner is None or is_alive(self._owner)


class _BlockingOp(_Op[T]):
    """A blocking call, run in a worker thread chosen by the subclass."""

    def __init__(
        self,
        ctx: UiContext,
        name: str,
        fn: Callable[..., T],
        *args: Any,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(ctx, name, owner=owner)
        self._call_fn = functools.partial(fn, *args, **kwargs)


class ReadOp(_BlockingOp[T]):
    """A read (database, keyring, files) on the reader pool: it never waits behind a sync's writes."""

    async def _call(self) -> T:
        return await self._ctx.read(self._call_fn)


class WriteOp(_BlockingOp[T]):
    """A change (or anything that writes an audit row) on the one database writer thread."""

    async def _call(self) -> T:
        return await self._ctx.db(self._call_fn)


class AsyncOp(_Op[T]):
    """An async core call (network) awaited on the GUI's loop; it does its own blocking work in threads."""

    def __init__(
        self,
        ctx: UiContext,
        name: str,
        fn: Callable[..., Coroutine[Any, Any, T]],
        *args: Any,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(ctx, name, owner=owner)
        self._call_fn = functools.partial(fn, *args, **kwargs)

    async def _call(self) -> T:
        return await self._call_fn()
