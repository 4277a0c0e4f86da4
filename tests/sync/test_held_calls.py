"""A call the cisco simulator split on hold (two sessions sharing a ccid) is synced and then found as one
call with two segments: the read model on SQLite and PostgreSQL, and `recordings search --json`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import Engine

from qms_desktop.search import RecordingQuery, search_recordings
from qms_desktop.search.query import get_recording
from tests.acting import add_user, as_user
from tests.sync.helpers import NOW, covered_window, small_settings, sync_engine

pytestmark = pytest.mark.asyncio


def _held_pairs(sim: Any, start_ms: int, end_ms: int) -> dict[str, list[dict[str, Any]]]:
    by_ccid: dict[str, list[dict[str, Any]]] = {}
    for row in sim.ground_truth(start_ms, end_ms):
        by_ccid.setdefault(row["ccid"], []).append(row)
    return {ccid: rows for ccid, rows in by_ccid.items() if len(rows) > 1}


async def _sync(engine: Engine, sim: Any, ca_file: str) -> tuple[int, int]:
    settings = small_settings()
    sync = sync_engine(engine, sim, ca_file, settings)
    try:
        result = await sync.run("test")
    finally:
        sync.close()
        await sync.client.aclose()
    assert result.status == "SUCCESS", result
    return covered_window(settings, sim.clock.now_ms())


async def test_held_calls_are_one_item_with_their_segments(engine: Engine, start_sim: Any, ca_file: str) -> None:
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)
    start_ms, end_ms = await _sync(engine, sim, ca_file)
    held = _held_pairs(sim, start_ms, end_ms)
    assert held, "the cisco profile split no call on hold"
    total = len(sim.ground_truth(start_ms, end_ms))

    items = []
    page = search_recordings(engine, RecordingQuery(start_ms=start_ms, end_ms=end_ms, limit=40))
    while True:
        items += page.items
        if page.next_cursor is None:
            break
        page = search_recordings(
            engine, RecordingQuery(start_ms=start_ms, end_ms=end_ms, limit=40, after=page.next_cursor)
        )
    assert len(items) == total - sum(len(rows) - 1 for rows in held.values())  # one item per call
    calls = {row.ccid: row for row in items if row.is_call}
    assert set(calls) == set(held)
    for ccid, rows in held.items():
        call = calls[ccid]
        assert [s.session_id for s in call.segments] == [r["sessionId"] for r in rows]
        assert call.call_start_ms == rows[0]["start_ms"]
        assert [s.state for s in call.segments] == [r["state"] for r in rows]
        detail = get_recording(engine, rows[1]["sessionId"])
        assert detail is not None and [s.session_id for s in detail.row.segments] == [r["sessionId"] for r in rows]


async def test_cli_search_shows_a_held_call_once_and_finds_it_by_ccid(
    sqlite_engine: Engine, sqlite_url: str, start_sim: Any, ca_file: str, tmp_path: Any
) -> None:
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)
    start_ms, end_ms = await _sync(sqlite_engine, sim, ca_file)
    ccid, rows = next(iter(_held_pairs(sim, start_ms, end_ms).items()))
    add_user(sqlite_url, "admin")
    acting, acting_env = as_user("admin")

    def cli(*args: str) -> Any:
        done = subprocess.run(
            [sys.executable, "-m", "qms_desktop", "recordings", "search", *args, *acting],
            env={**os.environ, "QMS_HOME": str(tmp_path / "home"), "QMS_DATABASE_URL": sqlite_url, **acting_env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    found = json.loads(cli("--ccid", ccid, "--json", "--count"))
    assert found["total"] == 1
    [call] = found["items"]
    assert call["ccid"] == ccid and call["segment_count"] == 2
    assert [s["session_id"] for s in call["segments"]] == [r["sessionId"] for r in rows]
    assert [s["start_ms"] for s in call["segments"]] == [r["start_ms"] for r in rows]
    assert [s["state"] for s in call["segments"]] == [r["state"] for r in rows]

    sessions = json.loads(cli("--ccid", ccid, "--sessions", "--json"))
    assert sorted(item["session_id"] for item in sessions["items"]) == sorted(r["sessionId"] for r in rows)

    by_text = json.loads(cli("--text", ccid, "--json"))
    assert [item["session_id"] for item in by_text["items"]] == [rows[0]["sessionId"]]

    text = cli("--ccid", ccid)
    assert "segment 1: " in text and "segment 2: " in text and rows[1]["sessionId"] in text
