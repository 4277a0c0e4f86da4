"""`qms-desktop service`: the headless sync service (systemd runs this; see packaging/)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from qms_desktop import paths
from qms_desktop.app import runtime
from qms_desktop.commands._output import fail

EXIT_NOT_CONFIGURED = 2


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "service",
        help="run the periodic sync headless (shared database, optional metrics and events)",
        description=(
            "Runs the sync scheduler against QMS_DATABASE_URL with MEDIASENSE_* settings (or those saved in "
            "the database) until SIGTERM/SIGINT; a stop finishes the current page first. With "
            "QMS_OPENSEARCH_URL set it also drains the search indexing backlog."
        ),
    )
    parser.add_argument("--interval", type=float, help="seconds between cycles (default: the saved setting)")
    parser.add_argument("--metrics-port", type=int, help="serve Prometheus metrics on this port (/metrics)")
    parser.add_argument("--metrics-host", default="127.0.0.1", help="address for metrics (default 127.0.0.1)")
    parser.add_argument("--events-port", type=int, help="subscribe to MediaSense events; listen on this port")
    parser.add_argument("--events-host", default="127.0.0.1", help="address the events listener binds to")
    parser.add_argument(
        "--advertise-url",
        help="callback URL MediaSense posts events to, e.g. http://10.0.0.5:8090/qms/mediasense-events "
        "(its path is the only one accepted; default http://EVENTS_HOST:EVENTS_PORT/qms/mediasense-events)",
    )
    parser.add_argument("--stop-timeout", type=float, default=30.0, help="seconds a stop waits for the page")
    parser.add_argument(
        "--demo", action="store_true", help="sync from the built-in simulator into a throw-away home and database"
    )
    parser.add_argument("--log-level", default="INFO", help="stderr log level (default INFO)")
    parser.set_defaults(func=run_service)


def _log_to_stderr(level: str) -> None:
    """The journal (systemd) reads stderr; secrets are masked as in the integration log."""
    from qms_desktop.integration_log.masking import MaskingFilter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    qms = logging.getLogger("qms")
    qms.addHandler(handler)
    qms.setLevel(level.upper())


def run_service(args: argparse.Namespace) -> int:
    _log_to_stderr(args.log_level)
    return asyncio.run(_run(args))


async def _run(args: argparse.Namespace) -> int:
    from qms_desktop.app.access import SYSTEM
    from qms_desktop.app.sync import SyncRunner, SyncUseCases
    from qms_desktop.search.opensearch import settings_from_environment
    from qms_desktop.service.runner import Service, ServiceOptions, run_until_stopped
    from qms_desktop.store.engine import mask_url

    if args.events_port is None and args.advertise_url:
        return fail("--advertise-url needs --events-port", 2)
    log = logging.getLogger("qms.service")
    demo = None
    if args.demo:
        from qms_desktop.app import demo as demo_mode

        home = paths.enter_demo_home()
        print(f"Demo: a throw-away home and database in {home} (your own data is not touched)", file=sys.stderr)
        demo = await asyncio.to_thread(demo_mode.start_demo)
    try:
        engine = await asyncio.to_thread(runtime.open_database)
        try:
            if demo is not None:
                await asyncio.to_thread(demo.prepare, engine)
            sync = SyncUseCases(engine, SYSTEM)
            try:
                plan = await asyncio.to_thread(
                    sync.plan, "schedule", override=demo.connection() if demo is not None else None
                )
            except runtime.NotConfigured as exc:
                return fail(str(exc), EXIT_NOT_CONFIGURED)
            opensearch = settings_from_environment()  # its password is masked from here on
            options = ServiceOptions(
                interval_s=args.interval,
                metrics_port=args.metrics_port,
                metrics_host=args.metrics_host,
                events_port=args.events_port,
                events_host=args.events_host,
                advertise_url=args.advertise_url,
                stop_timeout_s=args.stop_timeout,
            )
            log.info("Database %s; MediaSense %s", mask_url(engine), ", ".join(plan.connection.urls))
            service = Service(engine, SyncRunner.from_plan(engine, plan), options, opensearch=opensearch)
            await run_until_stopped(service)
        finally:
            await asyncio.to_thread(engine.dispose)
    finally:
        if demo is not None:
            await asyncio.to_thread(demo.stop)
    return 0
