"""`qms-desktop notes list|add|edit|delete|search`, as real processes acting as users: notes at a
position, private ones hidden from the team, the author rules and the team scope (exit 2), bad
positions refused, and `recordings search --text` finding a call by a team note's word."""

from __future__ import annotations

import json
from pathlib import Path

from qms_desktop.app import runtime
from qms_desktop.security import audit, list_audit
from qms_desktop.security.roles import Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.acting import add_user, database_in, run_as
from tests.store.factory import make_spec_session


def test_notes_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "root", Role.ADMIN)
    add_user(url, "olga", Role.SUPERVISOR, ["T1"])
    add_user(url, "petro", Role.SUPERVISOR, ["T1"])
    add_user(url, "stepan", Role.SUPERVISOR, ["T2"])
    engine = runtime.open_database(url)
    try:
        with begin_write(engine) as conn:
            upsert_sessions(
                conn,
                [make_spec_session("call-1", team_code="T1"), make_spec_session("call-2", team_code="T2")],
                fetched_at_ms=1,
                now_ms=1,
            )
    finally:
        engine.dispose()

    added = run_as(home, "olga", "notes", "add", "call-1", "--at", "1:15", "--text", "Forgot the disclaimer",
                 "--category", "compliance", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    note = json.loads(added.stdout)
    assert (note["position_ms"], note["author"], note["visibility"]) == (75_000, "olga", "team")
    mark = run_as(home, "olga", "notes", "add", "call-1", "--at", "12.5", "--bookmark", "--private")
    assert mark.returncode == 0, mark.stderr
    assert "00:12  bookmark private  olga" in mark.stdout

    mine = run_as(home, "olga", "notes", "list", "call-1")
    assert mine.returncode == 0, mine.stderr
    lines = mine.stdout.splitlines()
    assert len(lines) == 2 and "00:12" in lines[0]
    assert "01:15  note  olga [compliance]  Forgot the disclaimer" in lines[1]
    theirs = run_as(home, "petro", "notes", "list", "call-1", "--json")
    assert [n["text"] for n in json.loads(theirs.stdout)] == ["Forgot the disclaimer"]  # not olga's private bookmark

    found = run_as(home, "petro", "recordings", "search", "--text", "disclaim", "--json")
    assert found.returncode == 0, found.stderr
    assert [r["session_id"] for r in json.loads(found.stdout)["items"]] == ["call-1"]

    refused = run_as(home, "petro", "notes", "edit", str(note["id"]), "--text", "mine now")
    assert refused.returncode == 2 and "Only the author (olga)" in refused.stderr
    other_team = run_as(home, "stepan", "notes", "add", "call-1", "--at", "3", "--text", "peek")
    assert other_team.returncode == 2 and "does not supervise" in other_team.stderr
    bad = run_as(home, "olga", "notes", "add", "call-1", "--at", "soon", "--text", "x")
    assert bad.returncode == 2 and "not a position" in bad.stderr
    empty = run_as(home, "olga", "notes", "add", "call-1", "--at", "3")
    assert empty.returncode == 2 and "needs some text" in empty.stderr

    edited = run_as(home, "olga", "notes", "edit", str(note["id"]), "--at", "80", "--text", "Disclaimer late")
    assert edited.returncode == 0 and "01:20" in edited.stdout and "Disclaimer late" in edited.stdout
    hits = run_as(home, "root", "notes", "search", "disclaimer", "--json")
    assert [(n["session_id"], n["text"]) for n in json.loads(hits.stdout)] == [("call-1", "Disclaimer late")]
    deleted = run_as(home, "root", "notes", "delete", str(note["id"]))
    assert deleted.returncode == 0, deleted.stderr
    after = run_as(home, "petro", "notes", "list", "call-1")
    assert after.stdout.strip() == "no notes"

    engine = runtime.open_database(url)
    try:
        actions = [r.action for r in reversed(list_audit(engine, action="note."))]
    finally:
        engine.dispose()
    assert actions == [audit.NOTE_ADD, audit.NOTE_ADD, audit.NOTE_EDIT, audit.NOTE_SEARCH, audit.NOTE_DELETE]
