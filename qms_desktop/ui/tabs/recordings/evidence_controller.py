"""The Recordings tab's links to a moment and evidence exports: intents become use cases
(`app.links.LinkUseCases`, `app.export.ExportUseCases`), run off the GUI thread.

An export runs in a worker thread of its own (it may take minutes); it hears about progress through a
plain callback that fills a mailbox (a lock and the latest value), which a GUI timer reads. No Qt
object is touched off the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qms_desktop.app.export import ExportProgress, ExportRequest, ExportResult, ExportUseCases
from qms_desktop.app.links import LinkUseCases, OpenedLink
from qms_desktop.security.roles import Permission
from qms_desktop.ui.qt import QCoreApplication, QGuiApplication, QObject, QTimer, Signal
from qms_desktop.ui.tabs.recordings.evidence import ExportDialog

if TYPE_CHECKING:
    from qms_desktop.search.query import RecordingDetail
    from qms_desktop.ui.context import UiContext

log = logging.getLogger("qms.ui")

LINK_TASK = "recordings.link"
COPY_TASK = "recordings.copy-link"
EXPORT_TASK = "recordings.export"


class _Latest:
    """The export's latest progress, written by the worker thread, read by a GUI timer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: ExportProgress | None = None

    def put(self, value: ExportProgress) -> None:
        with self._lock:
            self._value = value

    def take(self) -> ExportProgress | None:
        with self._lock:
            value, self._value = self._value, None
            return value


class EvidenceController(QObject):
    linkOpened = Signal(object)  # MomentLink once the recording is shown and cued; None when refused
    linkCopied = Signal(str)
    exportFinished = Signal(object)  # ExportResult, or None when it failed or was refused

    def __init__(self, ctx: UiContext, view: Any, recordings: Any) -> None:
        super().__init__(recordings)
        self.ctx = ctx
        self.view = view
        self.recordings = recordings  # the tab's RecordingsController
        self.dialog: ExportDialog | None = None
        self._running = False
        actions = view.details.moment_actions
        actions.copyLinkRequested.connect(self.copy_link)
        actions.exportRequested.connect(self.open_export)
        recordings.detailShown.connect(self._detail_shown)

    def _detail_shown(self, detail: RecordingDetail | None) -> None:
        principal = self.ctx.principal
        self.view.details.moment_actions.set_export_allowed(
            detail is not None and principal is not None and principal.can(Permission.RECORDINGS_PLAY)
        )
        self.view.details.moment_actions.show_status("")

    # ---- links -----------------------------------------------------------------------------------

    def open_link(self, text: str) -> None:
        """Show the recording a `qms://recording/…?t=…` link names and cue the player at t."""
        self.ctx.tasks.start(LINK_TASK, self._open_link(text))

    async def _open_link(self, text: str) -> None:
        use_cases = LinkUseCases(self.ctx.engine, self.ctx.principal)
        try:
            opened: OpenedLink = await self.ctx.db(use_cases.open, text)  # audited, allowed or refused
        except Exception as exc:
            log.warning("A recording link could not be opened: %s", exc)
            self.view.show_detail(
                None,
                QCoreApplication.translate("EvidenceController", "This link could not be opened: {error}").format(
                    error=exc
                ),
            )
            self.linkOpened.emit(None)
            return
        session_id = opened.link.session_id
        controller = self.recordings
        controller._release()
        controller.detail = None
        await controller._detail(session_id)
        if controller.detail is None or controller.detail.row.session_id != session_id:
            self.linkOpened.emit(None)
            return
        self.view.select_session(session_id)  # its row, when the list shows it (no second load)
        self.view.set_details_shown(True)  # what the link points at, in full
        self.view.player.cue(opened.link.position_ms)
        self.linkOpened.emit(opened.link)

    def copy_link(self) -> None:
        detail = self.recordings.detail
        if detail is not None:
            seconds = max(0, self.view.player.position()) / 1000
            self.ctx.tasks.start(COPY_TASK, self._copy(detail.row.session_id, seconds))

    async def _copy(self, session_id: str, seconds: float) -> None:
        use_cases = LinkUseCases(self.ctx.engine, self.ctx.principal)
        link = await self.ctx.read(use_cases.copy, session_id, seconds)
        QGuiApplication.clipboard().setText(link)
        self.view.details.moment_actions.show_status(
            QCoreApplication.translate("EvidenceController", "Link copied: {link}").format(link=link)
        )
        self.linkCopied.emit(link)

    # ---- export ----------------------------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        detail = self.recordings.detail
        if detail is None:
            return None
        if self.dialog is not None and self._running:  # one export at a time: show the one under way
            self.dialog.show()
            self.dialog.activateWindow()
            return self.dialog
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        duration = detail.row.duration_ms / 1000 if detail.row.duration_ms else None
        dialog = ExportDialog(detail.row.session_id, duration, self.view)
        dialog.folder.setText(str(Path.home() / f"recording-{detail.row.session_id}"))
        dialog.startRequested.connect(self._start_export)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _start_export(self, reason: str, folder: str, from_s: Any, to_s: Any, make_zip: bool) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        request = ExportRequest(dialog.session_id, reason, Path(folder).expanduser(), from_s, to_s, make_zip)
        self._running = True  # from now: the task may not have begun when the next click comes
        self.ctx.tasks.start(EXPORT_TASK, self._export(dialog, request))

    async def _export(self, dialog: ExportDialog, request: ExportRequest) -> None:
        mailbox = _Latest()
        timer = QTimer(dialog)

        def show() -> None:
            step = mailbox.take()
            if step is not None:
                dialog.show_progress(step.done, step.total, step.current)

        timer.timeout.connect(show)
        timer.start(150)
        try:
            playback = await self.recordings.playback.ensure()
            use_cases = ExportUseCases(self.ctx.engine, self.ctx.principal)
            # Minutes of download: a thread of its own, not the reader pool or the writer.
            result: ExportResult = await asyncio.to_thread(
                use_cases.export_blocking, playback.client_config, request, mailbox.put
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Export of %s failed: %s", request.session_id, exc)
            dialog.show_failed(
                QCoreApplication.translate("EvidenceController", "The export failed: {error}").format(error=exc)
            )
            self.exportFinished.emit(None)
            return
        finally:
            timer.stop()
            self._running = False
        dialog.show_done(str(result.folder), result.manifest_sha256)
        self.exportFinished.emit(result)
