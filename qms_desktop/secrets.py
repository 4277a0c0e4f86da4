"""The OS keyring: the only place a password is read or written.

A backend that would store secrets in plain text (keyrings.alt, or none at all) is refused unless the
admin explicitly opts in; the caller then keeps the password in memory for this session only.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "qms-desktop"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class InsecureKeyringError(RuntimeError):
    """No secure keyring is available and the admin has not opted in to an insecure one."""


class KeyringUnavailable(RuntimeError):
    """The keyring failed (locked, no D-Bus session, ...)."""


@dataclass(frozen=True, slots=True)
class BackendInfo:
    name: str
    secure: bool

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "secure": self.secure}


def storage_backend(backend: KeyringBackend | None = None) -> KeyringBackend | None:
    """The backend `set_password` really writes to (the first of a chain)."""
    from keyring.backends.chainer import ChainerBackend

    backend = backend or keyring.get_keyring()
    if isinstance(backend, ChainerBackend):
        return backend.backends[0] if backend.backends else None
    return backend


def backend_info() -> BackendInfo:
    backend = storage_backend()
    if backend is None:
        return BackendInfo("none", False)
    cls = type(backend)
    secure = not cls.__module__.startswith(_INSECURE_MODULES) and getattr(backend, "secure", True)
    return BackendInfo(f"{cls.__module__}.{cls.__qualname__}", bool(secure))


def account_for(username: str, url: str) -> str:
    """One keyring entry per user and server."""
    host = urlsplit(url).hostname or url
    return f"mediasense:{username}@{host}"


def get_password(account: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"The keyring could not be read: {exc}") from exc


def set_password(account: str, password: str, *, allow_insecure: bool = False) -> BackendInfo:
    info = backend_info()
    if not info.secure and not allow_insecure:
        raise InsecureKeyringError(
            f"No secure keyring is available (backend: {info.name}); the password was not saved. "
            "Unlock or install the system keyring, or explicitly allow insecure storage."
        )
    try:
        keyring.set_password(SERVICE, account, password)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"The keyring refused the password: {exc}") from exc
    return info


def delete_password(account: str) -> bool:
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"The keyring could not be changed: {exc}") from exc
    return True
