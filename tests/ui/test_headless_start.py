"""Starting the GUI where no window can open: a message saying what to do and exit status 1, not
Qt's abort (SIGABRT and a core dump) with its advice to reinstall the application."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qms_desktop.ui.startup import debian_package, display_problem, missing_library
from tests.waiting import poll_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the checks are for Linux desktops")


def start_gui(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    base.update(HOME=str(tmp_path), QMS_HOME=str(tmp_path / "qms"), **env)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", "--demo"], env=base, capture_output=True, text=True, timeout=120
    )


def test_no_display_explains_and_exits_1(tmp_path: Path) -> None:
    done = start_gui(tmp_path)
    assert done.returncode == 1, done.stderr  # not -6 (SIGABRT)
    assert "xvfb-run qms-desktop --demo" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen qms-desktop --demo" in done.stderr
    assert "Reinstalling the application" not in done.stderr
    assert "Demo:" not in done.stderr  # nothing was set up before the check


def test_an_unreachable_x_display_explains_and_exits_1(tmp_path: Path) -> None:
    display = next(f":{n}" for n in range(917, 990) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    done = start_gui(tmp_path, DISPLAY=display)
    assert done.returncode == 1, done.stderr
    assert f"cannot connect to the X display DISPLAY={display}" in done.stderr
    assert "xvfb-run qms-desktop --demo" in done.stderr


def test_other_platforms_are_left_to_qt() -> None:
    assert display_problem(env={"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem(env={"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem(env={"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}) is not None
    words = display_problem(env={})
    assert words is not None and "xvfb-run qms-desktop\n" in words  # no --demo when it was not given


def test_a_missing_library_is_named_with_its_package() -> None:
    with pytest.raises(OSError) as error:
        ctypes.CDLL("libqms-absent-for-test.so.3")  # the dynamic loader's own words
    assert missing_library(str(error.value)) == "libqms-absent-for-test.so.3"
    assert missing_library("libxcb-cursor.so.0: cannot open shared object file: No such file or directory") == (
        "libxcb-cursor.so.0"
    )
    assert missing_library("undefined symbol: xcb_foo") is None
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb (apt-get install xvfb)")
def test_a_working_x_display_passes(tmp_path: Path) -> None:
    number = next(n for n in range(917, 990) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    try:
        poll_until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 30)
        assert display_problem(env={"DISPLAY": f":{number}"}) is None
        assert display_problem(env={"DISPLAY": f":{number + 1}"}) is not None  # no server there
    finally:
        server.terminate()
        server.wait(30)
