"""Search over recordings: full-text backends and the recordings query API used by the CLI and GUI."""

from qms_desktop.search.query import (
    RecordingDetail,
    RecordingPage,
    RecordingQuery,
    RecordingRow,
    count_recordings,
    get_recording,
    search_recordings,
)
from qms_desktop.store.fulltext import PostgresFtsBackend, SearchBackend, SqliteFtsBackend, backend_for

__all__ = [
    "PostgresFtsBackend",
    "RecordingDetail",
    "RecordingPage",
    "RecordingQuery",
    "RecordingRow",
    "SearchBackend",
    "SqliteFtsBackend",
    "backend_for",
    "count_recordings",
    "get_recording",
    "search_recordings",
]
