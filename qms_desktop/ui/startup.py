"""Process-level start-up helpers of the GUI: the QApplication, the launch clock, smoke-run knobs."""

from __future__ import annotations

import logging
import os
import sys

from qms_desktop import paths
from qms_desktop.ui.palette import apply_style
from qms_desktop.ui.qt import QApplication

log = logging.getLogger("qms.ui")


def process_age_s() -> float | None:
    """Seconds since this process started (Linux), to report launch-to-window time honestly."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def env_float(name: str) -> float | None:
    value = os.environ.get(name)
    try:
        return float(value) if value else None
    except ValueError:
        log.warning("Ignoring %s=%r: not a number", name, value)
        return None


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName("qms-desktop")
    from qms_desktop import __version__

    app.setApplicationVersion(__version__)
    app.setDesktopFileName("qms-desktop")
    # The shell decides when to quit (after its async shutdown), not Qt on the last window.
    app.setQuitOnLastWindowClosed(False)
    apply_style(app)
    return app
