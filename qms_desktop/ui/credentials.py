"""The MediaSense password as the GUI knows it: session memory → keyring → MEDIASENSE_PASSWORD.

The password is never written anywhere by this module except through qms_desktop.secrets (the OS
keyring), and never logged.
"""

from __future__ import annotations

import logging

from qms_desktop import config, secrets

log = logging.getLogger("qms.ui")


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

    def password(self) -> str | None:
        """ctx.password_provider: what the connection test and the sync use."""
        if self._session:
            return self._session
        account = self.account()
        if account is not None:
            try:
                stored = secrets.get_password(account)
            except secrets.KeyringUnavailable as exc:
                log.warning("Keyring unavailable: %s", exc)
                stored = None
            if stored:
                return stored
        return config.password_from_environment()
