"""Prometheus metrics of the headless service (prometheus-client), all named `qms_...`.

Counters move as this process runs syncs; the state gauges (lag, open sessions, indexing backlog) are
read from the shared database at scrape time, so they are true whoever synced (service or a
workstation). A scrape that cannot reach the database reports `qms_database_up 0` instead of failing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.app.sync import SyncHealth
from qms_desktop.sync.engine import SyncResult

log = logging.getLogger("qms.service")

RUN_STATUSES = ("SUCCESS", "PARTIAL", "FAILED", "INTERRUPTED")
OUTCOMES = ("created", "updated", "skipped", "errors")


class _DatabaseCollector(Collector):
    def __init__(self, health: Callable[[], SyncHealth]) -> None:
        self.health = health

    def describe(self) -> list[Any]:
        return []  # collected lazily: no database query at registration

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("qms_database_up", "1 when the last scrape could read the database")
        try:
            values = self._read()
        except SQLAlchemyError as exc:
            log.warning("Metrics could not read the database: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        for name, help_text, value in values:
            if value is not None:
                family = GaugeMetricFamily(name, help_text)
                family.add_metric([], value)
                yield family

    def _read(self) -> list[tuple[str, str, float | None]]:
        health = self.health()
        backlog = health.backlog
        return [
            ("qms_sync_lag_seconds", "now minus the sync watermark (lastSyncTime)", health.lag_s),
            (
                "qms_sync_open_sessions",
                "sessions stored as ACTIVE, followed until they close",
                float(health.open_sessions),
            ),
            ("qms_search_index_backlog", "sessions waiting to be written to OpenSearch", float(backlog.pending)),
            ("qms_search_index_failing", "backlog items that failed at least once", float(backlog.failing)),
            (
                "qms_search_index_oldest_pending_seconds",
                "age of the oldest change waiting",
                backlog.oldest_age_s or 0.0,
            ),
        ]


class ServiceMetrics:
    """A private registry (tests run several in one process) and the optional HTTP endpoint."""

    def __init__(self, health: Callable[[], SyncHealth]) -> None:
        """`health`: the sync's state at scrape time (the service passes its SYSTEM use case)."""
        self.registry = CollectorRegistry()
        r = self.registry
        self.runs = Counter("qms_sync_runs", "sync runs finished, by status", ["status"], registry=r)
        self.records = Counter("qms_sync_records", "records of finished runs, by outcome", ["outcome"], registry=r)
        self.last_success = Gauge(
            "qms_sync_last_success_timestamp_seconds", "when a run last ended SUCCESS (unix time)", registry=r
        )
        self.last_run_duration = Gauge("qms_sync_last_run_duration_seconds", "wall time of the last run", registry=r)
        self.events = Counter(
            "qms_events_received", "MediaSense session events accepted, by action", ["action"], registry=r
        )
        self.indexed = Counter("qms_search_indexed_documents", "documents written to OpenSearch", registry=r)
        self.index_failures = Counter("qms_search_index_failures", "document writes that failed", registry=r)
        for status in RUN_STATUSES:
            self.runs.labels(status=status)  # zero-valued series exist from the start
        for outcome in OUTCOMES:
            self.records.labels(outcome=outcome)
        r.register(_DatabaseCollector(health))
        self._server: Any = None
        self._thread: Any = None

    def observe_run(self, result: SyncResult, duration_s: float) -> None:
        self.runs.labels(status=result.status).inc()
        counts = result.counts
        for outcome, value in zip(
            OUTCOMES, (counts.created, counts.updated, counts.skipped, counts.errors), strict=True
        ):
            if value:
                self.records.labels(outcome=outcome).inc(value)
        if result.status == "SUCCESS":
            self.last_success.set(time.time())
        self.last_run_duration.set(duration_s)

    def start_server(self, port: int, host: str = "127.0.0.1") -> int:
        self._server, self._thread = start_http_server(port, addr=host, registry=self.registry)
        bound = int(self._server.server_port)
        log.info("Prometheus metrics on http://%s:%d/metrics", host, bound)
        return bound

    def stop_server(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
