"""Review use cases on both databases: heard intervals merged per user, the reviewed mark with its
required coverage, unmarking, team scope, the audit rows, the coverage figures to the second, and
the recordings read model's Heard share and review filter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.app.reviews import CoverageTooLow, ReviewUseCases
from qms_desktop.domain.time import to_ms
from qms_desktop.search.query import RecordingQuery
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.directory import import_agents_csv
from qms_desktop.store.recordings import upsert_sessions
from tests.store.factory import make_spec_session

ADMIN = Principal("root", Role.ADMIN)
OLGA = Principal("olga", Role.SUPERVISOR, frozenset({"SALES"}))
PETRO = Principal("petro", Role.SUPERVISOR, frozenset({"SALES"}))
IVAN = Principal("ivan", Role.SUPERVISOR, frozenset({"SUPPORT"}))
IT = Principal("it", Role.IT)
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)


def seed(engine: Engine) -> None:
    """A week of calls: SALES agents a1 (3 calls), a2 (1 call), SUPPORT agent a3 (1 call); one call
    of a1 the week after."""
    with begin_write(engine) as conn:
        import_agents_csv(
            conn,
            "agent_id,name,extension,team\na1,Olena,1001,SALES\na2,Taras,1002,SALES\n"
            "a3,Ivan P,1003,SUPPORT\na4,Idle,1004,SALES\n",
        )
        sessions = [
            make_spec_session("s1", start=MONDAY + timedelta(hours=9), minutes=2, agent_id="a1"),
            make_spec_session("s2", start=MONDAY + timedelta(days=1, hours=9), minutes=3, agent_id="a1"),
            make_spec_session("s3", start=MONDAY + timedelta(days=2, hours=9), minutes=1, agent_id="a1"),
            make_spec_session(
                "s4", start=MONDAY + timedelta(days=3, hours=9), minutes=4, agent_id="a2", agent_name="Taras"
            ),
            make_spec_session(
                "s5",
                start=MONDAY + timedelta(days=4, hours=9),
                minutes=5,
                agent_id="a3",
                agent_name="Ivan P",
                team_code="SUPPORT",
            ),
            make_spec_session("s6", start=MONDAY + timedelta(days=8), minutes=5, agent_id="a1"),
        ]
        upsert_sessions(conn, sessions, fetched_at_ms=1, now_ms=1)


def test_heard_intervals_merge_per_user_and_stop_at_the_length(engine: Engine) -> None:
    seed(engine)
    olga = ReviewUseCases(engine, OLGA)
    olga.record_heard("s1", [(0, 10_000), (30_000, 40_000)])
    state = olga.record_heard("s1", [(5_000, 31_000), (110_000, 200_000)])
    assert state.intervals == ((0, 40_000), (110_000, 120_000))  # the call is 2 minutes long
    assert state.heard_ms == 50_000 and state.percent == 41
    assert ReviewUseCases(engine, PETRO).heard("s1").heard_ms == 0  # petro's own share
    assert olga.heard("s1").intervals == state.intervals
    with pytest.raises(PermissionDenied):
        ReviewUseCases(engine, IVAN).record_heard("s1", [(0, 1000)])  # another team's call
    with pytest.raises(PermissionDenied):
        ReviewUseCases(engine, IT).record_heard("s1", [(0, 1000)])
    with pytest.raises(PermissionDenied):
        ReviewUseCases(engine, None).heard("s1")


def test_mark_needs_the_required_coverage_and_only_the_reviewer_or_an_admin_unmarks(engine: Engine) -> None:
    seed(engine)
    with pytest.raises(PermissionDenied):
        ReviewUseCases(engine, OLGA).set_settings({"required_coverage_percent": 80})
    assert ReviewUseCases(engine, ADMIN).set_settings({"required_coverage_percent": 80}).weekly_target == 0
    olga = ReviewUseCases(engine, OLGA)
    olga.record_heard("s1", [(0, 60_000)])
    with pytest.raises(CoverageTooLow, match="you heard 50 % of it and 80 % is required"):
        olga.mark("s1")
    assert olga.review_mark("s1") is None
    olga.record_heard("s1", [(60_000, 100_000)])  # 100 of 120 s: 83 %
    mark = olga.mark("s1")
    assert (mark.reviewed_by, mark.heard_percent) == ("olga", 83)
    with pytest.raises(PermissionDenied, match="only they or an administrator"):
        ReviewUseCases(engine, PETRO).unmark("s1")
    assert olga.review_mark("s1") is not None
    assert olga.unmark("s1") == mark and olga.review_mark("s1") is None
    olga.mark("s1")
    assert ReviewUseCases(engine, ADMIN).unmark("s1") is not None
    actions = [(r.actor, r.action, r.target, r.outcome) for r in audit.list_audit(engine, action="review.")]
    assert actions[::-1] == [
        ("root", "review.settings", "reviews", "ok"),
        ("olga", "review.mark", "s1", "ok"),
        ("olga", "review.unmark", "s1", "ok"),
        ("olga", "review.mark", "s1", "ok"),
        ("root", "review.unmark", "s1", "ok"),
    ]
    denied = audit.list_audit(engine, action=audit.ACCESS_DENIED, actor="petro")
    assert denied and denied[0].detail["permission"] == "review.unmark"


def test_coverage_figures_match_the_heard_intervals_to_the_second(engine: Engine) -> None:
    seed(engine)
    ReviewUseCases(engine, ADMIN).set_settings({"weekly_target": 2})
    olga, petro = ReviewUseCases(engine, OLGA), ReviewUseCases(engine, PETRO)
    olga.record_heard("s1", [(0, 45_500), (60_000, 75_000)])  # 60.5 s
    petro.record_heard("s1", [(40_000, 61_000)])  # with olga's: 0 .. 75 s = 75 s heard of s1
    olga.record_heard("s2", [(10_000, 190_000)])  # 170 s: a 3-minute call, cut at its end
    petro.record_heard("s4", [(1_000, 2_999)])  # 1.999 s
    ReviewUseCases(engine, ADMIN).record_heard("s5", [(0, 30_000)])  # SUPPORT, 30 s
    olga.mark("s1")
    olga.mark("s2")
    olga.record_heard("s6", [(0, 60_000)])  # the week after: outside the period
    start, end = to_ms(MONDAY), to_ms(MONDAY + timedelta(days=7))
    assert start is not None and end is not None

    report = ReviewUseCases(engine, ADMIN).coverage(start, end)
    by_agent = {row.agent_id: row for row in report.agents}
    a1, a2, a3, a4 = by_agent["a1"], by_agent["a2"], by_agent["a3"], by_agent["a4"]
    assert (a1.recordings, a1.reviewed, a1.heard_ms, a1.heard_s, a1.recorded_ms) == (3, 2, 245_000, 245, 360_000)
    assert (a2.recordings, a2.reviewed, a2.heard_ms, a2.heard_s) == (1, 0, 1_999, 1)
    assert (a3.recordings, a3.heard_s, a3.team_code) == (1, 30, "SUPPORT")
    assert (a4.recordings, a4.reviewed, a4.heard_ms) == (0, 0, 0)  # an agent without calls still shows
    assert a1.target == 2.0 and a1.target_percent == 100 and a2.target_percent == 0
    teams = {row.team_code: row for row in report.teams}
    assert (teams["SALES"].recordings, teams["SALES"].reviewed, teams["SALES"].heard_ms) == (4, 2, 246_999)
    assert teams["SALES"].target == 6.0
    assert (report.total.recordings, report.total.heard_s) == (5, 276)
    lines = report.to_csv().splitlines()
    assert lines[0].startswith("level,team,agent_id,agent_name,recordings,reviewed,heard_s")
    assert "agent,SALES,a1,Olena,3,2,245,4.1,360,2.0,100" in lines

    # A supervisor sees their own teams only; another team asked for gives nothing.
    sales = ReviewUseCases(engine, OLGA).coverage(start, end)
    assert {row.team_code for row in sales.agents} == {"SALES"} and sales.total.heard_s == 246
    assert ReviewUseCases(engine, OLGA).coverage(start, end, team="SUPPORT").total.recordings == 0
    with pytest.raises(PermissionDenied):
        ReviewUseCases(engine, IT).coverage(start, end)
    assert audit.list_audit(engine, action="review.coverage", actor="olga")


def test_the_read_model_carries_the_readers_heard_share_and_filters_by_review(engine: Engine) -> None:
    seed(engine)
    olga = ReviewUseCases(engine, OLGA)
    olga.record_heard("s1", [(0, 60_000)])  # half of s1
    olga.record_heard("s2", [(0, 180_000)])
    olga.mark("s2")
    ReviewUseCases(engine, PETRO).record_heard("s3", [(0, 30_000)])  # petro's, not olga's
    search = RecordingUseCases(engine, OLGA)

    def ids(review: str | None) -> dict[str, tuple[int | None, bool | None]]:
        page = search.search(RecordingQuery(heard_by="", review=review, limit=100))
        return {row.session_id: (row.heard_ms, row.reviewed) for row in page.items}

    assert ids(None) == {
        "s1": (60_000, False),
        "s2": (180_000, True),
        "s3": (0, False),
        "s4": (0, False),
        "s6": (0, False),
    }
    assert set(ids("reviewed")) == {"s2"}
    assert set(ids("not_reviewed")) == {"s1", "s3", "s4", "s6"}
    assert set(ids("partly_heard")) == {"s1"}  # heard by olga, not yet reviewed
    assert set(
        RecordingUseCases(engine, PETRO).search(RecordingQuery(review="partly_heard")).items[0:1][0].session_id
        for _ in [0]
    ) == {"s3"}
    assert search.count(RecordingQuery(review="reviewed")) == 1
    # Without heard_by nothing is joined: the rows say nothing about hearing.
    plain = search.search(RecordingQuery(limit=100)).items
    assert all(row.heard_ms is None and row.reviewed is None for row in plain)
