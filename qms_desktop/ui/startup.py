"""Process-level start-up helpers of the GUI: the QApplication, the launch clock, smoke-run knobs."""

from __future__ import annotations

import ctypes
import logging
import os
import re
import sys
from pathlib import Path

from qms_desktop import paths
from qms_desktop.ui.palette import apply_style
from qms_desktop.ui.qt import QApplication, QIcon, QLibraryInfo

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


# ---- can a window open at all? ---------------------------------------------------------------------
# Without a display, or with the X11 plugin unable to load, Qt prints a hint about reinstalling the
# application and aborts the process (a core dump). These checks run before the QApplication exists
# and say what to do instead. They are English only: no translation is loaded yet.

# Debian/Ubuntu packages whose name does not follow from the library's soname.
_PACKAGE_EXCEPTIONS = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0"}
_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library: libxcb-cursor.so.0 -> libxcb-cursor0,
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0 (a digit before the version takes a dash)."""
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    stem, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    stem = stem.lower()
    if not version:
        return stem
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"


def missing_library(error: str) -> str | None:
    """The library named in the dynamic loader's "cannot open shared object file" error."""
    match = _MISSING_LIBRARY.search(error)
    return match.group(1) if match else None


def _command(demo: bool) -> str:
    return "qms-desktop --demo" if demo else "qms-desktop"


def display_problem(demo: bool = False, env: dict[str, str] | None = None) -> str | None:
    """Why no window can open here, in words for the terminal; None when Qt can try (and other
    platforms than Linux, or a platform plugin other than X11 chosen in QT_QPA_PLATFORM)."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").strip()
    if platform not in ("", "xcb"):
        return None  # offscreen, wayland, a fallback list…: Qt's choice
    command = _command(demo)
    display = env.get("DISPLAY", "")
    if not display and (platform == "xcb" or not env.get("WAYLAND_DISPLAY")):
        return (
            "qms-desktop: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "  In a virtual X display:                 xvfb-run " + command + "\n"
            "  With no window at all (smoke runs):     QT_QPA_PLATFORM=offscreen " + command + "\n"
            "  The command-line tools need no display: qms-desktop --help"
        )
    if not display:
        return None  # Wayland: Qt picks its Wayland plugin
    problem = _xcb_plugin_problem()
    if problem is not None:
        return (
            f"qms-desktop: the window cannot open on DISPLAY={display}: Qt's X11 (xcb) platform plugin "
            f"{problem}\n"
            "  Or run without a display (nothing shown):  QT_QPA_PLATFORM=offscreen " + command
        )
    if not _x_server_reachable(display):
        return (
            f"qms-desktop: cannot connect to the X display DISPLAY={display}. Check that it is running and that "
            "this user may use it (xauth), or start a virtual one:  xvfb-run " + command
        )
    return None


def _xcb_plugin_problem() -> str | None:
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # a Qt without it reports that itself, without a crash
    try:
        ctypes.CDLL(str(plugin))  # what Qt does next; the loader names a missing library
    except OSError as exc:
        soname = missing_library(str(exc))
        if soname is None:
            return f"cannot be loaded: {exc}"
        package = debian_package(soname)
        return (
            f"needs {soname}, which is not installed.\n"
            f"  On Debian/Ubuntu install it with:  sudo apt-get install {package}"
        )
    return None


def _x_server_reachable(display: str) -> bool:
    """Connect to the X server the way Qt will (libxcb, with XAUTHORITY's cookie)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the plugin check above already passed; let Qt report it
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    if not connection:
        return False
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)
