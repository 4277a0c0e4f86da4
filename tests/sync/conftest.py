"""Sync tests run against the simulator over HTTPS and a real SQLite file and PostgreSQL schema."""

from tests.pg import db_url, engine, postgres_engine, postgres_url, sqlite_engine, sqlite_url  # noqa: F401
