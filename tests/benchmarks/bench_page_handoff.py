"""What it costs to hand a read page to another process, against reading it in this one.

    .venv/bin/python tests/benchmarks/bench_page_handoff.py [--sessions 30000] [--pages DIR]

The sync's client holds one core (the interpreter lock): reading a page (splitting, fingerprints,
typed decoding, directory enrichment) and writing it take turns. Moving the reading to a second
process only pays when sending its result back costs the receiving process much less than the
reading itself. Per session, on the simulator's saved getSessions pages (1000 a page):

- baseline: reading the page here (`read_page` + `enrich`, an empty directory as on a fresh install,
  the garbage collector set as a sync run sets it, as it is for the hand-offs);
- the read records through pickle (what a `ProcessPoolExecutor` does): encoding in the reader, decoding
  in the receiver;
- the same records through msgspec's MessagePack, typed (their `raw` mapping left out: the receiver
  would rebuild it from `raw_json`);
- the rows the store writes for them (`prepare_sessions`: plain tuples of text and numbers, search
  documents included) through pickle: what a writer process would receive; and the same without
  pickle's memo, as the sync hands them over (`write_process.pickled_without_memo`).

Each line prints the receiver's cost as a share of the baseline: the part of the reading that
handing it over would not take off the receiving process. `bench_writer_process.py` times the
store path with such a writer process end to end.
"""

from __future__ import annotations

import argparse
import asyncio
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saved_pages import add_page_options, read_saved, saved_pages

from qms_desktop.domain.fingerprint import JsonObject
from qms_desktop.domain.sessions import RejectedRecord, SessionRecord, with_changes
from qms_desktop.store.recordings import PreparedSessions, prepare_sessions
from qms_desktop.sync.collector import fewer_collections
from qms_desktop.sync.write_process import pickled_without_memo


def read_pages(pages: Sequence[bytes]) -> tuple[list[list[SessionRecord]], float]:
    """Every page read as a sync reads it (no unchanged filter: a first load), and the seconds it took."""
    out: list[list[SessionRecord]] = []

    async def keep(
        records: PreparedSessions | list[SessionRecord], rejected: Sequence[RejectedRecord], unchanged: int
    ) -> None:
        assert isinstance(records, list)
        out.append(records)

    started = time.perf_counter()
    asyncio.run(read_saved(pages, keep, as_records=True))
    return out, time.perf_counter() - started


def timed_round_trip(
    payloads: Sequence[Any], encode: Callable[[Any], bytes], decode: Callable[[bytes], Any]
) -> tuple[float, float, int]:
    """(seconds encoding, seconds decoding, bytes) over every payload."""
    encoding = decoding = 0.0
    size = 0
    for payload in payloads:
        started = time.perf_counter()
        data = encode(payload)
        encoding += time.perf_counter() - started
        started = time.perf_counter()
        decode(data)
        decoding += time.perf_counter() - started
        size += len(data)
    return encoding, decoding, size


def main() -> int:
    with fewer_collections():  # the collector as a sync run sets it, on both sides of the hand-off
        return measure()


def measure() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_page_options(parser, sessions=30_000)
    args = parser.parse_args()

    pages = saved_pages(args, Path(tempfile.mkdtemp(prefix="qms-bench-handoff-")))
    read, seconds = read_pages(pages)
    count = sum(len(page) for page in read)
    baseline = seconds / count * 1e6
    print(f"{count} sessions in {len(pages)} pages")
    print(f"baseline, reading here: {baseline:.1f} µs a session")

    without_raw = [[with_changes(r, raw={}) for r in page] for page in read]  # not timed: see the docstring
    encoder = msgspec.msgpack.Encoder()
    decoder = msgspec.msgpack.Decoder(list[SessionRecord])
    # The upsert's pure half, as a writer would receive it.
    row_payloads = [prepare_sessions(page) for page in read]

    def pickled(payload: Any) -> bytes:
        return pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)

    cases: list[tuple[str, Sequence[Any], Callable[[Any], bytes], Callable[[bytes], Any]]] = [
        ("records, pickle", read, pickled, pickle.loads),
        ("records, msgspec MessagePack", without_raw, encoder.encode, decoder.decode),
        ("store rows, pickle", row_payloads, pickled, pickle.loads),
        ("store rows, pickle without memo", row_payloads, pickled_without_memo, pickle.loads),
    ]
    assert type(read[0][0].raw) is JsonObject  # records carry their JSON text, which pickle sends along
    for name, payloads, encode, decode in cases:
        encoding, decoding, size = timed_round_trip(payloads, encode, decode)
        sent, received = encoding / count * 1e6, decoding / count * 1e6
        print(
            f"{name:32s} encode {sent:5.1f} µs, decode {received:5.1f} µs, {size / count:5.0f} bytes a session; "
            f"decode / baseline {received / baseline:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
