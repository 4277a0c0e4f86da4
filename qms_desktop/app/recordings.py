"""Finding, showing and playing recordings: a supervisor's view is narrowed to their own teams.

Every search's first page, every recording shown and every playback is audited; counting and the
following pages of a search belong to the search that was audited.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from typing import Any

from qms_desktop.app.access import RecordingNotFound, UseCase
from qms_desktop.domain.directory import SOURCE_LINKED_DIALECTS, Agent, DialPlan, ListeningChoice, listening_choices
from qms_desktop.domain.sessions import Participant, Track, TrackChoice
from qms_desktop.playback.proxy import PlaybackProxy, PlaybackTicket
from qms_desktop.search.query import (
    RecordingDetail,
    RecordingPage,
    RecordingQuery,
    count_recordings,
    get_recording,
    search_recordings,
)
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission, narrow_teams
from qms_desktop.store.directory import list_agents, list_teams, load_dial_plan


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the search filters offer: agents and teams (code -> name)."""

    agents: tuple[Agent, ...]
    teams: dict[str, str | None]


def _filters(query: RecordingQuery) -> dict[str, Any]:
    """What a search asked for, for its audit row (no cursor, no paging)."""
    skip = {"after", "limit", "allowed_teams"}
    out: dict[str, Any] = {}
    for name in RecordingQuery.__dataclass_fields__:
        value = getattr(query, name)
        if name in skip or value in (None, (), "", [], frozenset()):
            continue
        out[name] = sorted(value) if isinstance(value, set | frozenset | tuple | list) else value
    return out


def _listening(detail: RecordingDetail, plan: DialPlan) -> tuple[ListeningChoice, ...]:
    tracks = [
        Track(
            number=t.number,
            media_type=t.media_type or "AUDIO",
            participants=tuple(
                Participant(p.device_ref, p.device_id, p.track_number, role=p.role, name=p.name)
                for p in detail.participants
                if p.track_number is not None and p.track_number == t.number
            ),
        )
        for t in detail.tracks
    ]
    whole = any(detail.urls.get(k) for k in ("wav", "mp4", "http", "audio"))
    dialect = detail.row.dialect or "cisco"
    return listening_choices(
        tracks, plan, whole_call=whole, agent_name=detail.row.agent_name, use_plan=dialect not in SOURCE_LINKED_DIALECTS
    )


class RecordingUseCases(UseCase):
    def _narrow(self, query: RecordingQuery) -> RecordingQuery:
        principal = self.require(Permission.RECORDINGS_READ)
        # What was heard is the reader's own: any heard_by asked for becomes the principal.
        heard_by = principal.username if query.heard_by is not None or query.review is not None else None
        return dataclasses.replace(query, allowed_teams=narrow_teams(principal, query.allowed_teams), heard_by=heard_by)

    def search(self, query: RecordingQuery) -> RecordingPage:
        narrowed = self._narrow(query)
        page = search_recordings(self.engine, narrowed)
        if query.after is None:
            self.audit(audit.RECORDINGS_SEARCH, None, filters=_filters(query), rows=len(page.items))
        return page

    def count(self, query: RecordingQuery) -> int:
        return count_recordings(self.engine, self._narrow(query))

    async def search_with_index(
        self, query: RecordingQuery, *, with_count: bool = False
    ) -> tuple[RecordingPage, int | None, str]:
        """The team deployment's search: ids from OpenSearch when configured (same results and
        cursors), rows from the database; the database alone otherwise. (page, total, backend)."""
        from qms_desktop.search.opensearch import search_recordings_async

        narrowed = await asyncio.to_thread(self._narrow, query)
        page, total, backend = await search_recordings_async(self.engine, narrowed, with_count=with_count)
        if query.after is None:
            await asyncio.to_thread(
                self.audit, audit.RECORDINGS_SEARCH, None, filters=_filters(query), rows=len(page.items)
            )
        return page, total, backend

    def show(self, session_id: str) -> RecordingDetail:
        """One recording with what its player offers: the whole call, then each audio track named by
        the site's dial plan (Agent / Caller) and its participants."""
        detail = self._visible(session_id, Permission.RECORDINGS_READ)
        with self.engine.connect() as conn:
            plan = load_dial_plan(conn)
        detail = dataclasses.replace(detail, listening=_listening(detail, plan))
        self.audit(audit.RECORDINGS_VIEW, session_id)
        return detail

    def _visible(self, session_id: str, permission: Permission) -> RecordingDetail:
        principal = self.require(permission, session_id)
        # The segments of its call: only those of the teams the principal may see.
        detail = get_recording(self.engine, session_id, segment_teams=principal.allowed_teams)
        if detail is None:
            raise RecordingNotFound(f"No recording with session id {session_id!r}")
        self.require_team(permission, detail.row.team_code, session_id)
        return detail

    def play(self, proxy: PlaybackProxy, session_id: str, track: TrackChoice = None) -> PlaybackTicket:
        """A ticket on the local playback proxy, which checks the stream limit and audits the start."""
        detail = self._visible(session_id, Permission.RECORDINGS_PLAY)
        principal = self.require(Permission.RECORDINGS_PLAY, session_id)
        return proxy.register(principal, detail, track)

    def filter_choices(self) -> FilterChoices:
        """Agents and teams for the search filters; a supervisor sees only their own."""
        allowed = self.require(Permission.RECORDINGS_READ).allowed_teams
        with self.engine.connect() as conn:
            return FilterChoices(tuple(list_agents(conn, allowed)), list_teams(conn, allowed))
