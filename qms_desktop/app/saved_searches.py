"""Saved searches: the Recordings tab's filters under a name, private or shared with the team.

Each lists how many of its matches are new since the reader last opened it (recordings stored after
that; counted with the reader's own team scope, so a shared search never reveals another team's
calls). Opening one gives back its filters and marks it opened. Only the owner deletes one (an
administrator may delete any shared one). Saving or deleting a shared search is audited.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from qms_desktop.app.access import UseCase
from qms_desktop.app.review_queue import now_ms
from qms_desktop.search.query import RecordingQuery, count_recordings
from qms_desktop.security.errors import InvalidUserInput, PermissionDenied
from qms_desktop.security.roles import Permission, Role, narrow_teams
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import saved_search_opens, saved_searches

SAVED_SEARCH_SHARE = "saved_search.share"
SAVED_SEARCH_DELETE = "saved_search.delete"
MAX_NAME = 200
# What a saved search keeps of a RecordingQuery: its filters (not paging, sort or visibility).
QUERY_FIELDS = (
    "start_ms", "end_ms", "agent_ids", "team_codes", "direction", "ani", "dnis", "csq", "tags",
    "min_duration_ms", "max_duration_ms", "state", "session_id", "ccid", "text", "group_calls",
)  # fmt: skip
_COLLECTIONS = {"agent_ids", "team_codes", "tags"}


class SavedSearchNotFound(InvalidUserInput, LookupError):
    hint = "List the saved searches to see their ids"


def query_to_json(query: RecordingQuery) -> str:
    data: dict[str, Any] = {}
    for name in QUERY_FIELDS:
        value = getattr(query, name)
        data[name] = sorted(value) if name in _COLLECTIONS else value
    return json.dumps(data, sort_keys=True)


def query_from_json(text: str) -> RecordingQuery:
    data = json.loads(text)
    values = {name: data[name] for name in QUERY_FIELDS if name in data}
    for name in _COLLECTIONS & values.keys():
        values[name] = tuple(values[name] or ())
    return RecordingQuery(**values)


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: int
    name: str
    owner: str
    shared: bool
    query: RecordingQuery
    panel: dict[str, Any]  # the filter panel's fields as the GUI saved them ({} when saved elsewhere)
    created_at_ms: int
    opened_at_ms: int | None  # when this reader last opened it (None: never)
    new_matches: int  # recordings stored since then that match (all matches when never opened)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "owner": self.owner,
            "shared": self.shared,
            "new_matches": self.new_matches,
            "opened_at_ms": self.opened_at_ms,
            "filters": json.loads(query_to_json(self.query)),
        }


class SavedSearchUseCases(UseCase):
    """Whoever may search recordings (supervisors and administrators)."""

    def save(
        self, name: str, query: RecordingQuery, *, shared: bool = False, panel: dict[str, Any] | None = None
    ) -> SavedSearch:
        """Save (or replace the caller's own of the same name)."""
        principal = self.require(Permission.RECORDINGS_READ)
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise InvalidUserInput("A saved search needs a name", hint=f"Give it a name of 1 to {MAX_NAME} characters")
        s = saved_searches.c
        at = now_ms()
        values = {"shared": bool(shared), "query": query_to_json(query), "panel": json.dumps(panel or {})}
        with begin_write(self.engine) as conn:
            existing = conn.execute(sa.select(s.id).where(s.owner == principal.username, s.name == name)).scalar()
            if existing is None:
                search_id = conn.execute(
                    sa.insert(saved_searches)
                    .values(owner=principal.username, name=name, created_at_ms=at, **values)
                    .returning(s.id)
                ).scalar_one()
            else:
                search_id = existing
                conn.execute(sa.update(saved_searches).where(s.id == existing).values(**values))
            self._mark_opened(conn, int(search_id), principal.username, at)
            if shared:
                self.audit_in(conn, SAVED_SEARCH_SHARE, str(search_id), name=name)
        return self._one(int(search_id))

    def list(self) -> list[SavedSearch]:
        """The caller's own searches and those shared by others, by name, with their new matches."""
        principal = self.require(Permission.RECORDINGS_READ)
        s, o = saved_searches.c, saved_search_opens.c
        stmt = (
            sa.select(s.id, s.name, s.owner, s.shared, s.query, s.panel, s.created_at_ms, o.opened_at_ms)
            .select_from(
                saved_searches.outerjoin(
                    saved_search_opens, sa.and_(o.search_id == s.id, o.username == principal.username)
                )
            )
            .where(sa.or_(s.owner == principal.username, s.shared.is_(True)))
            .order_by(sa.func.lower(s.name), s.id)
        )
        out: list[SavedSearch] = []
        with self.engine.connect() as conn:
            for row in conn.execute(stmt).all():
                query = query_from_json(row.query)
                counted = dataclasses.replace(
                    query, allowed_teams=narrow_teams(principal, None), synced_after_ms=row.opened_at_ms
                )
                out.append(
                    SavedSearch(
                        id=int(row.id),
                        name=row.name,
                        owner=row.owner,
                        shared=bool(row.shared),
                        query=query,
                        panel=json.loads(row.panel or "{}"),
                        created_at_ms=int(row.created_at_ms),
                        opened_at_ms=row.opened_at_ms,
                        new_matches=count_recordings(conn, counted),
                    )
                )
        return out

    def _one(self, search_id: int) -> SavedSearch:
        found = next((s for s in self.list() if s.id == search_id), None)
        if found is None:
            raise SavedSearchNotFound(f"No saved search {search_id} that you may open")
        return found

    def open(self, search_id: int, *, at_ms: int | None = None) -> SavedSearch:
        """Its filters; from now on only what arrives later counts as new (for this reader)."""
        principal = self.require(Permission.RECORDINGS_READ)
        found = self._one(search_id)
        with begin_write(self.engine) as conn:
            self._mark_opened(conn, search_id, principal.username, now_ms() if at_ms is None else at_ms)
        return found

    def delete(self, search_id: int) -> None:
        """The owner deletes their search; an administrator may delete a shared one too."""
        principal = self.require(Permission.RECORDINGS_READ)
        found = self._one(search_id)
        if found.owner != principal.username and principal.role is not Role.ADMIN:
            self.audit(
                "access.denied", str(search_id), outcome="denied", permission="saved_search.delete", reason="owner"
            )
            raise PermissionDenied(
                f"Only {found.owner} may delete the saved search {found.name!r}", permission="saved_search.delete"
            )
        with begin_write(self.engine) as conn:
            conn.execute(sa.delete(saved_search_opens).where(saved_search_opens.c.search_id == search_id))
            conn.execute(sa.delete(saved_searches).where(saved_searches.c.id == search_id))
            if found.shared or found.owner != principal.username:
                self.audit_in(conn, SAVED_SEARCH_DELETE, str(search_id), name=found.name, owner=found.owner)

    @staticmethod
    def _mark_opened(conn: sa.Connection, search_id: int, username: str, at_ms: int) -> None:
        o = saved_search_opens.c
        done = conn.execute(
            sa.update(saved_search_opens)
            .where(o.search_id == search_id, o.username == username)
            .values(opened_at_ms=at_ms)
        ).rowcount
        if not done:
            conn.execute(
                sa.insert(saved_search_opens).values(search_id=search_id, username=username, opened_at_ms=at_ms)
            )
