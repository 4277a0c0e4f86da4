"""Sign-in: the dialog (sign in, or create the first administrator) and its controller.

The dialog only validates and emits intents; the controller runs scrypt and the database work on the
writer thread through `ctx.db` and reports back. `SignIn.start()` shows the dialog without a nested
event loop and `SignIn.result()` awaits the Principal (None when the user closed the dialog).
"""

from __future__ import annotations

import asyncio
import logging
import re

from qms_desktop.app.users import create_first_admin, needs_first_admin, sign_in
from qms_desktop.security.errors import (
    AccountDisabled,
    AccountLocked,
    InvalidUserInput,
    LoginFailed,
    PermissionDenied,
    SignInThrottled,
)
from qms_desktop.security.passwords import MIN_PASSWORD_LENGTH
from qms_desktop.security.roles import Principal
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger("qms.ui")

MODE_SIGN_IN = "sign-in"
MODE_FIRST_ADMIN = "first-admin"
TASK_SUBMIT = "login.submit"
FAILURE_DELAY_S = 0.6  # a wrong password answers a little later: slows guessing, not people
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")  # the rule of security.users.normalize_username


class LoginDialog(QDialog):
    """Sign in, or (first run) create the administrator account. Emits intents; never blocks."""

    submitted = Signal(str, str, bool)  # user name, password, create the first administrator

    def __init__(self, mode: str = MODE_SIGN_IN, parent: QWidget | None = None, *, demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.mode = mode
        self._demo = demo
        self._busy = False
        self._tried = False  # validation messages appear after the first attempt, then live
        self._error = ""

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.username_label = QLabel(self)
        self.username_edit = QLineEdit(self)
        self.password_label = QLabel(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_label = QLabel(self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "color: #8c1d18; background: #fdecea; border: 1px solid #e6a39e; border-radius: 4px; padding: 6px;"
        )
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.quit_button = QPushButton(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)

        form = QFormLayout()
        form.addRow(self.username_label, self.username_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.confirm_label, self.confirm_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.username_edit, self.password_edit, self.confirm_edit):
            edit.textChanged.connect(self._on_edited)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.set_mode(mode)

    # ---- mode and validation ---------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        first = mode == MODE_FIRST_ADMIN
        self.confirm_label.setVisible(first)
        self.confirm_edit.setVisible(first)
        self._tried = False
        self.retranslateUi()

    def problems(self) -> list[str]:
        """What keeps the form from being sent (empty = fine)."""
        name = self.username_edit.text().strip().lower()
        password = self.password_edit.text()
        out: list[str] = []
        if not name:
            out.append(self.tr("Enter a user name."))
        elif self.mode == MODE_FIRST_ADMIN and not _USERNAME.match(name):
            out.append(
                self.tr("Use letters, digits, '.', '_', '@' or '-' in the user name, starting with a letter or digit.")
            )
        if not password:
            out.append(self.tr("Enter the password."))
        elif self.mode == MODE_FIRST_ADMIN:
            if len(password) < MIN_PASSWORD_LENGTH:
                out.append(self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH))
            if password != self.confirm_edit.text():
                out.append(self.tr("The two passwords do not match."))
        return out

    def _on_edited(self, _text: str = "") -> None:
        self._error = ""
        if self._tried:
            self._render_error()

    def _submit(self) -> None:
        if self._busy:
            return
        self._tried = True
        self._error = ""
        if self._render_error():
            return
        self.submitted.emit(self.username_edit.text().strip(), self.password_edit.text(), self.mode == MODE_FIRST_ADMIN)

    def _render_error(self) -> bool:
        """Show the validation problems or the last error; True when something is shown."""
        lines = self.problems() if self._tried else []
        if self._error:
            lines = [self._error]
        self.error_label.setText("\n".join(lines))
        self.error_label.setVisible(bool(lines))
        return bool(lines)

    # ---- what the controller reports -------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username_edit, self.password_edit, self.confirm_edit, self.ok_button):
            widget.setEnabled(not busy)
        self.retranslateUi()

    def show_error(self, text: str) -> None:
        self._error = text
        self._render_error()
        self.password_edit.clear()
        self.confirm_edit.clear()
        self._error = text  # clearing the fields above counts as an edit: keep the message
        self._render_error()
        self.password_edit.setFocus()

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        first = self.mode == MODE_FIRST_ADMIN
        self.setWindowTitle(self.tr("Create the administrator") if first else self.tr("Sign in to QMS Desktop"))
        if first:
            self.intro.setText(
                self.tr(
                    "<b>Welcome to QMS Desktop.</b><br>No administrator exists yet. Choose the user name and "
                    "password of the first administrator account; it can add the other users later."
                )
            )
        else:
            text = self.tr("Sign in with your QMS Desktop account.")
            if self._demo:
                from qms_desktop.app.demo import (
                    DEMO_ADMIN,
                    DEMO_ADMIN_PASSWORD,
                    DEMO_SUPERVISOR,
                    DEMO_SUPERVISOR_PASSWORD,
                )

                text += "<br><br>" + self.tr("Demo accounts: {admin} / {admin_pw}, {sup} / {sup_pw}").format(
                    admin=DEMO_ADMIN, admin_pw=DEMO_ADMIN_PASSWORD, sup=DEMO_SUPERVISOR, sup_pw=DEMO_SUPERVISOR_PASSWORD
                )
            self.intro.setText(text)
        self.username_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        self.confirm_label.setText(self.tr("Repeat the password:"))
        self.password_edit.setPlaceholderText(
            self.tr("At least {n} characters").format(n=MIN_PASSWORD_LENGTH) if first else ""
        )
        if self._busy:
            self.ok_button.setText(self.tr("Creating…") if first else self.tr("Signing in…"))
        else:
            self.ok_button.setText(self.tr("Create and sign in") if first else self.tr("Sign in"))
        self.quit_button.setText(self.tr("Quit"))
        self._render_error()


class LoginController(QObject):
    """Runs the sign-in (or the first administrator's creation) off the GUI thread."""

    signed_in = Signal(object)  # Principal
    failed = Signal(str)  # the message shown

    def __init__(self, ctx: UiContext, dialog: LoginDialog) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        dialog.submitted.connect(self.submit)

    def submit(self, username: str, password: str, create: bool) -> None:
        self.dialog.set_busy(True)  # at once: a second Enter must not send it twice
        self.ctx.tasks.start(TASK_SUBMIT, self._submit(username, password, create))

    async def _submit(self, username: str, password: str, create: bool) -> Principal | None:
        ctx, dialog = self.ctx, self.dialog
        message = ""
        principal: Principal | None = None
        try:
            if create:
                await ctx.db(create_first_admin, ctx.engine, username, password)
            principal = await ctx.db(sign_in, ctx.engine, username, password)
        except (LoginFailed, AccountDisabled) as exc:
            await asyncio.sleep(FAILURE_DELAY_S)
            if isinstance(exc, AccountDisabled):
                message = self.tr("This account is disabled. Ask an administrator to enable it.")
            elif isinstance(exc, AccountLocked):
                message = self.tr(
                    "Too many failed sign-ins: this user name is locked. Ask an administrator to unlock it."
                )
            elif isinstance(exc, SignInThrottled):
                message = self.tr("Too many failed sign-ins. Wait {n} s, then try again.").format(
                    n=exc.retry_after_s or 1
                )
            else:
                message = self.tr("Wrong user name or password. Check both and try again.")
        except PermissionDenied:  # someone created an administrator meanwhile
            dialog.set_mode(MODE_SIGN_IN)
            message = self.tr("An administrator already exists: sign in with that account.")
        except InvalidUserInput as exc:
            message = f"{exc} ({exc.hint})" if getattr(exc, "hint", None) else str(exc)
        finally:
            dialog.set_busy(False)
        if principal is None:
            dialog.show_error(message)
            self.failed.emit(message)
            return None
        log.info("Signed in as %s (%s)", principal.username, principal.role.value)
        self.signed_in.emit(principal)
        return principal


class SignIn:
    """One sign-in round: the dialog over `parent`, resolved with a Principal or None (closed)."""

    def __init__(self, ctx: UiContext, dialog: LoginDialog) -> None:
        self.ctx = ctx
        self.dialog = dialog
        self.controller = LoginController(ctx, dialog)
        self._future: asyncio.Future[Principal | None] = asyncio.get_running_loop().create_future()
        self.controller.signed_in.connect(self._resolve)
        dialog.rejected.connect(lambda: self._resolve(None))

    @classmethod
    async def start(cls, ctx: UiContext, parent: QWidget | None, *, demo: bool = False) -> SignIn:
        """Ask the database which form to show (off the GUI thread), then show the dialog."""
        first = await ctx.read(needs_first_admin, ctx.engine)
        dialog = LoginDialog(MODE_FIRST_ADMIN if first else MODE_SIGN_IN, parent, demo=demo)
        flow = cls(ctx, dialog)
        dialog.open()  # window-modal, no nested event loop
        dialog.username_edit.setFocus()
        return flow

    def _resolve(self, principal: Principal | None) -> None:
        if not self._future.done():
            self._future.set_result(principal)

    async def result(self) -> Principal | None:
        try:
            return await self._future
        finally:
            self.dialog.hide()
            self.dialog.deleteLater()
