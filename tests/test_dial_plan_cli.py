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
