"""Every password the process learns is masked in the log from that moment: PostgreSQL (URL,
PGPASSWORD, the ~/.pgpass entry libpq used), OpenSearch, MediaSense, and local users' passwords as
they are typed (sign-in right or wrong, the first administrator, a new user, a password change,
QMS_PASSWORD and --password-stdin of the CLI)."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.app.users import UserUseCases, create_first_admin, sign_in
from qms_desktop.commands._acting import acting_principal
from qms_desktop.domain.urls import CredentialsInUrl
from qms_desktop.integration_log import MASK, mask_text, unregister_secret
from qms_desktop.search.opensearch_settings import settings_from_environment
from qms_desktop.security.errors import LoginFailed
from tests.acting import database_in
from tests.pg import postgres_url  # noqa: F401


@pytest.fixture
def masked() -> Iterator[Callable[[str], bool]]:
    """`masked(secret)`: is it hidden in a log line now? Every secret asked about is forgotten
    afterwards, so no other test sees it masked."""
    asked: list[str] = []

    def check(secret: str) -> bool:
        asked.append(secret)
        return mask_text(f"value {secret} end") == f"value {MASK} end"

    yield check
    for secret in asked:
        unregister_secret(secret)


@pytest.mark.postgres
def test_the_postgresql_password_libpq_used_is_masked(
    postgres_url: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    masked: Callable[[str], bool],
) -> None:
    from_file, from_environment = "pgpass-Entry-51x", "PGPASSWORD-Value-73y"
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:*:*:*:{from_file}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert not masked(from_file)
    engine = runtime.open_engine(postgres_url)
    try:
        with engine.connect() as conn:  # the server trusts us; libpq still reads the entry
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()
    assert masked(from_file)

    monkeypatch.setenv("PGPASSWORD", from_environment)
    runtime.open_engine(postgres_url).dispose()  # known before any connection
    assert masked(from_environment)


def test_a_password_in_a_refused_url_is_masked_all_the_same(
    monkeypatch: pytest.MonkeyPatch, masked: Callable[[str], bool]
) -> None:
    with pytest.raises(CredentialsInUrl):
        runtime.open_engine("postgresql://qms:Db-Url-Secret-1@127.0.0.1:1/qms")
    assert masked("Db-Url-Secret-1")
    with pytest.raises(CredentialsInUrl):
        config.load_connection_settings({}, {"MEDIASENSE_URL": "https://api:Ms-Url-Secret-2@ms.example:8440"})
    assert masked("Ms-Url-Secret-2")
    with pytest.raises(CredentialsInUrl):
        settings_from_environment({"QMS_OPENSEARCH_URL": "https://a:Os-Url-Secret-3@h:9200"}, use_keyring=False)
    assert masked("Os-Url-Secret-3")


def test_the_opensearch_password_is_masked_once_read(masked: Callable[[str], bool]) -> None:
    env = {"QMS_OPENSEARCH_URL": "https://search.example:9200", "QMS_OPENSEARCH_USER": "svc",
           "QMS_OPENSEARCH_PASSWORD": "OpenSearch-Pw-88z"}  # fmt: skip
    settings = settings_from_environment(env, use_keyring=False)
    assert settings is not None and settings.password == "OpenSearch-Pw-88z"
    assert masked("OpenSearch-Pw-88z")


def test_local_passwords_are_masked_as_typed(
    qms_home: Path, monkeypatch: pytest.MonkeyPatch, masked: Callable[[str], bool]
) -> None:
    engine = runtime.open_database(database_in(qms_home))
    try:
        create_first_admin(engine, "root-admin", "First-Admin-Pw-1")
        assert masked("First-Admin-Pw-1")
        with pytest.raises(LoginFailed):
            sign_in(engine, "root-admin", "Mistyped-Pw-2")
        assert masked("Mistyped-Pw-2")  # a near miss of the real one is worth hiding too
        admin = sign_in(engine, "root-admin", "First-Admin-Pw-1")
        users = UserUseCases(engine, admin)
        users.create_user("bob", "IT", "New-User-Pw-3")
        assert masked("New-User-Pw-3")
        users.set_password("bob", "Changed-Pw-4")
        assert masked("Changed-Pw-4")

        # The command line's two ways in: QMS_PASSWORD and --password-stdin.
        monkeypatch.setenv("QMS_PASSWORD", "Changed-Pw-4")
        unregister_secret("Changed-Pw-4")
        acting_principal(argparse.Namespace(as_user="bob", password_stdin=False), engine)
        assert masked("Changed-Pw-4")
        monkeypatch.setattr("sys.stdin", io.StringIO("Changed-Pw-4\n"))
        unregister_secret("Changed-Pw-4")
        acting_principal(argparse.Namespace(as_user="bob", password_stdin=True), engine)
        assert masked("Changed-Pw-4")
    finally:
        engine.dispose()
