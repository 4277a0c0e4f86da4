"""The product's store path against dlt, a general-purpose loader, on the same saved getSessions pages.

    pip install -e '.[bench]'     # dlt is a benchmark-only dependency (the `bench` extra)
    .venv/bin/python tests/benchmarks/bench_vs_dlt.py [--sessions 100000] [--repeat 3] [--pages DIR]

The simulator (cisco profile, HTTPS, frozen clock) runs in its own process once; its getSessions pages
(1000 sessions each) are saved to disk (not timed; --pages DIR keeps them for the next run). Then the
same page bytes are loaded into a fresh SQLite file each way, twice: a first load, and a re-run of the
same pages, which must change nothing (idempotent).

dlt: `dlt[sqlalchemy]` destination into SQLite, merge write disposition with the session id as primary
key (created in the tables too: `create_primary_keys`), its default nested child tables (tracks, their
participants, tags); extract, normalize and load all timed, JSON decoding included, one loader thread
(SQLite has one writer). dlt's telemetry is switched off: nothing leaves the machine. dlt is installed
next to the product (it changes the version of none of the product's packages): both run in this process.
Product: the client's page decoding, directory enrichment (empty directory, as on a fresh install)
and one `write_page` transaction per page into the product's schema (`_saved_pages.load_with_product`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["RUNTIME__DLTHUB_TELEMETRY"] = "false"  # before dlt is imported: it reads this once
os.environ.setdefault("RUNTIME__LOG_LEVEL", "WARNING")
# SQLite takes one writer at a time: dlt's default parallel loader threads only wait on its lock and
# retry ("database is locked"), which makes dlt several times slower, so it gets one.
os.environ.setdefault("LOAD__WORKERS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import orjson
from _saved_pages import fresh_engine, load_pages, load_with_product, save_pages


def load_with_dlt(pages: list[bytes], folder: Path) -> Callable[[], int]:
    """A dlt pipeline into `folder`/dlt.sqlite3; each call loads all `pages` once and returns the sessions."""
    import dlt
    from sqlalchemy.exc import SAWarning

    # dlt's merge job builds SQL that SQLAlchemy 2.1 warns about; the warnings are dlt's, not ours.
    warnings.filterwarnings("ignore", category=SAWarning, module=r"dlt\.")

    @dlt.resource(name="sessions", primary_key="sessionId", write_disposition="merge")
    def sessions() -> Any:
        for content in pages:
            yield orjson.loads(content)["responseBody"]["sessions"]

    pipeline = dlt.pipeline(
        pipeline_name="qms_bench",
        pipelines_dir=str(folder / "dlt-pipelines"),
        # The session id as the tables' primary key: without it every re-run row's key lookup is a scan
        # of the staged rows, and the re-run slows down with the square of the sessions (82/s at 30,000).
        destination=dlt.destinations.sqlalchemy(
            credentials=f"sqlite:///{folder / 'dlt.sqlite3'}", create_primary_keys=True
        ),
        dataset_name="main",
    )

    def run() -> int:
        pipeline.run(sessions())
        with pipeline.sql_client() as client:
            return int(client.execute_sql("SELECT count(*) FROM sessions")[0][0])

    return run


def timed(load: Callable[[], int]) -> tuple[int, float]:
    started = time.perf_counter()
    sessions = load()
    return sessions, time.perf_counter() - started


def one_round(pages: list[bytes], folder: Path) -> dict[str, tuple[int, float]]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    dlt_run = load_with_dlt(pages, folder)
    out = {"dlt first load": timed(dlt_run), "dlt re-run": timed(dlt_run)}
    engine = fresh_engine(folder / "product.sqlite3")
    out["product first load"] = timed(lambda: load_with_product(pages, engine))
    out["product re-run"] = timed(lambda: load_with_product(pages, engine))
    engine.dispose()
    return out


def span(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:,.0f}" if round(low) == round(high) else f"{low:,.0f}–{high:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the four loads; min–max is printed")
    parser.add_argument("--pages", type=Path, help="folder for the saved pages, reused when it holds some")
    args = parser.parse_args()
    try:
        import dlt
    except ImportError:
        print(
            "dlt is not installed: it is a benchmark-only dependency, install it with pip install -e '.[bench]'",
            file=sys.stderr,
        )
        return 2
    work = Path(tempfile.mkdtemp(prefix="qms-bench-dlt-"))
    folder = args.pages or work / "pages"
    save_pages(folder, args.sessions)
    pages = load_pages(folder)
    print(f"dlt {dlt.__version__}; {len(pages)} saved pages in {folder}")
    rounds: list[dict[str, tuple[int, float]]] = []
    for number in range(args.repeat):
        result = one_round(pages, work / "round")
        rounds.append(result)
        print(f"round {number + 1}: " + ", ".join(f"{k} {n / s:,.0f}/s" for k, (n, s) in result.items()))
    shutil.rmtree(work / "round", ignore_errors=True)
    rates = {k: [n / s for n, s in (r[k] for r in rounds)] for k in rounds[0]}
    print(f"\n{'load':20} {'sessions':>9} {'seconds':>12} {'sessions/s':>16}")
    for key, values in rates.items():
        counts = {r[key][0] for r in rounds}
        seconds = [r[key][1] for r in rounds]
        print(f"{key:20} {'/'.join(map(str, sorted(counts))):>9} {min(seconds):6.2f}–{max(seconds):<5.2f} "
              f"{span(values):>16}")  # fmt: skip
    for label in ("first load", "re-run"):
        ratios = [p / d for p, d in zip(rates[f"product {label}"], rates[f"dlt {label}"], strict=True)]
        print(f"product / dlt, {label}: {min(ratios):.1f}×" + (f"–{max(ratios):.1f}×" if len(ratios) > 1 else ""))
    if args.pages is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
