"""The Recordings tab's controller: the view's intents become recording use cases (permission
checks, team narrowing, audit), run as named tasks; the GUI thread never waits.

Counts and further pages are plain reads on the reader pool (SQLite in WAL mode lets them run while
a sync writes, so a supervisor's search never queues behind a sync page); a first page, a detail and
a playback ticket write an audit row, so they go through the one writer thread.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any, TypeVar

from qms_desktop.app.access import RecordingNotFound
from qms_desktop.app.first_run import FirstRun, FirstRunUseCases
from qms_desktop.app.recordings import FilterChoices, RecordingUseCases
from qms_desktop.app.runtime import NotConfigured
from qms_desktop.search.query import RecordingDetail, RecordingPage, RecordingQuery, SegmentInfo
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.formatting import local_time
from qms_desktop.ui.playback import AppPlayback, app_playback
from qms_desktop.ui.qt import QCoreApplication, QObject, Signal
from qms_desktop.ui.tabs.recordings.evidence_controller import EvidenceController
from qms_desktop.ui.tabs.recordings.filters import ALL_TIME, AgentChoice, TeamChoice
from qms_desktop.ui.tabs.recordings.heard import HeardRecorder, ReviewPresenter
from qms_desktop.ui.tabs.recordings.models import RecordingsModel, audio_status, clock_text
from qms_desktop.ui.tabs.recordings.notes_panel import NotesController
from qms_desktop.ui.tabs.recordings.review import ReviewController
from qms_desktop.ui.tabs.recordings.saved import SavedSearchesController
from qms_desktop.ui.widgets.call_strip import StripSegment
from qms_desktop.ui.widgets.player import Marker

log = logging.getLogger("qms.ui")
T = TypeVar("T")

SEARCH_TASK, COUNT_TASK, PAGE_TASK = "recordings.search", "recordings.count", "recordings.page"
DETAIL_TASK, PLAY_TASK, DIRECTORY_TASK = "recordings.detail", "recordings.play", "recordings.directory"
FIRST_RUN_TASK = "recordings.first-run"
PAGE_SIZE = 100
# Filters of this app session (not saved to disk: a new session starts from the defaults).
_SESSION_FILTERS: dict[str, Any] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("RecordingsController", text)


def describe_play_error(exc: BaseException) -> str:
    """Why a playback ticket could not be issued, in words a supervisor can act on."""
    from qms_desktop.mediasense.errors import MediaNotFound, MediaUnavailable
    from qms_desktop.playback.proxy import ProxyNotRunning
    from qms_desktop.security import PermissionDenied, StreamLimitReached

    if isinstance(exc, MediaNotFound):
        return QCoreApplication.translate(
            "RecordingsController", "The audio of this recording has been pruned from MediaSense (retention policy)."
        )
    if isinstance(exc, MediaUnavailable):
        if "active" in str(exc):
            return QCoreApplication.translate(
                "RecordingsController",
                "The call is still in progress. Its audio can be played once the call has ended.",
            )
        return QCoreApplication.translate("RecordingsController", "MediaSense reported no audio for this recording.")
    if isinstance(exc, StreamLimitReached):
        return QCoreApplication.translate(
            "RecordingsController",
            "You already have the maximum number of playbacks open. Stop another one and try again.",
        )
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate(
            "RecordingsController",
            "Access denied: you may not play this recording (it belongs to a team you do not supervise).",
        )
    if isinstance(exc, RecordingNotFound):
        return QCoreApplication.translate(
            "RecordingsController", "This recording is no longer in the database. Search again."
        )
    if isinstance(exc, NotConfigured):
        return QCoreApplication.translate(
            "RecordingsController",
            "Playback needs the MediaSense connection and its password: set them in the Connection tab.",
        )
    if isinstance(exc, ProxyNotRunning | RuntimeError):
        return QCoreApplication.translate(
            "RecordingsController", "The local playback service could not start: {error}"
        ).format(error=exc)
    return QCoreApplication.translate("RecordingsController", "The audio could not be opened: {error}").format(
        error=exc
    )


def describe_probe(status: int, body: str) -> str | None:
    """The proxy's answer to the first-byte probe; None when the audio is there."""
    if status in (200, 206):
        return None
    if status == 404:
        return QCoreApplication.translate(
            "RecordingsController", "The audio of this recording has been pruned from MediaSense (retention policy)."
        )
    if status in (401, 403):
        return QCoreApplication.translate(
            "RecordingsController",
            "Access to this audio was refused: the playback link expired or belongs to someone else. "
            "Select the recording again.",
        )
    if status in (502, 503, 504):
        return QCoreApplication.translate(
            "RecordingsController",
            "MediaSense did not deliver the audio: it may be down or unreachable. Try again later. ({detail})",
        ).format(detail=body.splitlines()[0] if body else status)
    if status == 0:
        return QCoreApplication.translate(
            "RecordingsController", "The local playback service is not reachable: {error}"
        ).format(error=body)
    return QCoreApplication.translate(
        "RecordingsController", "The audio could not be opened (HTTP {status}): {detail}"
    ).format(status=status, detail=body)


class RecordingsController(QObject):
    # For the tab and for tests: each fires after the view was updated.
    searched = Signal(int, int)  # generation, rows on the first page
    counted = Signal(int, int)  # generation, total
    pageLoaded = Signal(int, int)  # generation, rows added
    detailShown = Signal(object)  # RecordingDetail | None
    sourceSet = Signal(str)  # the proxy URL handed to the player
    directoryLoaded = Signal(int, int)  # agents, teams
    firstRunShown = Signal(object)  # FirstRun: what an empty list says and leads to was updated
    failed = Signal(str)  # a search could not run: the words shown

    def __init__(self, ctx: UiContext, view: Any, *, playback: AppPlayback | None = None) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        self.model: RecordingsModel = view.model
        self.playback = playback or app_playback(ctx)
        self.sort, self.descending = "start", True
        self.query: RecordingQuery | None = None
        self.detail: RecordingDetail | None = None
        self.ticket_token: str | None = None
        self._closed = False

        view.filters.searchRequested.connect(self.search)
        self.model.moreRequested.connect(self.more)
        self.model.sortRequested.connect(self.sort_by)
        view.selectionChanged.connect(self.select)
        view.player.loadRequested.connect(self.load_audio)
        view.details.tagActivated.connect(view.player.play_from)
        view.details.segmentActivated.connect(self.play_segment)
        self.notes = NotesController(ctx, view.details.notes, view.player)
        self.detailShown.connect(self.notes.show_recording)
        view.call_strip.segmentChosen.connect(self.play_segment)
        view.player.media.changed.connect(self._media_changed)
        self.heard = HeardRecorder(ctx, view.player, self)  # what the user hears, stored for reviews
        self.marks = ReviewPresenter(ctx, view.mark_bar, self.heard)  # heard share and the reviewed mark
        self.heard.stored.connect(lambda state: self.model.update_review(state.session_id, heard_ms=state.heard_ms))
        self.marks.marked.connect(self._review_marked)
        view.next_step.actionRequested.connect(self.take_step)
        view.directory_note.actionRequested.connect(self.take_step)
        ctx.signals.settings_changed.connect(self.refresh_first_run)
        self._advanced_from: str | None = None  # the segment whose end already moved playback on
        self.playback.closing.connect(self.close)
        ctx.signals.sync_finished.connect(self._sync_finished)
        if _SESSION_FILTERS:
            view.filters.restore(_SESSION_FILTERS)
            self.sort = _SESSION_FILTERS.get("_sort", "start")
            self.descending = bool(_SESSION_FILTERS.get("_descending", True))
        view.show_sort(self.sort, self.descending)
        self.evidence = EvidenceController(ctx, view, self)  # links to a moment, evidence exports
        self.review = ReviewController(ctx, view, self)  # the review playlist and listening positions
        self.saved = SavedSearchesController(ctx, view, self)

    @property
    def recordings(self) -> RecordingUseCases:
        """As whoever is signed in now (nobody: every call is refused)."""
        return RecordingUseCases(self.ctx.engine, self.ctx.principal)

    # ---- intents ---------------------------------------------------------------------------------

    def start(self) -> None:
        """First load: the agent/team lists and the remembered (or default) search."""
        self.refresh_directory()
        self.search()
        self.review.start()

    def refresh_directory(self) -> None:
        self.ctx.tasks.start(DIRECTORY_TASK, self._load_directory())

    def refresh_first_run(self) -> None:
        if not self._closed:
            self.ctx.tasks.start(FIRST_RUN_TASK, self._load_first_run())

    def take_step(self, action: str) -> None:
        """A button of an empty list or of the note over it: clear the filters, sync, or open a tab."""
        if action == "clear_filters":
            self.view.filters.restore({"preset": ALL_TIME})
            self.search()
        elif action == "sync_now":  # the Sync tab shows the run's progress
            if self.ctx.sync is not None:
                self.ctx.sync.sync_now()
            self.ctx.signals.open_tab.emit("sync")
        else:
            self.ctx.signals.open_tab.emit(action)

    def search(self) -> None:
        if self._closed:
            return
        state = self.view.filters.state()
        _SESSION_FILTERS.clear()
        _SESSION_FILTERS.update(state, _sort=self.sort, _descending=self.descending)
        query = dataclasses.replace(
            self.view.filters.query(), sort=self.sort, descending=self.descending, limit=PAGE_SIZE
        )
        self.query = query
        self.ctx.tasks.cancel(PAGE_TASK)
        self.ctx.tasks.start(SEARCH_TASK, self._search(query))

    def sort_by(self, sort: str, descending: bool) -> None:
        self.sort, self.descending = sort, descending
        self.view.show_sort(sort, descending)
        self.search()

    def more(self, cursor: str) -> None:
        if self.query is None:
            return
        generation = self.model.generation
        self.ctx.tasks.start(PAGE_TASK, self._page(generation, dataclasses.replace(self.query, after=cursor)))

    def select(self, session_id: str | None) -> None:
        if self.detail is not None and session_id == self.detail.row.session_id:
            return
        self._release()
        self.heard.set_session(None)
        self.marks.show(None)
        self.ctx.tasks.cancel(PLAY_TASK)
        self.detail = None
        if session_id is None:
            self.ctx.tasks.cancel(DETAIL_TASK)
            self.view.show_detail(None)
            return
        self.ctx.tasks.start(DETAIL_TASK, self._detail(session_id))

    def play_segment(self, index: int) -> None:
        """Play one segment of the selected call: its details and audio replace the current ones."""
        if self.detail is None or self._closed or not 0 <= index < len(self.detail.row.segments):
            return
        session_id = self.detail.row.segments[index].session_id
        self._release()
        self.ctx.tasks.cancel(PLAY_TASK)
        self.ctx.tasks.start(DETAIL_TASK, self._detail(session_id, autoplay=True))

    def _media_changed(self) -> None:
        """A call plays its segments in order: when one ends, the next one starts (the gap between
        them was not recorded, so there is nothing to wait through)."""
        detail = self.detail
        if detail is None or not detail.row.is_call or self.view.player.media.status != "ended":
            return
        sid = detail.row.session_id
        if self._advanced_from == sid:
            return
        index = next(i for i, seg in enumerate(detail.row.segments) if seg.session_id == sid)
        if index + 1 < len(detail.row.segments):
            self._advanced_from = sid
            self.play_segment(index + 1)

    def load_audio(self, track: int | None) -> None:
        if self.detail is None:
            return
        self._release()
        self.ctx.tasks.start(PLAY_TASK, self._play(self.detail.row.session_id, track))

    def _sync_finished(self, result: Any) -> None:
        """New calls arrived: refresh at once unless the user is busy with the list (then they are told)."""
        counts = getattr(result, "counts", None)
        self.refresh_first_run()
        if self._closed or not (getattr(counts, "created", 0) or getattr(counts, "updated", 0)):
            return
        self.refresh_directory()
        if self.detail is None and self.model.rowCount() <= PAGE_SIZE:
            self.search()
        else:
            self.view.show_new_arrivals()

    def _review_marked(self, mark: Any) -> None:
        if self.detail is not None:
            self.model.update_review(self.detail.row.session_id, reviewed=mark is not None)

    def close(self) -> None:
        """The tab or the app is closing: stop the audio and hand the ticket back."""
        if self._closed:
            return
        self.review.close()
        self._closed = True
        self.heard.close()
        for name in (SEARCH_TASK, COUNT_TASK, PAGE_TASK, DETAIL_TASK, PLAY_TASK, DIRECTORY_TASK, FIRST_RUN_TASK):
            self.ctx.tasks.cancel(name)
        self.view.player.unload()
        self._release()

    def _release(self) -> None:
        token, self.ticket_token = self.ticket_token, None
        if token is not None:
            self.view.player.unload()  # the player lets go before the ticket ends
            self.playback.release(token)

    # ---- tasks -----------------------------------------------------------------------------------

    async def _search(self, query: RecordingQuery) -> None:
        self.view.show_searching()
        try:
            page: RecordingPage = await self.ctx.db(self.recordings.search, query)  # audited
        except Exception as exc:
            log.exception("Recording search failed")
            words = QCoreApplication.translate("RecordingsController", "The search failed: {error}").format(error=exc)
            self.view.show_search_error(words)
            self.failed.emit(words)
            return
        if self._closed:
            return
        generation = self.model.reset(page.items, page.next_cursor)
        self.view.show_results(len(page.items), page.next_cursor is not None)
        self.searched.emit(generation, len(page.items))
        self.refresh_first_run()
        # The count runs after the first page is on screen; a new search cancels it.
        self.ctx.tasks.start(COUNT_TASK, self._count(generation, query))

    async def _count(self, generation: int, query: RecordingQuery) -> None:
        total = await self.ctx.read(self.recordings.count, query)
        if generation == self.model.generation:
            self.view.show_count(total)
            self.counted.emit(generation, total)

    async def _page(self, generation: int, query: RecordingQuery) -> None:
        try:
            page: RecordingPage = await self.ctx.read(self.recordings.search, query)
        except asyncio.CancelledError:
            self.model.page_failed(generation)
            raise
        except Exception:
            log.exception("Loading more recordings failed")
            self.model.page_failed(generation)
            return
        if self.model.append_page(generation, page.items, page.next_cursor):
            self.view.show_loaded_rows()
            self.pageLoaded.emit(generation, len(page.items))

    async def _detail(self, session_id: str, *, autoplay: bool = False) -> None:
        try:
            detail: RecordingDetail = await self.ctx.db(self.recordings.show, session_id)  # audited
        except Exception as exc:
            log.warning("Recording %s could not be shown: %s", session_id, exc)
            self.view.show_detail(
                None,
                QCoreApplication.translate("RecordingsController", "This recording could not be shown: {error}").format(
                    error=exc
                ),
            )
            self.detailShown.emit(None)
            return
        self.detail = detail
        status = audio_status(detail)
        markers = [Marker(t.offset_ms, t.name) for t in detail.tags if t.offset_ms is not None]
        self.view.show_detail(detail)
        row = detail.row
        title = " · ".join(x for x in (row.agent_name or row.agent_id, local_time(row.start_ms)) if x)
        segments = row.segments if row.is_call else ()
        current = next((i for i, seg in enumerate(segments) if seg.session_id == row.session_id), -1)
        if segments:
            title += " · " + QCoreApplication.translate("RecordingsController", "segment {number} of {count}").format(
                number=current + 1, count=len(segments)
            )
        self.view.player.set_recording(
            row.duration_ms,
            markers,
            playable=status.playable,
            reason=None if status.playable else status.reason(),
            title=title,
            choices=detail.listening,
        )
        self.heard.set_session(row.session_id)
        self.marks.show(row.session_id)
        self.view.call_strip.set_segments([_strip_segment(i, s) for i, s in enumerate(segments, 1)], current)
        self.detailShown.emit(detail)
        if autoplay and status.playable:
            self.view.player.toggle_play()  # asks for the audio (loadRequested) and plays it

    async def _play(self, session_id: str, track: int | None) -> None:
        player = self.view.player
        try:
            ticket = await self.playback.ticket(session_id, track)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("No playback ticket for %s: %s", session_id, exc)
            player.show_error(describe_play_error(exc))
            return
        if self.detail is None or self.detail.row.session_id != session_id or self._closed:
            self.playback.release(ticket.token)  # the user moved on while we waited
            return
        self.ticket_token = ticket.token
        status, body = await self.playback.probe(ticket.url)
        words = describe_probe(status, body)
        if words is not None:
            self._release()
            player.show_error(words)
            return
        player.set_source(ticket.url)
        self.sourceSet.emit(ticket.url)

    async def _load_first_run(self) -> None:
        given = self.ctx.connection_override is not None
        try:
            state: FirstRun = await self.ctx.read(FirstRunUseCases(self.ctx.engine, self.ctx.principal).state, given)
        except Exception as exc:  # the empty list then says what it says for filters
            log.warning("Could not tell where the installation stands: %s", exc)
            return
        if self._closed:
            return
        self.view.show_first_run(state)
        self.firstRunShown.emit(state)

    async def _load_directory(self) -> None:
        choices: FilterChoices = await self.ctx.read(self.recordings.filter_choices)
        agents = [AgentChoice(a.agent_id, a.name, a.team_code) for a in choices.agents]
        teams = [TeamChoice(code, name) for code, name in choices.teams.items()]
        self.view.filters.set_directory(agents, teams)
        self.directoryLoaded.emit(len(agents), len(teams))


def _strip_segment(number: int, segment: SegmentInfo) -> StripSegment:
    label = QCoreApplication.translate("RecordingsController", "Segment {number}: {start}, {duration}, {agent}").format(
        number=number,
        start=local_time(segment.start_ms),
        duration=clock_text(segment.duration_ms),
        agent=segment.agent_name or segment.agent_id or "—",
    )
    return StripSegment(segment.start_ms, segment.duration_ms, label)
