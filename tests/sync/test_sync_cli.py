"""`qms-desktop sync …` in a separate process, against a SQLite database written by this one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from qms_desktop.domain.sessions import RejectedRecord
from qms_desktop.store import create_engine_for, upgrade
from qms_desktop.store.engine import begin_write
from qms_desktop.store.quarantine import quarantine_records
from tests.acting import add_user, as_user

SEEN_MS = 1_763_650_000_000


def cli(database_url: str, *args: str, user: str | None = "it-staff") -> subprocess.CompletedProcess[str]:
    acting, acting_env = as_user(user) if user else ([], {})
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", "sync", *args, *acting],
        env={**os.environ, "QMS_DATABASE_URL": database_url, **acting_env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_quarantine_lists_what_could_not_be_read_as_json_and_text(sqlite_url: str) -> None:
    engine = create_engine_for(sqlite_url)
    upgrade(engine)
    broken = {"sessionId": "1a2b3c4d5e6f70", "sessionState": "HALF_OPEN", "sessionStartDate": "yesterday"}
    with begin_write(engine) as conn:
        quarantine_records(
            conn,
            [RejectedRecord(broken, "unknown sessionState 'HALF_OPEN'", "1a2b3c4d5e6f70")],
            run_id=None,
            now_ms=SEEN_MS,
        )
    engine.dispose()
    add_user(sqlite_url, "it-staff", "IT")

    refused = cli(sqlite_url, "quarantine", "--json", user=None)
    assert refused.returncode == 2 and "signed in" in refused.stderr and "HALF_OPEN" not in refused.stdout

    as_json = cli(sqlite_url, "quarantine", "--json")
    assert as_json.returncode == 0, as_json.stderr
    [entry] = json.loads(as_json.stdout)
    assert entry["sessionId"] == "1a2b3c4d5e6f70"
    assert entry["reason"] == "unknown sessionState 'HALF_OPEN'"
    assert entry["dialect"] == "cisco" and entry["runId"] is None
    assert json.loads(entry["raw"]) == broken  # the payload as MediaSense sent it
    assert entry["firstSeenAt"] == entry["lastSeenAt"] == SEEN_MS and entry["seenCount"] == 1
    assert isinstance(entry["id"], int) and len(entry["rawHash"]) == 64

    as_text = cli(sqlite_url, "quarantine")
    assert as_text.returncode == 0, as_text.stderr
    assert as_text.stdout.strip() == "1a2b3c4d5e6f70: unknown sessionState 'HALF_OPEN'"
