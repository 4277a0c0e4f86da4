"""Typed security errors; each message says what happened and what a person can do about it."""

from __future__ import annotations


class SecurityError(Exception):
    """Base class. `hint` is the action a person can take."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}. {self.hint}" if self.hint else self.message


class PermissionDenied(SecurityError):
    """The signed-in user's role or teams do not allow the operation."""

    hint = "Ask an administrator for a role (or team assignment) that allows it"

    def __init__(self, message: str, *, permission: str | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.permission = permission


class LoginFailed(SecurityError):
    hint = "Check the user name and password; an administrator can reset the password"


class AccountDisabled(LoginFailed):
    hint = "This account is disabled: ask an administrator to enable it"


class SignInThrottled(LoginFailed):
    """Too many failed sign-ins for this user name or from this workstation: the attempt was refused
    without its password being checked. The message is the same whether or not the user exists."""

    hint = "Wait, then check the user name and password; an administrator can reset the password"

    def __init__(self, retry_after_s: int | None, *, message: str | None = None, hint: str | None = None) -> None:
        super().__init__(message or f"Too many failed sign-ins: try again in {retry_after_s} s", hint=hint)
        self.retry_after_s = retry_after_s


class AccountLocked(SignInThrottled):
    """So many failed sign-ins for this user name that it is locked until an administrator unlocks it."""

    hint = "Ask an administrator to unlock it (the Users tab, or `qms-desktop users unlock NAME`)"

    def __init__(self, *, hint: str | None = None) -> None:
        super().__init__(None, message="Too many failed sign-ins: this user name is locked", hint=hint)


class UserExists(SecurityError):
    hint = "Choose another user name, or change the existing user's password or teams"


class UnknownUser(SecurityError):
    hint = "List the users with `qms-desktop users list`"


class InvalidUserInput(SecurityError):
    hint = "Correct the value and try again"


class StreamLimitReached(SecurityError):
    """The user already has the maximum number of concurrent playbacks."""

    hint = "Stop one of your other playbacks (close its player) and try again"
