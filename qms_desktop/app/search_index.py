"""The search index: its status and lag, and rewriting it. IT staff and administrators.

With QMS_OPENSEARCH_URL set the index is OpenSearch (fed through the backlog the sync fills);
otherwise it is the database's own full text (SQLite FTS5 or PostgreSQL tsvector).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from qms_desktop.app.access import UseCase
from qms_desktop.search import indexing
from qms_desktop.search.opensearch import OpenSearchBackend, OpenSearchSettings, settings_from_environment
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission
from qms_desktop.store import search_queue
from qms_desktop.store.engine import begin_write
from qms_desktop.store.fulltext import backend_for


class SearchIndexUseCases(UseCase):
    async def status(self) -> dict[str, Any]:
        """Backend, backlog (pending, failing, oldest age) and, for OpenSearch, the cluster's health."""
        await asyncio.to_thread(self.require, Permission.SEARCH_MANAGE)

        def read() -> tuple[bool, indexing.Backlog]:
            with self.engine.connect() as conn:
                return search_queue.queue_enabled(conn), indexing.backlog(conn)

        enabled, backlog = await asyncio.to_thread(read)
        settings = settings_from_environment()
        data: dict[str, Any] = {
            "backend": "opensearch" if settings else backend_for(self.engine).name,
            "indexingQueue": {"enabled": enabled, **backlog.to_dict()},
        }
        if settings is not None:
            data["opensearch"] = settings.to_dict()
            data["opensearch"]["health"] = await _health(settings)
        return data

    async def reindex(self, batch: int = 500, on_progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
        """Rewrite every document: OpenSearch through the backlog, or the database's full text."""
        await asyncio.to_thread(self.require, Permission.SEARCH_MANAGE, "search")
        settings = settings_from_environment()
        started = time.monotonic()
        if settings is None:
            backend = backend_for(self.engine)

            def rebuild() -> int:
                with begin_write(self.engine) as conn:
                    return backend.rebuild(conn)

            count = await asyncio.to_thread(rebuild)
            result: dict[str, Any] = {
                "backend": backend.name,
                "indexed": count,
                "seconds": round(time.monotonic() - started, 2),
            }
        else:
            result = await _reindex(self.engine, settings, batch, on_progress)
        summary = {key: value for key, value in result.items() if key in ("backend", "indexed", "failed", "error")}
        await asyncio.to_thread(self.audit, audit.SEARCH_REINDEX, "search", **summary)
        return result


async def _health(settings: OpenSearchSettings) -> dict[str, Any]:
    backend = OpenSearchBackend(settings)
    try:
        return await asyncio.wait_for(backend.health(), timeout=15)
    except Exception as exc:  # reported, not raised: status must work while the cluster is down
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        await backend.close()


async def _reindex(
    engine: Any, settings: OpenSearchSettings, batch: int, on_progress: Callable[[int, int], None] | None
) -> dict[str, Any]:
    backend = OpenSearchBackend(settings)
    started = time.monotonic()
    try:
        try:
            await backend.ensure_index()
        except Exception as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}
        await asyncio.to_thread(search_queue.set_queue_enabled, engine, True)
        queued = await asyncio.to_thread(search_queue.enqueue_all, engine)
        indexer = indexing.Indexer(engine, backend, batch_size=batch)

        def show(done: int) -> None:
            if on_progress is not None:
                on_progress(done, queued)

        total = await indexer.drain(on_progress=show)
        await backend.refresh()
    finally:
        await backend.close()
    seconds = time.monotonic() - started
    return {
        "index": settings.index,
        "queued": queued,
        "indexed": total.indexed,
        "failed": total.failed,
        "seconds": round(seconds, 2),
        "docsPerSecond": round(total.indexed / seconds, 1) if seconds > 0 else None,
    }
