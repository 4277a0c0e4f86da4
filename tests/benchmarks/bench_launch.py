"""Time from launch to the main window shown, against a bare Qt window as the baseline.

    .venv/bin/python tests/benchmarks/bench_launch.py [--runs 5]

Each run starts `qms-desktop --demo` offscreen in a fresh QMS_HOME and reads the app's own
"Window shown N s after launch" log line (measured from the process start time the kernel
records). The baseline is a process that only creates a QApplication and shows an empty window,
timed the same way. Every run is also checked for what the garbage collector used to cause when
it destroyed Qt objects off the GUI thread: an abnormal exit, or Qt's cross-thread warnings.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

SHOWN = re.compile(r"Window shown ([0-9.]+) s after launch")
# Qt's complaints when an object is touched or destroyed from a thread that does not own it.
OFF_THREAD = re.compile(r"another thread|different thread|QObject::~QObject|Cannot create children|QBasicTimer")
problems: list[str] = []

BASELINE = r"""
import os, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1100, 720); w.show(); app.processEvents()
ticks = os.sysconf("SC_CLK_TCK")
with open("/proc/self/stat") as f:
    start = int(f.read().rsplit(")", 1)[1].split()[19]) / ticks
with open("/proc/uptime") as f:
    up = float(f.read().split()[0])
print(f"{up - start:.3f}")
"""


def app_launch(quit_after_s: float) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QMS_HOME": tempfile.mkdtemp(prefix="qms-launch-"),
           "QMS_QUIT_AFTER_S": str(quit_after_s), "QMS_LOG_LEVEL": "INFO"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "qms_desktop", "--demo"], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        problems.append(f"exit {done.returncode}")
    problems.extend(line for line in done.stderr.splitlines() if OFF_THREAD.search(line))
    match = SHOWN.search(done.stderr)
    if not match:
        raise SystemExit(f"no launch figure in the app's log (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return float(match.group(1))


def bare_qt() -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", BASELINE], env=env, capture_output=True, text=True, timeout=60)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quit-after", type=float, default=2.0, help="seconds each demo runs (its sync included)")
    args = parser.parse_args()
    app = [app_launch(args.quit_after) for _ in range(args.runs)]
    base = [bare_qt() for _ in range(args.runs)]
    print(f"qms-desktop --demo, launch to window shown: median {statistics.median(app):.2f} s "
          f"(min {min(app):.2f}, max {max(app):.2f}, {args.runs} runs)")  # fmt: skip
    print(f"bare Qt window (baseline): median {statistics.median(base):.2f} s "
          f"(min {min(base):.2f}, max {max(base):.2f})")  # fmt: skip
    print(f"ratio app / baseline: {statistics.median(app) / statistics.median(base):.1f}x")
    print(f"abnormal exits and off-thread Qt warnings over {args.runs} runs: {len(problems)}")
    for problem in problems[:10]:
        print(f"  {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
