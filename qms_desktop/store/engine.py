"""Engines and migrations: SQLite (the default, one file in the data folder) or PostgreSQL (shared).

The same SQLAlchemy Core code and the same Alembic chain run on both; dialect differences stay in
this module, the migrations and `qms_desktop.search`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from qms_desktop.domain.time import now_ms
from qms_desktop.domain.urls import CredentialsInUrl

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
ENV_DATABASE_URL = "QMS_DATABASE_URL"
# Any 64-bit constant: PostgreSQL advisory lock that serialises concurrent `upgrade()` calls.
_MIGRATION_LOCK_KEY = 0x514D53_0001
_SQLITE_BUSY_TIMEOUT_MS = 10_000
# A new SQLite file gets 16 KiB pages (SQLite's default is 4): a recordings row with its JSON is
# ~2.5 KB, so a 4 KiB page held one or two, and a sync's commit wrote twice the pages it needed
# (tests/benchmarks/bench_sync.py). An existing file keeps the page size it was made with.
_SQLITE_PAGE_SIZE = 16_384
# The WAL is checkpointed once it holds this much: a sync commits a page at a time, and a small WAL
# made it copy the same index pages into the file again and again.
_SQLITE_WAL_CHECKPOINT_BYTES = 64 * 1024 * 1024
_SECRET_QUERY = re.compile(r"(password|secret|token)=[^&]*", re.IGNORECASE)
_SECRET_QUERY_KEYS = ("password", "sslpassword", "secret", "token")
WHERE_DATABASE_PASSWORD = (
    "Put the PostgreSQL password in ~/.pgpass (or in the file PGPASSFILE names) or, for a service, in "
    "PGPASSWORD: a URL on a command line is visible to every user of this computer (ps)."
)
# INSERT/UPDATE ... RETURNING arrived in SQLite 3.35; the full-text index is an FTS5 table.
MIN_SQLITE_VERSION = (3, 35, 0)


class UnsupportedSqlite(RuntimeError):
    """The SQLite library this Python links cannot hold the QMS database (too old, or no FTS5)."""

    def __init__(self, found: str, *, too_old: bool, fts5: bool) -> None:
        self.found = found
        self.needed = ".".join(str(part) for part in MIN_SQLITE_VERSION)
        self.too_old = too_old
        self.fts5 = fts5
        what = f"SQLite {found}" + ("" if fts5 else " built without FTS5")
        super().__init__(
            f"QMS Desktop needs SQLite {self.needed} or newer with FTS5 (full-text search), but this Python "
            f"({sys.executable}) uses {what}. Run QMS Desktop on a Python whose sqlite3 module has a newer "
            f"SQLite with FTS5 (python.org builds and current Linux distributions have one), or use a "
            f"PostgreSQL database ({ENV_DATABASE_URL})."
        )


@dataclass(frozen=True, slots=True)
class SqliteLibrary:
    version: tuple[int, ...]
    version_text: str
    fts5: bool


def sqlite_library() -> SqliteLibrary:
    """The SQLite library behind Python's sqlite3 module (the one SQLAlchemy's pysqlite uses)."""
    return SqliteLibrary(tuple(sqlite3.sqlite_version_info), sqlite3.sqlite_version, _fts5_compiled_in())


@cache
def _fts5_compiled_in() -> bool:
    with closing(sqlite3.connect(":memory:")) as conn:
        try:
            conn.execute("CREATE VIRTUAL TABLE fts5_probe USING fts5(x)")
        except sqlite3.OperationalError:  # "no such module: fts5"
            return False
    return True


def check_sqlite(library: SqliteLibrary | None = None) -> None:
    """Raise UnsupportedSqlite unless `library` (default: this Python's) is new enough and has FTS5."""
    found = library or sqlite_library()
    too_old = found.version < MIN_SQLITE_VERSION
    if too_old or not found.fts5:
        raise UnsupportedSqlite(found.version_text, too_old=too_old, fts5=found.fts5)


def database_url() -> str:
    """`QMS_DATABASE_URL` when set, else the SQLite file in the data folder."""
    from qms_desktop import paths

    return os.environ.get(ENV_DATABASE_URL) or paths.default_database_url()


def normalize_url(url: str) -> str:
    """`postgres://` and `postgresql://` get the psycopg 3 driver (psycopg2 is not a dependency)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def database_url_passwords(url: str) -> list[str]:
    """The passwords a database URL carries (after the user name, or as a query parameter)."""
    parsed = make_url(url)
    found = [parsed.password] if parsed.password else []
    for key, value in parsed.query.items():
        if key.lower() in _SECRET_QUERY_KEYS:
            found.extend([value] if isinstance(value, str) else value)
    return [str(p) for p in found if p]


def refuse_password_in_url(url: str, what: str = "The database URL") -> None:
    """CredentialsInUrl when the database URL holds a password; before anything connects."""
    if database_url_passwords(url):
        raise CredentialsInUrl(what, url, WHERE_DATABASE_PASSWORD, shown=mask_url(url))


def mask_url(url: str | Engine) -> str:
    """The URL safe to print or log: the password (if any) replaced by ***."""
    parsed = url.url if isinstance(url, Engine) else make_url(url)
    # libpq also accepts the password as a query parameter.
    return _SECRET_QUERY.sub(r"\1=***", parsed.render_as_string(hide_password=True))


def create_engine_for(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for `url` (default: `database_url()`), configured for the app's access pattern."""
    if url is None and os.environ.get(ENV_DATABASE_URL):
        refuse_password_in_url(os.environ[ENV_DATABASE_URL], ENV_DATABASE_URL)
    url = url or database_url()
    refuse_password_in_url(url)
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        check_sqlite()  # before any file is created: an old library fails with a clear message
        database = parsed.database or ""
        in_memory = _in_memory(database)
        if not in_memory:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine, wal=not in_memory)
        return engine
    if parsed.get_backend_name() == "postgresql":
        options: dict[str, Any] = {
            "pool_size": 5,
            "max_overflow": 5,
            "pool_timeout": 30,
            "pool_pre_ping": True,  # a shared server restarts; do not hand out dead connections
            "pool_recycle": 1800,
            "connect_args": {"connect_timeout": 10, "application_name": "qms-desktop"},
        }
        options.update(kwargs)
        return create_engine(url, **options)
    raise ValueError(f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql")


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling skips BEGIN before SELECT and DDL; we emit BEGIN
        # ourselves (below) so reads and migrations are real transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA page_size={_SQLITE_PAGE_SIZE}")  # before WAL, which writes a new file
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable enough with WAL, much faster
            cursor.execute("PRAGMA cache_size=-32768")  # 32 MiB: the recordings indexes stay hot
            cursor.execute("PRAGMA temp_store=MEMORY")
            page_size = cursor.execute("PRAGMA page_size").fetchone()[0]
            cursor.execute(f"PRAGMA wal_autocheckpoint={_SQLITE_WAL_CHECKPOINT_BYTES // page_size}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # BEGIN IMMEDIATE takes the write lock up front, so a writer that reads first never
        # fails with SQLITE_BUSY on lock upgrade; plain readers keep the deferred BEGIN.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def reads_beside_writer(engine: Engine) -> bool:
    """Whether a read on another thread's connection can run beside the writer's transaction: not on an
    in-memory SQLite (a private one is a database per connection; a shared one locks what is written)."""
    url = engine.url
    return engine.dialect.name != "sqlite" or not (_in_memory(url.database or "") or url.query.get("mode") == "memory")


def _in_memory(database: str) -> bool:
    return database in ("", ":memory:") or database.startswith("file::memory:")


def database_now_ms(conn: Connection) -> int:
    """Now, by the database's clock: PostgreSQL's `clock_timestamp()`, so workstations whose clocks
    disagree agree on when a lease or a sign-in delay runs out; for SQLite (one file on one machine)
    that machine's clock."""
    if conn.dialect.name == "postgresql":
        sql = "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
        return int(conn.exec_driver_sql(sql).scalar_one())
    return now_ms()  # SQLite runs in this process, on the machine that holds the file


@contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A write transaction: `BEGIN IMMEDIATE` on SQLite, an ordinary transaction on PostgreSQL."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


# Alembic is imported where it is used: a process that only reads and writes (the sync's writer
# process, a CLI query) starts ~0.15 s sooner without it.


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    """Every schema revision this version of the app knows."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Migrate the schema to `revision` (atomically on both databases); returns the new revision."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    if engine.dialect.name == "sqlite":
        check_sqlite()  # also for engines not made by create_engine_for
    with begin_write(engine) as conn:
        if engine.dialect.name == "postgresql":
            # Two processes starting at once (GUI + CLI) must not both create the tables.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        command.upgrade(_alembic_config(conn), revision)
        return MigrationContext.configure(conn).get_current_revision() or ""


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
