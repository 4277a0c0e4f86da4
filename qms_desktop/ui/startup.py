"""Process-level start-up helpers of the GUI: the QApplication, the launch clock, smoke-run knobs."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from qms_desktop import paths
from qms_desktop.ui.palette import apply_style
from qms_desktop.ui.qt import QApplication, QIcon

log = logging.getLogger("qms.ui")

# The reverse-DNS id of resources/org.qmsdesktop.QMSDesktop.desktop and its AppStream metainfo: Wayland
# compositors and docks match the running window to the desktop entry (and its icon) by it.
DESKTOP_ID = "org.qmsdesktop.QMSDesktop"


def app_icon() -> QIcon:
    """The application icon at every size shipped (16 to 256 px), drawn from resources/icons/qms-desktop.svg."""
    icon = QIcon()
    folder = Path(__file__).resolve().parent.parent / "resources" / "icons"
    for png in sorted(folder.glob("qms-desktop-*.png")):
        icon.addFile(str(png))
    return icon


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
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())  # every window and dialog, and the taskbar
    # The shell decides when to quit (after its async shutdown), not Qt on the last window.
    app.setQuitOnLastWindowClosed(False)
    apply_style(app)
    return app
