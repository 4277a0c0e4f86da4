"""The agents directory in the database, and re-linking stored recordings when it changes.

The pure rules (who is the agent, which way the call went) are `domain.directory`; this module
stores agents and teams and applies those rules to recordings already stored, keeping their
full-text documents in step in the same transaction.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.domain.directory import (
    CSV_COLUMNS,
    SOURCE_LINKED_DIALECTS,
    Agent,
    CallPreview,
    DialPlan,
    DialPlanError,
    DirectorySnapshot,
    ImportResult,
    RowError,
    classify_call,
    infer_call,
    ordered_refs,
)
from qms_desktop.domain.time import now_ms
from qms_desktop.store import search_queue
from qms_desktop.store.fulltext import backend_for
from qms_desktop.store.recordings import refresh_content_hashes
from qms_desktop.store.schema import agents, recording_participants, recordings, teams
from qms_desktop.store.settings import get_settings, put_settings

_EXTENSION = re.compile(r"^[0-9A-Za-z+*#._-]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # NUL and friends truncate or garble names downstream
_RELINK_BATCH = 1000
DIAL_PLAN_SECTION = "directory.dial_plan"  # integration_settings: the site's numbering
# Told how far a re-link is: (step, done, total), step one of RELINK_STEPS. It may raise to stop the
# re-link (the caller's transaction then rolls back and nothing is changed).
RelinkProgress = Callable[[str, int, int], None]
RELINK_STEPS = ("agents", "calls", "documents")


class AgentEditError(ValueError):
    """An edit of one agent that cannot be stored; the message says why."""


def _parse_agents(text: str) -> tuple[dict[str, Agent], dict[str, int], list[RowError]]:
    """The file's agents by id, the line each came from, and the rows refused (in linear time)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    parsed: dict[str, Agent] = {}
    lines: dict[str, int] = {}
    by_extension: dict[str, str] = {}
    errors: list[RowError] = []
    header: list[str] | None = None
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if header is None:
                header = [h.strip().lower() for h in row]
                missing = [c for c in CSV_COLUMNS if c not in header]
                if missing:
                    raise ValueError(
                        f"the CSV header must contain {','.join(CSV_COLUMNS)}; missing: {', '.join(missing)}"
                    )
                index = {name: header.index(name) for name in CSV_COLUMNS}
                continue
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            if end != start:
                errors.append(RowError(start, f"a value runs over lines {start}-{end}: a quote is probably missing"))
                continue
            if len(row) > len(header):
                errors.append(RowError(start, "more values than header columns"))
                continue
            values = {k: (row[i] if i < len(row) else "").strip() for k, i in index.items()}
            bad = next((ch for value in values.values() for ch in value if _CONTROL.match(ch)), None)
            if bad is not None:
                errors.append(RowError(start, f"a value contains the control character U+{ord(bad):04X}"))
                continue
            agent_id, extension = values["agent_id"], values["extension"] or None
            if not agent_id:
                errors.append(RowError(start, "agent_id is empty"))
            elif agent_id in parsed:
                errors.append(RowError(start, f"agent {agent_id} already appears on line {lines[agent_id]}"))
            elif extension is not None and not _EXTENSION.match(extension):
                errors.append(RowError(start, f"extension {extension!r} has characters a device ref cannot have"))
            elif extension is not None and extension in by_extension:
                taken = by_extension[extension]
                errors.append(
                    RowError(start, f"extension {extension} is already given to {taken} on line {lines[taken]}")
                )
            else:
                parsed[agent_id] = Agent(agent_id, values["name"] or None, extension, values["team"] or None)
                lines[agent_id] = start
                if extension is not None:
                    by_extension[extension] = agent_id
    except csv.Error as error:
        where = f"line {end + 1}" if reader.line_num <= end + 1 else f"lines {end + 1}-{reader.line_num}"
        raise ValueError(f"{where}: the file is not valid CSV ({error}); is a quote missing?") from error
    if header is None:
        raise ValueError(f"the file is empty: the first line must be the header {','.join(CSV_COLUMNS)}")
    return parsed, lines, errors


def load_directory(conn: Connection) -> DirectorySnapshot:
    """Agents, teams and the site's saved dial plan (what the sync enriches sessions with)."""
    agent_rows = conn.execute(sa.select(agents.c.agent_id, agents.c.name, agents.c.extension, agents.c.team_code))
    team_rows = conn.execute(sa.select(teams.c.code, teams.c.name))
    return DirectorySnapshot.of(
        (Agent(*row) for row in agent_rows), {code: name for code, name in team_rows}, load_dial_plan(conn)
    )


def load_dial_plan(conn: Connection) -> DialPlan:
    """The site's saved dial plan, or the default (Unified CM: agent on track 0, caller on track 1).
    Raises DialPlanError, saying how to fix it, when the saved values cannot be used."""
    saved = get_settings(conn, DIAL_PLAN_SECTION)
    try:
        return DialPlan.from_dict(saved)
    except (DialPlanError, TypeError) as error:
        raise DialPlanError(
            f"The saved dial plan is not usable: {error}. An administrator sets it again with "
            "`qms-desktop directory dial-plan set` or in the Directory tab."
        ) from None


def save_dial_plan(conn: Connection, plan: DialPlan, updated_by: str | None) -> None:
    put_settings(conn, DIAL_PLAN_SECTION, plan.to_dict(), updated_by)


def list_agents(conn: Connection, teams_only: Collection[str] | None = None) -> list[Agent]:
    """Agents by id; with `teams_only`, only the agents of those teams."""
    stmt = sa.select(agents.c.agent_id, agents.c.name, agents.c.extension, agents.c.team_code)
    if teams_only is not None:
        stmt = stmt.where(agents.c.team_code.in_(sorted(teams_only)))
    return [Agent(*row) for row in conn.execute(stmt.order_by(agents.c.agent_id))]


def list_teams(conn: Connection, only: Collection[str] | None = None) -> dict[str, str | None]:
    """Team code -> name, by code; with `only`, just those teams."""
    stmt = sa.select(teams.c.code, teams.c.name)
    if only is not None:
        stmt = stmt.where(teams.c.code.in_(sorted(only)))
    return {code: name for code, name in conn.execute(stmt.order_by(teams.c.code))}


def import_agents_csv(conn: Connection, text: str) -> ImportResult:
    """Upsert agents from CSV with the header agent_id,name,extension,team (any order, extra columns
    ignored). Bad rows are reported by line number and skipped; the good rows are imported. Teams
    are created as needed. Runs in the caller's transaction; ValueError (nothing written) when the
    file itself cannot be read as CSV (the header, an unclosed quote, a value too long)."""
    current = {a.agent_id: a for a in list_agents(conn)}
    parsed, lines, errors = _parse_agents(text)
    # An extension held by an agent the file does not mention cannot move silently.
    owner_of = {a.extension: a.agent_id for a in current.values() if a.extension}
    for agent in list(parsed.values()):
        holder = owner_of.get(agent.extension or "")
        if holder is not None and holder != agent.agent_id and holder not in parsed:
            errors.append(RowError(lines[agent.agent_id], f"extension {agent.extension} belongs to agent {holder}"))
            del parsed[agent.agent_id]

    known_teams = set(conn.execute(sa.select(teams.c.code)).scalars())
    new_teams = sorted({a.team_code for a in parsed.values() if a.team_code and a.team_code not in known_teams})
    if new_teams:
        conn.execute(teams.insert(), [{"code": code, "name": code} for code in new_teams])

    changed = [a for a in parsed.values() if current.get(a.agent_id) != a]
    if changed:
        # Extensions that move between agents in this file: free them first (the column is unique).
        ids = [a.agent_id for a in changed]
        for start in range(0, len(ids), _RELINK_BATCH):
            chunk = ids[start : start + _RELINK_BATCH]
            conn.execute(agents.update().where(agents.c.agent_id.in_(chunk)).values(extension=None))
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(agents)
        stmt = stmt.on_conflict_do_update(
            index_elements=[agents.c.agent_id],
            set_={c: stmt.excluded[c] for c in ("name", "extension", "team_code")},
        )
        conn.execute(
            stmt,
            [
                {"agent_id": a.agent_id, "name": a.name, "extension": a.extension, "team_code": a.team_code}
                for a in changed
            ],
        )
    created = sum(1 for a in changed if a.agent_id not in current)
    return ImportResult(
        created=created,
        updated=len(changed) - created,
        unchanged=len(parsed) - len(changed),
        teams_created=len(new_teams),
        errors=tuple(sorted(errors, key=lambda e: e.line)),
    )


def update_agent(conn: Connection, agent: Agent) -> bool:
    """Change one known agent's name, extension and team (a new team is created). Returns whether
    anything changed. Raises LookupError for an unknown agent and AgentEditError for an extension
    that is malformed or held by another agent, or a value with control characters. Runs in the
    caller's transaction."""
    current = next((a for a in list_agents(conn) if a.agent_id == agent.agent_id), None)
    if current is None:
        raise LookupError(f"there is no agent {agent.agent_id!r}")
    values = [v for v in (agent.name, agent.extension, agent.team_code) if v]
    bad = next((ch for value in values for ch in value if _CONTROL.match(ch)), None)
    if bad is not None:
        raise AgentEditError(f"a value contains the control character U+{ord(bad):04X}")
    if agent.extension is not None and not _EXTENSION.match(agent.extension):
        raise AgentEditError(f"extension {agent.extension!r} has characters a device ref cannot have")
    if agent.extension is not None:
        holder = conn.execute(
            sa.select(agents.c.agent_id).where(
                agents.c.extension == agent.extension, agents.c.agent_id != agent.agent_id
            )
        ).scalar()
        if holder is not None:
            raise AgentEditError(f"extension {agent.extension} belongs to agent {holder}")
    if current == agent:
        return False
    if agent.team_code and conn.execute(sa.select(teams.c.code).where(teams.c.code == agent.team_code)).first() is None:
        conn.execute(teams.insert().values(code=agent.team_code, name=agent.team_code))
    conn.execute(
        agents.update()
        .where(agents.c.agent_id == agent.agent_id)
        .values(name=agent.name, extension=agent.extension, team_code=agent.team_code)
    )
    return True


def sample_calls(conn: Connection, plan: DialPlan, limit: int = 20) -> list[CallPreview]:
    """How `plan` classifies the last `limit` stored recordings (by start, newest first) that the
    directory links: direction, agent, ANI and DNIS under `plan`, beside what is stored now."""
    r, p = recordings, recording_participants
    rows = conn.execute(
        sa.select(r.c.id, r.c.session_id, r.c.start_ms, r.c.direction, r.c.agent_id, r.c.ani, r.c.dnis)
        .where(sa.or_(r.c.dialect.is_(None), r.c.dialect.not_in(SOURCE_LINKED_DIALECTS)))
        .order_by(r.c.start_ms.desc(), r.c.id.desc())
        .limit(limit)
    ).all()
    parties: dict[int, list[tuple[int | None, str | None]]] = {row.id: [] for row in rows}
    if parties:
        for rid, number, ref in conn.execute(
            sa.select(p.c.recording_id, p.c.track_number, p.c.device_ref)
            .where(p.c.recording_id.in_(list(parties)))
            .order_by(p.c.recording_id, p.c.id)
        ):
            parties[rid].append((number, ref))
    by_extension = {a.extension: a for a in list_agents(conn) if a.extension}
    return [
        classify_call(
            row.session_id,
            row.start_ms,
            parties[row.id],
            plan,
            by_extension,
            stored=(row.direction, row.agent_id, row.ani, row.dnis),
        )
        for row in rows
    ]


def count_relinkable(conn: Connection) -> int:
    """Stored recordings the directory links (the dialects that do not name agents themselves)."""
    r = recordings
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(r)
            .where(sa.or_(r.c.dialect.is_(None), r.c.dialect.not_in(SOURCE_LINKED_DIALECTS)))
        ).scalar_one()
    )


# --- re-linking stored recordings ----------------------------------------------------------------


def relink_recordings(
    conn: Connection, dial_plan: DialPlan | None = None, progress: RelinkProgress | None = None
) -> int:
    """Re-apply the directory to stored recordings of dialects that do not name agents themselves:
    agent_id/agent_name/team_code from the participants' device refs, the agent's track first (one
    set-based query finds the rows that change), and with `dial_plan` also direction/ANI/DNIS. Search
    documents of changed rows are rebuilt. Returns how many recordings changed. Runs in the caller's
    transaction; `progress` hears of each batch of each step (and may raise to stop it)."""
    tell: RelinkProgress = progress or (lambda _step, _done, _total: None)
    p, r, a = recording_participants, recordings, agents
    agent_track = (dial_plan or load_dial_plan(conn)).agent_track
    rank = (
        sa.func.row_number()
        .over(
            partition_by=p.c.recording_id,
            order_by=(
                sa.case((p.c.track_number == agent_track, 0), else_=1),
                sa.func.coalesce(p.c.track_number, 1 << 30),
                p.c.id,
            ),
        )
        .label("rank")
    )
    linked = (
        sa.select(p.c.recording_id, a.c.agent_id, a.c.name, a.c.team_code, rank)
        .join(a, a.c.extension == p.c.device_ref)
        .subquery()
    )
    best = sa.select(linked).where(linked.c.rank == 1).subquery()
    changed_stmt = (
        sa.select(r.c.id, best.c.agent_id, best.c.name, best.c.team_code)
        .select_from(r.outerjoin(best, best.c.recording_id == r.c.id))
        .where(
            sa.or_(r.c.dialect.is_(None), r.c.dialect.not_in(SOURCE_LINKED_DIALECTS)),
            sa.or_(
                r.c.agent_id.is_distinct_from(best.c.agent_id),
                r.c.agent_name.is_distinct_from(best.c.name),
                r.c.team_code.is_distinct_from(best.c.team_code),
            ),
        )
    )
    changes = [
        {"rid": rid, "agent_id": agent_id, "agent_name": name, "team_code": team}
        for rid, agent_id, name, team in conn.execute(changed_stmt)
    ]
    update = (
        r.update()
        .where(r.c.id == sa.bindparam("rid"))
        .values(
            agent_id=sa.bindparam("agent_id"),
            agent_name=sa.bindparam("agent_name"),
            team_code=sa.bindparam("team_code"),
        )
    )
    tell("agents", 0, len(changes))
    for start in range(0, len(changes), _RELINK_BATCH):
        conn.execute(update, changes[start : start + _RELINK_BATCH])
        tell("agents", min(start + _RELINK_BATCH, len(changes)), len(changes))
    changed_ids = {c["rid"] for c in changes}
    if dial_plan is not None:
        changed_ids |= _relink_calls(conn, dial_plan, tell)
    if changed_ids:
        ids = sorted(changed_ids)
        fulltext = backend_for(conn)
        tell("documents", 0, len(ids))
        for start in range(0, len(ids), _RELINK_BATCH):
            chunk = ids[start : start + _RELINK_BATCH]
            fulltext.index(conn, chunk)
            refresh_content_hashes(conn, chunk)
            tell("documents", start + len(chunk), len(ids))
        if search_queue.queue_enabled(conn):  # the team deployment's OpenSearch documents follow too
            for start in range(0, len(ids), _RELINK_BATCH):
                chunk = ids[start : start + _RELINK_BATCH]
                session_ids = conn.execute(sa.select(r.c.session_id).where(r.c.id.in_(chunk))).scalars()
                search_queue.enqueue(conn, list(session_ids), now_ms())
    return len(changed_ids)


def _relink_calls(conn: Connection, dial_plan: DialPlan, tell: RelinkProgress) -> set[int]:
    """Recompute direction/ANI/DNIS from the stored participants, in id batches (keyset)."""
    r, p = recordings, recording_participants
    changed: set[int] = set()
    last_id = 0
    total, done = count_relinkable(conn), 0
    tell("calls", 0, total)
    while True:
        rows = conn.execute(
            sa.select(r.c.id, r.c.direction, r.c.ani, r.c.dnis)
            .where(r.c.id > last_id, sa.or_(r.c.dialect.is_(None), r.c.dialect.not_in(SOURCE_LINKED_DIALECTS)))
            .order_by(r.c.id)
            .limit(_RELINK_BATCH)
        ).all()
        if not rows:
            return changed
        last_id = rows[-1].id
        parties: dict[int, list[tuple[int | None, str | None]]] = {row.id: [] for row in rows}
        for rid, number, ref in conn.execute(
            sa.select(p.c.recording_id, p.c.track_number, p.c.device_ref)
            .where(p.c.recording_id.in_(list(parties)))
            .order_by(p.c.recording_id, p.c.id)
        ):
            parties[rid].append((number, ref))
        updates = []
        for row in rows:
            direction, ani, dnis = infer_call(ordered_refs(parties[row.id], dial_plan.caller_track), dial_plan)
            new = (direction.value if direction else None, ani, dnis)
            if new != (row.direction, row.ani, row.dnis):
                updates.append({"rid": row.id, "direction": new[0], "ani": ani, "dnis": dnis})
        if updates:
            conn.execute(
                r.update()
                .where(r.c.id == sa.bindparam("rid"))
                .values(direction=sa.bindparam("direction"), ani=sa.bindparam("ani"), dnis=sa.bindparam("dnis")),
                updates,
            )
            changed.update(u["rid"] for u in updates)
        done += len(rows)
        tell("calls", min(done, total), total)
