"""PostgreSQL bulk writes for the sync's pages: COPY instead of parameterised INSERTs.

A multi-row INSERT makes the client render and the server parse tens of thousands of parameters per
page; COPY streams the rows in one protocol message each (measured in tests/benchmarks/bench_sync.py
with `--database postgres`). Rows that may already exist are copied into a temporary staging table
and merged with one INSERT ... SELECT ... ON CONFLICT, so the lifecycle guard stays in SQL; rows
known to be new are copied straight in, with ids drawn from the table's sequence beforehand.
Everything runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


def _driver(conn: Connection) -> Any:
    """The psycopg connection under SQLAlchemy's, in the same transaction."""
    return conn.connection.driver_connection


@contextmanager
def _as_sqlalchemy_errors(statement: str) -> Iterator[None]:
    """Driver errors raised as SQLAlchemy's, as every other statement of the page raises them (the sync
    tells a database failure from a bug by the type)."""
    try:
        yield
    except psycopg.Error as error:
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def copy_rows(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Append rows to `table` with COPY FROM STDIN."""
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with _as_sqlalchemy_errors(statement), _driver(conn).cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def next_ids(conn: Connection, table: str, column: str, count: int) -> list[int]:
    """`count` new values of the sequence behind `table`.`column`, in one round trip: rows copied
    with them need no RETURNING to be known by id."""
    sql = "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)"
    with _as_sqlalchemy_errors(sql), _driver(conn).cursor() as cursor:
        cursor.execute(sql, (table, column, count))
        return [row[0] for row in cursor.fetchall()]


def merge_through_stage(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], on_conflict: str
) -> list[tuple[Any, ...]]:
    """COPY rows into a temporary table shaped like `table`'s `columns`, then one
    `INSERT INTO table SELECT ... FROM stage <on_conflict>` (which should end in RETURNING);
    returns what it returns. The stage empties itself at commit."""
    stage = f"{table}_stage"
    names = ", ".join(columns)
    with _as_sqlalchemy_errors(f"COPY {stage} and merge into {table}"), _driver(conn).cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS SELECT {names} FROM {table} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {stage}")  # a page that failed before its commit may have left rows
        with cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} {on_conflict}")
        return [tuple(row) for row in cursor.fetchall()]


__all__ = ["copy_rows", "merge_through_stage", "next_ids"]
