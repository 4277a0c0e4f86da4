"""Engine and migrations on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from qms_desktop.store import create_engine_for, current_revision, database_url, head_revision, mask_url, upgrade
from qms_desktop.store.engine import reads_beside_writer
from qms_desktop.store.schema import metadata

_CHILD_TABLES = {"recording_tracks", "recording_participants", "recording_tags"}
_FULL_TEXT = {"recordings_fts", "recording_search", "recording_numbers", "search_words"}


def test_upgrade_from_empty_reaches_head_and_is_repeatable(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        assert current_revision(engine) is None
        assert upgrade(engine) == head_revision()
        assert current_revision(engine) == head_revision()
        assert upgrade(engine) == head_revision()  # a second start changes nothing
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_table_definitions(engine: Engine) -> None:
    postgres = engine.dialect.name == "postgresql"

    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        if type_ == "table":
            return name not in _FULL_TEXT and not (name or "").startswith(("recordings_fts", "recording_numbers"))
        if type_ == "foreign_key_constraint" and postgres:
            # There a recording's child rows are checked per statement by triggers (0014; test_child_rows.py).
            return getattr(getattr(obj, "table", None), "name", None) not in _CHILD_TABLES
        # The pg_trgm indexes exist only where the extension could be created.
        return not (type_ == "index" and (name or "").endswith("_trgm"))

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_full_text_structures_exist(engine: Engine) -> None:
    names = set(sa.inspect(engine).get_table_names())
    assert ("recordings_fts" if engine.dialect.name == "sqlite" else "recording_search") in names


def test_sqlite_connections_are_configured(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 16_384
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 4096  # 64 MiB of 16 KiB pages


def test_an_existing_sqlite_file_keeps_its_page_size(tmp_path: Path) -> None:
    """A file made with SQLite's default 4 KiB pages stays as it is; its WAL is checkpointed at the
    same size in bytes."""
    path = tmp_path / "older.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as older:
        older.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY)")
    engine = create_engine_for(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 16_384
            assert conn.exec_driver_sql("SELECT count(*) FROM kept").scalar() == 0
    finally:
        engine.dispose()


def test_sqlite_rollback_really_rolls_back(sqlite_engine: Engine) -> None:
    # We emit BEGIN ourselves; make sure a failed transaction leaves nothing behind.
    with pytest.raises(RuntimeError), sqlite_engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO teams (code, name) VALUES ('X', 'X')")
        raise RuntimeError
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM teams").scalar() == 0


def test_database_url_prefers_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("QMS_DATABASE_URL", "postgresql://u:pw@db.example/qms")
    assert database_url() == "postgresql://u:pw@db.example/qms"
    monkeypatch.delenv("QMS_DATABASE_URL")
    monkeypatch.setenv("QMS_HOME", str(tmp_path))
    assert database_url().startswith("sqlite:///") and database_url().endswith("qms.sqlite3")


def test_mask_url_hides_passwords() -> None:
    assert "pw" not in mask_url("postgresql+psycopg://u:pw@db.example/qms")
    assert "***" in mask_url("postgresql+psycopg://u:pw@db.example/qms")
    assert "s3cret" not in mask_url("postgresql://u@h/db?password=s3cret")
    assert mask_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_postgres_urls_get_the_psycopg_driver() -> None:
    engine = create_engine_for("postgresql://u@127.0.0.1:1/x")
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_reads_run_beside_the_writer_only_where_another_connection_sees_its_database(tmp_path: object) -> None:
    assert reads_beside_writer(create_engine_for(f"sqlite:///{tmp_path}/qms.sqlite3"))
    assert reads_beside_writer(sa.create_engine("postgresql+psycopg://nobody@127.0.0.1/none"))
    for in_memory in ("sqlite://", "sqlite:///:memory:", "sqlite:///file:shared?mode=memory&cache=shared&uri=true"):
        assert not reads_beside_writer(sa.create_engine(in_memory, poolclass=sa.pool.StaticPool)), in_memory
