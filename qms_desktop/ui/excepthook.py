"""Unhandled errors (including those escaping qasync.asyncSlot) are logged and shown; Qt's own
messages go to logging instead of stderr."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from qms_desktop.ui.qt import QApplication, QCoreApplication, QMessageBox, Qt, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qms.ui")
qt_log = logging.getLogger("qms.ui.qt")

ExcHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]

_previous_hook: ExcHook | None = None
_showing = False  # an error inside the dialog must not open dialogs forever


def show_error_dialog(title: str, text: str, details: str) -> None:
    """Non-modal (open(), not exec()) so no nested event loop runs under qasync."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    parent = app.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent)
    box.setInformativeText(
        QCoreApplication.translate(
            "ErrorDialog", "The error was written to the log. If it happens again, send the details to support."
        )
    )
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("Unhandled error: %s", exc, exc_info=(exc_type, exc, tb))
    if _showing:
        return
    _showing = True
    try:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        title = QCoreApplication.translate("ErrorDialog", "Unexpected error")
        text = QCoreApplication.translate("ErrorDialog", "Something went wrong: {error}").format(
            error=str(exc) or exc_type.__name__
        )
        # Looked up on the module at call time so tests can patch it.
        sys.modules[__name__].show_error_dialog(title, text, details)
    except Exception:  # the hook must never raise
        log.exception("Could not show the error dialog")
    finally:
        _showing = False


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    # Worker threads: log only; widgets must not be touched off the GUI thread.
    log.error(
        "Unhandled error in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]  # value may be None
    )


def install_excepthook() -> None:
    global _previous_hook
    if sys.excepthook is not handle_exception:
        _previous_hook = sys.excepthook
        sys.excepthook = handle_exception
    threading.excepthook = _thread_hook


def uninstall_excepthook() -> None:
    global _previous_hook
    if sys.excepthook is handle_exception:
        sys.excepthook = _previous_hook or sys.__excepthook__
    _previous_hook = None
    threading.excepthook = threading.__excepthook__


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Known-harmless noise of the offscreen platform.
_IGNORED = ("This plugin does not support propagateSizeHints()",)


class QtMessageRouter:
    """Routes qDebug/qWarning into the `qms.ui.qt` logger, then to the previous handler (pytest-qt)."""

    def __init__(self) -> None:
        self._previous: Any = None
        self._installed = False

    def __call__(self, msg_type: QtMsgType, context: Any, message: str) -> None:
        if not any(message.startswith(text) for text in _IGNORED):
            category = getattr(context, "category", None) or "qt"
            qt_log.log(_LEVELS.get(msg_type, logging.WARNING), "[%s] %s", category, message)
        if self._previous is not None:
            self._previous(msg_type, context, message)

    def install(self) -> None:
        if not self._installed:
            self._previous = qInstallMessageHandler(self)
            self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            qInstallMessageHandler(self._previous)
            self._previous = None
            self._installed = False


qt_messages = QtMessageRouter()
