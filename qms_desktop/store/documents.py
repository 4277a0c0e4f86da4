"""The searchable document of a recording, built the same way for every backend.

Words are split and case-folded here, in Python, so SQLite FTS5 and PostgreSQL tsvector see the
same plain lowercase words and match exactly the same recordings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# Letters and digits only: "_" and punctuation separate words in both databases' tokenizers.
_WORD = re.compile(r"[^\W_]+")

# The recordings columns that go into the document.
# ccid: a call controller id typed or pasted from another system finds every segment of the call.
DOCUMENT_COLUMNS = ("ani", "dnis", "agent_name", "agent_id", "team_code", "csq", "wrap_up_reason", "ccid")


def words(text: str | None) -> list[str]:
    return _WORD.findall(text.casefold()) if text else []


def build_document(values: Iterable[Any]) -> str:
    """The distinct words of all values, in first-seen order (one regex pass over the joined text)."""
    text = " ".join(str(value) for value in values if value is not None)
    return " ".join(dict.fromkeys(words(text)))


def document_from_rows(
    recording: Mapping[Any, Any],
    tags: Iterable[Mapping[Any, Any]],
    participants: Iterable[Mapping[Any, Any]],
) -> str:
    """The document of one recording from its row and child rows (as stored or about to be).

    Rows are dicts or SQLAlchemy RowMappings (whose keys may be columns as well as names)."""
    values: list[Any] = [recording.get(column) for column in DOCUMENT_COLUMNS]
    values.extend(tag.get("name") for tag in tags)
    for participant in participants:
        values.append(participant.get("device_ref"))
        values.append(participant.get("name"))
    return build_document(values)
