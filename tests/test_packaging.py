"""Installable like a desktop app: the desktop entry, AppStream metainfo and icons agree with each other
and with what the running app announces; the bundle icons (.ico, .icns) hold every size."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP_ID = "org.qmsdesktop.QMSDesktop"
DESKTOP_FILE = ROOT / "resources" / f"{DESKTOP_ID}.desktop"
METAINFO = ROOT / "resources" / f"{DESKTOP_ID}.metainfo.xml"
ICONS = ROOT / "qms_desktop" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_running_app_announces_the_desktop_id_and_every_icon_size() -> None:
    """What a Wayland compositor or a taskbar sees: the desktop file's id and a window icon of each size."""
    probe = (
        "from qms_desktop.ui.startup import create_application\n"
        "app = create_application()\n"
        "print(app.desktopFileName())\n"
        "print(' '.join(str(s.width()) for s in app.windowIcon().availableSizes()))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    desktop_id, sizes = done.stdout.splitlines()[-2:]
    assert desktop_id == DESKTOP_ID
    assert sorted(int(size) for size in sizes.split()) == list(SIZES)


def test_desktop_entry_metainfo_and_icons_name_the_same_application() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "qms-desktop"  # the console script of the wheel and the bundle's binary
    assert entry["Icon"] == DESKTOP_ID
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == DESKTOP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == "qms-desktop"
    from qms_desktop import __version__

    assert component.find("releases/release[1]") is not None
    assert component.find("releases/release[1]").get("version") == __version__  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate is not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_passes_appstream_validation() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_committed_png_has_its_size() -> None:
    from PySide6.QtGui import QImageReader

    for size in SIZES:
        reader = QImageReader(str(ICONS / f"qms-desktop-{size}.png"))
        assert reader.size().width() == size and reader.size().height() == size, size


def test_bundle_icons_hold_every_size(tmp_path: Path, qapp: object) -> None:
    """The .ico and .icns the PyInstaller spec makes for Windows and macOS, read back with Qt's own readers.
    (`qapp` first: the renderer would otherwise make a QGuiApplication, and later tests need a QApplication.)"""
    from PySide6.QtGui import QImageReader

    make_icons = _make_icons()
    ico, icns = tmp_path / "app.ico", tmp_path / "app.icns"
    assert make_icons.main(["--ico", str(ico), "--icns", str(icns)]) == 0

    def sizes(path: Path) -> list[int]:
        reader = QImageReader(str(path))
        found = []
        for index in range(reader.imageCount()):
            assert reader.jumpToImage(index)
            image = reader.read()
            assert not image.isNull(), (path.name, index, reader.errorString())
            assert image.width() == image.height()
            found.append(image.width())
        return found

    assert sizes(ico) == list(make_icons.ICO_SIZES)
    assert sorted(set(sizes(icns))) == [16, 32, 64, 128, 256, 512, 1024]


def test_menu_entry_installs_for_the_user_and_uninstalls(tmp_path: Path) -> None:
    """packaging/install-desktop-entry.sh: the entry starts the given binary by its full path (spaces
    included), every icon size lands in the hicolor theme, and --uninstall takes it all away again."""
    binary = Path(sys.executable).parent / "qms-desktop"
    if not binary.exists():
        pytest.skip(f"no qms-desktop console script beside {sys.executable} (the package is not installed)")
    folder = tmp_path / "apps with spaces"
    folder.mkdir()
    (folder / "qms-desktop").symlink_to(binary)
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    script = str(ROOT / "packaging" / "install-desktop-entry.sh")

    done = subprocess.run(
        ["bash", script, "--exec", str(folder / "qms-desktop")], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    installed = data / "applications" / DESKTOP_FILE.name
    lines = installed.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{folder / "qms-desktop"}" %u' in lines  # %u: the qms:// link it was opened with
    assert f"Icon={DESKTOP_ID}" in lines
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in SIZES:
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        assert icon.read_bytes() == (ICONS / f"qms-desktop-{size}.png").read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    assert not (data / "icons" / "hicolor" / "icon-theme.cache").exists()  # none made where there was none
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout

    done = subprocess.run(["bash", script, "--uninstall"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [path for path in data.rglob("*") if path.is_file()] == []


def test_menu_entry_refuses_a_path_it_cannot_quote(tmp_path: Path) -> None:
    folder = tmp_path / 'odd"name'
    folder.mkdir()
    (folder / "qms-desktop").symlink_to(sys.executable)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-desktop-entry.sh"), "--exec", str(folder / "qms-desktop")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "cannot name" in done.stderr
    assert not (tmp_path / "share" / "applications" / DESKTOP_FILE.name).exists()
