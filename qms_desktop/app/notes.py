"""Time-coded notes and bookmarks on recordings: adding, editing, deleting, listing, searching.

Notes live on recordings, so they follow the recordings' rules: SUPERVISORs reach only their own
teams' recordings (the same check as showing one, `RecordingUseCases`), ADMINs every recording, IT
none. A private note is seen by its author only, whatever the role; a team note by everyone who may
see its recording. Only the author edits a note; the author or an administrator deletes it. Every
change writes its audit row in the change's transaction (the note's text stays out of the trail).

The words of team notes belong to their recording's full-text document, rebuilt in the same
transaction as the change (and queued for OpenSearch when that backlog is on); private notes never
make a recording findable for anyone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from qms_desktop.app.access import UseCase
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.domain.notes import InvalidNote, Note, NoteKind, NoteVisibility, clean_note
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied, SecurityError
from qms_desktop.security.roles import Permission, Role
from qms_desktop.store import notes as store
from qms_desktop.store import search_queue
from qms_desktop.store.engine import begin_write, database_now_ms
from qms_desktop.store.fulltext import backend_for
from qms_desktop.store.schema import recordings

__all__ = ["InvalidNote", "Note", "NoteKind", "NoteNotFound", "NoteVisibility", "NotesUseCases"]


class NoteNotFound(SecurityError, LookupError):
    hint = "The note was deleted, or it is someone else's private note"


def _detail(note: Note) -> dict[str, Any]:
    """What the audit row says of a note: where and what kind, not its words."""
    return {
        "note": note.id,
        "position_ms": note.position_ms,
        "kind": note.kind.value,
        "visibility": note.visibility.value,
        "category": note.category,
        "chars": len(note.text),
    }


class NotesUseCases(UseCase):
    def _recording(self, session_id: str) -> None:
        """The recording exists and the principal may see it (role and team scope, refusals audited)."""
        RecordingUseCases(self.engine, self.principal)._visible(session_id, Permission.RECORDINGS_READ)

    def _reindex(self, conn: Connection, session_id: str) -> None:
        rid = conn.execute(recordings.select().with_only_columns(recordings.c.id).where(
            recordings.c.session_id == session_id)).scalar_one()  # fmt: skip
        backend_for(conn).index(conn, [rid])
        if search_queue.queue_enabled(conn):
            search_queue.enqueue(conn, [session_id], database_now_ms(conn))

    def _own_visible(self, conn: Connection, note_id: int) -> Note:
        principal = self.require(Permission.RECORDINGS_READ, f"note:{note_id}")
        note = store.get_note(conn, note_id)
        if note is None or (note.is_private and note.author != principal.username):
            raise NoteNotFound(f"No note {note_id}")
        return note

    def add(
        self,
        session_id: str,
        position_ms: int,
        text: str = "",
        *,
        category: str | None = None,
        kind: NoteKind = NoteKind.NOTE,
        visibility: NoteVisibility = NoteVisibility.TEAM,
    ) -> Note:
        principal = self.require(Permission.RECORDINGS_READ, session_id)
        text, category, position_ms = clean_note(kind, text, category, position_ms)
        self._recording(session_id)
        with begin_write(self.engine) as conn:
            note = store.insert_note(
                conn,
                session_id=session_id,
                position_ms=position_ms,
                kind=kind,
                visibility=visibility,
                category=category,
                text=text,
                author=principal.username,
                now_ms=database_now_ms(conn),
            )
            self._reindex(conn, session_id)
            self.audit_in(conn, audit.NOTE_ADD, session_id, **_detail(note))
        return note

    def edit(
        self,
        note_id: int,
        *,
        text: str | None = None,
        category: str | None = None,
        position_ms: int | None = None,
        visibility: NoteVisibility | None = None,
    ) -> Note:
        """Change a note's text, category, position or visibility (None keeps it); its author only.
        An empty category ("") removes it."""
        principal = self.require(Permission.RECORDINGS_READ, f"note:{note_id}")
        with self.engine.connect() as conn:
            note = self._own_visible(conn, note_id)
        self._recording(note.session_id)
        if note.author != principal.username:
            self._refuse(note, "edit")
        new_text, new_category, new_position = clean_note(
            note.kind,
            note.text if text is None else text,
            note.category if category is None else category,
            note.position_ms if position_ms is None else position_ms,
        )
        new_visibility = visibility or note.visibility
        with begin_write(self.engine) as conn:
            now = database_now_ms(conn)
            store.update_note(conn, note.id, text=new_text, category=new_category, position_ms=new_position,
                              visibility=new_visibility, now_ms=now)  # fmt: skip
            changed = Note(note.id, note.session_id, new_position, note.kind, new_visibility, new_category,
                           new_text, note.author, note.created_ms, now)  # fmt: skip
            self._reindex(conn, note.session_id)
            self.audit_in(conn, audit.NOTE_EDIT, note.session_id, **_detail(changed))
        return changed

    def delete(self, note_id: int) -> None:
        """Delete a note: its author, or an administrator (a team note; private notes stay their author's)."""
        principal = self.require(Permission.RECORDINGS_READ, f"note:{note_id}")
        with self.engine.connect() as conn:
            note = self._own_visible(conn, note_id)
        self._recording(note.session_id)
        if note.author != principal.username and principal.role is not Role.ADMIN:
            self._refuse(note, "delete")
        with begin_write(self.engine) as conn:
            store.delete_note(conn, note.id)
            self._reindex(conn, note.session_id)
            self.audit_in(conn, audit.NOTE_DELETE, note.session_id, author=note.author, **_detail(note))

    def list_for(self, session_id: str) -> list[Note]:
        """The notes of one recording the principal may see (its team notes and their own private
        ones), in the order of their positions. Reading them belongs to showing the recording, which
        is audited."""
        principal = self.require(Permission.RECORDINGS_READ, session_id)
        self._recording(session_id)
        with self.engine.connect() as conn:
            return store.list_notes(conn, session_id, principal.username)

    def search(self, text: str, *, limit: int = 200) -> list[Note]:
        """Notes whose text or category has every word of `text` as a word prefix, on recordings of
        the principal's teams (newest first); audited like a recordings search."""
        principal = self.require(Permission.RECORDINGS_READ)
        with self.engine.connect() as conn:
            found = store.search_notes(conn, text, principal.username, principal.allowed_teams, limit=limit)
        self.audit(audit.NOTE_SEARCH, None, words=len(text.split()), rows=len(found))
        return found

    def _refuse(self, note: Note, what: str) -> None:
        audit.write(self.engine, audit.ACCESS_DENIED, actor=self.actor, target=note.session_id,
                    detail={"note": note.id, "operation": f"note.{what}", "reason": "author"},
                    outcome=audit.DENIED)  # fmt: skip
        raise PermissionDenied(
            f"Only the author ({note.author}) may {what} note {note.id}",
            hint="Add a note of your own instead" if what == "edit" else None,
        )
