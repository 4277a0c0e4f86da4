"""Team deployment tests: PostgreSQL (real server), the headless service, events, OpenSearch units."""

from tests.pg import db_url, engine, postgres_engine, postgres_url, sqlite_engine, sqlite_url  # noqa: F401
