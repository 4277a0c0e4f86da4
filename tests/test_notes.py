"""Notes and bookmarks on recordings: the use cases on SQLite and PostgreSQL, team scope, private
visibility, audit rows, and the recordings search finding a recording by its team notes' words."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from qms_desktop.app.access import NotSignedIn, RecordingNotFound
from qms_desktop.app.notes import InvalidNote, NoteKind, NoteNotFound, NotesUseCases, NoteVisibility
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.search import RecordingQuery
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.fulltext import backend_for
from qms_desktop.store.recordings import upsert_sessions
from tests import pg
from tests.store.factory import make_spec_session

db_url, engine, postgres_url, sqlite_url = pg.db_url, pg.engine, pg.postgres_url, pg.sqlite_url

ADMIN = Principal("adm", Role.ADMIN)
OLGA = Principal("olga", Role.SUPERVISOR, frozenset({"T1"}))
PETRO = Principal("petro", Role.SUPERVISOR, frozenset({"T1"}))
STEPAN = Principal("stepan", Role.SUPERVISOR, frozenset({"T2"}))
IT = Principal("itguy", Role.IT)


@pytest.fixture
def db(engine: Engine) -> Engine:
    records = [
        make_spec_session("t1-call", team_code="T1", agent_id="a1", agent_name="Olena Kovalenko"),
        make_spec_session("t1-other", team_code="T1", agent_id="a1", agent_name="Olena Kovalenko"),
        make_spec_session("t2-call", team_code="T2", agent_id="a2", agent_name="Taras Shevchuk"),
    ]
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=1, now_ms=1)
    return engine


def _found(engine: Engine, who: Principal, text: str) -> set[str]:
    page = RecordingUseCases(engine, who).search(RecordingQuery(text=text, limit=100, group_calls=False))
    return {row.session_id for row in page.items}


def test_add_list_edit_delete_with_audit_rows(db: Engine) -> None:
    olga = NotesUseCases(db, OLGA)
    note = olga.add("t1-call", 65_000, "  Greeting skipped  ", category="Compliance")
    assert (note.text, note.category, note.position_ms, note.author) == (
        "Greeting skipped",
        "compliance",
        65_000,
        "olga",
    )
    assert note.kind is NoteKind.NOTE and note.visibility is NoteVisibility.TEAM
    mark = olga.add("t1-call", 5_000, kind=NoteKind.BOOKMARK)
    assert mark.text == ""
    assert [n.id for n in olga.list_for("t1-call")] == [mark.id, note.id]  # by position

    edited = olga.edit(note.id, text="Greeting skipped entirely", position_ms=66_000)
    assert (edited.text, edited.position_ms, edited.category) == ("Greeting skipped entirely", 66_000, "compliance")
    assert edited.updated_ms >= note.created_ms
    assert [n.text for n in NotesUseCases(db, PETRO).list_for("t1-call")] == ["", "Greeting skipped entirely"]

    olga.delete(mark.id)
    assert [n.id for n in olga.list_for("t1-call")] == [note.id]

    rows = audit.list_audit(db, actor="olga", action="note.")
    assert [r.action for r in reversed(rows)] == [audit.NOTE_ADD, audit.NOTE_ADD, audit.NOTE_EDIT, audit.NOTE_DELETE]
    assert all(r.target == "t1-call" for r in rows)
    assert rows[1].detail["position_ms"] == 66_000 and rows[1].detail["chars"] == len("Greeting skipped entirely")
    assert "Greeting" not in str([r.detail for r in rows])  # the words stay out of the trail


def test_only_the_author_edits_and_the_author_or_an_admin_deletes(db: Engine) -> None:
    note = NotesUseCases(db, OLGA).add("t1-call", 1_000, "Good empathy", category="praise")
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, PETRO).edit(note.id, text="changed")
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, ADMIN).edit(note.id, text="changed")
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, PETRO).delete(note.id)
    assert [n.text for n in NotesUseCases(db, OLGA).list_for("t1-call")] == ["Good empathy"]
    denied = audit.list_audit(db, actor="petro", action=audit.ACCESS_DENIED)
    assert {r.detail["operation"] for r in denied} == {"note.edit", "note.delete"}

    NotesUseCases(db, ADMIN).delete(note.id)
    assert NotesUseCases(db, OLGA).list_for("t1-call") == []
    (row,) = audit.list_audit(db, actor="adm", action=audit.NOTE_DELETE)
    assert row.detail["author"] == "olga"


def test_team_scope(db: Engine) -> None:
    NotesUseCases(db, STEPAN).add("t2-call", 2_000, "T2 remark")
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, OLGA).add("t2-call", 1_000, "not my team")
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, OLGA).list_for("t2-call")
    assert audit.list_audit(db, actor="olga", action=audit.ACCESS_DENIED)
    assert [n.text for n in NotesUseCases(db, ADMIN).list_for("t2-call")] == ["T2 remark"]
    assert NotesUseCases(db, OLGA).search("remark") == []
    assert [n.session_id for n in NotesUseCases(db, ADMIN).search("remark")] == ["t2-call"]
    with pytest.raises(PermissionDenied):
        NotesUseCases(db, IT).list_for("t2-call")
    with pytest.raises(NotSignedIn):
        NotesUseCases(db, None).add("t2-call", 0, "x")
    with pytest.raises(RecordingNotFound):
        NotesUseCases(db, ADMIN).add("no-such-call", 0, "x")


def test_private_notes_are_their_authors_only(db: Engine) -> None:
    private = NotesUseCases(db, OLGA).add("t1-call", 3_000, "Mine alone", visibility=NoteVisibility.PRIVATE)
    assert [n.text for n in NotesUseCases(db, OLGA).list_for("t1-call")] == ["Mine alone"]
    assert NotesUseCases(db, PETRO).list_for("t1-call") == []
    assert NotesUseCases(db, ADMIN).list_for("t1-call") == []
    assert NotesUseCases(db, PETRO).search("mine") == []
    assert [n.id for n in NotesUseCases(db, OLGA).search("mine")] == [private.id]
    for who in (PETRO, ADMIN):  # not even told it exists
        with pytest.raises(NoteNotFound):
            NotesUseCases(db, who).delete(private.id)
    # Shared with the team later: now others see it.
    NotesUseCases(db, OLGA).edit(private.id, visibility=NoteVisibility.TEAM)
    assert [n.text for n in NotesUseCases(db, PETRO).list_for("t1-call")] == ["Mine alone"]


def test_invalid_notes_are_refused(db: Engine) -> None:
    olga = NotesUseCases(db, OLGA)
    with pytest.raises(InvalidNote):
        olga.add("t1-call", 0, "   ")  # a note needs words; a bookmark does not
    with pytest.raises(InvalidNote):
        olga.add("t1-call", -1, "before the start")
    with pytest.raises(InvalidNote):
        olga.add("t1-call", 0, "x" * 5000)
    assert olga.list_for("t1-call") == []


def test_search_finds_a_recording_by_its_team_notes_not_by_private_ones(db: Engine) -> None:
    assert _found(db, OLGA, "greeting") == set()
    note = NotesUseCases(db, OLGA).add("t1-call", 10_000, "Greeting skipped, escalate", category="coaching")
    NotesUseCases(db, PETRO).add("t1-other", 10_000, "Secretword rudeness", visibility=NoteVisibility.PRIVATE)

    assert _found(db, PETRO, "greet") == {"t1-call"}  # a team note: every reader of the team
    assert _found(db, ADMIN, "coaching kovalenko") == {"t1-call"}  # with the recording's own fields
    assert _found(db, STEPAN, "greeting") == set()  # not their team
    assert _found(db, OLGA, "secretword") == set()  # someone else's private note
    assert _found(db, PETRO, "secretword") == set()  # private notes are in nobody's search document
    assert _found(db, ADMIN, "rudeness") == set()

    # The document follows the note: edited words are found, the old ones no longer.
    NotesUseCases(db, OLGA).edit(note.id, text="Hold music too loud")
    assert _found(db, PETRO, "greeting") == set()
    assert _found(db, PETRO, "loud") == {"t1-call"}
    # Made private: out of the shared document.
    NotesUseCases(db, OLGA).edit(note.id, visibility=NoteVisibility.PRIVATE)
    assert _found(db, PETRO, "loud") == set()
    NotesUseCases(db, OLGA).edit(note.id, visibility=NoteVisibility.TEAM)
    assert _found(db, PETRO, "loud") == {"t1-call"}

    # A sync rewriting the recording, and a full rebuild, keep the team notes' words.
    changed = make_spec_session("t1-call", team_code="T1", agent_id="a1", agent_name="Olena Kovalenko-Renamed")
    with begin_write(db) as conn:
        assert upsert_sessions(conn, [changed], fetched_at_ms=2, now_ms=2).updated == 1
    assert _found(db, PETRO, "loud renamed") == {"t1-call"}
    with begin_write(db) as conn:
        backend_for(conn).rebuild(conn)
    assert _found(db, PETRO, "loud") == {"t1-call"}
    assert _found(db, PETRO, "secretword") == set()

    NotesUseCases(db, OLGA).delete(note.id)
    assert _found(db, PETRO, "loud") == set()


def test_a_note_change_queues_its_recording_for_the_search_index(db: Engine) -> None:
    from qms_desktop.search.indexing import load_source_rows
    from qms_desktop.store import search_queue
    from qms_desktop.store.schema import search_index_queue

    search_queue.set_queue_enabled(db, True)
    NotesUseCases(db, OLGA).add("t1-call", 1_000, "Upsell offered")
    NotesUseCases(db, OLGA).add("t1-call", 2_000, "Hidden thought", visibility=NoteVisibility.PRIVATE)
    with db.connect() as conn:
        queued = set(
            conn.execute(search_index_queue.select().with_only_columns(search_index_queue.c.session_id)).scalars()
        )
        document = load_source_rows(conn, ["t1-call"])["t1-call"]["document"]
    assert queued == {"t1-call"}
    # What the OpenSearch indexer sends: the team note's words, never the private one's.
    assert "upsell" in document.split() and "hidden" not in document.split()
