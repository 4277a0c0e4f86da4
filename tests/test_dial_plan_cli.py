"""`qms-desktop directory dial-plan show|set` and `recordings stream --track`, as real processes: an
administrator saves the site's numbering (audited), a supervisor is refused (exit 2, audited), bad
values are refused with what to give instead and nothing is stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from qms_desktop.app import runtime
from qms_desktop.domain.directory import DialPlan
from qms_desktop.security import audit, list_audit
from qms_desktop.security.roles import Role
from qms_desktop.store.directory import load_dial_plan
from tests.acting import add_user, as_user, database_in


def _run(home: Path, user: str, *args: str) -> subprocess.CompletedProcess[str]:
    acting, acting_env = as_user(user)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **acting_env)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args, *acting], env=env, capture_output=True, text=True, timeout=120
    )


def _saved(url: str) -> DialPlan:
    engine = runtime.open_database(url)
    try:
        with engine.connect() as conn:
            return load_dial_plan(conn)
    finally:
        engine.dispose()


def test_dial_plan_show_and_set(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "root", Role.ADMIN)
    add_user(url, "sup", Role.SUPERVISOR, ["T1"])

    shown = _run(home, "root", "directory", "dial-plan", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"internal_pattern": r"^\d{3,5}$", "agent_track": 0, "caller_track": 1}

    done = _run(home, "root", "directory", "dial-plan", "set", "--caller-track", "0", "--internal-pattern", r"^\d{4}$")
    assert done.returncode == 0, done.stderr
    assert "caller's track:   0" in done.stdout and "recordings re-linked" in done.stdout
    assert _saved(url) == DialPlan(r"^\d{4}$", agent_track=0, caller_track=0)

    refused = _run(home, "sup", "directory", "dial-plan", "set", "--caller-track", "1")
    assert refused.returncode == 2 and "may not directory manage" in refused.stderr
    assert _saved(url).caller_track == 0

    for args, words in (
        (("--internal-pattern", "("), "not a regular expression"),
        (("--agent-track", "-1"), "give a track number"),
        (("--caller-track", "99"), "from 0 to 15"),
        ((), "nothing to set"),
    ):
        bad = _run(home, "root", "directory", "dial-plan", "set", *args)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
    assert _saved(url) == DialPlan(r"^\d{4}$", agent_track=0, caller_track=0)

    engine = runtime.open_database(url)
    try:
        rows = list_audit(engine)
    finally:
        engine.dispose()
    changes = [r for r in rows if r.action == audit.DIRECTORY_DIAL_PLAN]
    assert [(r.actor, r.detail["after"]["caller_track"]) for r in changes] == [("root", 0)]
    assert any(r.action == audit.ACCESS_DENIED and r.actor == "sup" and r.target == "directory.dial_plan" for r in rows)


def test_stream_track_choice_is_checked_before_anything_runs(tmp_path: Path) -> None:
    home = tmp_path / "home"
    add_user(database_in(home), "root", Role.ADMIN)
    bad = _run(home, "root", "recordings", "stream", "0123456789abcd", "--track", "caller", "-o", "-")
    assert bad.returncode == 2 and "give a track number" in bad.stderr and "'whole'" in bad.stderr


def test_agents_edit_dial_plan_preview_and_relink(tmp_path: Path) -> None:
    """The Directory tab's other operations as commands: an agent edited (audited), a dial plan
    previewed on the stored calls without saving it, every recording re-linked; a supervisor is
    refused each (exit 2, audited)."""
    from qms_desktop.domain.directory import DirectorySnapshot, enrich
    from qms_desktop.store import begin_write
    from qms_desktop.store.directory import import_agents_csv
    from qms_desktop.store.recordings import upsert_sessions
    from tests.store.factory import make_session

    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "root", Role.ADMIN)
    add_user(url, "sup", Role.SUPERVISOR, ["SALES"])
    engine = runtime.open_database(url)
    try:
        with begin_write(engine) as conn:
            records = [make_session("c1", caller="0501234567", callee="1001"), make_session("c2", callee="1002")]
            upsert_sessions(conn, enrich(records, DirectorySnapshot(), DialPlan()), fetched_at_ms=1, now_ms=1)
            import_agents_csv(conn, "agent_id,name,extension,team\na1,Ann,1001,SALES\na2,Bob,1009,SALES\n")
    finally:
        engine.dispose()

    relinked = _run(home, "root", "directory", "relink", "--json")
    assert relinked.returncode == 0 and json.loads(relinked.stdout) == {"relinked_recordings": 1}, relinked.stderr

    edited = _run(home, "root", "agents", "edit", "a2", "--extension", "1002", "--team", "NIGHTS", "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout) == {"agent_id": "a2", "name": "Bob", "extension": "1002", "team": "NIGHTS",
                                         "changed": True, "relinked_recordings": 1}  # fmt: skip
    taken = _run(home, "root", "agents", "edit", "a2", "--extension", "1001")
    assert taken.returncode == 2 and "belongs to agent a1" in taken.stderr and "Traceback" not in taken.stderr

    preview = _run(home, "root", "directory", "dial-plan", "preview", "--caller-track", "0", "--json")
    assert preview.returncode == 0, preview.stderr
    calls = {c["session_id"]: c for c in json.loads(preview.stdout)}
    assert calls["c1"]["direction"] == "outbound" and calls["c1"]["stored"]["direction"] == "inbound"
    assert calls["c1"]["agent_id"] == "a1" and calls["c1"]["changes"] and calls["c2"]["agent_id"] == "a2"
    assert _saved(url) == DialPlan()  # a preview saves nothing
    words = _run(home, "root", "directory", "dial-plan", "preview", "--caller-track", "0")
    assert "2 of 2 calls would change" in words.stdout

    for args in (("agents", "edit", "a1", "--name", "X"), ("directory", "relink"),
                 ("directory", "dial-plan", "preview")):  # fmt: skip
        refused = _run(home, "sup", *args)
        assert refused.returncode == 2 and "may not directory manage" in refused.stderr, (args, refused.stderr)
    engine = runtime.open_database(url)
    try:
        rows = list_audit(engine)
    finally:
        engine.dispose()
    assert [r.actor for r in rows if r.action == audit.DIRECTORY_RELINK] == ["root"]
    assert [r.target for r in rows if r.action == audit.DIRECTORY_AGENT] == ["agent:a2"]
    assert len([r for r in rows if r.action == audit.ACCESS_DENIED and r.actor == "sup"]) == 3
