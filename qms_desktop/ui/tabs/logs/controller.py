"""The Logs tab's controller: opens the live log through the log use cases (permission, audit), takes
live entries in batches on a timer, and runs the rest (older pages, clear, the level, save) off the
GUI thread as named tasks."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from qms_desktop.app.logs import LiveLog, LogUseCases
from qms_desktop.integration_log import LogEntry
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import WriteOp
from qms_desktop.ui.qt import QObject, QTimer, Signal
from qms_desktop.ui.tabs.logs.models import LogFilter, LogTableModel, entry_plain_text

log = logging.getLogger("qms.ui")

BATCH_INTERVAL_MS = 100
OLDER_PAGE_SIZE = 1000


class LogsController(QObject):
    """Owns the subscription to the integration log and everything that is not a widget."""

    started = Signal()  # the live log is open: the model holds the ring buffer, new entries follow
    batchInserted = Signal(int)  # rows appended to the model in one timer tick
    pendingChanged = Signal(int)  # entries held back while paused
    pausedChanged = Signal(bool)
    levelChanged = Signal(str)  # the level recorded by the integration log
    cleared = Signal(str)  # the archive the cleared file went to ("" if there was none)
    saved = Signal(str, int)  # path, rows written
    failed = Signal(str)  # a message for the user

    def __init__(
        self,
        ctx: UiContext,
        model: LogTableModel,
        *,
        interval_ms: int = BATCH_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = ctx.tasks
        self.model = model
        self.log: LiveLog | None = None
        # deque.append/popleft are atomic: the logging thread appends, the GUI timer pops. Bounded:
        # if the GUI stalls, the oldest entries would be trimmed from the view anyway.
        self._queue: deque[LogEntry] = deque(maxlen=model.max_rows)
        self._pending: deque[LogEntry] = deque(maxlen=model.max_rows)
        self._paused = False
        self._skip_upto = 0  # entries up to this seq are already in the model (snapshot, clear)
        self._unsubscribe: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain)
        model.olderRequested.connect(self._on_older_requested)

    # --- live entries -------------------------------------------------------------------------

    @property
    def logs(self) -> LogUseCases:
        return LogUseCases(self.ctx.engine, self.ctx.principal, self.ctx.integration_log)

    def start(self) -> None:
        """Open the live log as the signed-in user (checked and audited off the GUI thread)."""
        if self.log is None:
            WriteOp(self.ctx, "logs.open", self.logs.live, owner=self).success(self._attach).failure(
                lambda exc: self.failed.emit(str(exc))
            ).run()

    def _attach(self, live: LiveLog) -> None:
        """Subscribe first, then take the ring buffer: nothing is lost in between, and entries the
        snapshot already holds are skipped by seq."""
        if self._unsubscribe is not None:
            return
        self.log = live
        self._unsubscribe = live.subscribe(self.enqueue)
        snapshot = self.log.entries()  # memory only: the ring buffer
        self._skip_upto = snapshot[-1].seq if snapshot else 0
        # The buffer is filled from the files at start-up and loses entries only once full, so a
        # buffer that is not full means the files hold nothing older.
        self.model.reset_rows(snapshot, has_older=len(snapshot) >= live.buffer_size)
        self._timer.start()
        self.started.emit()

    def enqueue(self, entry: LogEntry) -> None:
        """The subscription callback, called on whatever thread logged: only queue, never Qt."""
        self._queue.append(entry)

    def stop(self) -> None:
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @property
    def unsubscribe(self) -> Callable[[], None] | None:
        return self._unsubscribe

    def drain(self) -> int:
        """Move what the subscription queued into the model in one insertion (the timer's slot)."""
        queue = self._queue
        count = len(queue)
        if not count:
            return 0
        batch = [queue.popleft() for _ in range(count)]
        skip = self._skip_upto
        if skip:
            batch = [e for e in batch if e.seq > skip]
        # Threads notify outside the core's lock, so neighbours can arrive swapped.
        batch.sort(key=_seq)
        if not batch:
            return 0
        if self._paused:
            self._pending.extend(batch)
            self.pendingChanged.emit(len(self._pending))
            return 0
        self.model.append(batch)
        self.batchInserted.emit(len(batch))
        return len(batch)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def set_paused(self, paused: bool) -> None:
        if paused == self._paused:
            return
        self._paused = paused
        if not paused:
            self.drain()  # whatever is queued goes after the held-back entries
            held = list(self._pending)
            self._pending.clear()
            if held:
                self.model.append(held)
                self.batchInserted.emit(len(held))
            self.pendingChanged.emit(0)
        self.pausedChanged.emit(paused)

    # --- older entries ------------------------------------------------------------------------

    def _on_older_requested(self) -> None:
        self.tasks.start("logs.older", self._load_older(self.model.older_cursor()))

    async def _load_older(self, cursor: str | None) -> None:
        if self.log is None:
            self.model.older_failed()
            return
        try:
            page = await asyncio.to_thread(self.log.query, None, cursor, OLDER_PAGE_SIZE)
        except asyncio.CancelledError:
            self.model.older_failed()
            raise
        except Exception as exc:
            self.model.older_failed()
            log.warning("Could not read older log entries: %s", exc)
            self.failed.emit(self.tr("Could not read older log entries: {0}").format(exc))
            return
        if cursor is None:
            # The model was empty: these are the newest entries, which the queue may also bring.
            self._skip_upto = max(self._skip_upto, page.entries[0].seq if page.entries else 0)
        self.model.prepend_older(page.entries[::-1], has_more=page.next_cursor is not None, cursor=cursor)

    # --- level, clear, save -------------------------------------------------------------------

    def set_level(self, level: str) -> None:
        """Record from `level` on, now and in every process started later (audited)."""
        WriteOp(self.ctx, "logs.persist-level", self.logs.set_level, level, owner=self).success(
            self.levelChanged.emit
        ).failure(lambda exc: self.failed.emit(self.tr("Could not set the log level: {0}").format(exc))).run()

    def clear(self) -> None:
        self.tasks.cancel("logs.older")
        last = self.log.last_seq() if self.log is not None else 0

        def cleared(archived: Path | None) -> None:
            self._skip_upto = max(self._skip_upto, last)
            self._pending.clear()
            self.pendingChanged.emit(0)
            self.model.reset_rows([], has_older=False)
            log.info("Integration log cleared from the Logs tab; archived as %s", archived)
            self.cleared.emit(str(archived) if archived else "")

        WriteOp(self.ctx, "logs.clear", self.logs.clear, owner=self).success(cleared).failure(
            lambda exc: self.failed.emit(self.tr("Could not clear the log: {0}").format(exc))
        ).run()

    def save(self, path: Path, entries: Sequence[LogEntry], flt: LogFilter) -> None:
        """Write the rows that pass `flt` (the view's filter) to a text file, off the GUI thread."""
        rows = list(entries)  # a snapshot: the model keeps changing while the file is written
        self.tasks.start("logs.save", self._save(Path(path), rows, flt))

    async def _save(self, path: Path, rows: list[LogEntry], flt: LogFilter) -> None:
        def work() -> int:
            shown = [e for e in rows if flt.accepts(e)]
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for entry in shown:
                    f.write(entry_plain_text(entry) + "\n")
            return len(shown)

        try:
            count = await asyncio.to_thread(work)
        except OSError as exc:
            self.failed.emit(self.tr("Could not save the log: {0}").format(exc))
            return
        self.saved.emit(str(path), count)


def _seq(entry: LogEntry) -> int:
    return entry.seq
