"""The SQLite library must have RETURNING (3.35+) and FTS5: checked before a database is used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from qms_desktop.store import create_engine_for, current_revision, upgrade
from qms_desktop.store import engine as store_engine


@pytest.fixture
def old_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """This Python's sqlite3 module reports the SQLite of an older distribution."""
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")


def test_an_old_sqlite_is_refused_before_a_database_file_is_made(sqlite_url: str, old_sqlite: None) -> None:
    with pytest.raises(RuntimeError) as refused:
        create_engine_for(sqlite_url)
    error = refused.value
    assert isinstance(error, store_engine.UnsupportedSqlite)
    assert error.found == "3.31.1" and error.too_old
    assert "SQLite 3.31.1" in str(error) and "3.35" in str(error)  # what was found, what is needed
    assert "PostgreSQL" in str(error)  # and a way out
    assert not Path(make_url(sqlite_url).database or "").exists()


def test_upgrade_refuses_an_old_sqlite_whoever_made_the_engine(sqlite_url: str, old_sqlite: None) -> None:
    engine = sa.create_engine(sqlite_url)
    try:
        with pytest.raises(RuntimeError) as refused:
            upgrade(engine)
        assert isinstance(refused.value, store_engine.UnsupportedSqlite)
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_a_sqlite_without_fts5_is_refused() -> None:
    library = store_engine.SqliteLibrary((3, 45, 1), "3.45.1", fts5=False)
    with pytest.raises(store_engine.UnsupportedSqlite) as refused:
        store_engine.check_sqlite(library)
    assert not refused.value.too_old and not refused.value.fts5
    assert "SQLite 3.45.1 built without FTS5" in str(refused.value)


def test_this_pythons_sqlite_is_good_enough() -> None:
    library = store_engine.sqlite_library()
    assert library.version >= store_engine.MIN_SQLITE_VERSION and library.fts5
    store_engine.check_sqlite()
