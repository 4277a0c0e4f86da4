"""Database fixtures for tests: a real SQLite file and a real PostgreSQL server, same tests on both.

Import the fixtures you need into a conftest.py (or a test module):

    from tests.pg import db_url, engine, postgres_url, sqlite_url  # noqa: F401

* `db_url`   parametrized over "sqlite" (a file in tmp_path) and "postgresql" (marked `postgres`):
             the URL of an empty database, not migrated.
* `engine`   an Engine for `db_url`, migrated to head, disposed after the test.
* `sqlite_url` / `postgres_url`: one of each, for tests that compare the two databases.

PostgreSQL comes from QMS_TEST_POSTGRES_URL (default postgresql+psycopg://root@127.0.0.1:5432/test).
Each test run creates its own database qms_t_<random> there (dropped when the run ends) and each
test gets its own schema in it (via search_path), so runs and tests never see each other's rows.
When the server is unreachable the PostgreSQL tests skip, saying why.
"""

from __future__ import annotations

import atexit
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from qms_desktop.store import create_engine_for, mask_url, upgrade
from qms_desktop.store.engine import normalize_url

DEFAULT_POSTGRES_URL = "postgresql+psycopg://root@127.0.0.1:5432/test"
_run_database: dict[str, str] = {}  # "url" -> this run's database URL, or "error" -> skip reason


def admin_url() -> str:
    return os.environ.get("QMS_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


def _admin_engine() -> Engine:
    return sa.create_engine(
        normalize_url(admin_url()),
        isolation_level="AUTOCOMMIT",  # CREATE/DROP DATABASE cannot run in a transaction
        poolclass=sa.pool.NullPool,
        connect_args={"connect_timeout": 3},
    )


def run_database_url() -> str:
    """This run's PostgreSQL database (created on first use, dropped at exit); skips if unreachable."""
    if "error" in _run_database:
        pytest.skip(_run_database["error"])
    if "url" not in _run_database:
        name = f"qms_t_{secrets.token_hex(6)}"
        try:
            with _admin_engine().connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        except sa.exc.OperationalError as exc:
            reason = f"PostgreSQL not reachable at {mask_url(admin_url())}: {str(exc.orig).strip()}"
            _run_database["error"] = reason
            pytest.skip(reason)
        _run_database["url"] = make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
        atexit.register(_drop_database, name)
    return _run_database["url"]


def _drop_database(name: str) -> None:
    with _admin_engine().connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _with_search_path(url: str, schema: str) -> str:
    parsed = make_url(url)
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """An empty PostgreSQL schema of its own, as a URL (search_path points at it)."""
    base = run_database_url()
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(base, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield _with_search_path(base, schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql("SET lock_timeout = '10s'")
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'qms-test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database: a SQLite file, then a PostgreSQL schema."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url"))


def migrated_engine(url: str) -> Engine:
    engine = create_engine_for(url)
    upgrade(engine)
    return engine


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on `db_url` (both databases)."""
    eng = migrated_engine(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    eng = migrated_engine(sqlite_url)
    yield eng
    eng.dispose()


@pytest.fixture
def postgres_engine(postgres_url: str) -> Iterator[Engine]:
    eng = migrated_engine(postgres_url)
    yield eng
    eng.dispose()
