"""Time-coded notes and bookmarks a reviewer leaves on a recording.

A note sits at a position in the recording (milliseconds from its start). A bookmark is a note whose
text may be empty. A private note is seen by its author only; a team note by everyone who may see
the recording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class NoteKind(StrEnum):
    NOTE = "note"
    BOOKMARK = "bookmark"


class NoteVisibility(StrEnum):
    PRIVATE = "private"
    TEAM = "team"


# The categories offered in the front ends; any other short text is accepted too.
NOTE_CATEGORIES = ("compliance", "coaching", "praise", "issue")
MAX_TEXT = 4000
MAX_CATEGORY = 64
MAX_POSITION_MS = 366 * 24 * 3600 * 1000  # no recording lasts a year


class InvalidNote(ValueError):
    """A note that cannot be stored as given (a note without text, a negative position ...)."""


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    session_id: str
    position_ms: int
    kind: NoteKind
    visibility: NoteVisibility
    category: str | None
    text: str
    author: str
    created_ms: int
    updated_ms: int

    @property
    def is_private(self) -> bool:
        return self.visibility is NoteVisibility.PRIVATE

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session_id": self.session_id,
            "position_ms": self.position_ms,
            "kind": self.kind.value,
            "visibility": self.visibility.value,
            "category": self.category,
            "text": self.text,
            "author": self.author,
            "created_ms": self.created_ms,
            "updated_ms": self.updated_ms,
        }


def clean_note(kind: NoteKind, text: str | None, category: str | None, position_ms: int) -> tuple[str, str | None, int]:
    """The text, category and position as stored: trimmed, checked; InvalidNote when they cannot be."""
    text = (text or "").strip()
    category = (category or "").strip().casefold() or None
    if kind is NoteKind.NOTE and not text:
        raise InvalidNote("A note needs some text (a bookmark may have none)")
    if len(text) > MAX_TEXT:
        raise InvalidNote(f"A note's text is at most {MAX_TEXT} characters")
    if category is not None and len(category) > MAX_CATEGORY:
        raise InvalidNote(f"A category is at most {MAX_CATEGORY} characters")
    if not 0 <= position_ms <= MAX_POSITION_MS:
        raise InvalidNote("A note's position must lie within the recording")
    return text, category, position_ms
