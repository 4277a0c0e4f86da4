"""The GUI entry point: QApplication + qasync loop, fast start-up, idempotent shutdown.

The window is shown first; the database, the integration log, the demo simulator and the tabs are
set up after it is on screen, with all disk and network work off the GUI thread.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import qasync

from qms_desktop import paths
from qms_desktop.ui import i18n
from qms_desktop.ui.excepthook import install_excepthook, qt_messages, uninstall_excepthook
from qms_desktop.ui.main_window import MainWindow
from qms_desktop.ui.qt import QApplication, QCoreApplication, QEvent, QObject, QTimer, Signal
from qms_desktop.ui.startup import create_application, display_problem, env_float, process_age_s

if TYPE_CHECKING:
    from qms_desktop.security.roles import Principal
    from qms_desktop.ui.context import UiContext

log = logging.getLogger("qms.ui")

QUIT_AFTER_ENV = "QMS_QUIT_AFTER_S"  # smoke runs: quit cleanly after N seconds
SCREENSHOT_ENV = "QMS_SCREENSHOT_DIR"  # smoke runs: save one PNG per tab before quitting
# Tasks that outlive a sign-out or a role switch; every other task belongs to a tab and is cancelled.
APP_TASK_PREFIXES = ("shell.", "demo.", "login.", "sync-scheduler")
# Imported in a worker thread after the window is up (SQLAlchemy, Alembic, httpx: about a second).
HEAVY_MODULES = ("qms_desktop.app.runtime", "qms_desktop.app.sync", "qms_desktop.integration_log")


def is_app_task(name: str) -> bool:
    """A running sync ("sync", allowed when it started) and the shell's own tasks survive a sign-out;
    the tabs' tasks do not."""
    return name == "sync" or name.startswith(APP_TASK_PREFIXES)


class Shell(QObject):
    """Owns the window and the context; `main()` runs until quit is requested, then shuts down."""

    ready = Signal()  # start-up done: tabs in place, or the sign-in dialog shown, or start-up failed and said so
    signed_in = Signal(object)  # Principal: the tabs for their role are in place
    signed_out = Signal()
    window_shown = Signal(float)  # seconds since process start (or since run() when unknown)

    def __init__(
        self,
        app: QApplication,
        translations: i18n.Translations,
        *,
        demo: bool = False,
        quit_after_s: float | None = None,
        screenshot_dir: Path | None = None,
        link: str | None = None,
    ) -> None:
        super().__init__()
        self.link = link  # `open URL`: shown once someone has signed in
        self.app = app
        self.translations = translations
        self.demo = demo
        self.quit_after_s = quit_after_s
        self.screenshot_dir = screenshot_dir
        self.window: MainWindow | None = None
        self.ctx: UiContext | None = None
        self.demo_run: Any = None  # qms_desktop.app.demo.Demo in demo mode
        self.startup_error: str | None = None
        self._quit: asyncio.Event | None = None
        self._startup: asyncio.Task[None] | None = None
        self.login_dialog: Any = None  # the open qms_desktop.ui.login.LoginDialog, if any
        self._shutdown: asyncio.Task[None] | None = None
        self._started_at = time.perf_counter()

    # ---- start-up --------------------------------------------------------------------------------

    async def main(self) -> int:
        self._quit = asyncio.Event()
        self.app.aboutToQuit.connect(self.request_quit)  # can fire more than once: shutdown is idempotent
        self.window = MainWindow(demo=self.demo, language_choice=i18n.saved_choice())
        self.window.quit_requested.connect(self.request_quit)
        self.window.language_chosen.connect(self.set_language)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.demo_user_requested.connect(self.switch_demo_user)
        self.window.show()
        age = process_age_s()
        shown = age if age is not None else time.perf_counter() - self._started_at
        log.info("Window shown %.2f s after launch", shown)
        self.window_shown.emit(shown)
        self._startup = asyncio.get_running_loop().create_task(self._load(), name="shell.startup")
        if self.quit_after_s is not None:
            QTimer.singleShot(int(self.quit_after_s * 1000), self._quit_after_timer)
        try:
            await self._quit.wait()
        finally:
            await self.shutdown()
        return 0

    async def _load(self) -> None:
        try:
            await self._open()
        except Exception as exc:
            log.exception("Start-up failed")
            self.startup_error = str(exc) or type(exc).__name__
            if self.window is not None:
                self.window.set_loading_error(self.startup_error)
        finally:
            self.ready.emit()

    async def _open(self) -> None:
        for name in HEAVY_MODULES:
            await asyncio.to_thread(importlib.import_module, name)
        from qms_desktop.app import runtime
        from qms_desktop.integration_log import setup_integration_log
        from qms_desktop.integration_log.console import take_over_stderr
        from qms_desktop.store.engine import mask_url
        from qms_desktop.store.writer import DbWriter
        from qms_desktop.sync.collector import freeze_long_lived
        from qms_desktop.ui.context import AppSignals, UiContext
        from qms_desktop.ui.services.background_sync import BackgroundSync

        # From here on the terminal gets its lines from a background thread: a stderr nobody reads
        # must not stop the thread that logged (the playback proxy's, which starts after this).
        take_over_stderr()
        if self.demo and not paths.in_demo_home():  # run() switched already; a Shell made elsewhere did not
            paths.enter_demo_home()
        integration_log = await asyncio.to_thread(setup_integration_log)
        if self.demo:
            from qms_desktop.app.demo import start_demo

            self.demo_run = await asyncio.to_thread(start_demo)
        engine = await asyncio.to_thread(runtime.open_database)
        ctx = UiContext(engine=engine, writer=DbWriter(), integration_log=integration_log, signals=AppSignals())
        self.ctx = ctx
        if self.demo_run is not None:
            await self._prepare_demo(ctx)
        # Qt objects owned by the window die with it, on the GUI thread.
        ctx.signals.setParent(self.window)
        ctx.sync = BackgroundSync(ctx, self.window)
        assert self.window is not None
        self.window.set_context(ctx, [], mask_url(engine))  # tabs come with the signed-in user's role
        freeze_long_lived()
        if self.demo_run is not None:
            from qms_desktop.app.demo import DEMO_SYNC_INTERVAL_S
            from qms_desktop.app.sync import STARTUP

            await self._demo_sign_in(ctx, "admin")  # the demo signs in by itself
            # The schedule's first run, at once, is the start-up sync; then one a minute.
            ctx.sync.set_scheduler(True, DEMO_SYNC_INTERVAL_S, first_trigger=STARTUP)
        else:
            await self._show_sign_in(ctx)  # returns once the dialog is up

    # ---- signing in and out ----------------------------------------------------------------------

    async def _show_sign_in(self, ctx: UiContext) -> None:
        from qms_desktop.ui.login import SignIn

        flow = await SignIn.start(ctx, self.window, demo=self.demo)
        self.login_dialog = flow.dialog
        ctx.tasks.start("shell.sign-in", self._await_sign_in(ctx, flow))

    async def _await_sign_in(self, ctx: UiContext, flow: Any) -> None:
        principal = await flow.result()
        self.login_dialog = None
        if principal is None:  # the dialog was closed: nobody may use the app
            self.request_quit()
            return
        self._apply_principal(ctx, principal)

    def _apply_principal(self, ctx: UiContext, principal: Principal) -> None:
        """Tabs for the principal's role replace whatever was shown."""
        from qms_desktop.ui.tabs import create_tabs

        ctx.principal = principal
        assert self.window is not None
        self.window.set_principal(principal)
        self.window.set_tabs(create_tabs(ctx))
        ctx.sync.load_interval()
        ctx.tasks.start("shell.last-sync", self._show_last_sync(ctx, principal))
        self.signed_in.emit(principal)
        link, self.link = self.link, None
        if link is not None:
            self.open_link(link)

    def open_link(self, link: str) -> None:
        """The Recordings tab at the recording and moment a `qms://recording/…?t=…` link names
        (its controller checks the link, the permission and the team, and audits the attempt)."""
        assert self.window is not None
        tab = self.window.tab_widget("recordings")
        if tab is None:  # a role without recordings: the refusal is audited, the window says so
            from qms_desktop.app.links import LinkUseCases

            if self.ctx is not None:
                self.ctx.tasks.start(
                    "shell.link", self._refuse_link(LinkUseCases(self.ctx.engine, self.ctx.principal), link)
                )
            return
        self.window.open_tab("recordings")
        tab.controller.evidence.open_link(link)  # type: ignore[attr-defined]

    async def _refuse_link(self, use_cases: Any, link: str) -> None:
        assert self.ctx is not None
        try:
            await self.ctx.db(use_cases.open, link)
        except Exception as exc:
            log.warning("A recording link could not be opened: %s", exc)

    async def _drop_principal(self, ctx: UiContext) -> Principal | None:
        """Stop the tabs' work and the user's playbacks and schedule, then remove the tabs. A sync
        already running finishes (it was allowed when it started)."""
        previous = ctx.principal
        ctx.principal = None
        ctx.sync.stop_schedule()
        await ctx.tasks.cancel_where(lambda name: not is_app_task(name))
        playback, ctx.playback = ctx.playback, None
        if playback is not None:  # every ticket ends now: none keeps counting against the stream limit
            await playback.shutdown()
        if self.window is not None:
            self.window.set_principal(None)
            self.window.clear_tabs()
        return previous

    def sign_out(self) -> None:
        """File → Sign out: tabs go, the sign-out is audited, the sign-in dialog comes back."""
        if self.ctx is not None and self.ctx.principal is not None and self.login_dialog is None:
            self.ctx.tasks.start("shell.sign-out", self._sign_out(self.ctx))

    async def _sign_out(self, ctx: UiContext) -> None:
        from qms_desktop.app.users import sign_out

        previous = await self._drop_principal(ctx)
        self.signed_out.emit()
        if previous is not None:
            await ctx.db(sign_out, ctx.engine, previous)
        await self._show_sign_in(ctx)

    def switch_demo_user(self, which: str) -> None:
        """Demo only: sign in as the demo administrator or supervisor; the tabs follow the role."""
        if self.ctx is not None and self.ctx.demo is not None:
            self.ctx.tasks.start("shell.demo-switch", self._switch_demo_user(self.ctx, which))

    async def _switch_demo_user(self, ctx: UiContext, which: str) -> None:
        from qms_desktop.app.users import sign_out

        if self.login_dialog is not None:  # signed out, dialog open: the switch signs in instead
            ctx.tasks.cancel("shell.sign-in")  # its clean-up hides and deletes the dialog
            self.login_dialog = None
        previous = await self._drop_principal(ctx)
        if previous is not None:
            await ctx.db(sign_out, ctx.engine, previous)
        await self._demo_sign_in(ctx, which)

    async def _demo_sign_in(self, ctx: UiContext, which: str) -> None:
        from qms_desktop.app.demo import demo_credentials
        from qms_desktop.app.users import sign_in

        name, password = demo_credentials(which)
        principal = await ctx.db(sign_in, ctx.engine, name, password)  # audited like any sign-in
        self._apply_principal(ctx, principal)

    async def _prepare_demo(self, ctx: UiContext) -> None:
        """Demo: its accounts and agents, settings pinned to the simulator's certificate, the password
        in the in-memory demo keyring (saved as the demo administrator, like an admin would)."""
        from qms_desktop.app.connection import ConnectionUseCases
        from qms_desktop.ui.demo_keyring import install_demo_keyring

        demo = self.demo_run
        install_demo_keyring()
        ctx.demo = demo
        principals = await ctx.db(demo.prepare, ctx.engine)
        save = ConnectionUseCases(ctx.engine, principals["admin"]).save
        await ctx.db(functools.partial(save, demo.settings, ctx.credentials, demo.password))

    async def _show_last_sync(self, ctx: UiContext, principal: Principal) -> None:
        from qms_desktop.app.sync import SyncUseCases
        from qms_desktop.security.roles import Permission

        if not principal.can(Permission.SYNC_STATUS):
            return
        status = await ctx.read(SyncUseCases(ctx.engine, principal).status, 1)
        history = status.get("history") or []
        if history and self.window is not None and self.window._last_sync is None:
            run = history[0]
            finished = run.get("finishedAt") or run.get("startedAt")
            from datetime import datetime

            self.window.set_last_sync(
                {
                    "status": run.get("status"),
                    "finished": datetime.fromtimestamp(finished / 1000).astimezone() if finished else None,
                    "created": run.get("created", 0),
                    "updated": run.get("updated", 0),
                    "error": run.get("errorSummary"),
                }
            )

    # ---- language --------------------------------------------------------------------------------

    def set_language(self, choice: str) -> None:
        i18n.save_choice(choice)
        language = self.translations.apply(choice)  # Qt sends LanguageChange: widgets retranslate live
        if self.window is not None:
            self.window.set_language_choice(choice)
        if self.ctx is not None:
            self.ctx.signals.language_changed.emit(language)

    # ---- quitting --------------------------------------------------------------------------------

    def _quit_after_timer(self) -> None:
        if self.screenshot_dir is not None and self.window is not None:
            written = self.window.save_screenshots(self.screenshot_dir)
            log.info("Saved %d screenshot(s) to %s", len(written), self.screenshot_dir)
        self.request_quit()

    def request_quit(self) -> None:
        if self._quit is not None:
            self._quit.set()

    async def shutdown(self) -> None:
        """Idempotent: the first call does the work, later calls wait for it."""
        if self._shutdown is None:
            self._shutdown = asyncio.get_running_loop().create_task(self._do_shutdown(), name="shell.shutdown")
        await asyncio.shield(self._shutdown)

    async def _do_shutdown(self) -> None:
        log.info("Shutting down")
        if self.window is not None:
            self.window.save_geometry()
            self.window.hide()
        if self._startup is not None and not self._startup.done():
            self._startup.cancel()
            await asyncio.gather(self._startup, return_exceptions=True)
        ctx = self.ctx
        if ctx is not None:
            await _step("cancel tasks", ctx.tasks.cancel_all())
            if ctx.playback is not None:  # players let go of their media, then the local playback proxy stops
                await _step("playback proxy", ctx.playback.shutdown())
            if ctx.sync is not None:
                await _step("sync", ctx.sync.shutdown())
        if self.demo_run is not None:
            await _step("demo simulator", asyncio.to_thread(self.demo_run.stop))
            self.demo_run = None
        if ctx is not None:
            await _step("database writer", asyncio.to_thread(ctx.writer.close))
            ctx.readers.shutdown(wait=False, cancel_futures=True)
            await _step("database engine", asyncio.to_thread(ctx.engine.dispose))
        from qms_desktop.integration_log import shutdown_integration_log

        shutdown_integration_log()
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
            # Delete it (and the tabs, controllers and sync service it owns) now, on this thread.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        log.info("Shut down")


async def _step(name: str, awaitable: Any) -> None:
    """One shutdown step; a failure is logged and the rest still runs."""
    try:
        await asyncio.wait_for(awaitable, 10)
    except Exception:
        log.exception("Shutdown step failed: %s", name)


def run(demo: bool = False, link: str | None = None) -> int:
    """`qms-desktop` without a subcommand; `--demo` adds the in-process simulator; `link` (`open URL`)
    opens a recording at a moment once someone has signed in."""
    problem = display_problem(demo)
    if problem is not None:  # Qt would abort the process with a core dump; say what to do instead
        print(problem, file=sys.stderr)
        return 1
    console_level = os.environ.get("QMS_LOG_LEVEL", "WARNING").upper()
    logging.basicConfig(level=console_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # The `qms` loggers record INFO for the integration log; the terminal only shows console_level.
    for handler in logging.getLogger().handlers:
        handler.setLevel(console_level)
    if demo:
        # Before anything reads a path: the demo never touches the user's own home or database.
        home = paths.enter_demo_home()
        print(f"Demo: a throw-away home and database in {home} (your own data is not touched)", file=sys.stderr)
    app = create_application()
    translations = i18n.Translations()
    translations.apply(i18n.saved_choice())
    install_excepthook()
    qt_messages.install()
    screenshots = os.environ.get(SCREENSHOT_ENV)
    shell = Shell(
        app,
        translations,
        demo=demo,
        quit_after_s=env_float(QUIT_AFTER_ENV),
        screenshot_dir=Path(screenshots) if screenshots else None,
        link=link,
    )
    # Ctrl+C in the terminal: Python only runs signal handlers between Qt events, so tick now and then.
    previous_sigint = signal.signal(signal.SIGINT, lambda *_: shell.request_quit())
    # SIGTERM too (a session ending, `kill`): the same orderly quit, so a demo's folder is removed.
    previous_sigterm = signal.signal(signal.SIGTERM, lambda *_: shell.request_quit())
    ticker = QTimer()
    ticker.start(250)
    ticker.timeout.connect(lambda: None)
    try:
        return asyncio.run(shell.main(), loop_factory=lambda: qasync.QEventLoop(app))
    except RuntimeError as exc:  # Qt's loop ended without us (e.g. the session manager quit the app)
        log.warning("Event loop ended early: %s", exc)
        return 0
    finally:
        ticker.stop()
        signal.signal(signal.SIGINT, previous_sigint)
        signal.signal(signal.SIGTERM, previous_sigterm)
        qt_messages.uninstall()
        uninstall_excepthook()
        translations.remove()
