"""The Users tab's controller: each intent is a user use case (guarded, audited) on the writer thread;
the list is read again after every change."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

from qms_desktop.app.users import UserInfo, UserUseCases
from qms_desktop.security.errors import SecurityError
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import WriteOp
from qms_desktop.ui.qt import QObject, Signal
from qms_desktop.ui.tabs.users.tab import UsersTab


class UsersController(QObject):
    listed = Signal(object)  # list[UserInfo]
    message = Signal(str, bool)  # text, is an error

    def __init__(self, ctx: UiContext, view: UsersTab) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.view = view
        view.add_requested.connect(self.add)
        view.disable_requested.connect(self.set_disabled)
        view.unlock_requested.connect(self.unlock)
        view.shown.connect(self.refresh)
        self.listed.connect(view.show_users)
        self.message.connect(view.show_message)

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> asyncio.Task[list[UserInfo] | None]:
        return self._call("users.refresh", lambda users: None, "")

    def add(self, username: str, role: str, password: str, teams: list[str]) -> asyncio.Task[list[UserInfo] | None]:
        done = self.tr("User {name} added.").format(name=username.strip().lower())
        return self._call("users.add", lambda users: users.create_user(username, role, password, teams), done)

    def set_disabled(self, username: str, disabled: bool) -> asyncio.Task[list[UserInfo] | None]:
        text = self.tr("{name} is disabled.") if disabled else self.tr("{name} is enabled again.")
        return self._call("users.disable", lambda users: users.disable_user(username, disabled),
                          text.format(name=username))  # fmt: skip

    def unlock(self, username: str) -> asyncio.Task[list[UserInfo] | None]:
        text = self.tr("{name} is unlocked: it can sign in again.").format(name=username)
        return self._call("users.unlock", lambda users: users.unlock_user(username), text)

    def _call(
        self, name: str, action: Callable[[UserUseCases], object], done: str
    ) -> asyncio.Task[list[UserInfo] | None]:
        users = UserUseCases(self.ctx.engine, self.ctx.principal)

        def work() -> list[UserInfo]:
            action(users)
            return users.list_users()

        def listed(rows: list[UserInfo]) -> None:
            self.listed.emit(rows)
            if done:
                self.message.emit(done, False)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, SecurityError | ValueError):
                sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: logged and shown
                return
            hint = getattr(exc, "hint", None)
            self.message.emit(f"{exc} ({hint})" if hint else str(exc), True)

        return WriteOp(self.ctx, name, work, owner=self.view).success(listed).failure(failed).run()
