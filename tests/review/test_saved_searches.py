"""Saved searches: private and shared, new matches since last opened, owner-only delete, audit; on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.saved_searches import SAVED_SEARCH_DELETE, SAVED_SEARCH_SHARE, SavedSearchUseCases
from qms_desktop.search.query import RecordingQuery
from qms_desktop.security.errors import InvalidUserInput, PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.store.schema import audit_log
from tests.store.factory import BASE, make_spec_session

ADMIN = Principal("admin", Role.ADMIN)
SALLY = Principal("sally", Role.SUPERVISOR, frozenset({"SALES"}))
SAM = Principal("sam", Role.SUPERVISOR, frozenset({"SALES", "SUPPORT"}))


def add(engine: Engine, first: int, count: int, *, stored_at: int, team: str = "SALES", agent: str = "a1") -> None:
    records = [
        make_spec_session(f"s{i:03d}", start=BASE + timedelta(minutes=i), agent_id=agent, team_code=team)
        for i in range(first, first + count)
    ]
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=stored_at, now_ms=stored_at)


def actions(engine: Engine) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(audit_log.c.action, audit_log.c.actor).order_by(audit_log.c.id)).all()
    return [(r.action, r.actor) for r in rows if r.action.startswith("saved_search")]


def test_new_matches_since_last_opened(engine: Engine) -> None:
    add(engine, 0, 5, stored_at=1_000)
    uc = SavedSearchUseCases(engine, SALLY)
    saved = uc.save("Olena's calls", RecordingQuery(agent_ids=("a1",)), panel={"agent": "a1"})
    assert saved.owner == "sally" and not saved.shared and saved.panel == {"agent": "a1"}
    opened = uc.open(saved.id, at_ms=2_000)
    assert opened.query.agent_ids == ("a1",)
    [listed] = uc.list()
    assert listed.new_matches == 0 and listed.opened_at_ms == 2_000
    add(engine, 5, 3, stored_at=3_000)  # after "last opened"
    add(engine, 8, 2, stored_at=3_000, agent="a2")  # not matching
    add(engine, 10, 4, stored_at=3_000, team="SUPPORT")  # matching, but not Sally's team
    [listed] = SavedSearchUseCases(engine, SALLY).list()
    assert listed.new_matches == 3
    SavedSearchUseCases(engine, SALLY).open(saved.id, at_ms=4_000)
    [listed] = SavedSearchUseCases(engine, SALLY).list()
    assert listed.new_matches == 0


def test_shared_search_is_listed_for_others_counted_with_their_scope(engine: Engine) -> None:
    add(engine, 0, 4, stored_at=1_000)
    add(engine, 4, 2, stored_at=1_000, team="SUPPORT")
    shared = SavedSearchUseCases(engine, SALLY).save("Agent a1", RecordingQuery(agent_ids=("a1",)), shared=True)
    SavedSearchUseCases(engine, SALLY).save("Mine only", RecordingQuery())
    [seen] = SavedSearchUseCases(engine, SAM).list()
    assert seen.id == shared.id and seen.shared and seen.opened_at_ms is None
    assert seen.new_matches == 6  # never opened: every match is new, in Sam's teams
    assert [s.name for s in SavedSearchUseCases(engine, SALLY).list()] == ["Agent a1", "Mine only"]
    assert ("saved_search.share", "sally") in actions(engine)
    assert SAVED_SEARCH_SHARE == "saved_search.share"


def test_delete_by_owner_only(engine: Engine) -> None:
    shared = SavedSearchUseCases(engine, SALLY).save("Team", RecordingQuery(), shared=True)
    private = SavedSearchUseCases(engine, SALLY).save("Private", RecordingQuery())
    with pytest.raises(PermissionDenied):
        SavedSearchUseCases(engine, SAM).delete(shared.id)
    with pytest.raises(InvalidUserInput):
        SavedSearchUseCases(engine, SAM).delete(private.id)  # not even visible to him
    SavedSearchUseCases(engine, SALLY).delete(private.id)
    SavedSearchUseCases(engine, ADMIN).delete(shared.id)  # an administrator may remove a shared one
    assert SavedSearchUseCases(engine, SALLY).list() == []
    assert (SAVED_SEARCH_DELETE, "admin") in actions(engine)


def test_save_again_replaces_and_needs_a_name(engine: Engine) -> None:
    uc = SavedSearchUseCases(engine, SALLY)
    first = uc.save("Long calls", RecordingQuery(min_duration_ms=60_000))
    second = uc.save("  Long   calls ", RecordingQuery(min_duration_ms=120_000, tags=("vip",)))
    assert second.id == first.id and second.query.min_duration_ms == 120_000 and second.query.tags == ("vip",)
    with pytest.raises(InvalidUserInput):
        uc.save("   ", RecordingQuery())
    with pytest.raises(PermissionDenied):
        SavedSearchUseCases(engine, Principal("ian", Role.IT)).list()
