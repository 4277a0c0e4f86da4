"""The proxy's HTTP server: an aiohttp app on its own thread and event loop, bound to 127.0.0.1 on
an ephemeral port, that only answers requests naming itself in Host. Requests for a playback go to
the `RangeStreamer`; the MediaSense client is made and closed on the server's loop.

What aiohttp and asyncio log on this loop goes to `qms.proxy` loggers, never to their own (which
have no handler in the CLI, so Python's last-resort handler would write tracebacks to stderr from
this thread, and a stderr pipe nobody reads would stop the proxy).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable, MutableMapping
from typing import Any, cast

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.playback.streaming import ProxyStats, RangeStreamer
from qms_desktop.playback.tickets import TicketRegistry

log = logging.getLogger("qms.proxy")

# No complete request for this long (idle keep-alive, a request that never finishes, a silent
# connection): closed. Players open a new connection when they need one.
DEFAULT_CONNECTION_IDLE_S = 20.0
# At stop, a request still being answered gets this long to finish before it is cancelled.
SHUTDOWN_GRACE_S = 0.5


class RequestLog(logging.LoggerAdapter[logging.Logger]):
    """The `logger` of aiohttp's request handler. A malformed request (oversized headers, a
    duplicate Host, not HTTP) is the client's mistake, answered 400: one DEBUG line, no traceback.
    Anything else (a failure of ours) keeps its level and traceback."""

    def log(self, level: int, msg: object, *args: object, exc_info: Any = None, **kwargs: Any) -> None:
        error = exc_info if isinstance(exc_info, BaseException) else sys.exc_info()[1] if exc_info else None
        if isinstance(error, HttpProcessingError):
            text = str(msg) % args if args else str(msg)
            self.logger.debug("%s: answered %s, %s", text, error.code or 400, error.message.strip())
            return
        self.logger.log(level, msg, *args, exc_info=exc_info, **kwargs)

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        return msg, kwargs


def _loop_error(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # Instead of asyncio's default handler, which logs on the `asyncio` logger (see the docstring).
    error = context.get("exception")
    log.error(
        "Playback proxy: %s", context.get("message") or "unexpected error",
        exc_info=error if isinstance(error, BaseException) else None,
    )  # fmt: skip


class ProxyServer:
    """Start once, stop (idempotent). `start()` and `stop()` may be called from any thread."""

    def __init__(
        self,
        *,
        client_factory: Callable[[], MediaSenseClient],
        tickets: TicketRegistry,
        stats: ProxyStats,
        reap_interval_s: float,
        connection_idle_s: float = DEFAULT_CONNECTION_IDLE_S,
        host: str,
    ) -> None:
        self._client_factory = client_factory
        self._connection_idle_s = connection_idle_s
        self._tickets = tickets
        self._stats = stats
        self._reap_interval = reap_interval_s
        self._host = host
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.client: MediaSenseClient | None = None
        self._streamer: RangeStreamer | None = None
        self._runner: web.AppRunner | None = None
        self._reaper: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._stopped = False
        self.port: int = 0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._loop is not None and not self._stopped

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def start(self, timeout: float) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._thread_main, name="qms-playback-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("The playback proxy did not start in time")
        if self._startup_error is not None:
            self._thread.join(timeout)
            self._thread = None
            raise RuntimeError(f"The playback proxy could not start: {self._startup_error}") from self._startup_error
        log.info("Playback proxy listening on %s", self.base_url)

    def _thread_main(self) -> None:
        # The Runner, on leaving, cancels and awaits what is still running (a player's request that
        # was streaming when stop() came) before closing the loop: its upstream request is closed on
        # this loop, and no task or socket is left to the collector on another thread.
        with asyncio.Runner() as runner:
            loop = runner.get_loop()
            loop.set_exception_handler(_loop_error)
            try:
                runner.run(self._startup())
            except BaseException as exc:  # reported to start()'s caller
                self._startup_error = exc
                self._ready.set()
                return
            self._loop = loop
            self._ready.set()
            loop.run_forever()

    async def _startup(self) -> None:
        self.client = self._client_factory()
        self._streamer = RangeStreamer(self.client, self._tickets, self._stats)
        # handler_cancellation: a player dropping its connection cancels the handler at once, which
        # closes the upstream request instead of letting it run to the end of a long recording.
        app = web.Application()
        app.router.add_get("/play/{token}/{user}/{session}/{file}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # keepalive_timeout: aiohttp closes a connection waiting this long for a complete request,
        # counted from the connection or from the end of the last answer (partial bytes do not reset it).
        self._runner = web.AppRunner(
            app,
            handler_cancellation=True,
            access_log=None,
            logger=RequestLog(logging.getLogger("qms.proxy.http")),
            keepalive_timeout=self._connection_idle_s,
            # Stopping ends every playback at once: a request still streaming (a paused player's
            # full socket) is cancelled after SHUTDOWN_GRACE_S, not after aiohttp's default minute.
            shutdown_timeout=SHUTDOWN_GRACE_S,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, 0)
        await site.start()
        # aiohttp exposes no public accessor for the bound port; a TCPSite's server is loop.create_server's.
        server = cast("asyncio.Server | None", site._server)
        assert server is not None and server.sockets
        self.port = int(server.sockets[0].getsockname()[1])
        self._reaper = asyncio.get_running_loop().create_task(
            self._tickets.reap_forever(self._reap_interval), name="qms-proxy-reaper"
        )

    def stop(self, timeout: float) -> None:
        """End every playback (audited), close the server and the MediaSense client. Idempotent."""
        if self._stopped or self._thread is None:
            self._stopped = True
            return
        self._stopped = True
        loop = self._loop
        if loop is not None and loop.is_running():
            future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            try:
                future.result(timeout)
            except Exception:  # still stop the loop: a failed cleanup must not hang the app
                log.exception("Playback proxy shutdown did not finish cleanly")
            loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout)
        log.info("Playback proxy stopped")

    async def _shutdown(self) -> None:
        self._tickets.end_all("proxy stopped")
        if self._reaper is not None:
            self._reaper.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
        if self.client is not None:
            await self.client.aclose()

    def _host_ok(self, request: web.Request) -> bool:
        # DNS rebinding defence: a web page whose name resolves to 127.0.0.1 sends its own Host.
        host = (request.headers.get("Host") or "").lower()
        return host in (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        assert self._streamer is not None  # routes exist only after _startup made it
        if not self._host_ok(request):
            return self._streamer.refuse(403, "Host not allowed")
        return await self._streamer.handle(request)

    async def _not_found(self, request: web.Request) -> web.Response:
        assert self._streamer is not None
        if not self._host_ok(request):
            return self._streamer.refuse(403, "Host not allowed")
        return self._streamer.refuse(404, "Not a playback URL")
