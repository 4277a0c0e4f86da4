"""The agents directory: CSV import, enrichment rules and re-linking stored recordings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qms_desktop.domain.directory import (
    Agent,
    DialPlan,
    DialPlanError,
    DirectorySnapshot,
    ListeningChoice,
    PartyRole,
    enrich,
    infer_call,
    listening_choices,
    ordered_refs,
)
from qms_desktop.domain.sessions import Direction, Participant, Track
from qms_desktop.search import RecordingQuery, count_recordings, get_recording
from qms_desktop.store import begin_write
from qms_desktop.store.directory import import_agents_csv, list_agents, load_directory, relink_recordings
from qms_desktop.store.recordings import upsert_sessions
from tests import pg
from tests.store.factory import make_session, make_spec_session

# The database fixtures of tests/pg.py (this module sits outside tests/store's conftest).
db_url, engine, postgres_url, sqlite_url = pg.db_url, pg.engine, pg.postgres_url, pg.sqlite_url

CSV = """agent_id,name,extension,team
a1,Olena Kovalenko,1001,SALES
a2,Taras Shevchuk,1002,SUPPORT
a3,Ivan Petrenko,,SALES
"""

DIRECTORY = DirectorySnapshot.of(
    [Agent("a1", "Olena Kovalenko", "1001", "SALES"), Agent("a2", "Taras Shevchuk", "1002", "SUPPORT")]
)


def test_import_creates_agents_and_teams(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("\ufeff" + CSV, encoding="utf-8")
    with begin_write(engine) as conn:
        result = import_agents_csv(conn, path.read_text(encoding="utf-8-sig"))
    assert (result.created, result.updated, result.teams_created, result.errors) == (3, 0, 2, ())
    with engine.connect() as conn:
        snapshot = load_directory(conn)
    assert snapshot.by_extension["1001"].name == "Olena Kovalenko"
    assert snapshot.agents["a3"].extension is None
    assert set(snapshot.teams) == {"SALES", "SUPPORT"}


def test_reimport_updates_and_moves_extensions(engine: Engine) -> None:
    with begin_write(engine) as conn:
        import_agents_csv(conn, CSV)
        # a1 and a2 swap desks; a3 is unchanged.
        result = import_agents_csv(
            conn, "agent_id,name,extension,team\na1,Olena Kovalenko,1002,SALES\na2,Taras Shevchuk,1001,SUPPORT\n"
        )
    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)
    with engine.connect() as conn:
        assert {a.agent_id: a.extension for a in list_agents(conn)} == {"a1": "1002", "a2": "1001", "a3": None}


def test_bad_rows_are_reported_with_line_numbers(engine: Engine) -> None:
    text = (
        "name,agent_id,extension,team,notes\n"  # any column order; extra columns are ignored
        "Good One,g1,2001,OPS,x\n"
        ",,2002,OPS,\n"  # line 3: no agent id
        "Dup,g1,2003,OPS,\n"  # line 4: agent twice
        "Clash,g2,2001,OPS,\n"  # line 5: extension taken in this file
        "Space,g3,20 04,OPS,\n"  # line 6: bad extension
        "Fine,g4,,,\n"
    )
    with begin_write(engine) as conn:
        result = import_agents_csv(conn, text)
    assert [e.line for e in result.errors] == [3, 4, 5, 6]
    assert "agent_id is empty" in str(result.errors[0])
    assert "line 2" in result.errors[1].message
    assert result.created == 2
    with begin_write(engine) as conn:
        clash = import_agents_csv(conn, "agent_id,name,extension,team\nz9,Zed,2001,OPS\n")
    assert clash.created == 0 and "belongs to agent g1" in clash.errors[0].message


def test_a_header_without_required_columns_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="extension"), begin_write(engine) as conn:
        import_agents_csv(conn, "agent_id,name,team\na1,A,T\n")


def test_dial_plan() -> None:
    plan = DialPlan()
    assert plan.is_internal("1001") and not plan.is_internal("0501234567") and not plan.is_internal(None)
    assert (plan.agent_track, plan.caller_track) == (0, 1)  # Unified CM: agent's phone 0, far end 1
    assert DialPlan(r"^[12]\d{3}$").is_internal("2999")
    with pytest.raises(DialPlanError, match="not a regular expression"):  # fails when configured
        DialPlan("(")
    with pytest.raises(DialPlanError, match="caller's track must be a track number from 0"):
        DialPlan(caller_track=-1)
    with pytest.raises(DialPlanError, match="agent's track"):
        DialPlan.from_dict({"agent_track": "zero"})
    with pytest.raises(DialPlanError, match="empty"):
        DialPlan("  ")
    assert DialPlan.from_dict({"caller_track": "0", "unknown": 1}) == DialPlan(caller_track=0)
    assert DialPlan.from_dict(plan.to_dict()) == plan


@pytest.mark.parametrize(
    ("refs", "expected"),
    [
        (["0501234567", "1001"], (Direction.INBOUND, "0501234567", "1001")),
        (["1001", "0501234567"], (Direction.OUTBOUND, "1001", "0501234567")),
        (["1001", "1002"], (Direction.INTERNAL, "1001", "1002")),
        (["0501234567", "0679876543"], (None, "0501234567", "0679876543")),
        (["1001"], (None, "1001", None)),
        ([None, "0501234567", "1001"], (Direction.INBOUND, "0501234567", "1001")),
        ([], (None, None, None)),
    ],
)
def test_infer_call(refs: list[str | None], expected: tuple[object, object, object]) -> None:
    assert infer_call(refs, DialPlan()) == expected


def test_enrich_links_agent_and_infers_the_call() -> None:
    inbound = make_session("in", caller="0501234567", callee="1001")
    outbound = make_session("out", caller="1002", callee="0679876543")
    unknown = make_session("unk", caller="0501234567", callee="1999")
    got = {r.session_id: r for r in enrich([inbound, outbound, unknown], DIRECTORY, DialPlan())}
    assert (got["in"].agent_id, got["in"].agent_name, got["in"].team_code) == ("a1", "Olena Kovalenko", "SALES")
    assert (got["in"].direction, got["in"].ani, got["in"].dnis) == (Direction.INBOUND, "0501234567", "1001")
    assert (got["out"].agent_id, got["out"].direction, got["out"].dnis) == ("a2", Direction.OUTBOUND, "0679876543")
    assert got["unk"].agent_id is None and got["unk"].direction is Direction.INBOUND


def test_enrich_reads_the_caller_from_the_callers_track() -> None:
    # Unified CM: track 0 the agent's phone (listed first), track 1 the far end, taken as the caller.
    record = make_session("t", caller="0501234567", callee="1001")
    p_caller, p_agent = record.participants
    tracks_only = replace(
        record,
        participants=(),
        tracks=(
            Track(number=0, participants=(replace(p_agent, track_number=None),)),
            Track(number=1, participants=(replace(p_caller, track_number=None),)),
        ),
    )
    (got,) = enrich([tracks_only], DIRECTORY)
    assert (got.direction, got.ani, got.dnis, got.agent_id) == (Direction.INBOUND, "0501234567", "1001", "a1")
    # A site whose agents dial out says the caller is on the agent's track: the same call is outbound.
    (out,) = enrich([tracks_only], DIRECTORY, DialPlan(caller_track=0))
    assert (out.direction, out.ani, out.dnis, out.agent_id) == (Direction.OUTBOUND, "1001", "0501234567", "a1")
    # The saved plan travels with the directory snapshot (what the sync uses).
    site = replace(DIRECTORY, dial_plan=DialPlan(caller_track=0))
    assert enrich([tracks_only], site)[0].direction is Direction.OUTBOUND


def test_a_conference_keeps_every_participant_and_the_caller_comes_first() -> None:
    start = make_session("x").start
    agent = Participant("1001", track_number=0, start=start)
    far = Participant("0501234567", track_number=1, start=start, is_conference=True)
    third = Participant("0442000001", track_number=1, start=start, is_conference=True)
    record = make_session("conf", participants=(agent, far, third))
    (got,) = enrich([record], DIRECTORY)
    assert (got.direction, got.ani, got.dnis, got.agent_id) == (Direction.INBOUND, "0501234567", "1001", "a1")
    assert ordered_refs([(0, "1001"), (1, "0501234567"), (1, "0442000001"), (None, "x")], 1) == [
        "0501234567",
        "0442000001",
        "1001",
        "x",
    ]


def test_listening_choices_name_the_parties_and_leave_out_video() -> None:
    agent = Participant("1001", track_number=0)
    far = (Participant("0501234567", track_number=1), Participant("0442000001", track_number=1))
    tracks = (
        Track(number=1, participants=far),
        Track(number=0, participants=(agent,)),
        Track(number=2, media_type="VIDEO", participants=(agent,)),
        Track(number=None, codec="PCMU"),
    )
    got = listening_choices(tracks, DialPlan(), whole_call=True, agent_name="Olena Kovalenko")
    assert got == (
        ListeningChoice(None, None),
        ListeningChoice(0, PartyRole.AGENT, ("Olena Kovalenko (1001)",)),
        ListeningChoice(1, PartyRole.CALLER, ("0501234567", "0442000001")),
    )
    # An outbound site: the far end is the called party; without a whole-call medium, only the tracks.
    outbound = listening_choices(tracks, DialPlan(caller_track=0), whole_call=False)
    assert [(c.track, c.role) for c in outbound] == [(0, PartyRole.AGENT), (1, PartyRole.CALLED)]
    # What the source says (the specification's roles) wins over the plan.
    spec = (Track(number=1, participants=(Participant("1001", track_number=1, role="agent"),)),)
    assert listening_choices(spec, DialPlan(), whole_call=True, use_plan=False)[1].role is PartyRole.AGENT
    # Nothing playable by track: the whole call is still offered.
    assert listening_choices((), DialPlan(), whole_call=False) == (ListeningChoice(None, None),)


def test_values_from_the_source_win() -> None:
    spec = make_spec_session(
        "spec", agent_id="x7", agent_name="Given", team_code="GIVEN", direction=Direction.OUTBOUND, ani="1", dnis="2"
    )
    (got,) = enrich([spec], DIRECTORY)
    assert got == spec
    partial = make_session("p", caller="0501234567", callee="1001", agent_id="a2", direction=Direction.INTERNAL)
    (got,) = enrich([partial], DIRECTORY)
    assert (got.agent_id, got.agent_name, got.team_code) == ("a2", "Taras Shevchuk", "SUPPORT")
    assert (got.direction, got.ani, got.dnis) == (Direction.INTERNAL, "0501234567", "1001")


def test_relink_after_the_directory_changes(engine: Engine) -> None:
    records = [
        make_session("c1", caller="0501234567", callee="1001"),
        make_session("c2", caller="1002", callee="0679876543"),
        make_session("c3", caller="0501111111", callee="1003"),
        make_spec_session("sp", agent_id="a9", agent_name="Spec Agent", team_code="SPEC", caller="x", callee="1001"),
    ]
    with begin_write(engine) as conn:
        import_agents_csv(conn, CSV)
        upsert_sessions(conn, enrich(records, load_directory(conn), DialPlan()), fetched_at_ms=1, now_ms=1)
    with engine.connect() as conn:
        assert get_recording(conn, "c1").row.agent_id == "a1"  # type: ignore[union-attr]
        assert get_recording(conn, "c3").row.agent_id is None  # type: ignore[union-attr]

    # 1003 is given to a new agent, 1001 moves from a1 to a3, a2 leaves its desk.
    with begin_write(engine) as conn:
        import_agents_csv(
            conn,
            "agent_id,name,extension,team\na1,Olena Kovalenko,,SALES\na2,Taras Shevchuk,,SUPPORT\n"
            "a3,Ivan Petrenko,1001,SALES\na4,Maria Bondar,1003,SUPPORT\n",
        )
        assert relink_recordings(conn) == 3
        assert relink_recordings(conn) == 0  # nothing left to change
    with engine.connect() as conn:
        rows = {sid: get_recording(conn, sid).row for sid in ("c1", "c2", "c3", "sp")}  # type: ignore[union-attr]
        assert (rows["c1"].agent_id, rows["c1"].agent_name) == ("a3", "Ivan Petrenko")
        assert (rows["c2"].agent_id, rows["c2"].team_code) == (None, None)
        assert (rows["c3"].agent_id, rows["c3"].team_code) == ("a4", "SUPPORT")
        assert rows["sp"].agent_id == "a9"  # the source named it: never re-linked
        # Search documents follow the re-link.
        assert count_recordings(conn, RecordingQuery(text="bondar")) == 1
        assert count_recordings(conn, RecordingQuery(text="olena")) == 0


def test_relink_applies_a_new_dial_plan(engine: Engine) -> None:
    record = make_session("c1", caller="0501234567", callee="77001")
    with begin_write(engine) as conn:
        upsert_sessions(conn, enrich([record], DirectorySnapshot(), DialPlan(r"^\d{4}$")), fetched_at_ms=1, now_ms=1)
    with engine.connect() as conn:
        assert get_recording(conn, "c1").row.direction is None  # type: ignore[union-attr]
    if engine.dialect.name == "sqlite":  # a number index entry gone stale: the re-link rewrites it
        with begin_write(engine) as conn:
            conn.exec_driver_sql("DELETE FROM recording_numbers")
            assert count_recordings(conn, RecordingQuery(ani="1234")) == 0
    with begin_write(engine) as conn:
        assert relink_recordings(conn, DialPlan(r"^\d{4,5}$")) == 1
    with engine.connect() as conn:
        row = get_recording(conn, "c1").row  # type: ignore[union-attr]
        # The number index follows the re-link: any part of the new numbers finds the call.
        assert count_recordings(conn, RecordingQuery(ani="1234")) == 1
        assert count_recordings(conn, RecordingQuery(dnis="700")) == 1
    assert (row.direction, row.ani, row.dnis) == ("inbound", "0501234567", "77001")


def test_participant_dataclass_is_what_enrich_reads() -> None:
    # Guards the assumption that device refs live on Participant.device_ref.
    assert "device_ref" in Participant.__dataclass_fields__


def test_an_unbalanced_quote_is_reported_not_swallowed(engine: Engine) -> None:
    # The next row no longer disappears into the quoted name: the row is refused with its line...
    text = 'agent_id,name,extension,team\na1,"Ann Kovalenko,2001,T1\na2,Bob,2002,T1\na3,Cat",2003,T2\n'
    with begin_write(engine) as conn:
        result = import_agents_csv(conn, text)
    assert list_agents_of(engine) == []
    assert [(e.line, "quote" in e.message) for e in result.errors] == [(2, True)]
    # ...and when the quoting cannot be read at all, the file is refused, naming where it starts.
    text = 'agent_id,name,extension,team\na1,"Ann Kovalenko,2001,T1\na2,Bob,2002,T1\na3,"Cat",2003,T2\n'
    with begin_write(engine) as conn, pytest.raises(ValueError, match=r"lines 2-4: .*quote"):
        import_agents_csv(conn, text)


def test_an_unclosed_quote_at_the_end_refuses_the_file(engine: Engine) -> None:
    with begin_write(engine) as conn, pytest.raises(ValueError, match=r"line 2.*not valid CSV"):
        import_agents_csv(conn, 'agent_id,name,extension,team\na1,"Ann,2001,T1\n')
    assert list_agents_of(engine) == []


def test_control_characters_are_refused_with_the_line(engine: Engine) -> None:
    text = "agent_id,name,extension,team\na1,Ann\x00Kovalenko,2001,T1\na2,Bob\x1b[31m,2002,T1\na3,Cat,2003,T1\n"
    with begin_write(engine) as conn:
        result = import_agents_csv(conn, text)
    assert [a.agent_id for a in list_agents_of(engine)] == ["a3"]
    assert [(e.line, "U+0000" in e.message or "U+001B" in e.message) for e in result.errors] == [(2, True), (3, True)]


def test_a_value_longer_than_csv_allows_refuses_the_file(engine: Engine) -> None:
    text = "agent_id,name,extension,team\na1," + "x" * 200_000 + ",2001,T1\n"
    with begin_write(engine) as conn, pytest.raises(ValueError, match="line 2"):
        import_agents_csv(conn, text)


def list_agents_of(engine: Engine) -> list[Agent]:
    with engine.connect() as conn:
        return list_agents(conn)


def test_rows_stored_before_and_tracks_without_a_number_still_show_and_play(engine: Engine) -> None:
    """A recording synced before (tracks 1 and 2, as the old simulator numbered them) still shows and
    plays each stored track; a track whose number the server left out is stored and read back as
    unknown (never guessed), and is not offered as a party."""
    from qms_desktop.app.recordings import RecordingUseCases
    from qms_desktop.mediasense.media import media_source
    from qms_desktop.playback.sources import as_session_record
    from qms_desktop.security.roles import Principal, Role

    old = make_session("old")
    old = replace(
        old,
        tracks=tuple(
            replace(t, number=t.number + 1, download_url=f"https://ms/raw/{t.number + 1}") for t in old.tracks
        ),
        participants=tuple(replace(p, track_number=(p.track_number or 0) + 1) for p in old.participants),
    )
    unknown = replace(make_session("unk"), tracks=(Track(number=None, codec="PCMA", download_url="https://ms/raw/x"),))
    with begin_write(engine) as conn:
        upsert_sessions(conn, [old, unknown], fetched_at_ms=1, now_ms=1)
    use_cases = RecordingUseCases(engine, Principal("root", Role.ADMIN))
    detail = use_cases.show("old")
    assert [t.number for t in detail.tracks] == [1, 2]
    assert [(c.track, c.role) for c in detail.listening] == [
        (None, None),
        (1, PartyRole.CALLER),
        (2, PartyRole.UNKNOWN),
    ]
    record = as_session_record(detail)
    assert media_source(record, 2).url == "https://ms/raw/2" and media_source(record).kind == "wav"
    shown = use_cases.show("unk")
    assert [t.number for t in shown.tracks] == [None] and shown.tracks[0].codec == "PCMA"
    assert [c.track for c in shown.listening] == [None]  # only the whole call


# --- edits in place, the dial-plan preview, re-linking with progress (app use cases) ----------------


def _stored_calls(engine: Engine) -> None:
    records = [
        make_session("c1", caller="0501234567", callee="1001"),
        make_session("c2", caller="1002", callee="0679876543"),
        make_session("c3", caller="0501111111", callee="1003"),
    ]
    with begin_write(engine) as conn:
        upsert_sessions(conn, enrich(records, DirectorySnapshot(), DialPlan()), fetched_at_ms=1, now_ms=1)


def _agent_of(engine: Engine, session_id: str) -> tuple[str | None, str | None]:
    with engine.connect() as conn:
        row = get_recording(conn, session_id).row  # type: ignore[union-attr]
    return row.agent_id, row.team_code


def test_an_agent_edited_in_place_relinks_and_is_audited(engine: Engine) -> None:
    from qms_desktop.app.directory import DirectoryUseCases
    from qms_desktop.security import audit, list_audit
    from qms_desktop.security.errors import PermissionDenied
    from qms_desktop.security.roles import Principal, Role
    from qms_desktop.store.directory import AgentEditError

    _stored_calls(engine)
    admin = DirectoryUseCases(engine, Principal("admin", Role.ADMIN))
    admin.import_csv(CSV)
    assert _agent_of(engine, "c3") == (None, None)

    change = admin.edit_agent(Agent("a3", " Ivan Petrenko ", "1003", "NIGHTS"))  # a new team is created
    assert (change.changed, change.relinked) == (True, 1)
    assert _agent_of(engine, "c3") == ("a3", "NIGHTS") and "NIGHTS" in admin.teams()
    assert admin.edit_agent(Agent("a3", "Ivan Petrenko", "1003", "NIGHTS")).changed is False
    (row,) = [r for r in list_audit(engine) if r.action == audit.DIRECTORY_AGENT]
    assert row.target == "agent:a3" and row.detail["before"] == {"name": "Ivan Petrenko", "extension": None,
                                                                  "team": "SALES"}  # fmt: skip

    with pytest.raises(AgentEditError, match="belongs to agent a1"):
        admin.edit_agent(Agent("a3", "Ivan Petrenko", "1001", "NIGHTS"))
    with pytest.raises(AgentEditError, match="characters a device ref cannot have"):
        admin.edit_agent(Agent("a3", "Ivan Petrenko", "10 01", "NIGHTS"))
    with pytest.raises(LookupError):
        admin.edit_agent(Agent("nobody", "X", None, None))

    supervisor = DirectoryUseCases(engine, Principal("sup", Role.SUPERVISOR, frozenset({"SALES"})))
    for attempt in (lambda: supervisor.edit_agent(Agent("a1", "X", "1001", "SALES")), supervisor.relink,
                    lambda: supervisor.import_csv(CSV), lambda: supervisor.preview_dial_plan({})):  # fmt: skip
        with pytest.raises(PermissionDenied):
            attempt()
    denied = [r for r in list_audit(engine) if r.action == audit.ACCESS_DENIED and r.actor == "sup"]
    assert len(denied) == 4 and _agent_of(engine, "c1") == ("a1", "SALES")


def test_the_dial_plan_preview_and_a_relink_that_reports_and_stops(engine: Engine) -> None:
    from qms_desktop.app.directory import DirectoryUseCases
    from qms_desktop.security import audit, list_audit
    from qms_desktop.security.roles import Principal, Role

    _stored_calls(engine)
    with begin_write(engine) as conn:
        import_agents_csv(conn, CSV)  # stored without re-linking: the calls have no agent yet
    admin = DirectoryUseCases(engine, Principal("admin", Role.ADMIN))

    calls = {c.session_id: c for c in admin.preview_dial_plan({"caller_track": 0})}
    assert list(calls) == ["c3", "c2", "c1"]  # newest first
    c2 = calls["c2"]
    assert (c2.direction, c2.ani, c2.dnis) == (Direction.INBOUND, "0679876543", "1002")  # stored: outbound
    assert c2.agent is not None and c2.agent.agent_id == "a2" and c2.changes
    assert calls["c3"].agent is None and calls["c3"].parties == ("1003", "0501111111")

    class Stop(Exception):
        pass

    def stop(step: str, done: int, total: int) -> None:
        if step == "documents":
            raise Stop

    with pytest.raises(Stop):
        admin.relink(stop)
    assert _agent_of(engine, "c1") == (None, None)  # rolled back
    assert not [r for r in list_audit(engine) if r.action == audit.DIRECTORY_RELINK]

    heard: list[tuple[str, int, int]] = []
    assert admin.relink(lambda *told: heard.append(told)) == 2
    assert _agent_of(engine, "c1") == ("a1", "SALES") and _agent_of(engine, "c2") == ("a2", "SUPPORT")
    assert heard[0] == ("agents", 0, 2) and ("calls", 3, 3) in heard and heard[-1] == ("documents", 2, 2)
    (row,) = [r for r in list_audit(engine) if r.action == audit.DIRECTORY_RELINK]
    assert row.detail["relinked"] == 2
    assert not any(c.changes for c in admin.preview_dial_plan({}))  # stored values are the saved plan's
