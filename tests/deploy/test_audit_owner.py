"""The deployment recipe packaging/postgresql-audit-owner.sql, run with psql against a real server:
afterwards the app's role appends audit rows as before, and can neither rewrite the trail nor
switch off what guards it."""

from __future__ import annotations

import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from qms_desktop.security import audit
from qms_desktop.security.audit_chain import verify
from qms_desktop.store.engine import begin_write
from tests.pg import postgres_engine, postgres_url  # noqa: F401

pytestmark = pytest.mark.postgres
RECIPE = Path(__file__).resolve().parents[2] / "packaging" / "postgresql-audit-owner.sql"


@pytest.fixture
def roles(postgres_engine: Engine) -> Iterator[tuple[str, str]]:  # noqa: F811
    """An owner role and an app role of this test's own (roles belong to the whole server)."""
    suffix = secrets.token_hex(4)
    owner, app = f"qms_t_audit_{suffix}", f"qms_t_app_{suffix}"
    with begin_write(postgres_engine) as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{app}" NOLOGIN')
        schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{app}"')
        # What INSTALL-service.md grants the workstations before the recipe runs.
        conn.exec_driver_sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO "{app}"')
    try:
        yield owner, app
    finally:
        with begin_write(postgres_engine) as conn:
            for role in (owner, app):
                if conn.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").first():
                    conn.exec_driver_sql(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER')
                    conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                    conn.exec_driver_sql(f'DROP ROLE "{role}"')


def _psql_uri(engine: Engine) -> str:
    return make_url(engine.url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_the_app_role_appends_and_cannot_rewrite(postgres_engine: Engine, roles: tuple[str, str]) -> None:  # noqa: F811
    if shutil.which("psql") is None:
        pytest.skip("psql (the PostgreSQL client the recipe is written for) is not installed")
    owner, app = roles
    audit.write(postgres_engine, audit.CONFIG_CHANGE, actor="root", target="before")
    done = subprocess.run(
        [
            "psql",
            "-X",
            "-q",
            "-v",
            f"audit_owner={owner}",
            "-v",
            f"app_role={app}",
            "-f",
            str(RECIPE),
            _psql_uri(postgres_engine),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    with begin_write(postgres_engine) as conn:
        conn.exec_driver_sql(f'SET LOCAL ROLE "{app}"')
        audit.record(conn, audit.CONFIG_CHANGE, actor="root", target="as the app")  # appending still works
    for attempt in (
        "UPDATE audit_log SET actor = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER USER",
        "SET LOCAL session_replication_role = replica",
        "CREATE OR REPLACE FUNCTION audit_log_chain_check() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RETURN NEW; END $$",
    ):
        with (
            pytest.raises(sa.exc.DBAPIError, match=r"permission denied|must be owner"),
            begin_write(postgres_engine) as conn,
        ):
            conn.exec_driver_sql(f'SET LOCAL ROLE "{app}"')
            conn.exec_driver_sql(attempt)
    with postgres_engine.connect() as conn:
        owner_now = conn.exec_driver_sql("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'").scalar()
        found = verify(conn)
    assert owner_now == owner
    assert found.intact and found.checked == 2
