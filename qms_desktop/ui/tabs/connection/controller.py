"""The Connection tab's async side: load, test, fetch a certificate, save. Widgets only emit intents.

Disk and keyring work runs off the GUI thread (database on ctx.db's writer thread, keyring in a worker
thread); MediaSense is awaited on the qasync loop. The password is never logged or emitted back.
"""

from __future__ import annotations

import asyncio
import logging

from qasync import asyncSlot
from sqlalchemy import Engine

from qms_desktop import app_context, config, secrets
from qms_desktop.mediasense import diagnostics
from qms_desktop.mediasense.errors import ConfigurationError, MediaSenseError
from qms_desktop.mediasense.tls import fetch_certificate
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal
from qms_desktop.security.services import SettingsService
from qms_desktop.ui import core_messages
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.credentials import Credentials
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.connection.models import (
    PASSWORD_ENVIRONMENT,
    PASSWORD_KEYRING,
    PASSWORD_NONE,
    PASSWORD_SESSION,
    PASSWORD_UNAVAILABLE,
    ConnectionForm,
    LoadedState,
    SaveOutcome,
)

log = logging.getLogger("qms.ui")

TASK_LOAD = "connection.load"
TASK_TEST = "connection.test"
TASK_SAVE = "connection.save"
TASK_CERTIFICATE = "connection.certificate"
UPDATED_BY = "qms-desktop-gui"


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
        if ctx.credentials is None:
            ctx.credentials = Credentials()
            ctx.password_provider = ctx.credentials.password
        self.credentials: Credentials = ctx.credentials
        self.last_state: LoadedState | None = None

    # ---- loading ---------------------------------------------------------------------------------

    @asyncSlot()
    async def load(self) -> None:
        await self.ctx.tasks.start(TASK_LOAD, self._load())

    async def _load(self) -> LoadedState:
        settings = await self.ctx.db(app_context.connection_settings, self.ctx.engine)
        self.credentials.settings = settings
        state = await asyncio.to_thread(self._state_for, settings)
        self.last_state = state
        self.loaded.emit(state)
        return state

    def _state_for(self, settings: config.ConnectionSettings) -> LoadedState:
        """Runs in a worker thread: the keyring may talk to D-Bus."""
        info = secrets.backend_info()
        password_state = PASSWORD_NONE
        error = None
        if self.credentials.has_session_password:
            password_state = PASSWORD_SESSION
        else:
            account = self.credentials.account(settings)
            stored = None
            if account is not None:
                try:
                    stored = secrets.get_password(account)
                except secrets.KeyringUnavailable as exc:
                    error = str(exc)
                    password_state = PASSWORD_UNAVAILABLE
            if stored:
                password_state = PASSWORD_KEYRING
            elif config.password_from_environment():
                password_state = PASSWORD_ENVIRONMENT
        return LoadedState(settings, info, password_state, error)

    # ---- connection test -------------------------------------------------------------------------

    @asyncSlot(object, str)
    async def test_connection(self, form: ConnectionForm, typed_password: str) -> None:
        await self.ctx.tasks.start(TASK_TEST, self._test(form, typed_password))

    def cancel_test(self) -> None:
        self.ctx.tasks.cancel(TASK_TEST)

    @property
    def testing(self) -> bool:
        return self.ctx.tasks.running(TASK_TEST)

    async def _test(self, form: ConnectionForm, typed_password: str) -> diagnostics.ConnectionTestResult | None:
        check = form.check()
        if not check.ok:
            return self._invalid_form(check.problems, check.advice)
        settings = form.to_settings()
        password = typed_password or await asyncio.to_thread(self._stored_password, settings)
        if not password:
            self.message.emit("error", self.tr("Enter the password to test the connection."))
            self.test_finished.emit(None)
            return None
        try:
            client_config = settings.client_config(password)
        except ConfigurationError as exc:
            self.message.emit("error", core_messages.error_text(exc))
            self.test_finished.emit(None)
            return None
        self.busy_changed.emit("test", True)
        self.test_started.emit()
        self.ctx.signals.connection_state.emit("testing", "")
        try:
            result = await diagnostics.test_connection(client_config, on_step=self.step_changed.emit)
        except asyncio.CancelledError:
            self.ctx.signals.connection_state.emit("unknown", self.tr("The connection test was cancelled"))
            self.message.emit("info", self.tr("The connection test was cancelled."))
            self.test_finished.emit(None)
            raise
        finally:
            self.busy_changed.emit("test", False)
        summary = core_messages.text(result.message)
        self.ctx.signals.connection_state.emit("ok" if result.success else "failed", summary)
        log.info("Connection test: %s", result.message)
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

    def _stored_password(self, settings: config.ConnectionSettings) -> str | None:
        """The password for these (possibly unsaved) settings: session → keyring → environment."""
        if self.credentials.has_session_password:
            return self.credentials.password()
        account = self.credentials.account(settings) if settings.configured else None
        if account is not None:
            try:
                stored = secrets.get_password(account)
            except secrets.KeyringUnavailable:
                stored = None
            if stored:
                return stored
        return config.password_from_environment()

    # ---- certificate -----------------------------------------------------------------------------

    @asyncSlot(str)
    async def fetch_certificate(self, url: str) -> None:
        await self.ctx.tasks.start(TASK_CERTIFICATE, self._fetch_certificate(url, self._timeout()))

    def _timeout(self) -> float:
        settings = self.credentials.settings
        return settings.timeout if settings is not None else float(config.DEFAULTS["timeout"])

    async def _fetch_certificate(self, url: str, timeout: float) -> None:
        self.busy_changed.emit("certificate", True)
        try:
            info = await fetch_certificate(url, timeout)
        except (MediaSenseError, ValueError) as exc:
            error = core_messages.error_text(exc) if isinstance(exc, MediaSenseError) else str(exc)
            self.message.emit("error", self.tr("Could not fetch the certificate: {error}").format(error=error))
            return
        finally:
            self.busy_changed.emit("certificate", False)
        self.certificate_fetched.emit(info)

    # ---- saving ----------------------------------------------------------------------------------

    @asyncSlot(object, str, bool)
    async def save(self, form: ConnectionForm, typed_password: str, store_insecurely: bool) -> None:
        await self.ctx.tasks.start(TASK_SAVE, self._save(form, typed_password, store_insecurely))

    async def _save(self, form: ConnectionForm, typed_password: str, store_insecurely: bool) -> SaveOutcome:
        try:
            settings = form.to_settings()
        except ValueError as exc:
            outcome = SaveOutcome(False, self._current_password_state(), str(exc), "error")
            self.saved.emit(outcome)
            return outcome
        self.busy_changed.emit("save", True)
        try:
            try:
                await self.ctx.db(_save_settings, self.ctx.engine, settings, getattr(self.ctx, "principal", None))
            except PermissionDenied as exc:  # the UI hides Save from such users; this is the last guard
                outcome = SaveOutcome(False, self._current_password_state(), str(exc), "error")
                self.saved.emit(outcome)
                return outcome
            self.credentials.settings = settings
            level, text = "info", self.tr("Settings saved.")
            if typed_password:
                level, text = await self._store_password(settings, typed_password, store_insecurely)
            state = await self._load()
        finally:
            self.busy_changed.emit("save", False)
        outcome = SaveOutcome(True, state.password_state, text, level)
        self.saved.emit(outcome)
        self.ctx.signals.settings_changed.emit()
        return outcome

    async def _store_password(
        self, settings: config.ConnectionSettings, password: str, insecure: bool
    ) -> tuple[str, str]:
        account = self.credentials.account(settings)
        assert account is not None  # to_settings() checked URL and user name
        try:
            await asyncio.to_thread(secrets.set_password, account, password, allow_insecure=insecure)
        except secrets.InsecureKeyringError:
            self.credentials.set_session_password(password)
            return "warning", self.tr(
                "Settings saved. No secure keyring is available, so the password is kept in memory for this "
                "session only: you will be asked again after a restart."
            )
        except secrets.KeyringUnavailable as exc:
            self.credentials.set_session_password(password)
            return "warning", self.tr(
                "Settings saved, but the keyring refused the password ({error}). It is kept in memory for this "
                "session only."
            ).format(error=exc)
        self.credentials.set_session_password(None)  # the keyring is now the source
        if insecure and not secrets.backend_info().secure:
            return "warning", self.tr("Settings saved. The password was stored insecurely, as you chose.")
        return "info", self.tr("Settings saved. The password is in the system keyring.")

    def _current_password_state(self) -> str:
        return self.last_state.password_state if self.last_state else PASSWORD_NONE


def _save_settings(engine: Engine, settings: config.ConnectionSettings, principal: Principal | None) -> None:
    """Save and audit (writer thread). A signed-in user goes through the guarded SettingsService."""
    if principal is not None:
        SettingsService(engine, principal).save_connection(settings)
        return
    app_context.save_connection_settings(engine, settings, UPDATED_BY)
    detail = {"settings": settings.to_dict()}
    audit.write(engine, audit.CONFIG_CHANGE, actor=UPDATED_BY, target="connection", detail=detail)


__all__ = ["PASSWORD_KEYRING", "PASSWORD_SESSION", "ConnectionController"]
