"""`qms-desktop search ...`: the search backend (OpenSearch or the database's full text), its lag."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

from qms_desktop import app_context
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.search import indexing
from qms_desktop.search.opensearch import OpenSearchBackend, settings_from_environment
from qms_desktop.store import search_queue
from qms_desktop.store.engine import begin_write
from qms_desktop.store.fulltext import backend_for


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help="search backend: status and reindexing")
    actions = parser.add_subparsers(dest="search_command", required=True)

    status = actions.add_parser("status", help="backend, indexing lag and backlog, cluster health")
    add_json_flag(status)
    status.set_defaults(func=run_status)

    reindex = actions.add_parser(
        "reindex",
        help="write every recording to OpenSearch again (or rebuild the database's full-text index)",
        description="With QMS_OPENSEARCH_URL: puts the index template, queues every recording and drains "
        "the queue with progress. Without it: rebuilds the SQLite FTS5 / PostgreSQL tsvector documents.",
    )
    reindex.add_argument("--batch", type=int, default=500, help="documents per bulk request (default 500)")
    add_json_flag(reindex)
    reindex.set_defaults(func=run_reindex)


def run_status(args: argparse.Namespace) -> int:
    engine = app_context.open_database()
    try:
        with engine.connect() as conn:
            enabled = search_queue.queue_enabled(conn)
            backlog = indexing.backlog(conn)
        settings = settings_from_environment()
        data: dict[str, Any] = {
            "backend": "opensearch" if settings else backend_for(engine).name,
            "indexingQueue": {"enabled": enabled, **backlog.to_dict()},
        }
        if settings is not None:
            data["opensearch"] = settings.to_dict()
            data["opensearch"]["health"] = asyncio.run(_health(settings))
    finally:
        engine.dispose()

    def text(d: dict[str, Any]) -> str:
        q = d["indexingQueue"]
        age = f"{q['oldestAgeSeconds']:.0f} s" if q["oldestAgeSeconds"] is not None else "-"
        lines = [
            f"Backend: {d['backend']}",
            f"Indexing backlog: {'on' if q['enabled'] else 'off'}, pending {q['pending']}, "
            f"failing {q['failing']}, oldest pending {age}",
        ]
        if q["lastError"]:
            lines.append(f"  last error: {q['lastError']}")
        if "opensearch" in d:
            o = d["opensearch"]
            h = o["health"]
            lines.append(f"OpenSearch: {o['url']} index {o['index']}")
            if "error" in h:
                lines.append(f"  unreachable: {h['error']}")
            else:
                lines.append(f"  cluster {h['cluster']} {h['status']}, {h['nodes']} node(s), {h['documents']} docs")
        return "\n".join(lines)

    emit(args, data, text)
    return 0


async def _health(settings: Any) -> dict[str, Any]:
    backend = OpenSearchBackend(settings)
    try:
        return await asyncio.wait_for(backend.health(), timeout=15)
    except Exception as exc:  # reported, not raised: status must work while the cluster is down
        return {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        await backend.close()


def run_reindex(args: argparse.Namespace) -> int:
    engine = app_context.open_database()
    try:
        settings = settings_from_environment()
        started = time.monotonic()
        if settings is None:
            backend = backend_for(engine)
            with begin_write(engine) as conn:
                count = backend.rebuild(conn)
            data = {"backend": backend.name, "indexed": count, "seconds": round(time.monotonic() - started, 2)}
            emit(args, data, lambda d: f"Rebuilt {d['indexed']} full-text documents ({d['backend']})")
            return 0
        result = asyncio.run(_reindex(engine, settings, args.batch, progress=sys.stderr.isatty() and not args.json))
    finally:
        engine.dispose()
    if "error" in result:
        return fail(f"OpenSearch at {settings.masked_url}: {result['error']}")
    emit(
        args,
        result,
        lambda d: (
            f"Indexed {d['indexed']} of {d['queued']} recordings into {d['index']} in {d['seconds']} s"
            + (f"; {d['failed']} failed (kept in the backlog, retried later)" if d["failed"] else "")
        ),
    )
    return 0 if not result["failed"] else 3


async def _reindex(engine: Any, settings: Any, batch: int, *, progress: bool) -> dict[str, Any]:
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
            if progress:
                sys.stderr.write(f"\rindexed {done} of {queued}\033[K")
                sys.stderr.flush()

        total = await indexer.drain(on_progress=show)
        if progress:
            sys.stderr.write("\n")
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
