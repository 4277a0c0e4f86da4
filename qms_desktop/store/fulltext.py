"""Full-text backends kept in step with the recordings table, inside the writer's transaction.

A backend turns free text into a SQL condition on `recordings.id`, so filters, counting and keyset
paging stay one query whatever the backend. The OpenSearch backend (opensearch.py) can satisfy the
same protocol by answering `recordings.id IN (...)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql

from qms_desktop.store.documents import DOCUMENT_COLUMNS, build_document, document_from_rows, words
from qms_desktop.store.notes import team_note_texts
from qms_desktop.store.schema import recording_participants, recording_tags, recordings

_CHUNK = 500  # ids per IN (...) when rebuilding documents from the database


@runtime_checkable
class SearchBackend(Protocol):
    name: str

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        """Store (replace) the documents of these recording ids. `new`: none of them is indexed yet."""

    def index(self, conn: Connection, recording_ids: Iterable[int]) -> int:
        """Rebuild the documents of these recordings from the database; returns how many."""

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None: ...

    def match_clause(self, text: str) -> sa.ColumnElement[bool] | None:
        """A condition on `recordings.id` for free text (all words, each as a prefix); None if no words."""

    def rebuild(self, conn: Connection) -> int:
        """Re-index every recording (after a restore or a tokenizer change)."""


class _SqlBackend:
    """What both SQL backends share: building documents from the stored rows."""

    name = "sql"

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        raise NotImplementedError

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def index(self, conn: Connection, recording_ids: Iterable[int]) -> int:
        ids = list(dict.fromkeys(recording_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            self.index_documents(conn, load_documents(conn, chunk))
        return len(ids)

    def rebuild(self, conn: Connection) -> int:
        ids = list(conn.execute(sa.select(recordings.c.id).order_by(recordings.c.id)).scalars())
        self.remove(conn, ids)
        return self.index(conn, ids)


def load_documents(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Documents for these recordings, built from the rows as stored."""
    if not ids:
        return {}
    cols = [recordings.c.id, *(recordings.c[name] for name in DOCUMENT_COLUMNS)]
    rows = {row.id: row._mapping for row in conn.execute(sa.select(*cols).where(recordings.c.id.in_(ids)))}
    tags: dict[int, list[Mapping[Any, Any]]] = defaultdict(list)
    for row in conn.execute(
        sa.select(recording_tags.c.recording_id, recording_tags.c.name).where(recording_tags.c.recording_id.in_(ids))
    ):
        tags[row.recording_id].append(row._mapping)
    parts: dict[int, list[Mapping[Any, Any]]] = defaultdict(list)
    for part in conn.execute(
        sa.select(
            recording_participants.c.recording_id,
            recording_participants.c.device_ref,
            recording_participants.c.name,
        ).where(recording_participants.c.recording_id.in_(ids))
    ):
        parts[part.recording_id].append(part._mapping)
    documents = {rid: document_from_rows(row, tags[rid], parts[rid]) for rid, row in rows.items()}
    return with_team_notes(conn, documents)


def with_team_notes(conn: Connection, documents: Mapping[int, str]) -> dict[int, str]:
    """The documents with the words of their recordings' team notes added (private notes never)."""
    notes = team_note_texts(conn, documents.keys())
    return {rid: build_document((doc, *notes[rid])) if rid in notes else doc for rid, doc in documents.items()}


# The FTS5 virtual table is created by the migration; this is only its shape for queries.
_fts = sa.table("recordings_fts", sa.column("rowid", sa.Integer), sa.column("document", sa.Text))


class SqliteFtsBackend(_SqlBackend):
    """SQLite FTS5 table `recordings_fts(document)` with rowid = recordings.id."""

    name = "sqlite-fts5"

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        if not documents:
            return
        if not new:
            self.remove(conn, documents.keys())
        # Straight to the driver: this runs for every page the sync writes.
        conn.exec_driver_sql("INSERT INTO recordings_fts (rowid, document) VALUES (?, ?)", list(documents.items()))

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None:
        ids = list(recording_ids)
        if ids:
            conn.execute(_fts.delete().where(_fts.c.rowid.in_(ids)))

    def match_clause(self, text: str) -> sa.ColumnElement[bool] | None:
        terms = words(text)
        if not terms:
            return None
        # Each word quoted (no FTS5 syntax gets through) and matched as a prefix; words are ANDed.
        expression = " ".join(f'"{term}"*' for term in terms)
        matching = sa.select(_fts.c.rowid).where(sa.text("recordings_fts MATCH :fts_query"))
        return recordings.c.id.in_(matching.params(fts_query=expression))


_search = sa.table(
    "recording_search",
    sa.column("recording_id", sa.BigInteger),
    sa.column("document", postgresql.TSVECTOR),
)


class PostgresFtsBackend(_SqlBackend):
    """`recording_search(recording_id, document tsvector)` with a GIN index, 'simple' configuration."""

    name = "postgresql-tsvector"

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        if not documents:
            return
        if new:  # the sync's new rows: one statement for the page, the words turned into lexemes by the server
            conn.exec_driver_sql(
                "INSERT INTO recording_search (recording_id, document) "
                "SELECT id, to_tsvector('simple'::regconfig, doc) FROM unnest(%s::bigint[], %s::text[]) AS d(id, doc)",
                (list(documents.keys()), list(documents.values())),
            )
            return
        stmt = postgresql.insert(_search).values(
            recording_id=sa.bindparam("rid"),
            document=sa.func.to_tsvector(sa.literal_column("'simple'::regconfig"), sa.bindparam("doc")),
        )
        stmt = stmt.on_conflict_do_update(index_elements=["recording_id"], set_={"document": stmt.excluded.document})
        conn.execute(stmt, [{"rid": rid, "doc": doc} for rid, doc in documents.items()])

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None:
        ids = list(recording_ids)
        if ids:
            conn.execute(_search.delete().where(_search.c.recording_id.in_(ids)))

    def match_clause(self, text: str) -> sa.ColumnElement[bool] | None:
        terms = words(text)
        if not terms:
            return None
        # Terms are letters and digits only, so they cannot inject tsquery operators.
        tsquery = " & ".join(f"{term}:*" for term in terms)
        matching = sa.select(_search.c.recording_id).where(
            _search.c.document.bool_op("@@")(
                sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), sa.literal(tsquery))
            )
        )
        return recordings.c.id.in_(matching)


_SQLITE = SqliteFtsBackend()
_POSTGRES = PostgresFtsBackend()


def backend_for(conn_or_dialect: Connection | sa.Engine | str) -> SearchBackend:
    """The built-in backend for this database."""
    name = conn_or_dialect if isinstance(conn_or_dialect, str) else conn_or_dialect.dialect.name
    if name == "sqlite":
        return _SQLITE
    if name == "postgresql":
        return _POSTGRES
    raise ValueError(f"no full-text backend for {name!r}")
