"""A demo always runs in its own throw-away home and database, whatever QMS_HOME and
QMS_DATABASE_URL say: the user's own data is never read or written by `--demo`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from qms_desktop.security import list_audit
from qms_desktop.store.engine import create_engine_for
from qms_desktop.store.schema import recordings, users
from tests.acting import add_user, database_in


def _run(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **extra)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args], env=env, capture_output=True, text=True, timeout=180
    )


def test_sync_now_demo_leaves_the_real_home_and_database_alone(tmp_path: Path) -> None:
    real_home = tmp_path / "real-home"
    real_url = database_in(real_home)
    add_user(real_url, "alice", "ADMIN")
    other_url = database_in(tmp_path / "team-db")  # as if QMS_DATABASE_URL named a shared database
    add_user(other_url, "bob", "ADMIN")
    before = {url: len(list_audit(create_engine_for(url), limit=None)) for url in (real_url, other_url)}

    done = _run(
        real_home, "sync", "now", "--demo", "--json", QMS_DATABASE_URL=other_url, QMS_DEMO_HOME=str(tmp_path / "demo")
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["status"] == "SUCCESS" and result["created"] > 0
    assert "throw-away home" in done.stderr
    assert str(real_home) not in result["database"] and "team-db" not in result["database"]

    for url, name in ((real_url, "alice"), (other_url, "bob")):
        engine = create_engine_for(url)
        try:
            with engine.connect() as conn:
                assert conn.execute(sa.select(sa.func.count()).select_from(recordings)).scalar_one() == 0
                assert list(conn.execute(sa.select(users.c.username)).scalars()) == [name]  # no demo accounts
            assert len(list_audit(engine, limit=None)) == before[url]
        finally:
            engine.dispose()
    assert not (real_home / "data" / "demo.json").exists()


def test_a_demo_home_that_holds_something_else_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("not a demo")
    done = _run(tmp_path / "home", "sync", "now", "--demo", QMS_DEMO_HOME=str(mine))
    assert done.returncode == 2 and "not an empty folder nor an earlier demo's home" in done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
