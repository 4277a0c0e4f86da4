"""Fewer garbage-collector passes while a sync runs.

A 1000-session page allocates hundreds of thousands of small objects that live until the page is
committed; with the default thresholds the collector runs hundreds of times a page, and each
full pass walks every object the process holds (a large part of a page's CPU, measured in
tests/benchmarks/bench_sync.py). During a run, what existed before it is frozen (never walked
again until the run ends) and young-generation passes come every 50,000 allocations instead of 700.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Nestable, and safe with several runs in one process: the first in sets, the last out restores."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(max(YOUNG_THRESHOLD, _saved[0]), _saved[1], _saved[2])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)
                gc.unfreeze()


__all__ = ["YOUNG_THRESHOLD", "fewer_collections"]
