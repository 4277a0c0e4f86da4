"""`qms-desktop search ...`: the search backend (OpenSearch or the database's full text), its lag."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from qms_desktop.app.search_index import SearchIndexUseCases
from qms_desktop.commands._acting import add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help="search backend: status and reindexing")
    actions = parser.add_subparsers(dest="search_command", required=True)

    status = actions.add_parser("status", help="backend, indexing lag and backlog, cluster health")
    add_acting_user_flags(status)
    add_json_flag(status)
    status.set_defaults(func=run_status)

    reindex = actions.add_parser(
        "reindex",
        help="write every recording to OpenSearch again (or rebuild the database's full-text index)",
        description="With QMS_OPENSEARCH_URL: puts the index template, queues every recording and drains "
        "the queue with progress. Without it: rebuilds the SQLite FTS5 / PostgreSQL tsvector documents.",
    )
    reindex.add_argument("--batch", type=int, default=500, help="documents per bulk request (default 500)")
    add_acting_user_flags(reindex)
    add_json_flag(reindex)
    reindex.set_defaults(func=run_reindex)


@refusals_exit_2
def run_status(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        data = asyncio.run(SearchIndexUseCases(engine, principal).status())

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


@refusals_exit_2
def run_reindex(args: argparse.Namespace) -> int:
    progress = sys.stderr.isatty() and not args.json

    def show(done: int, queued: int) -> None:
        if progress:
            sys.stderr.write(f"\rindexed {done} of {queued}\033[K")
            sys.stderr.flush()

    try:
        with signed_in(args) as (engine, principal):
            result = asyncio.run(SearchIndexUseCases(engine, principal).reindex(args.batch, on_progress=show))
    finally:
        if progress:
            sys.stderr.write("\n")
    if "error" in result:
        return fail(f"OpenSearch: {result['error']}")
    if "queued" not in result:
        emit(args, result, lambda d: f"Rebuilt {d['indexed']} full-text documents ({d['backend']})")
        return 0
    emit(
        args,
        result,
        lambda d: (
            f"Indexed {d['indexed']} of {d['queued']} recordings into {d['index']} in {d['seconds']} s"
            + (f"; {d['failed']} failed (kept in the backlog, retried later)" if d["failed"] else "")
        ),
    )
    return 0 if not result["failed"] else 3
