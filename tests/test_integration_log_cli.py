"""`qms-desktop logs …` in a separate process, against files written by this one."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.integration_log import FILE_NAME, LEVEL_FILE, setup_integration_log, shutdown_integration_log
from qms_desktop.security.roles import Role
from tests.acting import add_user, as_user, database_in


def cli(home: Path, *args: str, user: str | None = "it-staff") -> subprocess.CompletedProcess[str]:
    acting, acting_env = as_user(user) if user else ([], {})
    env = {**os.environ, "QMS_HOME": str(home), **acting_env}
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", "logs", *args, *acting],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def cli_json(home: Path, *args: str) -> Any:
    result = cli(home, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    log = setup_integration_log(tmp_path / "logs", level="DEBUG", buffer_size=5, max_bytes=2048)
    http = logging.getLogger("qms.http")
    for i in range(40):
        level = logging.ERROR if i % 10 == 0 else logging.INFO
        http.log(level, "request %d password=%s", i, "hunter2!", extra={"request_id": f"r{i}"})
    assert list(log.log_dir.glob(FILE_NAME + ".*")), "the listing should span rotated files"
    shutdown_integration_log()
    add_user(database_in(tmp_path), "it-staff", Role.IT)
    add_user(database_in(tmp_path), "sup", Role.SUPERVISOR, ["T1"])
    yield tmp_path


def test_only_it_staff_and_administrators_read_the_log(home: Path) -> None:
    for user in (None, "sup"):
        refused = cli(home, "--json", user=user)
        assert refused.returncode == 2 and "password" not in refused.stdout
        assert ("signed in" if user is None else "may not") in refused.stderr
    assert cli(home, "clear", user="sup").returncode == 2
    assert list((home / "logs").glob(FILE_NAME + "*")), "a refused clear archives nothing"


def test_list_pages_filters_and_searches(home: Path) -> None:
    first = cli_json(home, "--limit", "15", "--json")
    assert [e["seq"] for e in first["entries"]] == list(range(40, 25, -1))
    assert first["entries"][0]["message"] == "request 39 password=***"
    second = cli_json(home, "--limit", "100", "--cursor", first["nextCursor"], "--json")
    assert [e["seq"] for e in second["entries"]] == list(range(25, 0, -1))
    assert second["nextCursor"] is None
    errors = cli_json(home, "--level", "error", "--json")
    assert [e["message"] for e in errors["entries"]] == [f"request {i} password=***" for i in (30, 20, 10, 0)]
    found = cli_json(home, "--search", "R7", "--json")
    assert [e["extra"]["request_id"] for e in found["entries"]] == ["r7"]
    text = cli(home, "--limit", "2")
    assert text.returncode == 0 and "request 39 password=***" in text.stdout and "--cursor" in text.stdout
    assert "hunter2!" not in text.stdout
    bad = cli(home, "--cursor", "nonsense", "--json")
    assert bad.returncode == 2 and "cursor" in bad.stderr


def test_level_persists_for_later_processes(home: Path) -> None:
    assert cli_json(home, "level", "--json") == {"logLevel": "INFO"}
    assert cli_json(home, "level", "warning", "--json") == {"logLevel": "WARN"}
    assert (home / "logs" / LEVEL_FILE).read_text().strip() == "WARN"
    assert cli_json(home, "level", "--json") == {"logLevel": "WARN"}
    assert cli_json(home, "status", "--json")["logLevel"] == "WARN"
    # A later process that sets up the log without a level picks it up.
    try:
        assert setup_integration_log(home / "logs").level == "WARN"
    finally:
        shutdown_integration_log()
    assert cli(home, "level", "LOUD").returncode == 2


def test_status(home: Path) -> None:
    status = cli_json(home, "status", "--json")
    assert status["configured"] is True
    assert status["logLevel"] == "INFO"
    assert status["logBufferSize"] == 40  # the recent history, read back from the files
    assert status["lastSeq"] == 40
    assert Path(status["file"]) == (home / "logs" / FILE_NAME).resolve()


def test_clear_archives_the_files(home: Path) -> None:
    result = cli_json(home, "--json", "clear")  # --json before the action works too
    archived = Path(result["archived"])
    assert archived.parent == (home / "logs").resolve() and archived.exists()
    assert archived.name.startswith("integration-") and archived.name.endswith("Z.log")
    assert cli_json(home, "--json")["entries"] == []
    assert cli_json(home, "clear", "--json")["archived"] is None
    assert "nothing to archive" in cli(home, "clear").stdout
