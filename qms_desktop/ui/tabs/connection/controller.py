"""The Connection tab's controller: load, test, fetch a certificate, save. Widgets only emit intents.

Each intent is a connection use case (permission check, audit) run as an op: the database and the
keyring off the GUI thread, MediaSense awaited on the qasync loop. The password is never logged or
emitted back.
"""

from __future__ import annotations

import asyncio
import functools
import logging

from qms_desktop import config
from qms_desktop.app.connection import (
    STORED_INSECURE,
    STORED_SESSION_KEYRING_FAILED,
    STORED_SESSION_NO_SECURE_KEYRING,
    ConnectionUseCases,
    SaveResult,
)
from qms_desktop.app.credentials import PasswordState
from qms_desktop.app.runtime import NotConfigured
from qms_desktop.mediasense import diagnostics
from qms_desktop.mediasense.errors import ConfigurationError, MediaSenseError
from qms_desktop.mediasense.tls import CertificateInfo
from qms_desktop.security.errors import SecurityError
from qms_desktop.ui import core_messages
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import AsyncOp, ReadOp
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.connection.models import (
    PASSWORD_NONE,
    ConnectionForm,
    LoadedState,
    SaveOutcome,
)
from qms_desktop.ui.tabs.connection.tab import ConnectionTab

log = logging.getLogger("qms.ui")

TASK_LOAD = "connection.load"
TASK_TEST = "connection.test"
TASK_SAVE = "connection.save"
TASK_CERTIFICATE = "connection.certificate"


class ConnectionController(QObject):
    loaded = Signal(object)  # LoadedState
    step_changed = Signal(object)  # diagnostics.StepResult
    test_started = Signal()
    test_finished = Signal(object)  # ConnectionTestResult, or None when cancelled / not started
    certificate_fetched = Signal(object)  # CertificateInfo
    saved = Signal(object)  # SaveOutcome
    busy_changed = Signal(str, bool)  # "test" | "save" | "certificate", busy
    message = Signal(str, str)  # level (info | warning | error), text

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.credentials = ctx.credentials
        self.last_state: LoadedState | None = None

    @property
    def connection(self) -> ConnectionUseCases:
        return ConnectionUseCases(self.ctx.engine, self.ctx.principal)

    def start(self) -> None:
        self.load()

    # ---- loading ---------------------------------------------------------------------------------

    def load(self) -> asyncio.Task[tuple[config.ConnectionSettings, PasswordState] | None]:
        return (
            ReadOp(self.ctx, TASK_LOAD, self.connection.load, self.credentials, owner=self)
            .success(self._loaded)
            .failure(lambda exc: self.message.emit("error", str(exc)))
            .run()
        )

    def _loaded(self, loaded: tuple[config.ConnectionSettings, PasswordState]) -> None:
        settings, password = loaded
        state = LoadedState(settings, password.keyring, password.source, password.error)
        self.last_state = state
        self.loaded.emit(state)

    # ---- connection test -------------------------------------------------------------------------

    def test_connection(self, form: ConnectionForm, typed_password: str) -> asyncio.Task[object]:
        return self.ctx.tasks.start(TASK_TEST, self._test(form, typed_password))

    def cancel_test(self) -> None:
        self.ctx.tasks.cancel(TASK_TEST)

    @property
    def testing(self) -> bool:
        return self.ctx.tasks.running(TASK_TEST)

    async def _test(self, form: ConnectionForm, typed_password: str) -> object:
        check = form.check()
        if not check.ok:
            return self._invalid_form(check.problems, check.advice)
        try:
            settings = form.to_settings()
            settings.client_config(typed_password or "-")  # an unreadable CA file, a bad pin: say so now
        except (ConfigurationError, ValueError) as exc:
            text = core_messages.error_text(exc) if isinstance(exc, MediaSenseError) else str(exc)
            self.message.emit("error", text)
            self.test_finished.emit(None)
            return None
        self.busy_changed.emit("test", True)
        self.test_started.emit()
        self.ctx.signals.connection_state.emit("testing", "")
        try:
            result = await self.connection.test(
                self.credentials, settings, typed_password or None, on_step=self.step_changed.emit
            )
        except asyncio.CancelledError:
            self.ctx.signals.connection_state.emit("unknown", self.tr("The connection test was cancelled"))
            self.message.emit("info", self.tr("The connection test was cancelled."))
            self.test_finished.emit(None)
            raise
        except NotConfigured:
            self.ctx.signals.connection_state.emit("unknown", "")
            self.message.emit("error", self.tr("Enter the password to test the connection."))
            self.test_finished.emit(None)
            return None
        except SecurityError as exc:
            self.ctx.signals.connection_state.emit("unknown", "")
            self.message.emit("error", str(exc))
            self.test_finished.emit(None)
            return None
        finally:
            self.busy_changed.emit("test", False)
        summary = core_messages.text(result.message) if result.success else core_messages.summary(result)
        self.ctx.signals.connection_state.emit("ok" if result.success else "failed", summary)
        self.test_finished.emit(result)
        return result

    def _invalid_form(self, problems: dict[str, list[str]], advice: list[str]) -> diagnostics.ConnectionTestResult:
        """The form cannot even build a client: report it as a failed first step, like the core does."""
        text = "; ".join(p for items in problems.values() for p in items)
        steps = [diagnostics.StepResult(diagnostics.STEP_URL, "failed", 0, text)]
        steps += [diagnostics.StepResult(name, "skipped") for name in diagnostics.STEPS[1:]]
        result = diagnostics.ConnectionTestResult(False, self.tr("The settings are not complete"), steps, list(advice))
        self.test_started.emit()
        for step in steps:
            self.step_changed.emit(step)
        self.ctx.signals.connection_state.emit("failed", result.message)
        self.test_finished.emit(result)
        return result

    # ---- certificate -----------------------------------------------------------------------------

    def fetch_certificate(self, url: str) -> asyncio.Task[CertificateInfo | None]:
        settings = self.credentials.settings
        timeout = settings.timeout if settings is not None else float(config.DEFAULTS["timeout"])
        self.busy_changed.emit("certificate", True)

        def failed(exc: Exception) -> None:
            self.busy_changed.emit("certificate", False)
            error = core_messages.error_text(exc) if isinstance(exc, MediaSenseError) else str(exc)
            self.message.emit("error", self.tr("Could not fetch the certificate: {error}").format(error=error))

        def fetched(info: CertificateInfo) -> None:
            self.busy_changed.emit("certificate", False)
            self.certificate_fetched.emit(info)

        return (
            AsyncOp(self.ctx, TASK_CERTIFICATE, self.connection.certificate, url, timeout, owner=self)
            .success(fetched)
            .failure(failed)
            .run()
        )

    # ---- saving ----------------------------------------------------------------------------------

    def save(self, form: ConnectionForm, typed_password: str, store_insecurely: bool) -> asyncio.Task[object]:
        return self.ctx.tasks.start(TASK_SAVE, self._save(form, typed_password, store_insecurely))

    async def _save(self, form: ConnectionForm, typed_password: str, store_insecurely: bool) -> SaveOutcome:
        try:
            settings = form.to_settings()
        except ValueError as exc:
            outcome = SaveOutcome(False, self._current_password_state(), str(exc), "error")
            self.saved.emit(outcome)
            return outcome
        connection = self.connection
        self.busy_changed.emit("save", True)
        try:
            result = await self.ctx.db(
                functools.partial(
                    connection.save, settings, self.credentials, typed_password or None,
                    allow_insecure_keyring=store_insecurely,
                )
            )  # fmt: skip
            loaded = await self.ctx.read(connection.load, self.credentials)
        except (SecurityError, ValueError, OSError) as exc:  # the UI hides Save from such users; the last guard
            outcome = SaveOutcome(False, self._current_password_state(), str(exc), "error")
            self.saved.emit(outcome)
            return outcome
        finally:
            self.busy_changed.emit("save", False)
        self._loaded(loaded)
        level, text = self._saved_words(result)
        outcome = SaveOutcome(True, loaded[1].source, text, level)
        self.saved.emit(outcome)
        self.ctx.signals.settings_changed.emit()
        return outcome

    def _saved_words(self, result: SaveResult) -> tuple[str, str]:
        if result.password == STORED_SESSION_NO_SECURE_KEYRING:
            return "warning", self.tr(
                "Settings saved. No secure keyring is available, so the password is kept in memory for this "
                "session only: you will be asked again after a restart."
            )
        if result.password == STORED_SESSION_KEYRING_FAILED:
            return "warning", self.tr(
                "Settings saved, but the keyring refused the password ({error}). It is kept in memory for this "
                "session only."
            ).format(error=result.keyring_error)
        if result.password == STORED_INSECURE:
            return "warning", self.tr("Settings saved. The password was stored insecurely, as you chose.")
        if result.password == "keyring":
            return "info", self.tr("Settings saved. The password is in the system keyring.")
        return "info", self.tr("Settings saved.")

    def forget_result(self) -> None:
        """Another server or user is being set up: the status bar no longer reports the old test."""
        self.ctx.signals.connection_state.emit("unknown", "")

    def _current_password_state(self) -> str:
        return self.last_state.password_state if self.last_state else PASSWORD_NONE


def wire(tab: ConnectionTab, controller: ConnectionController) -> None:
    """The view's intents to the controller, the controller's reports to the view."""
    tab.test_requested.connect(controller.test_connection)
    tab.cancel_requested.connect(controller.cancel_test)
    tab.save_requested.connect(controller.save)
    tab.fetch_certificate_requested.connect(controller.fetch_certificate)
    tab.result_cleared.connect(controller.forget_result)
    controller.loaded.connect(tab.apply_loaded)
    controller.test_started.connect(tab.on_test_started)
    controller.step_changed.connect(tab.on_step)
    controller.test_finished.connect(tab.on_test_finished)
    controller.certificate_fetched.connect(tab.on_certificate)
    controller.saved.connect(tab.on_saved)
    controller.busy_changed.connect(tab.set_busy)
    controller.message.connect(tab.show_message)
