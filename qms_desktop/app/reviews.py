"""Reviews: what each listener heard of a recording, the reviewed mark, and the coverage report.

- **Heard.** The player reports the intervals a user heard (contiguous advance while playing; see
  `domain.heard`); they are merged with what that user heard before and stored per user and
  recording. Reporting needs the right to play the recording (team scope). The playback itself is
  audited by the proxy (start, stop); the heard intervals are the record, not audited row by row.
- **Reviewed.** A reviewer marks a recording reviewed (audited `review.mark`). An administrator may
  require a coverage first (`required_coverage_percent`): the mark is refused, saying how much was
  heard, until the reviewer has heard that much. The reviewer who marked it, or an administrator,
  may remove the mark (`review.unmark`).
- **Coverage.** Per agent and team for a period (recordings started in it): recordings, reviewed,
  what was heard of them (the union of every listener's intervals, so two people hearing the same
  minute count one minute), against the weekly target per agent an administrator sets. Supervisors
  see their own teams.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from qms_desktop.app.access import RecordingNotFound, UseCase
from qms_desktop.domain import heard
from qms_desktop.security import audit
from qms_desktop.security.errors import InvalidUserInput, PermissionDenied, SecurityError
from qms_desktop.security.roles import Permission, Role, narrow_teams
from qms_desktop.store.directory import list_agents, list_teams
from qms_desktop.store.engine import begin_write, database_now_ms
from qms_desktop.store.reviews import (
    CoverageRecording,
    ReviewMark,
    coverage_recordings,
    delete_mark,
    get_mark,
    load_heard,
    put_mark,
    recording_length,
    save_heard,
)
from qms_desktop.store.settings import get_settings, put_settings

SETTINGS_SECTION = "reviews"
REVIEW_MARK = "review.mark"
REVIEW_UNMARK = "review.unmark"
REVIEW_SETTINGS = "review.settings"
REVIEW_COVERAGE = "review.coverage"
REVIEW_COVERAGE_EXPORT = "review.coverage_export"

__all__ = [
    "CoverageReport",
    "CoverageRow",
    "CoverageTooLow",
    "HeardState",
    "ReviewMark",
    "ReviewSettings",
    "ReviewUseCases",
    "build_coverage",
]
WEEK_MS = 7 * 86_400_000


class CoverageTooLow(SecurityError):
    """The site requires hearing more of a recording before it can be marked reviewed."""

    hint = "Listen to more of the recording, then mark it reviewed"


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    required_coverage_percent: int = 0  # 0 = a recording can be marked reviewed without listening
    weekly_target: int = 0  # reviewed recordings per agent per week; 0 = no target

    def to_dict(self) -> dict[str, int]:
        return {"required_coverage_percent": self.required_coverage_percent, "weekly_target": self.weekly_target}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ReviewSettings:
        def number(key: str, top: int) -> int:
            value = values.get(key, 0)
            try:
                parsed = int(value)
            except (TypeError, ValueError):
                raise InvalidUserInput(f"{key} must be a whole number, not {value!r}") from None
            if not 0 <= parsed <= top:
                raise InvalidUserInput(f"{key} must be between 0 and {top}, not {parsed}")
            return parsed

        return cls(number("required_coverage_percent", 100), number("weekly_target", 10_000))


@dataclass(frozen=True, slots=True)
class HeardState:
    """What one user heard of one recording."""

    session_id: str
    intervals: tuple[heard.Interval, ...]
    heard_ms: int
    length_ms: int | None

    @property
    def percent(self) -> int | None:
        return heard.heard_percent(self.heard_ms, self.length_ms)

    def to_dict(self) -> dict[str, object]:
        return {
            "session_id": self.session_id,
            "intervals": [list(i) for i in self.intervals],
            "heard_ms": self.heard_ms,
            "length_ms": self.length_ms,
            "heard_percent": self.percent,
        }


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One agent (or a team's total, or the grand total) over the period."""

    team_code: str | None
    agent_id: str | None
    agent_name: str | None
    recordings: int
    reviewed: int
    heard_ms: int
    recorded_ms: int
    target: float  # reviewed recordings the weekly target asks for in this period; 0 = none

    @property
    def heard_s(self) -> int:
        return self.heard_ms // 1000

    @property
    def target_percent(self) -> int | None:
        return None if self.target <= 0 else int(self.reviewed * 100 // self.target)

    def to_dict(self) -> dict[str, object]:
        return {
            "team": self.team_code,
            "agent_id": self.agent_id,
            "agent_name": self.agent_name,
            "recordings": self.recordings,
            "reviewed": self.reviewed,
            "heard_s": self.heard_s,
            "heard_min": round(self.heard_ms / 60_000, 1),
            "recorded_s": self.recorded_ms // 1000,
            "target": self.target,
            "target_percent": self.target_percent,
        }


@dataclass(frozen=True, slots=True)
class CoverageReport:
    start_ms: int
    end_ms: int
    weekly_target: int
    agents: tuple[CoverageRow, ...]
    teams: tuple[CoverageRow, ...]
    total: CoverageRow
    team_names: dict[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "start_ms": self.start_ms,
            "end_ms": self.end_ms,
            "weekly_target": self.weekly_target,
            "agents": [r.to_dict() for r in self.agents],
            "teams": [r.to_dict() for r in self.teams],
            "total": self.total.to_dict(),
        }

    def to_csv(self) -> str:
        columns = (
            "level",
            "team",
            "agent_id",
            "agent_name",
            "recordings",
            "reviewed",
            "heard_s",
            "heard_min",
            "recorded_s",
            "target",
            "target_percent",
        )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for level, rows in (("agent", self.agents), ("team", self.teams), ("total", (self.total,))):
            for row in rows:
                data = row.to_dict()
                writer.writerow([level, *("" if data[c] is None else data[c] for c in columns[1:])])
        return out.getvalue()


def _sum_rows(rows: Iterable[CoverageRow], team_code: str | None) -> CoverageRow:
    rows = list(rows)
    return CoverageRow(
        team_code,
        None,
        None,
        sum(r.recordings for r in rows),
        sum(r.reviewed for r in rows),
        sum(r.heard_ms for r in rows),
        sum(r.recorded_ms for r in rows),
        round(sum(r.target for r in rows), 1),
    )


def build_coverage(
    found: list[CoverageRecording],
    agents: Iterable[tuple[str | None, str | None, str | None]],
    start_ms: int,
    end_ms: int,
    weekly_target: int,
) -> CoverageReport:
    """Figures per agent (every agent of the teams in scope, with or without recordings), per team
    and in total."""
    target = round(weekly_target * (end_ms - start_ms) / WEEK_MS, 1) if weekly_target else 0.0
    per_agent: dict[tuple[str | None, str | None], list[CoverageRecording]] = {}
    names: dict[tuple[str | None, str | None], str | None] = {}
    for agent_id, name, team in agents:
        per_agent.setdefault((team, agent_id), [])
        names[(team, agent_id)] = name
    for rec in found:
        key = (rec.team_code, rec.agent_id)
        per_agent.setdefault(key, []).append(rec)
        names.setdefault(key, rec.agent_name)
    rows = []
    for (team_code, agent_id), recs in sorted(per_agent.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
        rows.append(
            CoverageRow(
                team_code,
                agent_id,
                names.get((team_code, agent_id)),
                len(recs),
                sum(r.reviewed for r in recs),
                sum(heard.total_ms(r.heard) for r in recs),
                sum(r.duration_ms or 0 for r in recs),
                target if agent_id is not None else 0.0,
            )
        )
    codes = sorted({row.team_code or "" for row in rows})
    team_rows = tuple(_sum_rows((r for r in rows if (r.team_code or "") == c), c or None) for c in codes)
    return CoverageReport(start_ms, end_ms, weekly_target, tuple(rows), team_rows, _sum_rows(rows, None))


class ReviewUseCases(UseCase):
    # ---- settings -------------------------------------------------------------------------------

    def settings(self) -> ReviewSettings:
        """The required coverage and the weekly target: for everyone who reviews or reads coverage."""
        self.require(Permission.RECORDINGS_READ, SETTINGS_SECTION)
        with self.engine.connect() as conn:
            return self._settings(conn)

    @staticmethod
    def _settings(conn: Any) -> ReviewSettings:
        try:
            return ReviewSettings.from_dict(get_settings(conn, SETTINGS_SECTION))
        except InvalidUserInput:
            return ReviewSettings()

    def set_settings(self, values: ReviewSettings | dict[str, Any]) -> ReviewSettings:
        """Administrators: values not given keep their saved value. Audited with before and after."""
        self.require(Permission.SETTINGS_WRITE, SETTINGS_SECTION)
        with begin_write(self.engine) as conn:
            before = self._settings(conn)
            given = values.to_dict() if isinstance(values, ReviewSettings) else values
            after = ReviewSettings.from_dict({**before.to_dict(), **given})
            put_settings(conn, SETTINGS_SECTION, after.to_dict(), self.actor)
            self.audit_in(conn, REVIEW_SETTINGS, SETTINGS_SECTION, before=before.to_dict(), after=after.to_dict())
        return after

    # ---- heard ----------------------------------------------------------------------------------

    def _check_recording(self, permission: Permission, session_id: str) -> None:
        self.require(permission, session_id)
        from qms_desktop.search.query import get_recording

        detail = get_recording(self.engine, session_id)
        if detail is None:
            raise RecordingNotFound(f"No recording with session id {session_id!r}")
        self.require_team(permission, detail.row.team_code, session_id)

    def record_heard(self, session_id: str, intervals: Iterable[heard.Interval]) -> HeardState:
        """Add what the signed-in user heard (merged with what they heard before, cut to the
        recording's length)."""
        principal = self.require(Permission.RECORDINGS_PLAY, session_id)
        self._check_recording(Permission.RECORDINGS_PLAY, session_id)
        with begin_write(self.engine) as conn:
            length = recording_length(conn, session_id)
            merged = heard.clip(heard.merge([*load_heard(conn, session_id, principal.username), *intervals]), length)
            save_heard(conn, session_id, principal.username, merged, database_now_ms(conn))
        return HeardState(session_id, tuple(merged), heard.total_ms(merged), length)

    def heard(self, session_id: str) -> HeardState:
        """What the signed-in user heard of a recording."""
        principal = self.require(Permission.RECORDINGS_READ, session_id)
        self._check_recording(Permission.RECORDINGS_READ, session_id)
        with self.engine.connect() as conn:
            intervals = load_heard(conn, session_id, principal.username)
            length = recording_length(conn, session_id)
        return HeardState(session_id, tuple(intervals), heard.total_ms(intervals), length)

    # ---- the reviewed mark ----------------------------------------------------------------------

    def mark(self, session_id: str) -> ReviewMark:
        """Mark a recording reviewed by the signed-in user. Raises CoverageTooLow when the site requires
        hearing more of it first (nothing is changed then)."""
        principal = self.require(Permission.RECORDINGS_PLAY, session_id)
        self._check_recording(Permission.RECORDINGS_PLAY, session_id)
        with begin_write(self.engine) as conn:
            required = self._settings(conn).required_coverage_percent
            length = recording_length(conn, session_id)
            heard_ms = heard.total_ms(load_heard(conn, session_id, principal.username))
            percent = heard.heard_percent(heard_ms, length)
            if required and (percent if percent is not None else 0) < required:
                shown = "an unknown part" if percent is None else f"{percent} %"
                raise CoverageTooLow(
                    f"Recording {session_id} cannot be marked reviewed yet: you heard {shown} of it and "
                    f"{required} % is required"
                )
            mark = ReviewMark(session_id, principal.username, database_now_ms(conn), percent)
            before = get_mark(conn, session_id)
            put_mark(conn, mark)
            self.audit_in(
                conn,
                REVIEW_MARK,
                session_id,
                heard_percent=percent,
                required_percent=required,
                replaced=before.reviewed_by if before else None,
            )
        return mark

    def unmark(self, session_id: str) -> ReviewMark | None:
        """Remove the reviewed mark: its reviewer or an administrator. Returns the removed mark (None
        when there was none)."""
        principal = self.require(Permission.RECORDINGS_PLAY, session_id)
        self._check_recording(Permission.RECORDINGS_PLAY, session_id)
        with begin_write(self.engine) as conn:
            mark = get_mark(conn, session_id)
            if mark is None:
                return None
            if principal.role is not Role.ADMIN and mark.reviewed_by != principal.username:
                denied = PermissionDenied(
                    f"Recording {session_id} was marked reviewed by {mark.reviewed_by}: only they or an "
                    "administrator may remove the mark",
                    permission="review.unmark",
                )
            else:
                delete_mark(conn, session_id)
                self.audit_in(conn, REVIEW_UNMARK, session_id, reviewed_by=mark.reviewed_by)
                return mark
        self.audit(
            audit.ACCESS_DENIED, session_id, outcome=audit.DENIED, permission="review.unmark", reason="not the reviewer"
        )
        raise denied

    def review_mark(self, session_id: str) -> ReviewMark | None:
        self._check_recording(Permission.RECORDINGS_READ, session_id)
        with self.engine.connect() as conn:
            return get_mark(conn, session_id)

    # ---- coverage -------------------------------------------------------------------------------

    def coverage(self, start_ms: int, end_ms: int, team: str | None = None) -> CoverageReport:
        """Per agent and team, recordings started in [start_ms, end_ms): a supervisor's own teams
        (narrowed to `team` when given). Audited."""
        principal = self.require(Permission.RECORDINGS_READ, "coverage")
        if end_ms <= start_ms:
            raise InvalidUserInput("The period ends before it starts", hint="Give a --from before the --to")
        teams = narrow_teams(principal, [team] if team else None)
        with self.engine.connect() as conn:
            found = coverage_recordings(conn, start_ms, end_ms, teams)
            agents = [(a.agent_id, a.name, a.team_code) for a in list_agents(conn, teams)]
            names = list_teams(conn, teams)
            weekly = self._settings(conn).weekly_target
        report = dataclasses.replace(build_coverage(found, agents, start_ms, end_ms, weekly), team_names=names)
        self.audit(
            REVIEW_COVERAGE, team or "coverage", start_ms=start_ms, end_ms=end_ms, recordings=report.total.recordings
        )
        return report

    def export_coverage(self, report: CoverageReport, destination: str) -> str:
        """The report as CSV text, for a file the caller writes; the export is audited."""
        self.require(Permission.RECORDINGS_READ, "coverage")
        self.audit(
            REVIEW_COVERAGE_EXPORT, destination, start_ms=report.start_ms, end_ms=report.end_ms, rows=len(report.agents)
        )
        return report.to_csv()
