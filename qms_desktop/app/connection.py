"""The MediaSense connection: read and save its settings, keep its password, run the three-step test.

The settings go to the database (every workstation on it sees them); the password goes only to the
OS keyring, or, when no secure keyring takes it, to this process's memory. Async methods do their
database and keyring work in worker threads, so a GUI loop can await them.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from qms_desktop import config, secrets
from qms_desktop.app import runtime
from qms_desktop.app.access import UseCase
from qms_desktop.app.credentials import Credentials, PasswordState
from qms_desktop.mediasense.categories import FINGERPRINT_CHANGED
from qms_desktop.mediasense.diagnostics import ConnectionTestResult, StepCallback, test_connection
from qms_desktop.mediasense.tls import CertificateInfo, fetch_certificate
from qms_desktop.security import audit
from qms_desktop.security.roles import Permission

log = logging.getLogger("qms.app")

# How a save ended for the password (the GUI words each one).
STORED_KEYRING = "keyring"  # in the OS keyring
STORED_INSECURE = "insecure"  # in a keyring that is not secure, as the admin explicitly chose
STORED_SESSION_NO_SECURE_KEYRING = "session-no-secure-keyring"  # memory only: no secure keyring
STORED_SESSION_KEYRING_FAILED = "session-keyring-failed"  # memory only: the keyring refused it
NOT_GIVEN = "not-given"  # no new password was typed


@dataclass(frozen=True, slots=True)
class SaveResult:
    password: str  # one of the values above (how the password was kept), never the password
    keyring_error: str | None = None


class ConnectionUseCases(UseCase):
    def settings(self) -> config.ConnectionSettings:
        self.require(Permission.SETTINGS_READ)
        return runtime.connection_settings(self.engine)

    def load(self, credentials: Credentials) -> tuple[config.ConnectionSettings, PasswordState]:
        """The effective settings and where their password would come from (the keyring is asked)."""
        settings = self.settings()
        credentials.settings = settings
        return settings, credentials.state(settings)

    def save(
        self,
        settings: config.ConnectionSettings,
        credentials: Credentials,
        password: str | None = None,
        *,
        allow_insecure_keyring: bool = False,
    ) -> SaveResult:
        """Store the settings (audited, without any secret) and, when given, the password."""
        self.require(Permission.SETTINGS_WRITE, "connection")
        runtime.save_connection_settings(self.engine, settings, self.actor)
        self.audit(audit.CONFIG_CHANGE, "connection", settings=settings.to_dict())
        credentials.settings = settings
        if not password:
            return SaveResult(NOT_GIVEN)
        account = credentials.account(settings)
        if account is None:
            raise ValueError("the server address and the user name are needed to keep a password")
        try:
            info = secrets.set_password(account, password, allow_insecure=allow_insecure_keyring)
        except secrets.InsecureKeyringError:
            credentials.set_session_password(password)
            return SaveResult(STORED_SESSION_NO_SECURE_KEYRING)
        except secrets.KeyringUnavailable as exc:
            credentials.set_session_password(password)
            return SaveResult(STORED_SESSION_KEYRING_FAILED, str(exc))
        credentials.set_session_password(None)  # the keyring is now the source
        return SaveResult(STORED_KEYRING if info.secure else STORED_INSECURE)

    async def test(
        self,
        credentials: Credentials,
        settings: config.ConnectionSettings | None = None,
        password: str | None = None,
        *,
        on_step: StepCallback | None = None,
    ) -> ConnectionTestResult:
        """The three-step test of `settings` (default: the saved ones) with `password` (default: the
        stored one). Raises NotConfigured when there is no password to test with. Audited."""
        await asyncio.to_thread(self.require, Permission.CONNECTION_TEST, "connection")
        if settings is None:
            settings = await asyncio.to_thread(runtime.connection_settings, self.engine)
        if not password:
            password = await asyncio.to_thread(credentials.require_password, settings)
        result = await test_connection(settings.client_config(password), on_step=on_step)
        outcome = audit.OK if result.success else audit.FAILED
        await asyncio.to_thread(
            self.audit, audit.CONNECTION_TEST, "connection", outcome=outcome, urls=list(settings.urls),
            message=str(result.message),
        )  # fmt: skip
        log_result(result, settings.urls, self.actor)
        return result

    async def certificate(self, url: str, timeout: float | None = None) -> CertificateInfo:
        """The certificate a server presents, to check its fingerprint before pinning it."""
        await asyncio.to_thread(self.require, Permission.CONNECTION_TEST, url)
        return await fetch_certificate(url, timeout or float(config.DEFAULTS["timeout"]))


async def test_given_connection(
    settings: config.ConnectionSettings, password: str, *, on_step: StepCallback | None = None
) -> ConnectionTestResult:
    """The three-step test of settings and a password the caller typed in full: it reads and
    stores nothing of the app's, so it needs nobody signed in (like fetching a certificate)."""
    result = await test_connection(settings.client_config(password), on_step=on_step)
    log_result(result, settings.urls, None)
    return result


def log_result(result: ConnectionTestResult, urls: tuple[str, ...], actor: str | None) -> None:
    """One line per connection test in the integration log, whichever front end ran it: INFO when it
    passed; a failure is a WARNING (an ERROR when the pinned certificate changed) with the step that
    failed, the reason, the category and what to do."""
    who = actor or "(nobody signed in: every value typed)"
    where = ", ".join(urls) or "-"
    if result.success:
        log.info("Connection test of %s by %s: %s", where, who, result.message)
        return
    kind = result.category
    step = result.failed_step
    level = logging.ERROR if kind is not None and kind.key == FINGERPRINT_CHANGED else logging.WARNING
    advice = "; ".join(result.recommendations)
    log.log(
        level,
        "Connection test of %s by %s failed%s: %s%s%s",
        where,
        who,
        f" at {step.step}" if step is not None else "",
        f"[{kind.title}] " if kind is not None else "",
        result.message,
        f". What to do: {advice}" if advice else "",
        extra={"category": kind.key if kind is not None else None, "step": step.step if step is not None else None},
    )


async def fetch_given_certificate(url: str, timeout: float | None = None) -> CertificateInfo:
    return await fetch_certificate(url, timeout or float(config.DEFAULTS["timeout"]))
