from tests import pg

# The database fixtures of tests/pg.py: every test here runs on SQLite and on PostgreSQL.
db_url, engine, postgres_url, sqlite_url = pg.db_url, pg.engine, pg.postgres_url, pg.sqlite_url
