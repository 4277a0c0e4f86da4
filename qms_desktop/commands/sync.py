"""`qms-desktop sync ...`: run, watch and reset the MediaSense sync."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import Any

from qms_desktop import paths
from qms_desktop.app import runtime
from qms_desktop.app.access import SyncBusy
from qms_desktop.app.sync import SyncRunner, SyncUseCases, run_plan
from qms_desktop.commands._acting import acting_principal, add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail, local_time
from qms_desktop.security.errors import SecurityError
from qms_desktop.store.engine import mask_url
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning
from qms_desktop.sync.scheduler import SyncScheduler

EXIT_FOR_STATUS = {"SUCCESS": 0, "PARTIAL": 3, "FAILED": 1, "INTERRUPTED": 130}
EXIT_ALREADY_RUNNING = 4


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="sync recording metadata from MediaSense")
    actions = parser.add_subparsers(dest="sync_command", required=True)

    now = actions.add_parser("now", help="run one sync cycle now")
    now.add_argument(
        "--demo", action="store_true", help="sync from the built-in simulator into a throw-away home and database"
    )
    add_acting_user_flags(now)
    add_json_flag(now)
    now.set_defaults(func=run_now)

    status = actions.add_parser("status", help="status, last run, checkpoint and the last 10 runs")
    add_acting_user_flags(status)
    add_json_flag(status)
    status.set_defaults(func=run_status)

    reset = actions.add_parser("reset", help="forget the checkpoint: the next run starts over (backfill again)")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_acting_user_flags(reset, stdin=False)
    add_json_flag(reset)
    reset.set_defaults(func=run_reset)

    loop = actions.add_parser("run", help="run the periodic sync until interrupted")
    loop.add_argument("--interval", type=float, help="seconds between cycles (default: the saved setting)")
    add_acting_user_flags(loop)
    add_json_flag(loop)
    loop.set_defaults(func=run_scheduler)

    quarantine = actions.add_parser("quarantine", help="records MediaSense sent that could not be read")
    quarantine.add_argument("--limit", type=int, default=50)
    add_acting_user_flags(quarantine)
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
    if c.late_found:
        lines.append(f"  {c.late_found} late session(s) found by the reconciliation (missed by the live window)")
    if result.backfill_total_days:
        lines.append(f"  backfill: {result.backfill_done_days} of {result.backfill_total_days} days")
    if result.more_pending:
        lines.append("  more sessions are waiting: the next cycle continues")
    if result.quarantined:
        lines.append(f"  {result.quarantined} record(s) quarantined: see `qms-desktop sync quarantine`")
    if result.error:
        lines.append(f"  error: {result.error}")
    lines.append(f"  waited {result.waited_for_mediasense_s:.1f} s for MediaSense's pages, "
                 f"{result.waited_for_database_s:.1f} s for the database")  # fmt: skip
    return "\n".join(lines)


def run_now(args: argparse.Namespace) -> int:
    return asyncio.run(_run_now(args))


async def _run_now(args: argparse.Namespace) -> int:
    progress = ProgressLine(sys.stderr.isatty() and not args.json)
    demo = None
    if args.demo:
        from qms_desktop.app.demo import start_demo

        home = paths.enter_demo_home()
        print(f"Demo: a throw-away home and database in {home} (your own data is not touched)", file=sys.stderr)
        demo = await asyncio.to_thread(start_demo, frozen=True)
    try:
        engine = await asyncio.to_thread(runtime.open_database)
        try:
            if demo is not None:
                principal = (await asyncio.to_thread(demo.prepare, engine))["admin"]
            else:
                principal = await asyncio.to_thread(acting_principal, args, engine)
            sync = SyncUseCases(engine, principal)
            override = demo.connection() if demo is not None else None
            plan = await asyncio.to_thread(sync.plan, "manual", override=override)
        except (SecurityError, runtime.NotConfigured) as exc:
            return fail(str(exc), 2)
        try:
            result = await run_plan(engine, plan, "manual", on_progress=progress)
        except SyncAlreadyRunning as busy:
            message = str(busy)
            emit(args, {"status": "IN_PROGRESS", "runId": busy.run_id, "holder": busy.holder}, lambda _d: message)
            return EXIT_ALREADY_RUNNING
        finally:
            progress.end()
        data: dict[str, Any] = result.to_dict()
        data["database"] = mask_url(engine)
        if demo is not None and result.covered_start_ms is not None and result.window_end_ms is not None:
            data["simulator"] = {
                "sessionsInWindow": demo.simulator.count(result.covered_start_ms, result.window_end_ms),
                "window": {"start": result.covered_start_ms, "end": result.window_end_ms},
            }
        emit(args, data, lambda _d: _format_result(result))
        return EXIT_FOR_STATUS.get(result.status, 1)
    finally:
        if demo is not None:
            demo.stop()


@refusals_exit_2
def run_status(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        data = SyncUseCases(engine, principal).status()

    def text(d: dict[str, Any]) -> str:
        lines = [f"Status: {d['status']}"]
        cp = d["checkpoint"]
        lines.append(f"Synced up to: {local_time(cp['lastSyncTime'])}")
        backfill = cp.get("backfillProgress") or {}
        if cp["backfillComplete"]:
            lines.append("Backfill: complete")
        elif backfill.get("currentDate") is not None:
            lines.append(
                f"Backfill: in progress, at {local_time(backfill['currentDate'])} "
                f"(goes back to {local_time(backfill.get('startDate'))})"
            )
        else:
            lines.append("Backfill: not started")
        for run in d["history"]:
            lines.append(
                f"  run {run['id']:>5} {local_time(run['startedAt'])} {run['status']:<11} {run['trigger'] or '':<9} "
                f"fetched {run['fetched']:>6} "
                f"created {run['created']:>6} updated {run['updated']:>6} errors {run['errors']:>4} "
                f"late {run['lateFound']:>4}"
            )
        return "\n".join(lines)

    emit(args, data, text)
    return 0


@refusals_exit_2
def run_reset(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("sync reset forgets the checkpoint and backfills again: confirm with --yes", 2)
        answer = input("Forget the sync checkpoint and backfill again? Recordings are kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return 1
    try:
        with signed_in(args) as (engine, principal):
            SyncUseCases(engine, principal).reset()
    except SyncBusy as busy:
        message = str(busy)
        emit(args, {"reset": False, "error": message}, lambda _d: message)
        return EXIT_ALREADY_RUNNING
    emit(args, {"reset": True}, lambda _d: "Sync state reset: the next run starts over with a backfill")
    return 0


def run_scheduler(args: argparse.Namespace) -> int:
    return asyncio.run(_run_scheduler(args))


async def _run_scheduler(args: argparse.Namespace) -> int:
    engine = await asyncio.to_thread(runtime.open_database)
    try:
        principal = await asyncio.to_thread(acting_principal, args, engine)
        plan = await asyncio.to_thread(SyncUseCases(engine, principal).plan, "schedule")
    except (SecurityError, runtime.NotConfigured) as exc:
        engine.dispose()
        return fail(str(exc), 2)
    runner = SyncRunner.from_plan(engine, plan)

    async def once(trigger: str) -> None:
        result = await runner.run(trigger)
        emit(args, result.to_dict(), lambda _d: _format_result(result))

    scheduler = SyncScheduler(once, args.interval or plan.sync_settings.interval_s)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    scheduler.start()
    await stop.wait()
    await scheduler.stop()
    await runner.aclose()
    engine.dispose()
    return 0


@refusals_exit_2
def run_quarantine(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        entries = SyncUseCases(engine, principal).quarantine(limit=args.limit)
    data = [e.to_dict() for e in entries]
    emit(args, data, lambda d: "\n".join(f"{e['sessionId']}: {e['reason']}" for e in d) or "empty")
    return 0
