"""Database fixtures (see tests/pg.py): the same tests run on a SQLite file and on PostgreSQL."""

from tests.pg import db_url, engine, postgres_engine, postgres_url, sqlite_engine, sqlite_url  # noqa: F401
