"""The integration log itself: one handler on the `qms` logger that masks, numbers, writes a JSON
line, keeps the entry in a ring buffer and tells subscribers."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from qms_desktop.integration_log import files
from qms_desktop.integration_log.entries import (
    LogEntry,
    LogPage,
    decode_cursor,
    level_name,
    logging_level,
    normalize_level,
    timestamp,
)
from qms_desktop.integration_log.masking import MASKED_EXTRAS, MaskingFilter, record_extras

ROOT_LOGGER = "qms"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_BACKUP_COUNT = 5
DEFAULT_BUFFER_SIZE = 1000

Subscriber = Callable[[LogEntry], None]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """JSON's own types only, so the buffered entry equals the one decoded from the file."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dict):
        if all(type(k) is str and type(v) in _SCALARS for k, v in value.items()):
            return value  # the usual flat extras: nothing to convert
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return str(value)


class _Handler(logging.Handler):
    def __init__(self, log: IntegrationLog) -> None:
        super().__init__()
        self._log = log

    # Python 3.12's Handler.handle returns the (possibly replaced) record; typeshed still says bool.
    def handle(self, record: logging.LogRecord) -> logging.LogRecord | bool:  # type: ignore[override]
        # Mask first, whatever the level: the record goes on to the root's handlers (console,
        # pytest) after us, also when it is below the level we record.
        rv = self.filter(record)
        if not rv:
            return False
        if isinstance(rv, logging.LogRecord):
            record = rv
        if record.levelno >= self._log._threshold:
            self.emit(record)
        return record

    def emit(self, record: logging.LogRecord) -> None:
        try:
            entry = self._log._append(record)
        except Exception:
            self.handleError(record)
            return
        self._log._notify(entry)

    def close(self) -> None:
        self._log._close_stream()
        super().close()


class IntegrationLog:
    """Masked log records of the `qms.*` loggers in a rotating JSON-lines file and a ring buffer.

    Usually obtained from `setup_integration_log()`; a bare instance records nothing until
    `attach()`.
    """

    def __init__(
        self,
        log_dir: Path,
        *,
        level: str | int = "INFO",
        buffer_size: int = DEFAULT_BUFFER_SIZE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        backup_count: int = DEFAULT_BACKUP_COUNT,
        logger_name: str = ROOT_LOGGER,
    ) -> None:
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.log_dir / files.FILE_NAME
        self.buffer_size = buffer_size
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        self.logger_name = logger_name
        self._lock = threading.RLock()  # reentrant: a subscriber may log from inside a callback
        self._stream: BinaryIO | None = None
        self._failed_since: OSError | None = None  # the file could not be written since this error
        self._size = 0
        self._subscribers: tuple[Subscriber, ...] = ()
        self._filter = MaskingFilter()
        self._handler = _Handler(self)
        self._handler.addFilter(self._filter)
        self._attached: logging.Logger | None = None
        self._previous_logger_level = logging.NOTSET
        # Show the recent history at once after a restart, and continue its numbering.
        recent = files.read_entries(self.log_dir, None, files.Matcher(None, None), buffer_size)
        self._buffer: deque[LogEntry] = deque(reversed(recent), maxlen=buffer_size)
        self._seq = recent[0].seq if recent else files.last_seq(self.log_dir)
        self._level = "INFO"
        self._threshold = logging.INFO
        self.set_level(level)

    # --- wiring -------------------------------------------------------------------------------

    def attach(self) -> None:
        """Start recording the `qms` logger and its children."""
        with self._lock:
            if self._attached is not None:
                return
            logger = logging.getLogger(self.logger_name)
            self._previous_logger_level = logger.level
            # Logger filters only see records logged on that very logger; the handler's filter is
            # the one that covers `qms.http` & co. Both are the same idempotent masking step.
            logger.addFilter(self._filter)
            logger.addHandler(self._handler)
            logger.setLevel(logging_level(self._level))
            self._attached = logger

    def detach(self) -> None:
        with self._lock:
            logger, self._attached = self._attached, None
            if logger is None:
                return
            logger.removeHandler(self._handler)
            logger.removeFilter(self._filter)
            logger.setLevel(self._previous_logger_level)

    def close(self) -> None:
        self.detach()
        self._handler.close()

    @property
    def masking_filter(self) -> logging.Filter:
        return self._filter

    # --- level --------------------------------------------------------------------------------

    @property
    def level(self) -> str:
        return self._level

    def set_level(self, level: str | int) -> str:
        """Change what is recorded from now on (ERROR, WARN, INFO, DEBUG). Not persisted here."""
        name = normalize_level(level)
        with self._lock:
            self._level = name
            # Not the handler's own level: logging would then skip the handler, and its masking,
            # for records that a child logger set to DEBUG lets through.
            self._threshold = logging_level(name)
            if self._attached is not None:
                self._attached.setLevel(logging_level(name))
        return name

    # --- writing ------------------------------------------------------------------------------

    def _append(self, record: logging.LogRecord) -> LogEntry:
        ts, ts_text = timestamp(record.created)
        extra = _plain(getattr(record, MASKED_EXTRAS, None) or record_extras(record))
        exc = record.exc_text or None
        if record.stack_info:
            exc = f"{exc}\n{record.stack_info}" if exc else record.stack_info
        level = level_name(record.levelno)
        message = str(record.msg)
        body = files.encode_body(
            {"ts": ts_text, "level": level, "logger": record.name, "message": message, "extra": extra, "exc": exc}
        )
        with self._lock:
            self._seq += 1
            entry = LogEntry(self._seq, ts, level, record.name, message, extra, exc)
            try:
                self._write(files.make_line(self._seq, body))
            except OSError as error:  # a full disk or a folder gone read-only: keep going in memory
                self._file_failed(error)
            else:
                self._failed_since = None
            self._buffer.append(entry)
        return entry

    def _file_failed(self, error: OSError) -> None:
        """Say once per outage, in one line, that the file is not being written (never a traceback)."""
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
            self._stream = None
        if self._failed_since is None:
            self._failed_since = error
            with contextlib.suppress(Exception):
                sys.stderr.write(
                    f"qms-desktop: the integration log {self.path} cannot be written ({error.strerror or error}); "
                    "entries are kept in memory until it can. Free disk space or fix the folder's permissions.\n"
                )

    def _write(self, data: bytes) -> None:
        if self._stream is None:
            self._stream = open(self.path, "ab")  # noqa: SIM115 - long-lived, closed in _close_stream
            self._size = os.fstat(self._stream.fileno()).st_size
        if 0 < self.max_bytes < self._size + len(data) and self._size and self.backup_count > 0:
            self._rotate()
        assert self._stream is not None
        self._stream.write(data)
        self._stream.flush()  # whole lines on disk at once: readers (the CLI, query) never wait
        self._size += len(data)

    def _rotate(self) -> None:
        self._close_stream()
        for index in range(self.backup_count - 1, 0, -1):
            source = files.backup_path(self.log_dir, index)
            if source.exists():
                os.replace(source, files.backup_path(self.log_dir, index + 1))
        if self.path.exists():
            os.replace(self.path, files.backup_path(self.log_dir, 1))
        self._stream = open(self.path, "ab")  # noqa: SIM115 - long-lived, closed in _close_stream
        self._size = 0

    def _close_stream(self) -> None:
        with self._lock:
            if self._stream is not None:
                self._stream.close()
                self._stream = None

    # --- subscribers --------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(entry)` for each new (masked) entry, from the logging thread. Returns the
        function that unsubscribes. Callbacks must be quick; the GUI batches on a timer."""
        with self._lock:
            self._subscribers = (*self._subscribers, callback)

        def unsubscribe() -> None:
            with self._lock:
                self._subscribers = tuple(s for s in self._subscribers if s is not callback)

        return unsubscribe

    def _notify(self, entry: LogEntry) -> None:
        for callback in self._subscribers:
            try:
                callback(entry)
            except Exception:
                # Not logged: logging from here would recurse into the same failing callback.
                pass

    # --- reading ------------------------------------------------------------------------------

    def entries(self) -> list[LogEntry]:
        """The ring buffer, oldest first."""
        with self._lock:
            return list(self._buffer)

    def query(
        self,
        level: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
        search: str | None = None,
        *,
        include_file: bool = True,
    ) -> LogPage:
        """Entries newest first. `level` is a minimum (WARN gives WARN and ERROR); `search` a
        case-insensitive substring of the message, logger, extras or exception; `cursor` the
        `next_cursor` of the previous page. Once the buffer is exhausted the files are read."""
        limit = max(1, int(limit))
        below = decode_cursor(cursor)
        matcher = files.Matcher(level, search)
        want = limit + 1
        snapshot = self.entries()
        found: list[LogEntry] = []
        for entry in reversed(snapshot):
            if below is not None and entry.seq >= below:
                continue
            if matcher.entry(entry):
                found.append(entry)
                if len(found) == want:
                    break
        if len(found) < want and include_file:
            file_below = below
            if snapshot:  # the buffer already covered everything from its oldest entry on
                oldest = snapshot[0].seq
                file_below = oldest if below is None else min(below, oldest)
            found += files.read_entries(self.log_dir, file_below, matcher, want - len(found))
        return files.page(found, limit)

    # --- housekeeping -------------------------------------------------------------------------

    def clear(self) -> Path | None:
        """Archive the current file (and its backups) as integration-<UTC timestamp>.log, start a
        new file, empty the buffer. Numbering continues. Returns the archive, None if no file."""
        with self._lock:
            self._close_stream()
            archived = files.archive(self.log_dir, datetime.now(UTC))
            self._buffer.clear()
        return archived

    def status(self) -> dict[str, Any]:
        with self._lock:
            size = self._size if self._stream is not None else _file_size(self.path)
            return {
                "configured": self._attached is not None,
                "logLevel": self._level,
                "logBufferSize": len(self._buffer),
                "bufferCapacity": self.buffer_size,
                "file": str(self.path),
                "fileBytes": size,
                "maxBytes": self.max_bytes,
                "backupCount": self.backup_count,
                "lastSeq": self._seq,
            }


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_current: IntegrationLog | None = None
_setup_lock = threading.Lock()


def setup_integration_log(
    log_dir: Path | None = None,
    *,
    level: str | int | None = None,
    buffer_size: int = DEFAULT_BUFFER_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    backup_count: int = DEFAULT_BACKUP_COUNT,
) -> IntegrationLog:
    """Attach the integration log to the `qms` loggers, or return the one already attached to the
    same directory with the same sizes (a `level` passed then is applied). Without a `level`, the
    one stored by `persist_level` (the `log-level` file) is used, else INFO."""
    global _current
    if log_dir is None:
        from qms_desktop import paths  # lazily: QMS_HOME is read at call time

        log_dir = paths.log_dir()
    directory = Path(log_dir).expanduser().resolve()
    with _setup_lock:
        current = _current
        if current is not None and (
            current.log_dir == directory
            and (current.buffer_size, current.max_bytes, current.backup_count) == (buffer_size, max_bytes, backup_count)
        ):
            if level is not None:
                current.set_level(level)
            return current
        if current is not None:
            current.close()
            _current = None
        chosen = level if level is not None else files.read_persisted_level(directory) or "INFO"
        log = IntegrationLog(
            directory, level=chosen, buffer_size=buffer_size, max_bytes=max_bytes, backup_count=backup_count
        )
        log.attach()
        _current = log
        return log


def get_integration_log() -> IntegrationLog | None:
    return _current


def shutdown_integration_log() -> None:
    """Detach and close the current integration log (application shutdown, tests)."""
    global _current
    with _setup_lock:
        if _current is not None:
            _current.close()
            _current = None
