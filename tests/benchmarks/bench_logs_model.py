"""Benchmark: 100,000 log entries through the Logs tab's batching path (subscription callback ->
queue -> timer drain -> model -> proxy -> view, offscreen), against baselines in the same run.

    .venv/bin/python tests/benchmarks/bench_logs_model.py [--batch 2000] [--total 100000]

Each batch: the entries are queued through the controller's subscription callback, then one drain
(what the 100 ms timer does) and one processEvents() (layout + paint of the view). A batch's GUI
stall is the time of both; the longest stall is what a user would feel as a hitch.
Baselines: the same rows appended to a QStandardItemModel shown in a QTableView (appendRow per
entry), and to a plain Python list.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.integration_log import LogEntry, setup_integration_log, shutdown_integration_log
from qms_desktop.ui.context import AppSignals, UiContext
from qms_desktop.ui.qt import QApplication, QStandardItem, QStandardItemModel, QTableView
from qms_desktop.ui.tabs.logs.models import COLUMNS
from qms_desktop.ui.tabs.logs.tab import LogsTab

LEVELS = ("DEBUG", "INFO", "INFO", "INFO", "INFO", "WARN", "INFO", "INFO", "INFO", "ERROR")
AREAS = ("qms.http", "qms.sync", "qms.db", "qms.proxy", "qms.ui")


def make_entries(first: int, count: int) -> list[LogEntry]:
    t0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    out = []
    for seq in range(first, first + count):
        level = LEVELS[seq % len(LEVELS)]
        message = (
            f"GET /ora/queryService/query/sessions?page={seq % 97} -> 200 in {seq % 400} ms"
            if level != "WARN"
            else f"read timeout after {seq % 5000} ms, retrying (attempt {seq % 3 + 1})"
        )
        extra = {"request_id": f"{seq * 2654435761 % 2**48:012x}", "status": 200}
        out.append(LogEntry(seq, t0 + timedelta(milliseconds=seq * 3), level, AREAS[seq % 5], message, extra))
    return out


def run_batches(
    batches: list[list[LogEntry]], feed: Callable[[list[LogEntry]], None], app: QApplication
) -> tuple[list[float], list[float]]:
    """Per batch: (time to put the rows into the model, GUI stall = that + processing the view)."""
    insert_times, stalls = [], []
    for batch in batches:
        start = time.perf_counter()
        feed(batch)
        inserted = time.perf_counter()
        app.processEvents()
        done = time.perf_counter()
        insert_times.append(inserted - start)
        stalls.append(done - start)
    return insert_times, stalls


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2_000, help="entries per 100 ms tick")
    parser.add_argument("--extra", type=int, default=20_000, help="entries past the bound (trims)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-logs-"))
    log = setup_integration_log(tmp / "logs", buffer_size=10)
    try:
        entries = make_entries(1, args.total + args.extra)
        batches = [entries[i : i + args.batch] for i in range(0, len(entries), args.batch)]
        fill = batches[: args.total // args.batch]
        trims = batches[args.total // args.batch :]
        ctx = UiContext(engine=None, writer=None, integration_log=log, signals=AppSignals())  # type: ignore[arg-type]

        # --- ours: subscription callback -> queue -> drain -> model + proxy + view ------------------
        tab = LogsTab(ctx, max_rows=args.total)
        tab.controller._timer.stop()  # the benchmark plays the timer, one drain per batch
        tab.resize(1200, 800)
        tab.show()
        app.processEvents()

        def feed_ours(batch: list[LogEntry]) -> None:
            for entry in batch:
                tab.controller.enqueue(entry)
            tab.controller.drain()

        ours_insert, ours_stall = run_batches(fill, feed_ours, app)
        assert tab.model.rowCount() == args.total and tab.following
        trim_insert, trim_stall = run_batches(trims, feed_ours, app)
        assert tab.model.rowCount() == args.total
        start = time.perf_counter()
        tab.search.set_search("timeout")  # refilter the full buffer
        tab.level_filter.setCurrentIndex(tab.level_filter.findData("WARN"))
        app.processEvents()
        refilter = time.perf_counter() - start
        shown = tab.proxy.rowCount()
        filtered_insert, filtered_stall = run_batches([make_entries(10**7, args.batch)] * 5, feed_ours, app)
        tab.close()

        # --- baseline 1: QStandardItemModel + QTableView, appendRow per entry -----------------------
        std = QStandardItemModel(0, len(COLUMNS))
        view = QTableView()
        view.setModel(std)
        view.resize(1200, 800)
        view.show()
        app.processEvents()

        def feed_std(batch: list[LogEntry]) -> None:
            for e in batch:
                std.appendRow([QStandardItem(c.text(e)) for c in COLUMNS])
            view.scrollToBottom()

        std_insert, std_stall = run_batches(fill, feed_std, app)
        view.close()

        # --- baseline 2: a plain Python list --------------------------------------------------------
        plain: list[LogEntry] = []
        start = time.perf_counter()
        for batch in fill:
            plain.extend(batch)
        list_per_batch = (time.perf_counter() - start) / len(fill)
    finally:
        shutdown_integration_log()

    ours_mean = statistics.mean(ours_stall)
    std_mean = statistics.mean(std_stall)
    print(f"{args.total:,} entries in {len(fill)} batches of {args.batch:,} (+{args.extra:,} past the bound)")
    print("                                   insert/batch   stall/batch(mean)  stall p95    longest stall")
    rows = [
        ("ours: model+proxy+view", ours_insert, ours_stall),
        ("ours: at the bound (trims)", trim_insert, trim_stall),
        ("ours: with level+text filter", filtered_insert, filtered_stall),
        ("QStandardItemModel+view", std_insert, std_stall),
    ]
    for name, inserts, stalls in rows:
        p95 = sorted(stalls)[int(len(stalls) * 0.95) - 1] if len(stalls) > 1 else stalls[0]
        print(
            f"{name:32s} {ms(statistics.mean(inserts))}   {ms(statistics.mean(stalls))}   {ms(p95)}  {ms(max(stalls))}"
        )
    print(f"{'plain list.extend':32s} {ms(list_per_batch)}")
    print(f"refilter {args.total:,} rows (text + level): {ms(refilter)} -> {shown:,} rows shown")
    print(f"ratio ours / QStandardItemModel (mean stall per batch): {ours_mean / std_mean:.2f}")
    print(f"ratio ours / plain list (insert per batch): {statistics.mean(ours_insert) / list_per_batch:.0f}x")


if __name__ == "__main__":
    main()
