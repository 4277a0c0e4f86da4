"""Terminal log lines go out on a background thread: a stderr nobody reads blocks no one who logs."""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from qms_desktop.integration_log.console import BackgroundStderr, install_last_resort, take_over_stderr

# A worker thread logs thousands of warnings on a logger nobody configured (as aiohttp's and
# asyncio's are in the CLI): Python's last resort writes them to stderr.
WORKER = """
import logging, sys, threading
if sys.argv[1] == "background":
    from qms_desktop.integration_log.console import install_last_resort
    install_last_resort()
log = logging.getLogger("aiohttp.server")
worker = threading.Thread(target=lambda: [log.warning("line %d", i) for i in range(5000)])
worker.start()
worker.join()
print("worker done", flush=True)
"""


def run_with_unread_stderr(mode: str) -> subprocess.CompletedProcess[str]:
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    try:
        return subprocess.run(
            [sys.executable, "-c", WORKER, mode], stdout=subprocess.PIPE, stderr=write_end, text=True, timeout=60
        )
    finally:
        os.close(write_end)
        os.close(read_end)


def test_a_full_stderr_pipe_does_not_stop_a_logging_thread() -> None:
    done = run_with_unread_stderr("background")
    assert done.returncode == 0 and done.stdout == "worker done\n"


@pytest.fixture
def root_handlers() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    saved, last_resort = list(root.handlers), logging.lastResort
    yield root
    for handler in list(root.handlers):
        if handler not in saved:
            root.removeHandler(handler)
    for handler in saved:
        if handler not in root.handlers:
            root.addHandler(handler)
    logging.lastResort = last_resort


def test_take_over_stderr_keeps_level_and_format(
    root_handlers: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = logging.StreamHandler(sys.stderr)
    plain.setLevel(logging.WARNING)
    plain.setFormatter(logging.Formatter("console: %(levelname)s %(message)s"))
    root_handlers.addHandler(plain)
    others = [h for h in root_handlers.handlers if h is not plain]
    take_over_stderr()
    assert plain not in root_handlers.handlers
    assert [h for h in root_handlers.handlers if h in others] == others  # pytest's own stay
    (replacement,) = [h for h in root_handlers.handlers if isinstance(h, BackgroundStderr)]
    assert replacement.level == logging.WARNING and replacement.formatter is plain.formatter
    assert logging.lastResort is install_last_resort()  # installed, and idempotent

    logging.getLogger("qms.test").warning("shown %d", 1)
    logging.getLogger("qms.test").info("not shown")
    replacement.flush(timeout=30)
    assert capsys.readouterr().err == "console: WARNING shown 1\n"
