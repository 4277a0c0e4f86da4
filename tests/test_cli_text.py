"""The CLI's text output and its conventions, each in a real process: local ISO 8601 times (never epoch
milliseconds), `connection show` in words without the password, reversed ranges as usage errors, a
closed stdout ending quietly, and what `--help` and `--version` say."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import pytest

from qms_desktop import __version__
from qms_desktop.app.demo import DEMO_ADMIN, DEMO_ADMIN_PASSWORD
from qms_desktop.secrets import SERVICE, account_for
from tests.acting import add_user, as_user, database_in
from tests.test_cli_pipes import assert_quiet

# A zone far from UTC with an offset that is not a whole number of hours: local times cannot be UTC by chance.
ZONE = "Asia/Kolkata"
OFFSET = "+05:30"
EPOCH_MS = re.compile(r"(?<![\w-])1[5-9]\d{11}(?!\d)")  # milliseconds since 1970, 2017-2033
LOCAL_ISO = re.compile(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+05:30\b")


def qms(*args: str, env: Mapping[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args],
        env={**os.environ, "TZ": ZONE, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo home after one sync from the built-in simulator: sessions, runs, a checkpoint, audit rows."""
    home = tmp_path_factory.mktemp("demo")
    done = qms("sync", "now", "--demo", env={"QMS_DEMO_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    return home


def as_demo_admin(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = qms(
        *args,
        "--as",
        DEMO_ADMIN,
        env={"QMS_HOME": str(home), "QMS_PASSWORD": DEMO_ADMIN_PASSWORD, "QMS_DATABASE_URL": ""},
    )
    assert result.returncode == 0, result.stderr
    return result


def test_sync_status_shows_local_iso_times(demo_home: Path) -> None:
    out = as_demo_admin(demo_home, "sync", "status").stdout
    assert not EPOCH_MS.search(out), out
    synced_up_to = re.search(r"^Synced up to: (\S+)$", out, re.MULTILINE)
    assert synced_up_to and synced_up_to.group(1).endswith(OFFSET), out
    # The same instant as the JSON's epoch milliseconds.
    data = json.loads(as_demo_admin(demo_home, "sync", "status", "--json").stdout)
    shown = datetime.fromisoformat(synced_up_to.group(1))
    assert round(shown.timestamp() * 1000) == data["checkpoint"]["lastSyncTime"]
    run_line = next(line for line in out.splitlines() if line.strip().startswith("run "))
    assert LOCAL_ISO.search(run_line), run_line


@pytest.mark.parametrize(
    "command",
    [
        ("recordings", "search", "--limit", "5"),
        ("audit", "list", "--limit", "5"),
        ("sync", "quarantine"),
        ("search", "status"),
        ("users", "list"),
    ],
)
def test_text_output_has_no_epoch_milliseconds(demo_home: Path, command: tuple[str, ...]) -> None:
    out = as_demo_admin(demo_home, *command).stdout
    assert out.strip()
    assert not EPOCH_MS.search(out), out
    if command[0] in ("recordings", "audit"):
        assert LOCAL_ISO.search(out), out


def test_recording_details_show_local_iso_times(demo_home: Path) -> None:
    page = json.loads(as_demo_admin(demo_home, "recordings", "search", "--limit", "1", "--json").stdout)
    session_id = page["items"][0]["session_id"]
    out = as_demo_admin(demo_home, "recordings", "show", session_id).stdout
    start = re.search(r"^start\s+(\S+)$", out, re.MULTILINE)
    assert start and start.group(1).endswith(OFFSET), out
    assert not EPOCH_MS.search(out), out


def test_the_integration_log_shows_local_iso_times(tmp_path: Path) -> None:
    import logging

    from qms_desktop.integration_log import setup_integration_log, shutdown_integration_log

    setup_integration_log(tmp_path / "logs", level="DEBUG")
    logging.getLogger("qms.http").info("one request")
    shutdown_integration_log()
    add_user(database_in(tmp_path), "it-staff", "IT")
    acting, acting_env = as_user("it-staff")
    done = qms("logs", *acting, env={"QMS_HOME": str(tmp_path), "QMS_DATABASE_URL": "", **acting_env})
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if "one request" in line)
    assert LOCAL_ISO.match(line), line


def test_reversed_range_is_a_usage_error(demo_home: Path) -> None:
    refused = qms(
        "recordings",
        "search",
        "--from",
        "2026-12-01T00:00:00+00:00",
        "--to",
        "2026-11-01T00:00:00+00:00",
        "--as",
        DEMO_ADMIN,
        env={"QMS_HOME": str(demo_home), "QMS_PASSWORD": DEMO_ADMIN_PASSWORD, "QMS_DATABASE_URL": ""},
    )
    assert refused.returncode == 2, refused.stdout
    assert "--from" in refused.stderr and "after --to" in refused.stderr
    assert refused.stdout == ""
    # In order, the same dates are accepted.
    as_demo_admin(demo_home, "recordings", "search", "--from", "2026-11-01", "--to", "2026-12-01")


def test_connection_show_says_what_is_configured_never_the_password(tmp_path: Path) -> None:
    add_user(database_in(tmp_path), "it-staff", "IT")
    acting, acting_env = as_user("it-staff")
    pin = "ab" * 32
    keyring_file = tmp_path / "keyring.json"
    env = {
        "QMS_HOME": str(tmp_path),
        "QMS_DATABASE_URL": "",
        "MEDIASENSE_URL": "https://ms1.example.net:8440,https://ms2.example.net:8443",
        "MEDIASENSE_USERNAME": "api-user",
        "MEDIASENSE_PINNED_SHA256": pin,
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        "KEYRING_FILE": str(keyring_file),
        **acting_env,
    }
    before = qms("connection", "show", *acting, env=env)
    assert before.returncode == 0, before.stderr
    out = before.stdout
    assert "urls" not in out and "[]" not in out
    assert "MediaSense connection: configured" in out
    assert re.search(
        r"server 1\s+https://ms1\.example\.net:8440 \(host ms1\.example\.net, port 8440, https\)\s+\(environment\)", out
    ), out
    assert re.search(r"server 2\s+https://ms2\.example\.net:8443 \(host ms2\.example\.net, port 8443, https\)", out), (
        out
    )
    assert re.search(r"user\s+api-user", out), out
    assert re.search(r"TLS\s+pinned certificate", out) and pin in out, out
    assert re.search(r"password\s+not saved", out), out

    secret = "kept-in-the-keyring-only"
    keyring_file.write_text(
        json.dumps({f"{SERVICE}\n{account_for('api-user', 'https://ms1.example.net:8440')}": secret})
    )
    after = qms("connection", "show", *acting, env=env)
    assert after.returncode == 0, after.stderr
    assert re.search(r"password\s+saved in the keyring", after.stdout), after.stdout
    as_json = qms("connection", "show", "--json", *acting, env=env)
    assert json.loads(as_json.stdout)["password"] == "keyring"
    for result in (after, as_json):
        assert secret not in result.stdout and secret not in result.stderr


def test_connection_show_when_nothing_is_configured(tmp_path: Path) -> None:
    add_user(database_in(tmp_path), "it-staff", "IT")
    acting, acting_env = as_user("it-staff")
    env = {"QMS_HOME": str(tmp_path), "QMS_DATABASE_URL": "", **acting_env}
    env.update({name: "" for name in ("MEDIASENSE_URL", "MEDIASENSE_HOST", "MEDIASENSE_USERNAME")})
    done = qms("connection", "show", *acting, env=env)
    assert done.returncode == 0, done.stderr
    assert "MediaSense connection: not configured" in done.stdout
    assert "MEDIASENSE_URL" in done.stdout and "[]" not in done.stdout


def test_logs_into_a_closed_pipe_end_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`qms-desktop logs | head -1` with more log than one write."""
    import logging

    from qms_desktop.integration_log import setup_integration_log, shutdown_integration_log
    from tests.test_cli_pipes import run_into_closed_pipe

    setup_integration_log(tmp_path / "logs", level="DEBUG")
    for i in range(300):
        logging.getLogger("qms.http").info("request %d %s", i, "x" * 200)
    shutdown_integration_log()
    monkeypatch.setenv("QMS_HOME", str(tmp_path))  # the process reads this log
    assert_quiet(run_into_closed_pipe(database_in(tmp_path), "logs", "--limit", "300"))


def test_help_says_when_the_gui_starts() -> None:
    done = qms("--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "Without a COMMAND the desktop window (GUI) starts" in text
    assert "no window opens" in text


def test_version_prints_the_version() -> None:
    done = qms("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"qms-desktop {__version__}"
