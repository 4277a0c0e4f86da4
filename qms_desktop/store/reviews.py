"""Rows of the reviews tables: heard intervals per (recording, user), review marks, and the raw
figures a coverage report is made of. Runs in the caller's connection or transaction."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.domain import heard
from qms_desktop.store.schema import recordings, review_heard, review_marks


@dataclass(frozen=True, slots=True)
class ReviewMark:
    session_id: str
    reviewed_by: str
    reviewed_ms: int
    heard_percent: int | None

    def to_dict(self) -> dict[str, object]:
        return {
            "session_id": self.session_id,
            "reviewed_by": self.reviewed_by,
            "reviewed_ms": self.reviewed_ms,
            "heard_percent": self.heard_percent,
        }


def _insert(conn: Connection) -> type[sa.Insert]:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert  # type: ignore[return-value]


def load_heard(conn: Connection, session_id: str, username: str) -> list[heard.Interval]:
    text = conn.execute(
        sa.select(review_heard.c.intervals).where(
            review_heard.c.session_id == session_id, review_heard.c.username == username
        )
    ).scalar_one_or_none()
    return heard.from_json(text)


def save_heard(conn: Connection, session_id: str, username: str, intervals: list[heard.Interval], at_ms: int) -> None:
    row = {
        "session_id": session_id,
        "username": username,
        "intervals": heard.to_json(intervals),
        "heard_ms": heard.total_ms(intervals),
        "updated_ms": at_ms,
    }
    stmt = _insert(conn)(review_heard).values(row)
    stmt = stmt.on_conflict_do_update(  # type: ignore[attr-defined]
        index_elements=[review_heard.c.session_id, review_heard.c.username],
        set_={k: stmt.excluded[k] for k in ("intervals", "heard_ms", "updated_ms")},  # type: ignore[attr-defined]
    )
    conn.execute(stmt)


def recording_length(conn: Connection, session_id: str) -> int | None:
    return conn.execute(
        sa.select(recordings.c.duration_ms).where(recordings.c.session_id == session_id)
    ).scalar_one_or_none()


def get_mark(conn: Connection, session_id: str) -> ReviewMark | None:
    row = conn.execute(sa.select(review_marks).where(review_marks.c.session_id == session_id)).first()
    return ReviewMark(*row) if row is not None else None


def put_mark(conn: Connection, mark: ReviewMark) -> None:
    conn.execute(review_marks.delete().where(review_marks.c.session_id == mark.session_id))
    conn.execute(review_marks.insert().values(**mark.to_dict()))


def delete_mark(conn: Connection, session_id: str) -> None:
    conn.execute(review_marks.delete().where(review_marks.c.session_id == session_id))


@dataclass(frozen=True, slots=True)
class CoverageRecording:
    """One recording of a coverage period: whose, how long, reviewed or not, heard by anyone."""

    session_id: str
    agent_id: str | None
    agent_name: str | None
    team_code: str | None
    duration_ms: int | None
    reviewed: bool
    heard: tuple[heard.Interval, ...]  # the union of every listener's intervals, cut to the length


def coverage_recordings(
    conn: Connection, start_ms: int, end_ms: int, teams: Collection[str] | None
) -> list[CoverageRecording]:
    """Recordings started in [start_ms, end_ms) of `teams` (None = every team), with their marks and
    what was heard of them (two queries)."""
    r = recordings.c
    stmt = (
        sa.select(
            r.session_id, r.agent_id, r.agent_name, r.team_code, r.duration_ms, review_marks.c.session_id.is_not(None)
        )
        .select_from(recordings.outerjoin(review_marks, review_marks.c.session_id == r.session_id))
        .where(r.start_ms >= start_ms, r.start_ms < end_ms)
        .order_by(r.start_ms, r.id)
    )
    if teams is not None:
        stmt = stmt.where(r.team_code.in_(sorted(teams)) if teams else sa.false())
    rows = conn.execute(stmt).all()
    ids = [row[0] for row in rows]
    found: dict[str, list[heard.Interval]] = {}
    if ids:
        in_period = sa.select(r.session_id).where(r.start_ms >= start_ms, r.start_ms < end_ms).scalar_subquery()
        heard_rows = conn.execute(
            sa.select(review_heard.c.session_id, review_heard.c.intervals).where(
                review_heard.c.session_id.in_(in_period)
            )
        )
        for session_id, text in heard_rows:
            found.setdefault(session_id, []).extend(heard.from_json(text))
    return [
        CoverageRecording(
            session_id,
            agent_id,
            agent_name,
            team,
            duration,
            bool(reviewed),
            tuple(heard.clip(heard.merge(found.get(session_id, [])), duration)),
        )
        for session_id, agent_id, agent_name, team, duration, reviewed in rows
    ]
