"""Log lines for the terminal (stderr) that never make the logging thread wait.

A write to stderr blocks when stderr is a pipe whose reader is slow or gone; a thread that logs a
warning would then stop, e.g. the playback proxy's, and every player with it. `BackgroundStderr`
formats on the caller's thread and writes on a thread of its own; when that thread is stuck and its
queue is full, further lines are dropped (and counted) instead.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time

DEFAULT_CAPACITY = 1000
_EXIT_FLUSH_S = 1.0  # at exit, wait this long for the lines still queued, never longer


class BackgroundStderr(logging.Handler):
    """A handler writing to whatever `sys.stderr` is at the time, from its own daemon thread."""

    def __init__(self, level: int = logging.NOTSET, capacity: int = DEFAULT_CAPACITY) -> None:
        super().__init__(level)
        self._queue: queue.Queue[str] = queue.Queue(capacity)
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # handleError would write to stderr from this thread
            self.dropped += 1
            return
        try:
            self._queue.put_nowait(line)
        except queue.Full:
            self.dropped += 1
            return
        if self._thread is None:
            self._start()

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._write_forever, name="qms-stderr", daemon=True)
                self._thread.start()

    def _write_forever(self) -> None:
        while True:
            line = self._queue.get()
            try:
                stream = sys.stderr
                if stream is not None:
                    stream.write(line)
                    stream.flush()
            except Exception:  # nothing sensible to tell, and nowhere to tell it
                pass
            finally:
                self._queue.task_done()

    def flush(self, timeout: float = _EXIT_FLUSH_S) -> None:
        """Wait up to `timeout` for the queued lines to be written (logging.shutdown calls this at exit)."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)


def take_over_stderr() -> None:
    """Swap the root logger's plain stderr handlers (`logging.basicConfig`'s) for `BackgroundStderr`
    with the same level and format, and `install_last_resort()`."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if type(handler) is logging.StreamHandler and handler.stream in (sys.stderr, sys.__stderr__):
            replacement = BackgroundStderr(handler.level)
            replacement.setFormatter(handler.formatter)
            root.addHandler(replacement)
            root.removeHandler(handler)
    install_last_resort()


def install_last_resort() -> BackgroundStderr:
    """Route what Python writes for records nobody handles (`logging.lastResort`: WARNING and up,
    to stderr) through a background thread. Idempotent."""
    if not isinstance(logging.lastResort, BackgroundStderr):
        handler = BackgroundStderr(logging.WARNING)
        logging.lastResort = handler
        return handler
    return logging.lastResort
