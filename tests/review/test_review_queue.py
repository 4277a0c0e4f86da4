"""The review playlist and listening positions: order, next/previous, resume, re-open, team scope,
a reproducible sample; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.review_queue import QUEUE_CREATE, ReviewQueueUseCases, sample_per_agent
from qms_desktop.search.query import RecordingQuery, RecordingRow
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.store.schema import audit_log
from tests.store.factory import BASE, make_spec_session

ADMIN = Principal("admin", Role.ADMIN)
SALES_SUP = Principal("sally", Role.SUPERVISOR, frozenset({"SALES"}))
AGENTS = (("a1", "SALES"), ("a2", "SALES"), ("a3", "SUPPORT"))


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    """30 calls, one a minute: s00 the oldest; agents a1, a2 (SALES) and a3 (SUPPORT) in turn."""
    records = [
        make_spec_session(
            f"s{i:02d}", start=BASE + timedelta(minutes=i), agent_id=AGENTS[i % 3][0], team_code=AGENTS[i % 3][1]
        )
        for i in range(30)
    ]
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=1, now_ms=1)
    return engine


def ids(queue: object) -> list[str]:
    return [item.session_id for item in queue.items]  # type: ignore[attr-defined]


def test_queue_keeps_the_search_order_and_moves(loaded: Engine) -> None:
    uc = ReviewQueueUseCases(loaded, ADMIN)
    queue = uc.create(RecordingQuery(sort="start", descending=False), "all calls")
    assert ids(queue) == [f"s{i:02d}" for i in range(30)]
    assert queue.current == 0 and queue.current_item is not None and queue.current_item.session_id == "s00"
    assert not queue.capped
    moved = uc.move(+1)
    assert moved is not None and moved.current_item is not None and moved.current_item.session_id == "s01"
    uc.move(+1)
    back = uc.move(-1)
    assert back is not None and back.current_item is not None and back.current_item.session_id == "s01"
    # At either end it stays.
    assert uc.move(-5) is not None
    first = uc.move(-1)
    assert first is not None and first.current == 0 and not first.has_previous
    with loaded.connect() as conn:
        rows = conn.execute(sa.select(audit_log.c.actor).where(audit_log.c.action == QUEUE_CREATE)).all()
    assert [r.actor for r in rows] == ["admin"]


def test_cap_is_applied_and_said(loaded: Engine) -> None:
    queue = ReviewQueueUseCases(loaded, ADMIN).create(RecordingQuery(), cap=7)
    assert len(queue.items) == 7 and queue.capped
    assert ids(queue) == [f"s{i:02d}" for i in range(29, 22, -1)]  # newest first, as the search lists them


def test_survives_reopen(loaded: Engine) -> None:
    ReviewQueueUseCases(loaded, ADMIN).create(RecordingQuery(agent_ids=("a1",)), "a1")
    ReviewQueueUseCases(loaded, ADMIN).move(+1)
    ReviewQueueUseCases(loaded, ADMIN).move(+1)
    ReviewQueueUseCases(loaded, ADMIN).save_position("s21", 42_500)
    again = ReviewQueueUseCases(loaded, ADMIN).current()  # a new instance: as after a restart
    assert again is not None and again.title == "a1"
    assert again.current_item is not None and again.current_item.session_id == "s21"
    assert ReviewQueueUseCases(loaded, ADMIN).resume_position("s21") == 42_500
    assert ReviewQueueUseCases(loaded, ADMIN).resume_position("s24") == 0
    # Another user has neither the playlist nor the position.
    other = ReviewQueueUseCases(loaded, Principal("root2", Role.ADMIN))
    assert other.current() is None and other.resume_position("s21") == 0


def test_resume_position_is_updated_and_reset(loaded: Engine) -> None:
    uc = ReviewQueueUseCases(loaded, ADMIN)
    uc.save_position("s03", 10_000)
    uc.save_position("s03", 65_000)
    assert uc.resume_position("s03") == 65_000
    uc.save_position("s03", 0)  # start over
    assert uc.resume_position("s03") == 0


def test_team_scope_skips_items_no_longer_visible(loaded: Engine) -> None:
    everyone = ReviewQueueUseCases(loaded, Principal("sally", Role.ADMIN))
    queue = everyone.create(RecordingQuery(sort="start", descending=False, end_ms=None))
    assert len(queue.items) == 30
    everyone.go_to(2)  # s02 is SUPPORT's
    # The same user, now a supervisor of SALES only: SUPPORT's calls are skipped, not shown.
    narrowed = ReviewQueueUseCases(loaded, SALES_SUP)
    seen = narrowed.current()
    assert seen is not None and seen.stored == 30 and seen.skipped == 10
    assert all(item.team_code == "SALES" for item in seen.items)
    assert seen.current_item is not None and seen.current_item.session_id == "s03"  # the next visible one
    nxt = narrowed.move(+1)
    assert nxt is not None and nxt.current_item is not None and nxt.current_item.session_id == "s04"
    with pytest.raises(PermissionDenied):
        narrowed.save_position("s05", 1000)  # SUPPORT's
    with pytest.raises(PermissionDenied):
        narrowed.resume_position("s05")


def test_supervisor_queue_holds_only_their_teams(loaded: Engine) -> None:
    queue = ReviewQueueUseCases(loaded, SALES_SUP).create(RecordingQuery())
    assert len(queue.items) == 20 and queue.stored == 20


def test_it_may_not_make_a_queue(loaded: Engine) -> None:
    with pytest.raises(PermissionDenied):
        ReviewQueueUseCases(loaded, Principal("ian", Role.IT)).create(RecordingQuery())
    with pytest.raises(PermissionDenied):
        ReviewQueueUseCases(loaded, None).current()


def test_sample_per_agent_is_reproducible(loaded: Engine) -> None:
    uc = ReviewQueueUseCases(loaded, ADMIN)
    first = uc.sample(RecordingQuery(), per_agent=3, seed=1234)
    assert first.seed == 1234 and len(first.items) == 9
    agents = [AGENTS[int(item.session_id[1:]) % 3][0] for item in first.items]
    assert sorted(agents) == ["a1"] * 3 + ["a2"] * 3 + ["a3"] * 3
    again = ReviewQueueUseCases(loaded, ADMIN).sample(RecordingQuery(), per_agent=3, seed=1234)
    assert ids(again) == ids(first)
    other = ReviewQueueUseCases(loaded, ADMIN).sample(RecordingQuery(), per_agent=3, seed=99)
    assert ids(other) != ids(first)
    fresh = uc.sample(RecordingQuery(), per_agent=2)
    assert fresh.seed is not None and len(fresh.items) == 6


def test_sample_function_keeps_small_groups_whole() -> None:
    rows = [make_row(f"x{i}", "a1" if i < 2 else None) for i in range(6)]
    chosen = sample_per_agent(rows, 3, seed=5)
    assert [r.session_id for r in chosen if r.agent_id == "a1"] == ["x0", "x1"]
    assert len([r for r in chosen if r.agent_id is None]) == 3
    assert chosen == sample_per_agent(rows, 3, seed=5)


def make_row(session_id: str, agent_id: str | None) -> RecordingRow:
    return RecordingRow(
        1, session_id, 0, None, None, "CLOSED_NORMAL", agent_id, None, None, None, None, None, None, None, None,
        False, None,
    )  # fmt: skip
