"""Optional OpenTelemetry tracing: one span per sync run and per committed page.

When the `opentelemetry` package is not installed, `span()` is a no-op context manager, so the
engine can always call it. Exporters and sampling are configured the usual OpenTelemetry way
(environment variables / the opentelemetry-instrument launcher), not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

try:  # an optional dependency: tracing is only on where it is installed
    from opentelemetry import trace as _otel_trace
except ImportError:  # pragma: no cover - depends on the environment
    _otel_trace = None  # type: ignore[assignment, unused-ignore]  # unused where opentelemetry is absent

TRACER_NAME = "qms_desktop.sync"


def enabled() -> bool:
    return _otel_trace is not None


@contextmanager
def span(name: str, **attributes: Any) -> Iterator[Any]:
    """A span named `name` with the non-None attributes (e.g. correlation_id), or nothing."""
    if _otel_trace is None:
        yield None
        return
    tracer = _otel_trace.get_tracer(TRACER_NAME)
    attrs = {f"qms.{key}": value for key, value in attributes.items() if value is not None}
    with tracer.start_as_current_span(name, attributes=attrs) as current:
        yield current
