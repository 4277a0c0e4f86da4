"""The MediaSense password as a front end knows it: session memory → keyring → MEDIASENSE_PASSWORD.

The session memory holds a password typed in the GUI when no secure keyring could take it. Nothing
here writes a password anywhere except through `qms_desktop.secrets` (the OS keyring), and nothing
logs it. Every method may talk to the keyring (D-Bus, a file): call them off any GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qms_desktop import config, secrets
from qms_desktop.app.runtime import NotConfigured

log = logging.getLogger("qms.app")

# Where the password of the current settings comes from (what the Connection tab shows).
PASSWORD_SESSION = "session"
PASSWORD_KEYRING = "keyring"
PASSWORD_ENVIRONMENT = "environment"
PASSWORD_NONE = "none"
PASSWORD_UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class PasswordState:
    source: str  # one of the PASSWORD_* values
    keyring: secrets.BackendInfo
    error: str | None = None  # why the keyring could not be read


class Credentials:
    def __init__(self) -> None:
        self.settings: config.ConnectionSettings | None = None
        self._session: str | None = None

    def account(self, settings: config.ConnectionSettings | None = None) -> str | None:
        settings = settings or self.settings
        if settings is None or not settings.configured:
            return None
        return secrets.account_for(settings.username, settings.urls[0])

    @property
    def has_session_password(self) -> bool:
        return bool(self._session)

    def set_session_password(self, password: str | None) -> None:
        self._session = password or None

    def password(self, settings: config.ConnectionSettings | None = None) -> str | None:
        """The password for `settings` (default: the last loaded ones), or None when unknown."""
        if self._session:
            return self._session
        account = self.account(settings)
        if account is not None:
            try:
                stored = secrets.get_password(account)
            except secrets.KeyringUnavailable as exc:
                log.warning("Keyring unavailable: %s", exc)
                stored = None
            if stored:
                return stored
        return config.password_from_environment()

    def require_password(self, settings: config.ConnectionSettings) -> str:
        """The password, or NotConfigured saying what is missing."""
        if not settings.configured and not config.password_from_environment():
            raise NotConfigured("The MediaSense connection is not configured (URL and user name)")
        password = self.password(settings)
        if not password:
            raise NotConfigured("No MediaSense password is saved for this user: save it in the Connection tab")
        return password

    def state(self, settings: config.ConnectionSettings) -> PasswordState:
        """Where the password of these settings would come from; never the password itself."""
        info = secrets.backend_info()
        if self.has_session_password:
            return PasswordState(PASSWORD_SESSION, info)
        account = self.account(settings)
        if account is not None:
            try:
                if secrets.get_password(account):
                    return PasswordState(PASSWORD_KEYRING, info)
            except secrets.KeyringUnavailable as exc:
                return PasswordState(PASSWORD_UNAVAILABLE, info, str(exc))
        if config.password_from_environment():
            return PasswordState(PASSWORD_ENVIRONMENT, info)
        return PasswordState(PASSWORD_NONE, info)
