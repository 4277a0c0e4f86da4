"""`qms-desktop … --json | head`: a reader that goes away ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qms_desktop.cli import EXIT_BROKEN_PIPE
from qms_desktop.domain.sessions import RejectedRecord
from qms_desktop.store import create_engine_for, upgrade
from qms_desktop.store.engine import begin_write
from qms_desktop.store.quarantine import quarantine_records
from tests import pg
from tests.acting import add_user, as_user

sqlite_url = pg.sqlite_url  # the database fixture of tests/pg.py (no conftest brings it here)


def run_into_closed_pipe(database_url: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the command with stdout on a pipe whose reader has already gone, as after `| head -c 1`."""
    add_user(database_url, "it-staff", "IT")
    acting, acting_env = as_user("it-staff")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "qms_desktop", *args, *acting],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "QMS_DATABASE_URL": database_url, **acting_env},
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


def assert_quiet(result: subprocess.CompletedProcess[bytes]) -> None:
    stderr = result.stderr.decode(errors="replace")
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert result.returncode == EXIT_BROKEN_PIPE, stderr


@pytest.mark.parametrize("args", [("sync", "status", "--json"), ("sync", "status")])
def test_a_command_into_a_closed_pipe(sqlite_url: str, args: tuple[str, ...]) -> None:
    assert_quiet(run_into_closed_pipe(sqlite_url, *args))


def test_output_larger_than_the_buffer_into_a_closed_pipe(sqlite_url: str) -> None:
    # Enough JSON that printing it writes to the pipe at once, inside the command.
    engine = create_engine_for(sqlite_url)
    upgrade(engine)
    rejected = [RejectedRecord({"sessionId": f"s{i}", "noise": "x" * 500}, "unreadable", f"s{i}") for i in range(100)]
    with begin_write(engine) as conn:
        quarantine_records(conn, rejected, run_id=None, now_ms=1_763_650_000_000)
    engine.dispose()
    assert_quiet(run_into_closed_pipe(sqlite_url, "sync", "quarantine", "--limit", "100", "--json"))
