"""The headless service: the periodic sync against the shared database, with no GUI.

It acts as the system principal (`app.access.SYSTEM`): it may run the sync and nothing else.
Pieces (each optional but the first): SyncScheduler + SyncRunner (the same ones the GUI uses), the
OpenSearch indexer draining the backlog, the Prometheus endpoint, and the MediaSense events receiver.
Stopping (SIGTERM/SIGINT) asks the engine to stop after its current page's commit, waits for the run
to end INTERRUPTED with its checkpoint committed, then unsubscribes and closes everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine

from qms_desktop.app.access import SYSTEM
from qms_desktop.app.sync import SyncRunner, SyncUseCases
from qms_desktop.domain.sessions import SessionRecord, TagChange
from qms_desktop.search import indexing
from qms_desktop.search.opensearch import OpenSearchBackend, OpenSearchSettings
from qms_desktop.store import search_queue
from qms_desktop.sync.engine import SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning
from qms_desktop.sync.scheduler import SyncScheduler

log = logging.getLogger("qms.service")


@dataclass(frozen=True, slots=True)
class ServiceOptions:
    interval_s: float | None = None  # None: the saved sync setting
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    events_port: int | None = None  # None: no event subscription
    events_host: str = "127.0.0.1"
    advertise_url: str | None = None  # the callback URL MediaSense posts to (its path is the one accepted)
    stop_timeout_s: float = 30.0  # how long a stop waits for the current page before cancelling
    event_retry_s: float = 2.0


class Service:
    def __init__(
        self,
        engine: Engine,
        runner: SyncRunner,
        options: ServiceOptions,
        *,
        opensearch: OpenSearchSettings | None = None,
    ) -> None:
        self.engine = engine
        self.runner = runner
        self.client = runner.client
        self.options = options
        self.sync = runner.engine
        self.interval_s = options.interval_s or runner.engine.settings.interval_s
        self.opensearch = opensearch
        self._run_lock = asyncio.Lock()
        self._stop = asyncio.Event()
        self._stopping = False
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self.scheduler = SyncScheduler(self._run_once, self.interval_s)
        self.metrics: Any = None
        self.receiver: Any = None
        self.event_sync: Any = None
        self.subscription: Any = None
        self.indexer: indexing.Indexer | None = None
        self._search_backend: OpenSearchBackend | None = None
        self.metrics_port: int | None = None
        self.events_port: int | None = None
        self.last_result: SyncResult | None = None

    # ---- the pieces ---------------------------------------------------------------------------

    async def _run_once(self, trigger: str) -> SyncResult | None:
        if self._stopping:
            return None  # no new run once a stop was asked for
        async with self._run_lock:
            started = time.monotonic()
            result = await self.runner.run(trigger)
            self.last_result = result
            if self.metrics is not None:
                self.metrics.observe_run(result, time.monotonic() - started)
            return result

    async def _sync_event_ids(
        self,
        session_ids: Sequence[str],
        tag_changes: Sequence[TagChange] = (),
        announced: Sequence[SessionRecord] = (),
    ) -> None:
        if self._stopping:
            return
        started = time.monotonic()
        result = await self.runner.run_sessions(session_ids, "event", tag_changes=tag_changes, announced=announced)
        if self.metrics is not None:
            self.metrics.observe_run(result, time.monotonic() - started)

    def _start_task(self, name: str, coro: Any) -> None:
        old = self._tasks.pop(name, None)
        if old is not None:
            old.cancel()
        self._tasks[name] = asyncio.get_running_loop().create_task(coro, name=f"qms-service-{name}")

    async def start(self) -> None:
        if self.options.metrics_port is not None:
            try:
                from qms_desktop.service.metrics import ServiceMetrics
            except ImportError as exc:
                raise RuntimeError(
                    "--metrics-port needs prometheus-client: pip install 'qms-desktop[service]'"
                ) from exc

            self.metrics = ServiceMetrics(SyncUseCases(self.engine, SYSTEM).health)
            self.metrics_port = await asyncio.to_thread(
                self.metrics.start_server, self.options.metrics_port, self.options.metrics_host
            )
        if self.opensearch is not None:
            await self._start_indexer(self.opensearch)
        if self.options.events_port is not None:
            await self._start_events()
        self.scheduler.start()
        log.info("Service started: sync every %.0f s", self.interval_s)

    async def _start_indexer(self, settings: OpenSearchSettings) -> None:
        await asyncio.to_thread(search_queue.set_queue_enabled, self.engine, True, updated_by="qms-service")
        backend = OpenSearchBackend(settings)
        self._search_backend = backend
        try:
            await backend.ensure_index()
        except Exception as exc:  # the cluster may come up later; the backlog waits for it
            log.warning("OpenSearch at %s not ready (%s); indexing will retry", settings.masked_url, exc)
        metrics = self.metrics

        def on_batch(batch: indexing.DrainResult) -> None:
            if metrics is not None:
                metrics.indexed.inc(batch.indexed)
                metrics.index_failures.inc(batch.failed)

        self.indexer = indexing.Indexer(self.engine, backend, on_batch=on_batch)
        self.sync.on_page_committed = self.indexer.wake
        self._start_task("indexer", self.indexer.run())
        log.info("Indexing into OpenSearch %s, index %s", settings.masked_url, settings.index)

    async def _start_events(self) -> None:
        from qms_desktop.service.events import DEFAULT_PATH, EventReceiver, EventSync, Subscription

        advertise = self.options.advertise_url
        path = (urlsplit(advertise).path if advertise else "") or DEFAULT_PATH
        self.event_sync = EventSync(self._sync_event_ids, self._run_lock, retry_s=self.options.event_retry_s)
        metrics = self.metrics
        event_sync = self.event_sync

        def on_event(event: Any) -> None:
            if metrics is not None:
                label = f"TAG_{event.action}" if event.kind == "tag" else event.action
                metrics.events.labels(action=label).inc()
            event_sync.submit(event)

        self.receiver = EventReceiver(self.options.events_host, self.options.events_port or 0, path, on_event)
        self.events_port = await self.receiver.start()
        if advertise is None:
            advertise = f"http://{self.options.events_host}:{self.events_port}{path}"
        self._start_task("events", self.event_sync.run())
        self.subscription = Subscription(self.client, advertise)
        try:
            await self.subscription.subscribe()
        except Exception as exc:  # the periodic cycle still runs: events only make it faster
            log.error("Could not subscribe to MediaSense events (%s); relying on the periodic sync", exc)
            self.subscription = None

    # ---- stopping -----------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Signal-safe: ask the service to stop (the main coroutine does the work)."""
        if not self._stop.is_set():
            log.info("Stop requested: finishing the current page")
        self._stopping = True
        self.sync.request_stop()
        self._stop.set()

    async def wait(self) -> None:
        await self._stop.wait()

    async def stop(self) -> None:
        self.request_stop()
        # Let the running run reach its next committed page and end INTERRUPTED on its own.
        try:
            await asyncio.wait_for(self._run_lock.acquire(), timeout=self.options.stop_timeout_s)
        except TimeoutError:
            log.warning("The sync did not stop within %.0f s: cancelling it", self.options.stop_timeout_s)
        else:
            self._run_lock.release()
        await self.scheduler.stop()  # cancels the wait (or, after the timeout, the run: INTERRUPTED too)
        if self.subscription is not None:
            await self.subscription.unsubscribe()
        if self.receiver is not None:
            await self.receiver.stop()
        for task in self._tasks.values():
            task.cancel()
        for task in self._tasks.values():
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._search_backend is not None:
            await self._search_backend.close()
        if self.metrics is not None:
            await asyncio.to_thread(self.metrics.stop_server)
        await self.runner.aclose()
        log.info("Service stopped")


def install_signal_handlers(service: Service) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, service.request_stop)


async def run_until_stopped(service: Service) -> None:
    install_signal_handlers(service)
    try:
        await service.start()
        await service.wait()
    finally:
        await service.stop()


__all__ = ["Service", "ServiceOptions", "SyncAlreadyRunning", "run_until_stopped"]
