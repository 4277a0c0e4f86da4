"""Run the simulator in-process on its own thread and event loop.

Its own loop means it works the same under pytest (sync or async tests), under the Qt/qasync loop of
the GUI demo, and from the CLI. `start_simulator` returns once both ports are bound and serving.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from qms_desktop.simulator.clock import SimClock, to_ms
from qms_desktop.simulator.core import Simulator, check_media_redirect
from qms_desktop.simulator.data import Dataset
from qms_desktop.simulator.events import HUB, EventHub
from qms_desktop.simulator.faults import Faults, Stats
from qms_desktop.simulator.server import build_api_app, build_media_app
from qms_desktop.simulator.tls import Certificate, ensure_certificate

STARTUP_TIMEOUT_S = 15.0


@dataclass
class SimulatorConfig:
    profile: str = "cisco"
    host: str = "127.0.0.1"
    port: int = 0  # 0 = ephemeral
    media_port: int = 0  # unused by `spec`, which serves media on the API port
    sessions_per_day: int = 500
    days: int = 30
    future_days: int = 1  # blocks after the anchor: new calls keep appearing as the clock runs
    live_sessions_per_day: int | None = None  # the rate of those blocks; None: sessions_per_day
    agents: int | None = None
    seed: int = 1
    username: str = "qms"
    password: str = "qms"
    tls: bool = True
    ssl_context: ssl.SSLContext | None = None  # e.g. a trustme-issued one; overrides cert_dir
    cert_dir: Path | str | None = None  # default: qms_desktop.paths.data_dir()/simulator
    anchor: datetime | int | None = None  # end of the generated history; default: `now`
    now: datetime | int | None = None  # the clock's start; default: real time
    freeze_clock: bool = False
    ignore_range: bool = False
    lookup_by_id: bool = False  # legacy profile: answer getSessionBySessionId too
    cisco_version: str = "11.5"  # "8.5": `urls` as an array of one-key objects (answers and events)
    event_shape: str = "cisco"  # "spec": sessionEvent, boolean forwardedEvent, 4030 on a repeat
    media_redirect: str | None = None  # see core.MEDIA_REDIRECTS
    faults: Faults | dict[str, Any] | None = None
    fault_seed: int = 0
    # The share of sessions that are the second segment of a call split by a hold (same ccid, a gap of
    # seconds to minutes). None: the profile's default (cisco 5%, as real servers split held calls).
    hold_rate: float | None = None


HOLD_RATES = {"cisco": 0.05}


def build_simulator(config: SimulatorConfig) -> Simulator:
    """The HTTP-free core (usable on its own in unit tests)."""
    clock = SimClock(config.now, frozen=config.freeze_clock)
    if config.anchor is not None:
        anchor_ms = to_ms(config.anchor)
    elif config.now is not None:
        anchor_ms = to_ms(config.now)
    else:
        anchor_ms = clock.now_ms() // 60_000 * 60_000
    if isinstance(config.faults, Faults):
        faults = config.faults
    else:
        faults = Faults(seed=config.fault_seed)
        faults.update(**(config.faults or {}))
    dataset = Dataset(
        seed=config.seed,
        sessions_per_day=config.sessions_per_day,
        days=config.days,
        anchor_ms=anchor_ms,
        future_days=config.future_days,
        live_sessions_per_day=config.live_sessions_per_day,
        agents=config.agents,
        hold_rate=config.hold_rate if config.hold_rate is not None else HOLD_RATES.get(config.profile, 0.0),
    )
    dataset.lateness = faults.late_visibility
    return Simulator(
        profile=config.profile,
        dataset=dataset,
        clock=clock,
        faults=faults,
        username=config.username,
        password=config.password,
        ignore_range=config.ignore_range,
        lookup_by_id=config.lookup_by_id,
        cisco_version=config.cisco_version,
        event_shape=config.event_shape,
        media_redirect=config.media_redirect,
        secure_cookies=config.tls or config.ssl_context is not None,
    )


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=128)


def _url(scheme: str, host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"


class RunningSimulator:
    """A started simulator. Stop it with `.stop()` or use it as a context manager."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.simulator = build_simulator(config)
        self.certificate: Certificate | None = None
        ssl_context = config.ssl_context
        if ssl_context is None and config.tls:
            self.certificate = ensure_certificate(config.cert_dir)
            ssl_context = self.certificate.server_context()
        self._ssl_context = ssl_context
        scheme = "https" if ssl_context is not None else "http"
        self._api_sock = _bind(config.host, config.port)
        self._media_sock = _bind(config.host, config.media_port) if config.profile != "spec" else None
        self.api_url = _url(scheme, config.host, self._api_sock)
        self.media_url = _url(scheme, config.host, self._media_sock) if self._media_sock else self.api_url
        self.simulator.api_base = self.api_url
        self.simulator.media_base = self.media_url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runners: list[web.AppRunner] = []
        self._api_app: web.Application | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopped = False
        self._stop_lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name=f"mediasense-sim-{config.profile}", daemon=True)

    # --- lifecycle ---

    def _start(self) -> None:
        self._thread.start()
        if not self._ready.wait(STARTUP_TIMEOUT_S):
            raise RuntimeError("the MediaSense simulator did not start in time")
        if self._error is not None:
            raise RuntimeError(f"the MediaSense simulator failed to start: {self._error}") from self._error

    def _serve(self) -> None:
        # The Runner, on leaving, cancels and awaits what is still running (a connection mid-handshake
        # when stop() came) before closing the loop, so no socket or task is left to the collector.
        with asyncio.Runner() as runner:
            loop = runner.get_loop()
            self._loop = loop
            try:
                runner.run(self._setup())
            except BaseException as exc:
                self._error = exc
                self._ready.set()
                return
            self._ready.set()
            try:
                loop.run_forever()
            finally:
                runner.run(self._cleanup())

    async def _setup(self) -> None:
        apps: list[tuple[web.Application, socket.socket]] = []
        self._api_app = build_api_app(self.simulator)
        apps.append((self._api_app, self._api_sock))
        if self._media_sock is not None:
            apps.append((build_media_app(self.simulator), self._media_sock))
        for app, sock in apps:
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
            await runner.setup()
            self._runners.append(runner)
            await web.SockSite(runner, sock, ssl_context=self._ssl_context).start()

    async def _cleanup(self) -> None:
        for runner in reversed(self._runners):
            with contextlib.suppress(Exception):
                await runner.cleanup()

    def stop(self) -> None:
        """Stop serving and join the thread. Idempotent."""
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        loop = self._loop
        if loop is not None and self._thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            self._thread.join(timeout=10)
        for sock in (self._api_sock, self._media_sock):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()

    async def astop(self) -> None:
        await asyncio.to_thread(self.stop)

    def __enter__(self) -> RunningSimulator:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    async def __aenter__(self) -> RunningSimulator:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.astop()

    # --- what tests and the demo use ---

    @property
    def profile(self) -> str:
        return self.simulator.profile

    @property
    def username(self) -> str:
        return self.config.username

    @property
    def password(self) -> str:
        return self.config.password

    @property
    def clock(self) -> SimClock:
        return self.simulator.clock

    @property
    def faults(self) -> Faults:
        return self.simulator.faults

    @property
    def stats(self) -> Stats:
        return self.simulator.stats

    @property
    def anchor_ms(self) -> int:
        return self.simulator.dataset.anchor_ms

    @property
    def cert_path(self) -> Path | None:
        return self.certificate.cert_path if self.certificate else None

    @property
    def fingerprint_sha256(self) -> str | None:
        """Colon-separated uppercase hex, as certificate viewers show it."""
        return self.certificate.fingerprint_sha256 if self.certificate else None

    @property
    def fingerprint_sha256_hex(self) -> str | None:
        return self.certificate.fingerprint_sha256_hex if self.certificate else None

    def ground_truth(self, start: datetime | int, end: datetime | int) -> list[dict[str, Any]]:
        return self.simulator.ground_truth(start, end)

    def count(self, start: datetime | int, end: datetime | int) -> int:
        return self.simulator.count(start, end)

    def session(self, session_id: str) -> dict[str, Any] | None:
        return self.simulator.session(session_id)

    def agents(self) -> list[dict[str, str]]:
        return self.simulator.agents()

    def teams(self) -> list[dict[str, str]]:
        return self.simulator.teams()

    def agents_csv(self) -> str:
        return self.simulator.agents_csv()

    @property
    def events(self) -> EventHub | None:
        return self._api_app.get(HUB) if self._api_app is not None else None

    def set_media_redirect(self, mode: str | None) -> None:
        """Switch how the media port answers: None serves, else one of core.MEDIA_REDIRECTS."""
        check_media_redirect(mode)
        self.simulator.media_redirect = mode

    def emit_session_event(self, session_id: str, action: str) -> None:
        """Send a session event (STARTED/UPDATED/ENDED/DELETED/PRUNED) to every subscriber now."""
        hub = self.events
        if hub is None:
            raise RuntimeError("events exist only in the cisco profile")
        hub.emit(session_id, action)

    def emit_tag_event(self, session_id: str, action: str, tag_name: str) -> None:
        """Add (ADDED) or remove (DELETED) a user tag on a call and send a TAG_EVENT to every subscriber."""
        hub = self.events
        if hub is None:
            raise RuntimeError("events exist only in the cisco profile")
        hub.tag(session_id, action, tag_name)

    def info(self) -> dict[str, Any]:
        """What the CLI prints: URLs, the accepted user, TLS details. Never the password."""
        return {
            "profile": self.profile,
            "api_url": self.api_url,
            "media_url": self.media_url,
            "username": self.username,
            "password": "as given",
            "tls": self._ssl_context is not None,
            "cert_path": str(self.cert_path) if self.cert_path else None,
            "fingerprint_sha256": self.fingerprint_sha256,
            "fingerprint_sha256_hex": self.fingerprint_sha256_hex,
            "anchor_ms": self.anchor_ms,
            "sessions_per_day": self.config.sessions_per_day,
            "days": self.config.days,
            "seed": self.config.seed,
            "cisco_version": self.config.cisco_version,
            "event_shape": self.config.event_shape,
        }


def start_simulator(config: SimulatorConfig | None = None, **overrides: Any) -> RunningSimulator:
    """Start serving; returns after the ports are bound. `overrides` replace config fields."""
    config = replace(config or SimulatorConfig(), **overrides)
    running = RunningSimulator(config)
    try:
        running._start()
    except BaseException:
        running.stop()
        raise
    return running


async def start_simulator_async(config: SimulatorConfig | None = None, **overrides: Any) -> RunningSimulator:
    return await asyncio.to_thread(start_simulator, config, **overrides)
