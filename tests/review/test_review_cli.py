"""`qms-desktop queue ...` and `searches ...` in real processes, acting as users."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from qms_desktop.app import runtime
from qms_desktop.security.roles import Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.acting import add_user, database_in, run_as
from tests.store.factory import BASE, make_spec_session


def test_queue_and_saved_searches_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "root", Role.ADMIN)
    add_user(url, "sup", Role.SUPERVISOR, ["SALES"])
    add_user(url, "ian", Role.IT)
    engine = runtime.open_database(url)
    records = [
        make_spec_session(f"c{i:02d}", start=BASE + timedelta(minutes=i), agent_id=f"a{i % 2}",
                          team_code="SALES" if i % 3 else "SUPPORT")
        for i in range(12)
    ]  # fmt: skip
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=1, now_ms=1)
    engine.dispose()

    empty = run_as(home, "sup", "queue", "show")
    assert empty.returncode == 0 and "No review playlist" in empty.stdout

    reversed_ = run_as(home, "sup", "queue", "make", "--from", "2026-02-01", "--to", "2026-01-01")
    assert reversed_.returncode == 2 and "swap them" in reversed_.stderr  # the search's own filters and checks
    made = run_as(home, "sup", "queue", "make", "--sample", "2", "--seed", "42", "--json")
    assert made.returncode == 0, made.stderr
    data = json.loads(made.stdout)
    assert data["seed"] == 42 and len(data["items"]) == 4
    assert all(item["team_code"] == "SALES" for item in data["items"])
    again = json.loads(run_as(home, "sup", "queue", "make", "--sample", "2", "--seed", "42", "--json").stdout)
    assert [i["session_id"] for i in again["items"]] == [i["session_id"] for i in data["items"]]

    moved = run_as(home, "sup", "queue", "next")
    assert moved.returncode == 0 and ">    2" in moved.stdout
    shown = run_as(home, "sup", "queue", "show", "--json")
    assert json.loads(shown.stdout)["current"] == 1

    refused = run_as(home, "ian", "queue", "show")
    assert refused.returncode == 2 and "may not" in refused.stderr

    saved = run_as(home, "sup", "searches", "save", "Agent a1", "--agent", "a1", "--shared", "--json")
    assert saved.returncode == 0, saved.stderr
    search_id = json.loads(saved.stdout)[0]["id"]
    listed = run_as(home, "root", "searches", "list")
    assert "Agent a1" in listed.stdout and "shared by sup" in listed.stdout and "(6 new)" in listed.stdout
    not_owner = run_as(home, "ian", "searches", "delete", str(search_id))
    assert not_owner.returncode == 2
    deleted = run_as(home, "sup", "searches", "delete", str(search_id))
    assert deleted.returncode == 0, deleted.stderr
    assert "No saved searches" in run_as(home, "sup", "searches", "list").stdout
