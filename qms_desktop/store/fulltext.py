"""Full-text backends kept in step with the recordings table, inside the writer's transaction.

A backend turns free text into a SQL condition on `recordings.id`, so filters, counting and keyset
paging stay one query whatever the backend. The OpenSearch backend (opensearch.py) can satisfy the
same protocol by answering `recordings.id IN (...)`.
"""

from __future__ import annotations

import json
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
# Caller/called-number parts shorter than a trigram cannot use a trigram index.
MIN_NUMBER_PART = 3
NUMBER_COLUMNS = ("ani", "dnis")

IdRange = tuple[int, int]  # inclusive bounds on recordings.id that a full-text match may skip outside


@runtime_checkable
class SearchBackend(Protocol):
    name: str

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        """Store (replace) the documents of these recording ids. `new`: none of them is indexed yet."""

    def index(self, conn: Connection, recording_ids: Iterable[int]) -> int:
        """Rebuild the documents of these recordings from the database; returns how many."""

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None: ...

    ranged: bool  # an id range makes a match cheaper (FTS5 reads its matches in id order)

    def match_ids(self, text: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        """The ids of the recordings matching free text (all words, each as a prefix); None if no words.
        `ids`: only those within this range are needed (the caller bounds recordings.id to it too)."""

    def number_ids(self, column: str, part: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        """The ids of the recordings with `part` anywhere in that number column (case-insensitive), from
        a number index; None when the plain substring condition on the column is the one to use."""

    def match_clause(self, text: str) -> sa.ColumnElement[bool] | None:
        """A condition on `recordings.id` for free text; None if no words."""

    def rebuild(self, conn: Connection) -> int:
        """Re-index every recording (after a restore or a tokenizer change)."""


class _SqlBackend:
    """What both SQL backends share: building documents from the stored rows."""

    name = "sql"
    ranged = False

    def match_ids(self, text: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        raise NotImplementedError

    def number_ids(self, column: str, part: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        if column not in NUMBER_COLUMNS:
            raise ValueError(f"not a number column: {column!r}")
        return None

    def match_clause(self, text: str) -> sa.ColumnElement[bool] | None:
        matching = self.match_ids(text)
        return None if matching is None else recordings.c.id.in_(matching)

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


_numbers = sa.table("recording_numbers", sa.column("rowid", sa.Integer))

# The numbers of the given recordings (a JSON array of ids: one parameter whatever the page size),
# read back from the rows just written, in rowid order (the cheapest order to append to FTS5).
_INDEX_NUMBERS = (
    "INSERT INTO recording_numbers (rowid, ani, dnis) SELECT id, ani, dnis FROM recordings"
    " WHERE id IN (SELECT value FROM json_each(?)) AND (ani IS NOT NULL OR dnis IS NOT NULL) ORDER BY id"
)
_REMOVE_NUMBERS = "DELETE FROM recording_numbers WHERE rowid IN (SELECT value FROM json_each(?))"
# Every word with a letter in it that a document ever held (names, teams, queues, tags, devices: a
# small set; all-digit words are left out, they are as many as the calls). A prefix becomes the
# words it starts, ORed: FTS5 reads exact words' lists lazily and within an id range, while a prefix
# query first merges the whole list of every word it covers (123 ms for "olena* petrenko*" at 3M
# recordings, 8 ms for the two words). Words only ever added: one no longer used matches nothing.
_INDEX_WORDS = "INSERT OR IGNORE INTO search_words (word) VALUES (?)"
_MAX_EXPANSION = 64  # words a prefix may stand for; more (a letter or two): the prefix query itself
_LAST = "\U0010ffff"  # sorts after every word that starts with a prefix


class SqliteFtsBackend(_SqlBackend):
    """SQLite FTS5 table `recordings_fts(document)` with rowid = recordings.id, and the trigram table
    `recording_numbers(ani, dnis)` (same rowid) that finds any part of a caller or called number."""

    name = "sqlite-fts5"
    ranged = True

    def index_documents(self, conn: Connection, documents: Mapping[int, str], *, new: bool = False) -> None:
        if not documents:
            return
        if not new:
            self.remove(conn, documents.keys())
        # Straight to the driver: this runs for every page the sync writes.
        conn.exec_driver_sql("INSERT INTO recordings_fts (rowid, document) VALUES (?, ?)", list(documents.items()))
        conn.exec_driver_sql(_INDEX_NUMBERS, (json.dumps(list(documents)),))
        lettered = {word for document in documents.values() for word in document.split() if not word.isdigit()}
        if lettered:
            conn.exec_driver_sql(_INDEX_WORDS, [(word,) for word in sorted(lettered)])

    def remove(self, conn: Connection, recording_ids: Iterable[int]) -> None:
        ids = list(recording_ids)
        if ids:
            conn.execute(_fts.delete().where(_fts.c.rowid.in_(ids)))
            conn.exec_driver_sql(_REMOVE_NUMBERS, (json.dumps(ids),))

    def match_ids(self, text: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        terms = words(text)
        if not terms:
            return None
        # Each word quoted (words are letters and digits: no FTS5 syntax gets through) and matched as
        # a prefix, spelled out as the known words it starts where it has letters; words are ANDed.
        parts, params = [], {}
        for i, term in enumerate(terms):
            params[f"fts_prefix_{i}"] = f'"{term}"*'
            if term.isdigit():
                parts.append(f":fts_prefix_{i}")
                continue
            params[f"fts_from_{i}"], params[f"fts_to_{i}"] = term, term + _LAST
            parts.append(
                f"(SELECT CASE WHEN count(*) > {_MAX_EXPANSION} THEN :fts_prefix_{i}"
                f" ELSE coalesce(group_concat('\"' || word || '\"', ' OR '), :fts_prefix_{i}) END FROM"
                f" (SELECT word FROM search_words WHERE word >= :fts_from_{i} AND word < :fts_to_{i}"
                f" LIMIT {_MAX_EXPANSION + 1}))"
            )
        expression = " || ' AND ' || ".join(f"'(' || {part} || ')'" for part in parts)
        matching = sa.select(_fts.c.rowid).where(sa.text(f"recordings_fts MATCH {expression}"))
        return _within(matching, _fts.c.rowid, ids).params(params)

    def number_ids(self, column: str, part: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        super().number_ids(column, part)  # checks the column
        if len(part) < MIN_NUMBER_PART:
            return None
        # A quoted phrase of trigrams is a substring match; a quote inside is doubled (FTS5 string).
        quoted = part.replace('"', '""')
        name = f"numbers_{column}"
        matching = sa.select(_numbers.c.rowid).where(sa.text(f"recording_numbers MATCH :{name}"))
        return _within(matching, _numbers.c.rowid, ids).params({name: f'{column} : "{quoted}"'})


def _within(matching: sa.Select[Any], rowid: sa.ColumnElement[Any], ids: IdRange | None) -> sa.Select[Any]:
    """FTS5 reads only the part of each doclist inside a rowid range."""
    return matching if ids is None else matching.where(rowid.between(ids[0], ids[1]))


_search = sa.table(
    "recording_search",
    sa.column("recording_id", sa.BigInteger),
    sa.column("document", postgresql.TSVECTOR),
)


class PostgresFtsBackend(_SqlBackend):
    """`recording_search(recording_id, document tsvector)` with a GIN index, 'simple' configuration.
    Number parts: the plain substring condition (ILIKE), served by the pg_trgm indexes on ani and dnis."""

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

    def match_ids(self, text: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
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
        return matching if ids is None else matching.where(_search.c.recording_id.between(ids[0], ids[1]))


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
