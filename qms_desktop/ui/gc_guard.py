"""The one place the GUI steers Python's garbage collector.

Start-up objects (modules, the window, the context) live as long as the app: `freeze_startup_objects`
moves them out of the collector's view, so later full collections during a sync scan only new
objects instead of stalling the GUI loop (measured in tests/benchmarks/bench_gui_stall.py).
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    gc.collect()
    gc.freeze()
