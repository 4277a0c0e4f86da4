"""The player's hook that records what the signed-in user heard: it feeds the player's position and
play state to a `HeardTracker` (domain/heard.py) and stores what was heard through
`ReviewUseCases.record_heard` on the writer thread, every few seconds, when the recording changes,
and when the tab closes."""

from __future__ import annotations

import itertools
import logging
import time
from typing import Any

from qms_desktop.app.reviews import HeardState, ReviewMark, ReviewUseCases
from qms_desktop.domain.heard import HeardTracker, Interval
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp, WriteOp
from qms_desktop.ui.qt import QObject, QTimer, Signal

log = logging.getLogger("qms.ui")
FLUSH_MS = 5000
_flushes = itertools.count(1)


class HeardRecorder(QObject):
    stored = Signal(object)  # HeardState: what the user has heard of a recording, as stored

    def __init__(self, ctx: UiContext, player: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.player = player
        self.tracker = HeardTracker()
        player.media.positionChanged.connect(self._report)
        player.media.changed.connect(self._state_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(FLUSH_MS)
        self.timer.timeout.connect(self.flush)
        self.timer.start()

    def set_session(self, session_id: str | None) -> None:
        """The recording the player now holds (None: none); what was heard before is stored."""
        if session_id != self.tracker.key:
            self.tracker.start(session_id)
            self.flush()

    def _rate(self) -> float:
        try:
            return float(self.player.speed.currentData() or 1.0)
        except (AttributeError, TypeError, ValueError):
            return 1.0

    def _report(self, position: int) -> None:
        self.tracker.update(int(position), bool(self.player.is_playing()), int(time.monotonic() * 1000), self._rate())

    def _state_changed(self) -> None:
        self._report(self.player.position())
        if not self.player.is_playing():
            self.flush()  # paused, stopped or ended: store it now

    def flush(self) -> None:
        if self.ctx.principal is None:
            self.tracker.take()
            return
        for session_id, intervals in self.tracker.take().items():
            self._store(session_id, intervals)

    def _store(self, session_id: str, intervals: list[Interval]) -> None:
        use_cases = ReviewUseCases(self.ctx.engine, self.ctx.principal)
        op = WriteOp(self.ctx, f"heard-{next(_flushes)}", use_cases.record_heard, session_id, intervals)
        op.success(self._stored).failure(lambda exc: log.warning("Heard parts not stored: %s", exc)).run()

    def _stored(self, state: HeardState) -> None:
        self.stored.emit(state)

    def close(self) -> None:
        self.timer.stop()
        self._report(self.player.position())
        self.tracker.seeked()
        self.flush()


class ReviewPresenter(QObject):
    """The review bar's intents as use cases: what the user heard and the mark, loaded when a
    recording is shown; marking and unmarking on the writer thread (audited)."""

    marked = Signal(object)  # the ReviewMark made, or None when one was removed
    failed = Signal(str)  # a refusal, in words

    def __init__(self, ctx: UiContext, bar: Any, recorder: HeardRecorder) -> None:
        super().__init__(bar)
        self.ctx = ctx
        self.bar = bar
        recorder.stored.connect(bar.show_heard)
        bar.markRequested.connect(self.mark)
        bar.unmarkRequested.connect(self.unmark)

    @property
    def reviews(self) -> ReviewUseCases:
        return ReviewUseCases(self.ctx.engine, self.ctx.principal)

    def show(self, session_id: str | None) -> None:
        self.bar.show_recording(session_id)
        if session_id is None:
            return
        reviews = self.reviews

        def load() -> tuple[HeardState, ReviewMark | None]:
            return reviews.heard(session_id), reviews.review_mark(session_id)

        op = ReadOp(self.ctx, "review-state", load, owner=self.bar)
        op.success(lambda state: self.bar.show_state(*state)).failure(self._failed).run()

    def mark(self, session_id: str) -> None:
        op = WriteOp(self.ctx, "review-mark", self.reviews.mark, session_id, owner=self.bar)
        op.success(self._marked).failure(self._failed).run()

    def unmark(self, session_id: str) -> None:
        op = WriteOp(self.ctx, "review-unmark", self.reviews.unmark, session_id, owner=self.bar)
        op.success(lambda _mark: self._marked(None)).failure(self._failed).run()

    def _marked(self, mark: ReviewMark | None) -> None:
        self.bar.show_state(None, mark)
        self.marked.emit(mark)

    def _failed(self, exc: Exception) -> None:
        log.warning("Review: %s", exc)
        self.bar.show_error(str(exc))
        self.failed.emit(str(exc))
