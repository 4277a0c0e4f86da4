"""An in-memory keyring for `qms-desktop --demo` only.

It counts as "secure" for the demo because nothing touches the disk: the demo password lives in this
process and vanishes with it. Priority -1 keeps keyring from ever choosing it on its own (every
KeyringBackend subclass is auto-registered); demo mode installs it explicitly with keyring.set_keyring.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class DemoKeyring(KeyringBackend):
    priority = -1  # never auto-selected

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def install_demo_keyring() -> DemoKeyring:
    backend = DemoKeyring()
    keyring.set_keyring(backend)
    return backend
