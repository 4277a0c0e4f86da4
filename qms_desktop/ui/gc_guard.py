"""Python's cyclic garbage collector runs in whichever thread happens to allocate. If it frees a cycle
holding a Qt object while running in a worker thread (the DB writer, the demo simulator, httpx), the
object is destroyed off its thread: "Timers cannot be stopped from another thread", or a crash.

So the GUI turns automatic collection off and collects on a GUI-thread timer instead.
"""

from __future__ import annotations

import gc

from qms_desktop.ui.qt import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def collect_due(self) -> None:
        # The same generational rule the interpreter applies, just on this thread.
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
