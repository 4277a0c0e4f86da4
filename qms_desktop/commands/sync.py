"""`qms-desktop sync ...`: run, watch and reset the MediaSense sync."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import Any

from qms_desktop import app_context
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.store.engine import begin_write, mask_url
from qms_desktop.store.quarantine import list_quarantine
from qms_desktop.sync import state
from qms_desktop.sync.engine import SyncEngine, SyncProgress, SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning, current_lease
from qms_desktop.sync.scheduler import SyncScheduler
from qms_desktop.sync.status import sync_status

EXIT_FOR_STATUS = {"SUCCESS": 0, "PARTIAL": 3, "FAILED": 1, "INTERRUPTED": 130}
EXIT_ALREADY_RUNNING = 4


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="sync recording metadata from MediaSense")
    actions = parser.add_subparsers(dest="sync_command", required=True)

    now = actions.add_parser("now", help="run one sync cycle now")
    now.add_argument("--demo", action="store_true", help="sync from the built-in simulator into QMS_HOME")
    add_json_flag(now)
    now.set_defaults(func=run_now)

    status = actions.add_parser("status", help="status, last run, checkpoint and the last 10 runs")
    add_json_flag(status)
    status.set_defaults(func=run_status)

    reset = actions.add_parser("reset", help="forget the checkpoint: the next run starts over (backfill again)")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(reset)
    reset.set_defaults(func=run_reset)

    loop = actions.add_parser("run", help="run the periodic sync until interrupted")
    loop.add_argument("--interval", type=float, help="seconds between cycles (default: the saved setting)")
    add_json_flag(loop)
    loop.set_defaults(func=run_scheduler)

    quarantine = actions.add_parser("quarantine", help="records MediaSense sent that could not be read")
    quarantine.add_argument("--limit", type=int, default=50)
    add_json_flag(quarantine)
    quarantine.set_defaults(func=run_quarantine)


class ProgressLine:
    """A one-line progress display on a terminal (stderr); silent otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, progress: SyncProgress) -> None:
        if not self.enabled:
            return
        c = progress.counts
        bar = ""
        if progress.backfill_day and progress.backfill_days:
            filled = int(20 * progress.backfill_day / progress.backfill_days)
            bar = f"[{'#' * filled}{'.' * (20 - filled)}] "
        sys.stderr.write(
            f"\r{bar}{progress.message}: pages {c.pages}, fetched {c.fetched}, created {c.created}, "
            f"updated {c.updated}, errors {c.errors}\033[K"
        )
        sys.stderr.flush()

    def end(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _format_result(result: SyncResult) -> str:
    c = result.counts
    lines = [
        f"Sync run {result.run_id}: {result.status}",
        f"  fetched {c.fetched}, created {c.created}, updated {c.updated}, skipped {c.skipped}, errors {c.errors}",
    ]
    if result.backfill_total_days:
        lines.append(f"  backfill: {result.backfill_done_days} of {result.backfill_total_days} days")
    if result.more_pending:
        lines.append("  more sessions are waiting: the next cycle continues")
    if result.quarantined:
        lines.append(f"  {result.quarantined} record(s) quarantined: see `qms-desktop sync quarantine`")
    if result.error:
        lines.append(f"  error: {result.error}")
    return "\n".join(lines)


def run_now(args: argparse.Namespace) -> int:
    return asyncio.run(_run_now(args))


async def _run_now(args: argparse.Namespace) -> int:
    progress = ProgressLine(sys.stderr.isatty() and not args.json)
    sim = None
    if args.demo:
        from qms_desktop import demo

        demo.ensure_demo_home()
        sim = demo.start_demo_simulator(frozen=True)
    try:
        engine = await asyncio.to_thread(app_context.open_database)
        if sim is not None:
            from qms_desktop import demo

            settings = demo.demo_settings(sim)
            password = demo.DEMO_PASSWORD
            await asyncio.to_thread(demo.import_demo_directory, engine, sim)
            now = sim.clock.now
        else:
            settings = await asyncio.to_thread(app_context.connection_settings, engine)
            try:
                password = app_context.password_for(settings)
            except app_context.NotConfigured as exc:
                return fail(str(exc), 2)
            from qms_desktop.domain.time import utc_now

            now = utc_now
        sync_settings = await asyncio.to_thread(app_context.sync_settings, engine)
        client = app_context.build_client(engine, settings, password)
        sync = SyncEngine(engine, client, sync_settings, now=now, on_progress=progress)
        try:
            result = await sync.run("manual")
        except SyncAlreadyRunning as busy:
            message = str(busy)
            emit(args, {"status": "IN_PROGRESS", "runId": busy.run_id, "holder": busy.holder}, lambda _d: message)
            return EXIT_ALREADY_RUNNING
        finally:
            progress.end()
            sync.close()
            await client.aclose()
        data: dict[str, Any] = result.to_dict()
        data["database"] = mask_url(engine)
        if sim is not None and result.covered_start_ms is not None and result.window_end_ms is not None:
            data["simulator"] = {
                "sessionsInWindow": sim.count(result.covered_start_ms, result.window_end_ms),
                "window": {"start": result.covered_start_ms, "end": result.window_end_ms},
            }
        emit(args, data, lambda _d: _format_result(result))
        return EXIT_FOR_STATUS.get(result.status, 1)
    finally:
        if sim is not None:
            sim.stop()


def run_status(args: argparse.Namespace) -> int:
    engine = app_context.open_database()
    data = sync_status(engine)

    def text(d: dict[str, Any]) -> str:
        lines = [f"Status: {d['status']}"]
        cp = d["checkpoint"]
        lines.append(f"Checkpoint: lastSyncTime={cp['lastSyncTime']} backfillComplete={cp['backfillComplete']}")
        for run in d["history"]:
            lines.append(
                f"  run {run['id']:>5} {run['status']:<11} {run['trigger'] or '':<9} fetched {run['fetched']:>6} "
                f"created {run['created']:>6} updated {run['updated']:>6} errors {run['errors']:>4}"
            )
        return "\n".join(lines)

    emit(args, data, text)
    return 0


def run_reset(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("sync reset forgets the checkpoint and backfills again: confirm with --yes", 2)
        answer = input("Forget the sync checkpoint and backfill again? Recordings are kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return 1
    engine = app_context.open_database()
    from qms_desktop.domain.time import now_ms

    with begin_write(engine) as conn:
        lease = current_lease(conn)
        if lease is not None and lease.expires_ms > now_ms():
            emit(args, {"reset": False, "runningRunId": lease.run_id}, lambda _d: "A sync is running: try later")
            return EXIT_ALREADY_RUNNING
        state.reset_state(conn)
    emit(args, {"reset": True}, lambda _d: "Sync state reset: the next run starts over with a backfill")
    return 0


def run_scheduler(args: argparse.Namespace) -> int:
    return asyncio.run(_run_scheduler(args))


async def _run_scheduler(args: argparse.Namespace) -> int:
    engine = await asyncio.to_thread(app_context.open_database)
    settings = await asyncio.to_thread(app_context.connection_settings, engine)
    try:
        password = app_context.password_for(settings)
    except app_context.NotConfigured as exc:
        return fail(str(exc), 2)
    sync_settings = await asyncio.to_thread(app_context.sync_settings, engine)
    client = app_context.build_client(engine, settings, password)
    sync = SyncEngine(engine, client, sync_settings)

    async def once(trigger: str) -> None:
        result = await sync.run(trigger)
        emit(args, result.to_dict(), lambda _d: _format_result(result))

    scheduler = SyncScheduler(once, args.interval or sync_settings.interval_s)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    scheduler.start()
    await stop.wait()
    await scheduler.stop()
    sync.close()
    await client.aclose()
    return 0


def run_quarantine(args: argparse.Namespace) -> int:
    engine = app_context.open_database()
    with engine.connect() as conn:
        entries = list_quarantine(conn, limit=args.limit)
    data = [e.to_dict() for e in entries]
    emit(args, data, lambda d: "\n".join(f"{e['sessionId']}: {e['reason']}" for e in d) or "empty")
    return 0
