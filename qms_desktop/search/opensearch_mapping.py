"""The OpenSearch index template (explicit mappings) and the search document built from a row.

Keyword for exact filters and sorts, text subfields for words, dates as epoch milliseconds, numbers
as long. Documents are keyed by the MediaSense session id, so writing one twice is harmless.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qms_desktop.search.opensearch_settings import DEFAULT_INDEX

MAPPING_VERSION = 1


def _keyword_and_text() -> dict[str, Any]:
    return {"type": "keyword", "fields": {"text": {"type": "text", "analyzer": "qms_words"}}}


def _number_keyword() -> dict[str, Any]:
    # Phone numbers: exact keyword, plus a lowercase keyword the substring wildcard runs on.
    return {"type": "keyword", "fields": {"lc": {"type": "keyword", "normalizer": "qms_lowercase"}}}


def index_mappings() -> dict[str, Any]:
    return {
        "dynamic": "strict",  # a field we did not declare is a bug, not a guess for OpenSearch to make
        "_meta": {"qms_mapping_version": MAPPING_VERSION},
        "properties": {
            "session_id": {"type": "keyword"},
            "rid": {"type": "long"},  # recordings.id: the keyset tie-breaker, as in the database
            "recording_id": {"type": "keyword"},
            "start": {"type": "date", "format": "epoch_millis"},
            "end": {"type": "date", "format": "epoch_millis"},
            "duration_ms": {"type": "long"},
            "state": {"type": "keyword"},
            "agent_id": _keyword_and_text(),
            "agent_name": _keyword_and_text(),
            "team_code": _keyword_and_text(),
            "direction": {"type": "keyword"},
            "ani": _number_keyword(),
            "dnis": _number_keyword(),
            "csq": {"type": "keyword"},
            "wrap_up_reason": _keyword_and_text(),
            "tags": {"type": "keyword"},
            "participants": _number_keyword(),  # participants' device refs (extensions, numbers)
            "participant_names": _keyword_and_text(),
            "pruned": {"type": "boolean"},
            "synced_at": {"type": "date", "format": "epoch_millis"},
            # The same words the database's full-text search indexes (documents.py); never scored.
            "document": {"type": "text", "analyzer": "qms_words", "index_options": "docs", "norms": False},
            # The SQL sort keys with NULLs replaced as query.py does, so both backends order alike.
            "sort_duration": {"type": "long"},
            "sort_agent": {"type": "keyword"},
            "sort_ani": {"type": "keyword"},
            "sort_dnis": {"type": "keyword"},
        },
    }


def index_settings() -> dict[str, Any]:
    return {
        "number_of_shards": 1,  # one contact centre's metadata: millions of small documents, one shard
        "analysis": {
            "normalizer": {"qms_lowercase": {"type": "custom", "filter": ["lowercase"]}},
            # Documents arrive as space-separated lowercase words (documents.words): split, nothing more.
            "analyzer": {"qms_words": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}},
        },
    }


def index_template(index: str = DEFAULT_INDEX) -> dict[str, Any]:
    """The composable index template (PUT _index_template/<index>) for `index` and its versions."""
    return {
        "index_patterns": [f"{index}*"],
        "priority": 100,
        "template": {"settings": index_settings(), "mappings": index_mappings()},
        "_meta": {"qms_mapping_version": MAPPING_VERSION},
    }


# ---- documents ----------------------------------------------------------------------------------


def _first_not_none(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def to_document(row: Mapping[str, Any]) -> dict[str, Any]:
    """A search document from a source row (indexing.load_source_rows)."""
    tags = [t["name"] for t in row.get("tags", ()) if t.get("name") is not None]
    parts = row.get("participants", ())
    refs = [p["device_ref"] for p in parts if p.get("device_ref") is not None]
    names = [p["name"] for p in parts if p.get("name") is not None]
    duration = row.get("duration_ms")
    return {
        "session_id": row["session_id"],
        "rid": row["id"],
        "recording_id": row.get("recording_id"),
        "start": row["start_ms"],
        "end": row.get("end_ms"),
        "duration_ms": duration,
        "state": row.get("state"),
        "agent_id": row.get("agent_id"),
        "agent_name": row.get("agent_name"),
        "team_code": row.get("team_code"),
        "direction": row.get("direction"),
        "ani": row.get("ani"),
        "dnis": row.get("dnis"),
        "csq": row.get("csq"),
        "wrap_up_reason": row.get("wrap_up_reason"),
        "tags": list(dict.fromkeys(tags)),
        "participants": list(dict.fromkeys(refs)),
        "participant_names": list(dict.fromkeys(names)),
        "pruned": bool(row.get("pruned")),
        "synced_at": row.get("synced_at_ms"),
        "document": row.get("document") or "",
        "sort_duration": duration if duration is not None else -1,
        "sort_agent": _first_not_none(row.get("agent_name"), row.get("agent_id"), ""),
        "sort_ani": _first_not_none(row.get("ani"), ""),
        "sort_dnis": _first_not_none(row.get("dnis"), ""),
    }
