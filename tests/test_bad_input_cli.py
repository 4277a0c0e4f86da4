"""Bad input and a broken machine get one clear line and a non-zero exit, never a traceback:
damaged SQLite files, a home folder that cannot be written, a schema from a newer version, a bad or
unreachable PostgreSQL, impossible filter values, a full disk under the integration log."""

from __future__ import annotations

import logging
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from qms_desktop.integration_log import IntegrationLog
from tests.acting import add_user, as_user, database_in

COMMANDS = [("sync", "now"), ("recordings", "search"), ("users", "list")]


def run(home: Path | str, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    # `db` works with the database's own credentials; the demo acts as its own administrator.
    needs_user = args[0] != "db" and "--demo" not in args
    acting, acting_env = as_user("admin") if needs_user else ([], {})
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **acting_env, **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args, *acting], env=env, capture_output=True, text=True, timeout=120
    )


def assert_clear(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode not in (0, None), done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("qms-desktop"), done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def _damage(path: Path, kind: str) -> None:
    if kind == "text":
        path.write_text("these are my notes, not a database\n")
    elif kind == "garbage-header":
        data = bytearray(path.read_bytes())
        data[:100] = random.Random(1).randbytes(100)
        path.write_bytes(bytes(data))
    else:  # truncated in the middle of its pages
        path.write_bytes(path.read_bytes()[: 12 * 4096])


@pytest.mark.parametrize("kind", ["text", "garbage-header", "truncated"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_a_damaged_sqlite_file(tmp_path: Path, kind: str, command: tuple[str, ...]) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "admin")
    with_rows = run(home, "recordings", "search")  # a few pages to cut
    assert with_rows.returncode == 0, with_rows.stderr
    _damage(home / "data" / "qms.sqlite3", kind)
    assert_clear(run(home, *command), "damaged or is not a QMS Desktop database", "backup")


@pytest.mark.parametrize("command", [*COMMANDS, ("logs",), ("db", "upgrade"), ("audit", "list")], ids=str)
def test_a_home_that_cannot_be_written(command: tuple[str, ...]) -> None:
    # /sys refuses new folders even to root: what a read-only or foreign home looks like.
    assert_clear(run("/sys/qms-home", *command), "/sys/qms-home", "QMS_HOME")


def test_a_schema_from_a_newer_version(tmp_path: Path) -> None:
    import sqlite3

    home = tmp_path / "home"
    add_user(database_in(home), "admin")
    with sqlite3.connect(home / "data" / "qms.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    for command in (("users", "list"), ("db", "upgrade")):
        assert_clear(run(home, *command), "0999_from_the_future", "newer version")
    check = run(home, "db", "check")
    assert check.returncode == 3 and "NEWER than this version" in check.stdout and "Traceback" not in check.stderr


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://qms@127.0.0.1:54x2/qms", ("is not valid", "54x2")),
        ("postgresql://qms@127.0.0.1:1/qms", ("Could not use the database", "Connection refused")),
        ("postgresql://qms:hunter2@127.0.0.1:1/qms", ("password", "~/.pgpass")),
    ],
)
def test_a_bad_or_unreachable_postgresql(tmp_path: Path, url: str, words: tuple[str, ...]) -> None:
    for command in (("users", "list"), ("db", "check"), ("db", "upgrade")):
        done = run(tmp_path / "home", *command, QMS_DATABASE_URL=url)
        assert_clear(done, *words)
        assert "hunter2" not in done.stderr + done.stdout


@pytest.mark.parametrize(
    "flags",
    [("--min-duration", "inf"), ("--max-duration", "1e309"), ("--min-duration", "nan"), ("--state", "BOGUS")],
)
def test_impossible_filter_values_are_usage_errors(tmp_path: Path, flags: tuple[str, str]) -> None:
    done = run(tmp_path / "home", "recordings", "search", *flags)
    assert done.returncode == 2 and "Traceback" not in done.stderr and flags[0] in done.stderr


def test_db_check_finds_a_damaged_file(tmp_path: Path) -> None:
    home = tmp_path / "demo-home"
    demo = run(tmp_path / "other", "sync", "now", "--demo", QMS_DEMO_HOME=str(home))  # a database with recordings
    assert demo.returncode == 0, demo.stderr
    path = home / "data" / "qms.sqlite3"
    assert run(home, "db", "check").returncode == 0
    rng = random.Random(7)
    with path.open("r+b") as handle:
        size = path.stat().st_size
        for _ in range(20):
            handle.seek(rng.randrange(4096, size - 512))
            handle.write(rng.randbytes(512))
    check = run(home, "db", "check")
    assert "Traceback" not in check.stderr
    if check.returncode == 1:  # the damage reached the schema itself: the file cannot even be read
        assert "damaged" in check.stderr
    else:
        assert check.returncode == 5 and "Integrity: PROBLEMS" in check.stdout, (check.stdout, check.stderr)


def test_a_full_disk_under_the_log_is_one_line_not_tracebacks(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "integration.log").symlink_to("/dev/full")  # every write: "No space left on device"
    log = IntegrationLog(logs)
    log.attach()
    try:
        for i in range(9):
            logging.getLogger("qms.sync").warning("page %d", i)
    finally:
        log.detach()
        log.close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err
    assert err.count("cannot be written") == 1 and "No space left on device" in err
    assert [e.message for e in log.entries()] == [f"page {i}" for i in range(9)]  # kept in memory


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('agent_id,name,extension,team\na1,"Ann,2001,T1\n', "line 2: the file is not valid CSV"),
        ("agent_id,name,extension,team\na1,Ann\x00K,2001,T1\n", "line 2: a value contains the control character"),
        ("agent_id,name,extension,team\na1," + "x" * 200_000 + ",2001,T1\n", "line 2"),
        ("name,team\nAnn,T1\n", "must contain agent_id,name,extension,team"),
    ],
    ids=["unclosed-quote", "nul", "huge-field", "header"],
)
def test_a_bad_agents_file(tmp_path: Path, content: str, words: str) -> None:
    home = tmp_path / "home"
    add_user(database_in(home), "admin")
    source = tmp_path / "agents.csv"
    source.write_text(content, encoding="utf-8")
    done = run(home, "agents", "import", str(source))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert words in done.stderr + done.stdout
