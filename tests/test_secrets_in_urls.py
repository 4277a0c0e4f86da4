"""No URL carries a password: MediaSense, database and OpenSearch URLs with credentials are refused
by real `qms-desktop` processes with a message that says where the password goes, exit 2, no
traceback, and nothing of the password is printed or stored."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from qms_desktop.app import runtime
from qms_desktop.domain.urls import CredentialsInUrl, node_key
from qms_desktop.mediasense.client import ClientConfig
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import integration_settings
from qms_desktop.store.settings import get_settings, put_settings
from tests.acting import PASSWORD as ACTING_PASSWORD
from tests.acting import add_user, database_in
from tests.conftest import SIM_PASSWORD, SIM_USER

SECRET = "Url-Pa55w0rd-7qX"


def qms(home: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_", "PG"))}
    clean.update(QMS_HOME=str(home), QMS_PASSWORD=ACTING_PASSWORD, **env)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args],
        input=stdin,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def rows_containing(home: Path, needle: str) -> list[str]:
    """Every stored row (settings, audit, ...) whose text holds `needle`."""
    engine = runtime.open_engine(database_in(home))
    found = []
    try:
        with engine.connect() as conn:
            for table in sa.inspect(conn).get_table_names():
                for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                    if needle in repr(tuple(row)):
                        found.append(table)
    finally:
        engine.dispose()
    return found


def assert_refused(done: subprocess.CompletedProcess[str], *words: str, code: int = 2) -> None:
    """Refused with a message a person can act on: the words, no traceback, no password."""
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("qms-desktop: ") and "must not contain credentials" in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)
    assert SECRET not in done.stdout + done.stderr


@pytest.fixture
def home(qms_home: Path) -> Path:
    """A home whose database has an administrator, `admin`."""
    add_user(database_in(qms_home), "admin")
    return qms_home


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP port nobody answers on but that remembers whether anything connected."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)
        yield sock


def nothing_connected(sock: socket.socket) -> bool:
    try:
        sock.accept()[0].close()
    except BlockingIOError:
        return True
    return False


# ---- MediaSense -------------------------------------------------------------------------------------


MEDIASENSE_ENV = {
    "MEDIASENSE_URL": {"MEDIASENSE_URL": f"https://qms-api:{SECRET}@127.0.0.1:8440"},
    "MEDIASENSE_HOST": {"MEDIASENSE_HOST": f"qms-api:{SECRET}@127.0.0.1"},
}
COMMANDS = {
    "connection show": ["connection", "show", "--as", "admin"],
    "connection show --json": ["connection", "show", "--as", "admin", "--json"],
    "test-connection": ["test-connection", "--as", "admin", "--json"],
    "sync now": ["sync", "now", "--as", "admin", "--json"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("variable", sorted(MEDIASENSE_ENV))
def test_mediasense_url_with_credentials_in_the_environment_is_refused(home: Path, variable: str, command: str) -> None:
    done = qms(home, *COMMANDS[command], MEDIASENSE_USERNAME="qms-api", **MEDIASENSE_ENV[variable])
    assert_refused(done, variable, "OS keyring", "Connection tab", "MEDIASENSE_PASSWORD")
    assert files_containing(home, SECRET) == []  # not in the database, not in the log
    engine = runtime.open_engine(database_in(home))
    try:
        with engine.connect() as conn:
            assert get_settings(conn, runtime.DETECTED_SECTION) == {}
    finally:
        engine.dispose()


def test_mediasense_urls_on_the_command_line_are_refused(home: Path) -> None:
    url = f"https://qms-api:{SECRET}@127.0.0.1:9"
    typed = qms(home, "test-connection", "--url", url, "--user", "qms-api", "--password-stdin", stdin="typed-pw\n")
    assert_refused(typed, "The MediaSense URL given with --url", "--password-stdin", "OS keyring")
    certificate = qms(home, "connection", "certificate", url)
    assert_refused(certificate, "OS keyring", code=1)
    assert "https://127.0.0.1:9" in typed.stderr  # the URL is shown, without its user part
    assert files_containing(home, SECRET) == []


def _write_raw(engine: sa.Engine, section: str, values: dict[str, object]) -> None:
    """What an older version could have stored, written past today's checks."""
    with begin_write(engine) as conn:
        conn.execute(integration_settings.delete().where(integration_settings.c.section == section))
        conn.execute(
            integration_settings.insert().values(
                section=section, settings=json.dumps(values), updated_at_ms=1, updated_by="old-version"
            )
        )


def test_a_saved_url_with_credentials_is_cleaned_and_refused_once(home: Path) -> None:
    engine = runtime.open_engine(database_in(home))
    try:
        _write_raw(engine, "mediasense", {"urls": [f"https://qms-api:{SECRET}@ms.example:8440"], "username": "api"})
        refused = qms(home, "connection", "show", "--as", "admin")
        assert_refused(refused, "The saved MediaSense URL", "removed from the saved settings", "OS keyring")
        with engine.connect() as conn:
            assert get_settings(conn, "mediasense")["urls"] == ["https://ms.example:8440"]
        # Gone from every table and the log. (The bytes this test wrote past the checks stay in
        # SQLite's free pages and write-ahead log until they are reused.)
        assert rows_containing(home, SECRET) == [] and files_containing(home / "logs", SECRET) == []

        for args in (["connection", "show"], ["connection", "show", "--json"]):
            shown = qms(home, *args, "--as", "admin", MEDIASENSE_PASSWORD=SECRET)
            assert shown.returncode == 0, shown.stderr
            assert "https://ms.example:8440" in shown.stdout and SECRET not in shown.stdout + shown.stderr
    finally:
        engine.dispose()


def test_detected_dialects_are_kept_by_node_never_under_a_url_with_credentials(
    home: Path, start_sim, ca_file: str
) -> None:
    sim = start_sim("cisco")
    engine = runtime.open_engine(database_in(home))
    try:
        dirty = {f"https://qms-api:{SECRET}@{sim.api_url.split('://')[1]}": {"login": "basic", "query": None}}
        _write_raw(engine, runtime.DETECTED_SECTION, dirty)
        with begin_write(engine) as conn:
            put_settings(
                conn, "mediasense", {"urls": [sim.api_url + "/"], "username": SIM_USER, "ca_file": ca_file}, "t"
            )
        done = qms(home, "sync", "now", "--as", "admin", "--json", MEDIASENSE_PASSWORD=SIM_PASSWORD)
        assert done.returncode == 0, done.stderr[-2000:]
        with engine.connect() as conn:
            detected = get_settings(conn, runtime.DETECTED_SECTION)
        assert detected == {node_key(sim.api_url): {"login": "cisco", "query": "cisco"}}
        assert rows_containing(home, SECRET) == [] and files_containing(home / "logs", SECRET) == []
    finally:
        engine.dispose()


def test_connection_show_never_prints_a_password(home: Path) -> None:
    env = {"MEDIASENSE_URL": "https://ms.example:8440", "MEDIASENSE_USERNAME": "api", "MEDIASENSE_PASSWORD": SECRET}
    for args in (["connection", "show"], ["connection", "show", "--json"]):
        done = qms(home, *args, "--as", "admin", **env)
        assert done.returncode == 0, done.stderr
        assert "https://ms.example:8440" in done.stdout and SECRET not in done.stdout + done.stderr


def test_the_client_and_the_settings_table_refuse_credentials_too(qms_home: Path) -> None:
    with pytest.raises(CredentialsInUrl, match="OS keyring") as refused:
        ClientConfig(urls=(f"https://api:{SECRET}@ms.example:8440",), username="api", password="x")
    assert SECRET not in str(refused.value) and "https://ms.example:8440" in str(refused.value)
    engine = runtime.open_database(database_in(qms_home))
    try:
        with pytest.raises(ValueError, match="a URL with credentials") as stored, begin_write(engine) as conn:
            put_settings(conn, "elsewhere", {"base": f"https://api:{SECRET}@ms.example:8440"}, "t")
        assert SECRET not in str(stored.value)
    finally:
        engine.dispose()


# ---- the database -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "upgrade"])
@pytest.mark.parametrize("form", ["user part", "query"])
def test_db_url_flag_with_a_password_is_refused_before_connecting(
    home: Path, listener: socket.socket, command: str, form: str
) -> None:
    port = listener.getsockname()[1]
    url = (
        f"postgresql://qms:{SECRET}@127.0.0.1:{port}/qms"
        if form == "user part"
        else f"postgresql://qms@127.0.0.1:{port}/qms?password={SECRET}"
    )
    done = qms(home, "db", command, "--url", url)
    assert_refused(done, "The database URL", "~/.pgpass", "PGPASSFILE", "PGPASSWORD", "(ps)")
    assert nothing_connected(listener), "refused only after connecting"
    assert files_containing(home, SECRET) == []


@pytest.mark.parametrize("args", [["db", "check"], ["users", "list", "--as", "admin"], ["connection", "show"]])
def test_qms_database_url_with_a_password_is_refused(home: Path, listener: socket.socket, args: list[str]) -> None:
    url = f"postgresql://qms:{SECRET}@127.0.0.1:{listener.getsockname()[1]}/qms"
    done = qms(home, *args, QMS_DATABASE_URL=url)
    assert_refused(done, "QMS_DATABASE_URL", "~/.pgpass", "PGPASSWORD")
    assert nothing_connected(listener)
    assert files_containing(home, SECRET) == []


# ---- OpenSearch -------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["search", "status", "--as", "admin"], ["search", "reindex", "--as", "admin"]])
def test_opensearch_url_with_credentials_is_refused(home: Path, listener: socket.socket, args: list[str]) -> None:
    url = f"http://admin:{SECRET}@127.0.0.1:{listener.getsockname()[1]}"
    done = qms(home, *args, "--json", QMS_OPENSEARCH_URL=url)
    assert_refused(done, "QMS_OPENSEARCH_URL", "QMS_OPENSEARCH_PASSWORD", "keyring")
    assert nothing_connected(listener)
    assert files_containing(home, SECRET) == []
