"""The Coverage tab's intents as review use cases, off the GUI thread (the report and its export
write audit rows: writer thread)."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from qms_desktop.app.recordings import FilterChoices, RecordingUseCases
from qms_desktop.app.reviews import CoverageReport, ReviewSettings, ReviewUseCases
from qms_desktop.security.roles import Permission
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp, WriteOp
from qms_desktop.ui.qt import QObject, Signal

log = logging.getLogger("qms.ui")


class CoverageController(QObject):
    reportShown = Signal(object)  # CoverageReport
    exported = Signal(str)  # the file written
    settingsShown = Signal(object)  # ReviewSettings
    failed = Signal(str)  # a refusal or an error, in words

    def __init__(self, ctx: UiContext, view: Any) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        view.showRequested.connect(self.show_report)
        view.exportRequested.connect(self.export_to)
        view.settingsSaved.connect(self.save_settings)

    @property
    def reviews(self) -> ReviewUseCases:
        return ReviewUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        recordings = RecordingUseCases(self.ctx.engine, self.ctx.principal)
        ReadOp(self.ctx, "coverage-teams", recordings.filter_choices, owner=self.view).success(self._teams).failure(
            self._failed
        ).run()
        ReadOp(self.ctx, "coverage-settings", self.reviews.settings, owner=self.view).success(self._settings).failure(
            self._failed
        ).run()
        self.show_report()

    def _teams(self, choices: FilterChoices) -> None:
        self.view.set_teams(choices.teams)

    def _settings(self, settings: ReviewSettings) -> None:
        principal = self.ctx.principal
        self.view.set_settings(settings, principal is not None and principal.can(Permission.SETTINGS_WRITE))
        self.settingsShown.emit(settings)

    def period_ms(self) -> tuple[int, int]:
        """[local midnight of the first day, local midnight after the last day)."""
        first, last = self.view.period()
        start = datetime.combine(first, time.min).astimezone()
        end = datetime.combine(last + timedelta(days=1), time.min).astimezone()
        return int(start.timestamp() * 1000), int(end.timestamp() * 1000)

    def show_report(self) -> None:
        start, end = self.period_ms()
        self.view.show_status(self.tr("Counting…"))
        WriteOp(
            self.ctx, "coverage-report", self.reviews.coverage, start, end, self.view.chosen_team(), owner=self.view
        ).success(self._shown).failure(self._failed).run()

    def _shown(self, report: CoverageReport) -> None:
        self.view.show_report(report)
        self.view.show_status("")
        self.reportShown.emit(report)

    def export_to(self, path: str) -> None:
        report = self.view.report
        if report is None:
            return
        reviews = self.reviews

        def write() -> str:
            Path(path).write_text(reviews.export_coverage(report, path), encoding="utf-8")
            return path

        WriteOp(self.ctx, "coverage-export", write, owner=self.view).success(self._exported).failure(self._failed).run()

    def _exported(self, path: str) -> None:
        self.view.show_status(self.tr("Saved to {path}").format(path=path))
        self.exported.emit(path)

    def save_settings(self, settings: ReviewSettings) -> None:
        WriteOp(self.ctx, "coverage-save-settings", self.reviews.set_settings, settings, owner=self.view).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, settings: ReviewSettings) -> None:
        self._settings(settings)
        self.view.show_status(self.tr("Review settings saved"))
        self.show_report()

    def _failed(self, exc: Exception) -> None:
        log.warning("Coverage: %s", exc)
        self.view.show_status(str(exc))
        self.failed.emit(str(exc))
