"""The review playlist in the Recordings tab: a bar over the player and the controller behind it.

"Review these" turns the current search into the user's playlist (`ReviewQueueUseCases`); J and K
(or the bar's buttons) go to the next and previous recording, and the end of one plays the next.
Whatever recording is opened, playlist or not, starts where the user stopped last time ("Resumed at
mm:ss", with "Start over"); the position is saved every few seconds and when the user moves on. The
playlist and where the user stands in it are in the database, so a restart comes back to them.
"""

from __future__ import annotations

import logging
from typing import Any

from qms_desktop.app.review_queue import QUEUE_CAP, ReviewQueue, ReviewQueueUseCases
from qms_desktop.search.query import RecordingDetail
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QObject,
    QShortcut,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTimer,
    QToolButton,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.timeline import clock

log = logging.getLogger("qms.ui")

SAVE_EVERY_MS = 3_000  # the listening position is saved this often while a recording is open
QUEUE_TASK, MOVE_TASK, RESUME_TASK = "review.queue", "review.move", "review.resume"
MIN_RESUME_MS = 2_000  # closer to the start than this: nothing to resume


class ReviewBar(QWidget):
    """Where the playlist stands (n of N, skipped items), its buttons, and the "Resumed at" note."""

    previousRequested = Signal()
    nextRequested = Signal()
    endRequested = Signal()
    startOverRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.queue: ReviewQueue | None = None
        self.resumed_ms: int | None = None
        self.status = QLabel(self)
        self.status.setObjectName("reviewStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("reviewPrevious")
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("reviewNext")
        self.next_button.clicked.connect(self.nextRequested)
        self.end_button = QToolButton(self)
        self.end_button.setObjectName("reviewEnd")
        self.end_button.clicked.connect(self.endRequested)
        self.resumed = QLabel(self)
        self.resumed.setObjectName("resumedAt")
        self.start_over = QToolButton(self)
        self.start_over.setObjectName("startOver")
        self.start_over.clicked.connect(self.startOverRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        for widget in (self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.resumed)
        layout.addWidget(self.start_over)
        layout.addWidget(self.end_button)
        self.retranslateUi()

    def show_queue(self, queue: ReviewQueue | None) -> None:
        self.queue = queue
        self.retranslateUi()

    def show_resumed(self, position_ms: int | None) -> None:
        self.resumed_ms = position_ms
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        queue = self.queue
        active = queue is not None
        for widget in (self.previous_button, self.next_button, self.end_button, self.status):
            widget.setVisible(active)
        self.previous_button.setText(self.tr("◀ Previous (K)"))
        self.next_button.setText(self.tr("Next (J) ▶"))
        self.end_button.setText(self.tr("End review"))
        if queue is not None:
            self.previous_button.setEnabled(queue.has_previous)
            self.next_button.setEnabled(queue.has_next)
            if queue.items:
                text = (
                    self.tr("Review: %1 of %2")
                    .replace("%1", str(queue.current + 1))
                    .replace("%2", str(len(queue.items)))
                )
            else:
                text = self.tr("Review: nothing to play")
            if queue.title:
                text += " · " + queue.title
            if queue.seed is not None:
                text += " · " + self.tr("seed %1").replace("%1", str(queue.seed))
            if queue.skipped:
                text += " · " + self.tr("hidden: %1 (teams you no longer supervise)").replace("%1", str(queue.skipped))
            if queue.capped:
                text += " · " + self.tr("only the first %1 of the search").replace("%1", str(QUEUE_CAP))
            self.status.setText(text)
        resumed = self.resumed_ms is not None
        self.resumed.setVisible(resumed)
        self.start_over.setVisible(resumed)
        if self.resumed_ms is not None:
            self.resumed.setText(self.tr("Resumed at %1").replace("%1", clock(self.resumed_ms)))
        self.start_over.setText(self.tr("Start over"))
        self.setVisible(active or resumed)


class ReviewButton(QToolButton):
    """ "Review these" (the current search as a playlist); its menu samples N per agent instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewThese")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        self.sample_action = menu.addAction("")
        self.setMenu(menu)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setText(self.tr("Review these"))
        self.setToolTip(
            self.tr("Listen to these recordings one after the other (J next, K previous; at most %1)").replace(
                "%1", str(QUEUE_CAP)
            )
        )
        self.sample_action.setText(self.tr("Sample N per agent…"))


class SampleDialog(QDialog):
    """How many recordings per agent, and the seed that makes the draw repeatable."""

    def __init__(self, seed: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleDialog")
        self.setWindowTitle(self.tr("Sample per agent"))
        self.per_agent = QSpinBox(self)
        self.per_agent.setRange(1, 100)
        self.per_agent.setValue(3)
        self.seed = QSpinBox(self)
        self.seed.setRange(1, 999_999)
        self.seed.setValue(seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Recordings per agent:"), self.per_agent)
        form.addRow(self.tr("Seed (the same seed draws the same sample):"), self.seed)
        form.addRow(buttons)


class ReviewController(QObject):
    """The playlist and the listening positions for one Recordings tab (`rec` is its controller)."""

    queueShown = Signal(object)  # ReviewQueue | None
    resumeShown = Signal(str, int)  # session id, where it will start (0: from the start)

    def __init__(self, ctx: UiContext, view: Any, rec: Any) -> None:
        super().__init__(view)
        self.ctx, self.view, self.rec = ctx, view, rec
        self.queue: ReviewQueue | None = None
        self._autoplay: str | None = None  # the playlist moved here: play it once its details are shown
        self._heard: tuple[str, int] | None = None  # the open recording and the last position heard
        self._saved: tuple[str, int] | None = None
        self._advanced_from: str | None = None
        self._closed = False
        self.bar: ReviewBar = view.review_bar
        self.bar.previousRequested.connect(lambda: self.move(-1))
        self.bar.nextRequested.connect(lambda: self.move(+1))
        self.bar.endRequested.connect(self.end)
        self.bar.startOverRequested.connect(self.start_over)
        view.review_button.clicked.connect(self.review_these)
        view.sample_action.triggered.connect(self.ask_sample)
        rec.detailShown.connect(self._detail_shown)
        player = view.player
        player.media.positionChanged.connect(self._position)
        player.media.changed.connect(self._media_changed)
        self.shortcuts = []
        for key, step in ((Qt.Key.Key_J, +1), (Qt.Key.Key_K, -1)):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))
            self.shortcuts.append(shortcut)
        self.timer = QTimer(self)
        self.timer.setInterval(SAVE_EVERY_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @property
    def use_cases(self) -> ReviewQueueUseCases:
        return ReviewQueueUseCases(self.ctx.engine, self.ctx.principal)

    # ---- intents ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Come back to the stored playlist, at the recording the user was at."""
        self.ctx.tasks.start(QUEUE_TASK, self._load())

    def review_these(self) -> None:
        query = self.rec.query or self.view.filters.query()
        self.ctx.tasks.start(QUEUE_TASK, self._make(self.use_cases.create, query, ""))

    def ask_sample(self) -> None:
        """How many per agent and the seed (window-modal, no nested event loop); OK draws."""
        import random

        dialog = SampleDialog(random.SystemRandom().randrange(1, 1_000_000), self.view)
        dialog.accepted.connect(lambda: self.sample(dialog.per_agent.value(), dialog.seed.value()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def sample(self, per_agent: int, seed: int) -> None:
        query = self.rec.query or self.view.filters.query()

        def draw(q: Any, title: str) -> ReviewQueue:
            return self.use_cases.sample(q, per_agent, seed, title)

        title = self.tr("%1 per agent").replace("%1", str(per_agent))
        self.ctx.tasks.start(QUEUE_TASK, self._make(draw, query, title))

    def move(self, step: int) -> None:
        if self.queue is None or self._closed:
            return
        self.save_now()
        self.ctx.tasks.start(MOVE_TASK, self._move(step))

    def end(self) -> None:
        self.queue = None
        self.bar.show_queue(None)
        self.ctx.tasks.start(QUEUE_TASK, self._end())

    def start_over(self) -> None:
        player = self.view.player
        if player.loaded:
            player.seek_to(0)
        player.media.pending_start = 0
        detail = self.rec.detail
        if detail is not None:
            self._heard = (detail.row.session_id, 0)
            self.save_now()
        self.bar.show_resumed(None)

    def save_now(self) -> None:
        """Store where the open recording was heard last (if it changed since the last save)."""
        heard = self._heard
        if heard is None or heard == self._saved or self._closed or self.ctx.principal is None:
            return
        self._saved = heard
        self.ctx.tasks.start(f"review.save.{heard[0]}", self._save(*heard))

    def close(self) -> None:
        self.save_now()
        self._closed = True
        self.timer.stop()

    # ---- player events ---------------------------------------------------------------------------

    def _position(self, position: int) -> None:
        detail = self.rec.detail
        if detail is not None and self.view.player.loaded and position > 0:
            self._heard = (detail.row.session_id, int(position))

    def _media_changed(self) -> None:
        """The end of a recording: next time it starts from the beginning; in a playlist, the next one
        plays (after the last segment of a call)."""
        detail = self.rec.detail
        if detail is None or self.view.player.media.status != "ended":
            return
        sid = detail.row.session_id
        if self._advanced_from == sid:
            return
        self._advanced_from = sid
        self._heard = (sid, 0)
        self.save_now()
        segments = detail.row.segments
        if detail.row.is_call and segments[-1].session_id != sid:
            return  # the recordings controller plays the call's next segment
        if self.queue is not None and self.queue.has_next:
            self.move(+1)

    def _detail_shown(self, detail: RecordingDetail | None) -> None:
        if self._heard is not None and (detail is None or detail.row.session_id != self._heard[0]):
            self.save_now()  # switching: keep where the previous one stopped
            self._heard = None
        self.bar.show_resumed(None)
        if detail is None or self._closed:
            return
        self._advanced_from = None
        self.ctx.tasks.start(RESUME_TASK, self._resume(detail.row.session_id))

    # ---- tasks -----------------------------------------------------------------------------------

    async def _make(self, make: Any, query: Any, title: str) -> None:
        try:
            queue: ReviewQueue = await self.ctx.db(make, query, title)  # audited
        except Exception as exc:
            log.warning("The review playlist could not be made: %s", exc)
            self.view.show_banner(self.tr("The review playlist could not be made: %1").replace("%1", str(exc)))
            return
        self._show(queue, play=True)

    async def _load(self) -> None:
        try:
            queue = await self.ctx.read(self.use_cases.current)
        except Exception as exc:
            log.warning("The review playlist could not be read: %s", exc)
            return
        if queue is not None and not self._closed:
            self._show(queue, play=False)

    async def _move(self, step: int) -> None:
        queue = await self.ctx.db(self.use_cases.move, step)
        if queue is not None and not self._closed:
            self._show(queue, play=True)

    async def _end(self) -> None:
        await self.ctx.db(self.use_cases.clear)

    def _show(self, queue: ReviewQueue, *, play: bool) -> None:
        self.queue = queue
        self.bar.show_queue(queue)
        self.queueShown.emit(queue)
        item = queue.current_item
        if item is None:
            return
        current = self.rec.detail
        if current is not None and current.row.session_id == item.session_id:
            return
        self._autoplay = item.session_id if play else None
        model = self.view.model
        row = model.row_of(item.session_id)
        if row >= 0 and self.view.table.currentIndex().row() != row:
            self.view.select_row(row)  # shown in the list too; selecting it opens it
        else:
            self.rec.select(item.session_id)

    async def _resume(self, session_id: str) -> None:
        try:
            position = await self.ctx.read(self.use_cases.resume_position, session_id)
        except Exception as exc:
            log.warning("Where %s stopped could not be read: %s", session_id, exc)
            position = 0
        detail = self.rec.detail
        if self._closed or detail is None or detail.row.session_id != session_id:
            return
        duration = detail.row.duration_ms
        if position < MIN_RESUME_MS or (duration is not None and position >= duration - MIN_RESUME_MS):
            position = 0
        player = self.view.player
        if position:
            if player.loaded:
                player.seek_to(position)
            else:
                player.media.pending_start = position  # the player starts there when the audio opens
            self.bar.show_resumed(position)
        self.resumeShown.emit(session_id, position)
        if self._autoplay == session_id:
            self._autoplay = None
            if not player.is_playing():
                player.toggle_play()

    async def _save(self, session_id: str, position: int) -> None:
        try:
            await self.ctx.db(self.use_cases.save_position, session_id, position)
        except Exception as exc:
            log.warning("Where %s stopped could not be saved: %s", session_id, exc)
