"""The audit trail's hash chain, on a real SQLite file and a real PostgreSQL server.

Every way of rewriting the trail is either refused by the database or found by `audit verify`:
UPDATE, DELETE, TRUNCATE, REPLACE INTO / INSERT OR REPLACE, a forged INSERT; and the same after the
triggers are switched off (SQLite: dropped; PostgreSQL: DISABLE TRIGGER, session_replication_role).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app import runtime
from qms_desktop.app.audit import AuditUseCases
from qms_desktop.security import audit
from qms_desktop.security.audit_chain import GENESIS, ChainReport, parse_anchor, row_hash, verify
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store.engine import begin_write, create_engine_for, upgrade
from tests.acting import add_user, as_user, database_in

ADMIN = Principal("root", Role.ADMIN)
REFUSED = (sa.exc.DBAPIError,)


def write_rows(engine: Engine, count: int, prefix: str = "t") -> None:
    with begin_write(engine) as conn:
        for n in range(count):
            audit.record(conn, audit.CONFIG_CHANGE, actor="root", target=f"{prefix}{n}", detail={"n": n})


def report(engine: Engine, anchor: tuple[int, str] | None = None) -> ChainReport:
    with engine.connect() as conn:
        return verify(conn, anchor)


def raw(engine: Engine, *statements: str) -> None:
    """Statements as someone with the database's own credentials would type them."""
    with begin_write(engine) as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


def switch_off_triggers(engine: Engine) -> None:
    """What the file's or the table's owner can do."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'")
            raw(engine, *(f"DROP TRIGGER {name}" for (name,) in names))
    else:
        raw(engine, "ALTER TABLE audit_log DISABLE TRIGGER USER")


def test_rows_are_chained_and_verify(engine: Engine) -> None:
    write_rows(engine, 7)
    found = report(engine)
    assert found.intact and found.checked == 7 and found.head_seq == 7
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT seq, prev_hash, row_hash FROM audit_log ORDER BY seq")).all()
    assert rows[0].prev_hash == GENESIS
    assert all(later.prev_hash == earlier.row_hash for earlier, later in itertools.pairwise(rows))
    assert found.head_hash == rows[-1].row_hash
    assert report(engine, (3, rows[2].row_hash)).intact


def test_an_empty_trail_is_intact(engine: Engine) -> None:
    found = report(engine)
    assert found.intact and found.checked == 0 and found.head_hash == GENESIS


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 2",
        "DELETE FROM audit_log",
        # a forged row typed by hand, without the chain
        "INSERT INTO audit_log (at_ms, actor, action, outcome) VALUES (1, 'root', 'user.create', 'ok')",
        # a forged row that claims a place in the middle of the chain
        "INSERT INTO audit_log (at_ms, actor, action, outcome, seq, prev_hash, row_hash) "
        f"VALUES (1, 'root', 'user.create', 'ok', 2, '{GENESIS}', '{'a' * 64}')",
    ],
)
def test_the_database_refuses_rewrites(engine: Engine, statement: str) -> None:
    write_rows(engine, 3)
    with pytest.raises(REFUSED, match="append-only"):
        raw(engine, statement)
    assert report(engine).intact and report(engine).checked == 3


@pytest.mark.parametrize("verb", ["REPLACE INTO", "INSERT OR REPLACE INTO"])
def test_sqlite_refuses_replace(sqlite_engine: Engine, verb: str) -> None:
    # A REPLACE deletes the conflicting row without firing the DELETE trigger: refused on insert.
    write_rows(sqlite_engine, 3)
    with sqlite_engine.connect() as conn:
        seq, prev = conn.exec_driver_sql("SELECT seq, prev_hash FROM audit_log WHERE id = 1").one()
    with pytest.raises(REFUSED, match="append-only"):
        raw(
            sqlite_engine,
            f"{verb} audit_log (id, at_ms, actor, action, outcome, seq, prev_hash, row_hash) "
            f"VALUES (1, 1, 'root', 'login.success', 'ok', {seq}, '{prev}', '{'b' * 64}')",
        )
    assert report(sqlite_engine).intact and report(sqlite_engine).checked == 3


def test_postgresql_refuses_truncate(postgres_engine: Engine) -> None:
    write_rows(postgres_engine, 2)
    with pytest.raises(REFUSED, match="append-only"):
        raw(postgres_engine, "TRUNCATE audit_log")
    assert report(postgres_engine).checked == 2


# ---- past the triggers: verify finds it ---------------------------------------------------------


def test_a_changed_row_is_found(engine: Engine) -> None:
    write_rows(engine, 5)
    switch_off_triggers(engine)
    raw(engine, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 3")
    found = report(engine)
    assert not found.intact and found.broken_seq == 3 and "does not match its hash" in (found.problem or "")
    assert found.checked == 2 and found.head_seq == 2


def test_a_deleted_row_is_found(engine: Engine) -> None:
    write_rows(engine, 5)
    switch_off_triggers(engine)
    raw(engine, "DELETE FROM audit_log WHERE seq = 2")
    found = report(engine)
    assert not found.intact and found.broken_seq == 2 and "row 2 is missing" in (found.problem or "")


def test_a_replaced_row_with_a_recomputed_hash_breaks_the_next_link(engine: Engine) -> None:
    write_rows(engine, 4)
    switch_off_triggers(engine)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM audit_log WHERE seq = 2")).mappings().one()
    forged = dict(row, actor="nobody")
    digest = row_hash(2, forged, row["prev_hash"])
    raw(engine, f"UPDATE audit_log SET actor = 'nobody', row_hash = '{digest}' WHERE seq = 2")
    found = report(engine)
    assert not found.intact and found.broken_seq == 3 and "does not link" in (found.problem or "")


def test_a_forged_row_outside_the_chain_is_found(engine: Engine) -> None:
    write_rows(engine, 3)
    switch_off_triggers(engine)
    raw(engine, "INSERT INTO audit_log (at_ms, actor, action, outcome) VALUES (1, 'root', 'user.create', 'ok')")
    found = report(engine)
    assert not found.intact and "outside the chain" in (found.problem or "") and found.checked == 3


def test_a_forged_row_with_a_wrong_hash_at_the_end_is_found(engine: Engine) -> None:
    write_rows(engine, 3)
    with engine.connect() as conn:
        head = conn.exec_driver_sql("SELECT row_hash FROM audit_log WHERE seq = 3").scalar_one()
    # Linked to the head, so the trigger lets it in: the hash is what gives it away.
    raw(
        engine,
        "INSERT INTO audit_log (at_ms, actor, action, outcome, seq, prev_hash, row_hash) "
        f"VALUES (1, 'root', 'user.create', 'ok', 4, '{head}', '{'c' * 64}')",
    )
    found = report(engine)
    assert not found.intact and found.broken_seq == 4


def test_rows_cut_off_the_end_are_found_with_an_anchor(engine: Engine) -> None:
    write_rows(engine, 6)
    anchor = (report(engine).head_seq, report(engine).head_hash)
    switch_off_triggers(engine)
    raw(engine, "DELETE FROM audit_log WHERE seq >= 5")
    assert report(engine).intact  # a shorter chain is still a chain: only an anchor kept elsewhere tells
    found = report(engine, anchor)
    assert not found.intact and "anchored row 6 is gone" in (found.problem or "")


def test_postgresql_replication_role_replica_is_found(postgres_engine: Engine) -> None:
    write_rows(postgres_engine, 4)
    with begin_write(postgres_engine) as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        conn.exec_driver_sql("UPDATE audit_log SET outcome = 'denied' WHERE seq = 1")
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq = 3")
    found = report(postgres_engine)
    assert not found.intact and found.broken_seq == 1


# ---- writers at once, older rows, the use case and the CLI --------------------------------------


def test_concurrent_writers_keep_one_chain(engine: Engine) -> None:
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for n in range(15):
                audit.write(engine, audit.CONFIG_CHANGE, actor=name, target=str(n))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    found = report(engine)
    assert found.intact and found.checked == 60


def test_rows_written_before_the_chain_are_chained_by_the_migration(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        upgrade(engine, "0004_playback_slots")
        raw(
            engine,
            *(
                "INSERT INTO audit_log (at_ms, actor, action, target, detail, from_where, outcome) "
                f"VALUES ({1000 + n}, 'root', 'config.change', 't{n}', '{{\"n\": {n}}}', 'host/pid1', 'ok')"
                for n in range(5)
            ),
        )
        upgrade(engine)
        write_rows(engine, 2, prefix="after")
        found = report(engine)
        assert found.intact and found.checked == 7
        with pytest.raises(REFUSED, match="append-only"):
            raw(engine, "UPDATE audit_log SET actor = 'x' WHERE seq = 1")
    finally:
        engine.dispose()


def test_verify_is_for_administrators_and_audited(engine: Engine) -> None:
    write_rows(engine, 2)
    for who in (Principal("itg", Role.IT), Principal("sup", Role.SUPERVISOR, frozenset({"T1"})), None):
        with pytest.raises(PermissionDenied):
            AuditUseCases(engine, who).verify()
    before = len(audit.list_audit(engine, limit=None))  # the two rows and the refusals
    found = AuditUseCases(engine, ADMIN).verify()
    assert found.intact and found.checked == before
    rows = audit.list_audit(engine, action=audit.AUDIT_VERIFY)
    assert rows[0].actor == "root" and rows[0].outcome == "ok" and rows[0].detail["checked"] == before


def test_parse_anchor() -> None:
    assert parse_anchor(f" 12:{'A' * 64} ") == (12, "a" * 64)
    for bad in ("12", "x:" + "a" * 64, "12:abc", f"12:{'g' * 64}"):
        with pytest.raises(ValueError, match="SEQ:HASH"):
            parse_anchor(bad)


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    acting, acting_env = as_user("admin")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **acting_env)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", "audit", "verify", *args, *acting],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_audit_verify(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "admin")
    good = _cli(home)
    assert good.returncode == 0 and "intact" in good.stdout, good.stderr
    head = good.stdout.split("head ", 1)[1].split()[0]
    assert _cli(home, "--anchor", head).returncode == 0
    engine = runtime.open_database(url)
    try:
        switch_off_triggers(engine)
        raw(engine, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 1")
    finally:
        engine.dispose()
    bad = _cli(home, "--json")
    assert bad.returncode == 5 and "Traceback" not in bad.stderr, bad.stderr
    assert '"intact": false' in bad.stdout and '"brokenSeq": 1' in bad.stdout
    usage = _cli(home, "--anchor", "nonsense")
    assert usage.returncode == 2 and "SEQ:HASH" in usage.stderr and "Traceback" not in usage.stderr
