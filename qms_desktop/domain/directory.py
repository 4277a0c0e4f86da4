"""Agents, teams and extensions: what links a MediaSense session (which names devices) to people.

The pure half of the directory (no I/O): `enrich` fills agent, team, direction, ANI and DNIS on
normalized sessions before they are stored; `infer_call` is the rule below. Storing the directory and
re-linking stored recordings live in `store.directory`.

Direction rule (MediaSense does not say who called whom): the participants are ordered by track
number and the first one is taken as the calling side. A device is internal when its device ref
fully matches the dial plan's pattern (extensions), external otherwise.
  * caller external, another party internal  -> inbound;  ANI = caller, DNIS = first internal party
  * caller internal, another party external  -> outbound; ANI = caller, DNIS = first external party
  * every party internal                     -> internal; ANI = caller, DNIS = next party
  * every party external, or a single party  -> direction unknown; ANI = caller, DNIS = next party
Values the source gives (the specification dialect) always win; only missing ones are filled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from qms_desktop.domain.sessions import Direction, Participant, SessionRecord, with_changes

# Dialects whose sessions name agents, teams and directions themselves: never re-linked.
SOURCE_LINKED_DIALECTS = frozenset({"spec"})
CSV_COLUMNS = ("agent_id", "name", "extension", "team")


@dataclass(frozen=True, slots=True)
class Agent:
    agent_id: str
    name: str | None = None
    extension: str | None = None
    team_code: str | None = None


@dataclass(frozen=True, slots=True)
class DirectorySnapshot:
    """An immutable copy of the directory, cheap to pass to the sync engine's worker."""

    agents: dict[str, Agent] = field(default_factory=dict)
    teams: dict[str, str | None] = field(default_factory=dict)  # code -> name
    by_extension: dict[str, Agent] = field(default_factory=dict)

    @classmethod
    def of(cls, agent_list: Iterable[Agent], team_names: dict[str, str | None] | None = None) -> DirectorySnapshot:
        items = list(agent_list)
        return cls(
            agents={a.agent_id: a for a in items},
            teams=dict(team_names or {}),
            by_extension={a.extension: a for a in items if a.extension},
        )


@dataclass(frozen=True, slots=True)
class DialPlan:
    """Which device refs are internal (extensions): a full match of `internal_pattern`."""

    internal_pattern: str = r"^\d{3,5}$"

    def __post_init__(self) -> None:
        re.compile(self.internal_pattern)  # fail at configuration time, not mid-sync

    def is_internal(self, device_ref: str | None) -> bool:
        return bool(device_ref) and re.fullmatch(self.internal_pattern, device_ref or "") is not None


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    teams_created: int = 0
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "teams_created": self.teams_created,
            "errors": [{"line": e.line, "message": e.message} for e in self.errors],
        }


# --- enrichment ----------------------------------------------------------------------------------


def _ordered_participants(record: SessionRecord) -> list[Participant]:
    """Session participants, or the tracks' when the session lists none, ordered by track number."""
    found = list(record.participants)
    if not found:
        for track in record.tracks:
            found.extend(
                p if p.track_number is not None else replace(p, track_number=track.number) for p in track.participants
            )
    big = 1 << 30
    return sorted(found, key=lambda p: big if p.track_number is None else p.track_number)


def infer_call(
    device_refs: Sequence[str | None], dial_plan: DialPlan
) -> tuple[Direction | None, str | None, str | None]:
    """(direction, ani, dnis) from device refs in track order (the first is the caller)."""
    refs = [r for r in dict.fromkeys(device_refs) if r]
    if not refs:
        return None, None, None
    caller, others = refs[0], refs[1:]
    if not others:
        return None, caller, None
    caller_internal = dial_plan.is_internal(caller)
    internal = [r for r in others if dial_plan.is_internal(r)]
    external = [r for r in others if not dial_plan.is_internal(r)]
    if not caller_internal and internal:
        return Direction.INBOUND, caller, internal[0]
    if caller_internal and external:
        return Direction.OUTBOUND, caller, external[0]
    if caller_internal:
        return Direction.INTERNAL, caller, others[0]
    return None, caller, others[0]


def _agent_for(refs: Sequence[str | None], directory: DirectorySnapshot) -> Agent | None:
    return next((directory.by_extension[r] for r in refs if r and r in directory.by_extension), None)


def enrich(
    records: Iterable[SessionRecord], directory: DirectorySnapshot, dial_plan: DialPlan | None = None
) -> list[SessionRecord]:
    """Fill missing agent/team (from the first participant whose device ref is a known extension) and
    missing direction/ANI/DNIS (see the module's rule). Values the source gave are kept."""
    plan = dial_plan or DialPlan()
    out: list[SessionRecord] = []
    for record in records:
        refs = [p.device_ref for p in _ordered_participants(record)]
        changes: dict[str, object] = {}
        if record.agent_id is None:
            agent = _agent_for(refs, directory)
            if agent is not None:
                changes["agent_id"] = agent.agent_id
                if record.agent_name is None:
                    changes["agent_name"] = agent.name
                if record.team_code is None:
                    changes["team_code"] = agent.team_code
        elif record.agent_id in directory.agents:
            known = directory.agents[record.agent_id]
            if record.agent_name is None and known.name:
                changes["agent_name"] = known.name
            if record.team_code is None and known.team_code:
                changes["team_code"] = known.team_code
        if record.direction is None or record.ani is None or record.dnis is None:
            direction, ani, dnis = infer_call(refs, plan)
            if record.direction is None and direction is not None:
                changes["direction"] = direction
            if record.ani is None and ani is not None:
                changes["ani"] = ani
            if record.dnis is None and dnis is not None:
                changes["dnis"] = dnis
        out.append(with_changes(record, **changes) if changes else record)
    return out
