"""Agents, teams and extensions: what links a MediaSense session (which names devices) to people.

The pure half of the directory (no I/O): `enrich` fills agent, team, direction, ANI and DNIS on
normalized sessions before they are stored; `infer_call` is the rule below. Storing the directory and
re-linking stored recordings live in `store.directory`.

Tracks are numbered as MediaSense numbers them. With Unified CM track 0 is the recorded (agent's)
phone and track 1 the far end (Cisco MediaSense 9.0 Developer Guide p38, real 8.5 payloads); CUBE
numbers them otherwise, so both tracks are a per-site setting (`DialPlan.agent_track`,
`DialPlan.caller_track`, stored by an administrator). MediaSense does not say who called whom: the
caller is the first participant on the caller's track (then the others by track number). A device is
internal when its device ref fully matches the dial plan's pattern (extensions), external otherwise.
  * caller external, another party internal  -> inbound;  ANI = caller, DNIS = first internal party
  * caller internal, another party external  -> outbound; ANI = caller, DNIS = first external party
  * every party internal                     -> internal; ANI = caller, DNIS = next party
  * every party external, or a single party  -> direction unknown; ANI = caller, DNIS = next party
The default (caller on track 1, the far end) suits an inbound contact centre on Unified CM; a site
that mostly dials out sets the caller's track to the agent's (0). Values the source gives (the
specification dialect) always win; only missing ones are filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from qms_desktop.domain.sessions import Direction, SessionRecord, Track, with_changes

# Dialects whose sessions name agents, teams and directions themselves: never re-linked.
SOURCE_LINKED_DIALECTS = frozenset({"spec"})
CSV_COLUMNS = ("agent_id", "name", "extension", "team")


@dataclass(frozen=True, slots=True)
class Agent:
    agent_id: str
    name: str | None = None
    extension: str | None = None
    team_code: str | None = None


class DialPlanError(ValueError):
    """A dial plan that cannot be used; the message says which value and what to give instead."""


DEFAULT_INTERNAL_PATTERN = r"^\d{3,5}$"
MAX_TRACK = 15  # MediaSense records two tracks (0, 1); a little room for other call controllers


@lru_cache(maxsize=16)
def _full_match(pattern: str) -> Callable[[str], re.Match[str] | None]:
    # The sync asks once or twice per party of every session: skip re's own cache lookup and flags.
    return re.compile(pattern).fullmatch


@dataclass(frozen=True, slots=True)
class DialPlan:
    """A site's numbering: which device refs are internal (a full match of `internal_pattern`), which
    track holds the recorded agent's phone and which the calling side."""

    internal_pattern: str = DEFAULT_INTERNAL_PATTERN
    agent_track: int = 0  # Unified CM: track 0 is the recorded phone
    caller_track: int = 1  # the calling side; 1 = the far end (inbound calls on Unified CM)

    def __post_init__(self) -> None:  # fail at configuration time, not mid-sync
        if not isinstance(self.internal_pattern, str) or not self.internal_pattern.strip():
            raise DialPlanError("The internal-number pattern is empty: give a regular expression such as ^\\d{3,5}$")
        try:
            re.compile(self.internal_pattern)
        except re.error as error:
            raise DialPlanError(
                f"The internal-number pattern {self.internal_pattern!r} is not a regular expression ({error}); "
                "give one such as ^\\d{3,5}$ for 3 to 5 digit extensions"
            ) from None
        for name in ("agent_track", "caller_track"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TRACK:
                words = "agent's track" if name == "agent_track" else "caller's track"
                raise DialPlanError(
                    f"The {words} must be a track number from 0 to {MAX_TRACK} (MediaSense numbers tracks from 0; "
                    f"with Unified CM 0 is the agent's phone, 1 the far end), not {value!r}"
                )

    def is_internal(self, device_ref: str | None) -> bool:
        return bool(device_ref) and _full_match(self.internal_pattern)(device_ref or "") is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "internal_pattern": self.internal_pattern,
            "agent_track": self.agent_track,
            "caller_track": self.caller_track,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> DialPlan:
        """From stored or typed values; missing ones keep their default, unknown keys are ignored.
        Raises DialPlanError for a value that cannot be used."""
        known = {k: values[k] for k in cls.__dataclass_fields__ if k in values and values[k] is not None}
        for name in ("agent_track", "caller_track"):
            if isinstance(known.get(name), str) and known[name].strip().isdigit():
                known[name] = int(known[name])
        return cls(**known)


@dataclass(frozen=True, slots=True)
class DirectorySnapshot:
    """An immutable copy of the directory, cheap to pass to the sync engine's worker."""

    agents: dict[str, Agent] = field(default_factory=dict)
    teams: dict[str, str | None] = field(default_factory=dict)  # code -> name
    by_extension: dict[str, Agent] = field(default_factory=dict)
    dial_plan: DialPlan = field(default_factory=DialPlan)

    @classmethod
    def of(
        cls,
        agent_list: Iterable[Agent],
        team_names: dict[str, str | None] | None = None,
        dial_plan: DialPlan | None = None,
    ) -> DirectorySnapshot:
        items = list(agent_list)
        return cls(
            agents={a.agent_id: a for a in items},
            teams=dict(team_names or {}),
            by_extension={a.extension: a for a in items if a.extension},
            dial_plan=dial_plan or DialPlan(),
        )


class PartyRole(StrEnum):
    """Who a track is, as far as the site's dial plan and the participants tell."""

    AGENT = "agent"  # the recorded phone
    CALLER = "caller"  # the calling side (the far end on an inbound call)
    CALLED = "called"  # the far end when the agent is the caller
    UNKNOWN = "unknown"  # a track the plan says nothing about


def party_role(track_number: int | None, roles: Iterable[str | None], plan: DialPlan) -> PartyRole:
    """The role of a track: what its participants say (the specification's agent/customer) wins,
    then the dial plan's tracks."""
    said = {r.lower() for r in roles if r}
    if "agent" in said:
        return PartyRole.AGENT
    if "customer" in said:
        return PartyRole.CALLER if plan.caller_track != plan.agent_track else PartyRole.CALLED
    if track_number is None:
        return PartyRole.UNKNOWN
    if track_number == plan.agent_track:
        return PartyRole.AGENT
    if track_number == plan.caller_track:
        return PartyRole.CALLER
    if plan.caller_track == plan.agent_track:
        return PartyRole.CALLED
    return PartyRole.UNKNOWN


@dataclass(frozen=True, slots=True)
class ListeningChoice:
    """One entry of a player's "listen to" list: the whole call (track None) or one audio track."""

    track: int | None
    role: PartyRole | None  # None for the whole call
    who: tuple[str, ...] = ()  # the track's participants: name or number, in order


def listening_choices(
    tracks: Sequence[Track],
    plan: DialPlan,
    *,
    whole_call: bool,
    agent_name: str | None = None,
    use_plan: bool = True,
) -> tuple[ListeningChoice, ...]:
    """The whole call (when the recording has a both-parties medium, or nothing else to offer) then
    every audio track with a number, labelled by role (`use_plan` False: only by what the
    participants say). VIDEO tracks and tracks without a number are never offered as audio."""
    parties: list[ListeningChoice] = []
    for track in sorted(tracks, key=lambda t: (t.number is None, t.number or 0)):
        if track.number is None or track.is_video or any(c.track == track.number for c in parties):
            continue
        roles = [p.role for p in track.participants]
        role = party_role(track.number, roles, plan) if use_plan else party_role(None, roles, plan)
        who: list[str] = []
        for p in track.participants:
            name = p.name or (agent_name if role is PartyRole.AGENT and len(track.participants) == 1 else None)
            label = " ".join(x for x in (name, f"({p.device_ref})" if name and p.device_ref else p.device_ref) if x)
            if label and label not in who:
                who.append(label)
        parties.append(ListeningChoice(track.number, role, tuple(who)))
    whole = [ListeningChoice(None, None)] if whole_call or not parties else []
    return (*whole, *parties)


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


def ordered_refs(parties: Iterable[tuple[int | None, str | None]], first_track: int) -> list[str | None]:
    """Device refs of (track number, device ref) pairs: `first_track`'s first, then by track number,
    tracks without a number last; the order within a track is kept (a conference keeps them all)."""
    parties = list(parties)
    big = 1 << 30
    if len(parties) == 2:  # the usual call: the same order as the sort below, without building a sort
        (t0, r0), (t1, r1) = parties
        k0 = (t0 != first_track, big if t0 is None else t0, 0)
        k1 = (t1 != first_track, big if t1 is None else t1, 1)
        return [r0, r1] if k0 < k1 else [r1, r0]
    indexed = list(enumerate(parties))
    indexed.sort(key=lambda item: (item[1][0] != first_track, big if item[1][0] is None else item[1][0], item[0]))
    return [ref for _, (_, ref) in indexed]


def _parties(record: SessionRecord) -> list[tuple[int | None, str | None]]:
    """(track number, device ref) of the session's participants, or the tracks' when it lists none."""
    found = list(record.participants)
    if not found:
        for track in record.tracks:
            found.extend(
                p if p.track_number is not None else replace(p, track_number=track.number) for p in track.participants
            )
    return [(p.track_number, p.device_ref) for p in found]


def infer_call(
    device_refs: Sequence[str | None], dial_plan: DialPlan
) -> tuple[Direction | None, str | None, str | None]:
    """(direction, ani, dnis) from device refs, the caller first (see `ordered_refs`)."""
    refs = [r for r in dict.fromkeys(device_refs) if r]
    if not refs:
        return None, None, None
    caller, others = refs[0], refs[1:]
    if not others:
        return None, caller, None
    is_internal = _full_match(dial_plan.internal_pattern)
    caller_internal = is_internal(caller) is not None
    inside = [is_internal(r) is not None for r in others]
    internal = [r for r, i in zip(others, inside, strict=True) if i]
    external = [r for r, i in zip(others, inside, strict=True) if not i]
    if not caller_internal and internal:
        return Direction.INBOUND, caller, internal[0]
    if caller_internal and external:
        return Direction.OUTBOUND, caller, external[0]
    if caller_internal:
        return Direction.INTERNAL, caller, others[0]
    return None, caller, others[0]


def link_call(
    parties: Sequence[tuple[int | None, str | None]], plan: DialPlan, by_extension: Mapping[str, Agent]
) -> tuple[Agent | None, Direction | None, str | None, str | None]:
    """What the dial plan and the directory's extensions make of a call's (track number, device ref)
    parties: its agent (the first party whose device ref is a known extension, the agent's track
    first) and its direction, ANI and DNIS, from the caller's track first (see the module's rule)."""
    refs = ordered_refs(parties, plan.caller_track)
    agent_refs = refs if plan.agent_track == plan.caller_track else ordered_refs(parties, plan.agent_track)
    agent = next((by_extension[r] for r in agent_refs if r and r in by_extension), None)
    direction, ani, dnis = infer_call(refs, plan)
    return agent, direction, ani, dnis


def enrich(
    records: Iterable[SessionRecord], directory: DirectorySnapshot, dial_plan: DialPlan | None = None
) -> list[SessionRecord]:
    """Fill missing agent/team and missing direction/ANI/DNIS (`link_call`) with `dial_plan`, by
    default the site's saved one (`directory.dial_plan`). Values the source gave are kept."""
    plan = dial_plan or directory.dial_plan
    out: list[SessionRecord] = []
    for record in records:
        agent, direction, ani, dnis = link_call(_parties(record), plan, directory.by_extension)
        changes: dict[str, object] = {}
        if record.agent_id is None:
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
        if record.direction is None and direction is not None:
            changes["direction"] = direction
        if record.ani is None and ani is not None:
            changes["ani"] = ani
        if record.dnis is None and dnis is not None:
            changes["dnis"] = dnis
        out.append(with_changes(record, **changes) if changes else record)
    return out


@dataclass(frozen=True, slots=True)
class CallPreview:
    """One stored call as a dial plan would classify it, beside what is stored now."""

    session_id: str
    start_ms: int
    parties: tuple[str, ...]  # device refs, the caller's track first
    direction: Direction | None
    agent: Agent | None
    ani: str | None
    dnis: str | None
    stored_direction: str | None = None
    stored_agent_id: str | None = None
    stored_ani: str | None = None
    stored_dnis: str | None = None

    @property
    def changes(self) -> bool:
        """Whether saving the plan would change this recording's direction, agent, ANI or DNIS."""
        direction = self.direction.value if self.direction is not None else None
        agent_id = self.agent.agent_id if self.agent is not None else None
        return (direction, agent_id, self.ani, self.dnis) != (
            self.stored_direction, self.stored_agent_id, self.stored_ani, self.stored_dnis,
        )  # fmt: skip


def classify_call(
    session_id: str,
    start_ms: int,
    parties: Sequence[tuple[int | None, str | None]],
    plan: DialPlan,
    by_extension: Mapping[str, Agent],
    *,
    stored: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None),
) -> CallPreview:
    """What `plan` makes of a call's (track number, device ref) pairs (`link_call`, as `enrich` and
    the re-link do)."""
    agent, direction, ani, dnis = link_call(parties, plan, by_extension)
    refs = ordered_refs(parties, plan.caller_track)
    return CallPreview(
        session_id, start_ms, tuple(r for r in dict.fromkeys(refs) if r), direction, agent, ani, dnis, *stored
    )
