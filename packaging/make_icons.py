"""The application icon in every form a desktop wants, rendered from the one drawing
`qms_desktop/resources/icons/qms-desktop.svg`:

- PNGs of 16 to 256 pixels beside it (committed: the window icon and the Linux icon theme use them);
- a Windows `.ico` and a macOS `.icns` (PNG-compressed entries), written where asked; the PyInstaller
  spec makes them at build time.

    python packaging/make_icons.py                              # refresh the committed PNGs
    python packaging/make_icons.py --ico X.ico --icns X.icns    # only the two bundle icons

Runs with Qt's offscreen platform; needs PySide6 (QtSvg), nothing else.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "qms_desktop" / "resources" / "icons"
SVG = ICON_DIR / "qms-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types repeat a size for Retina).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def png_name(size: int) -> str:
    return f"qms-desktop-{size}.png"


class Renderer:
    def __init__(self, svg: Path = SVG) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtSvg import QSvgRenderer

        self._app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"cannot read {svg}")
        self._cache: dict[int, bytes] = {}

    def png(self, size: int) -> bytes:
        """The drawing at size × size pixels, as PNG bytes."""
        if size not in self._cache:
            from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
            from PySide6.QtGui import QImage, QPainter

            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._svg.render(painter)
            painter.end()
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not image.save(buffer, "PNG"):
                raise SystemExit(f"cannot encode a {size}px PNG")
            buffer.close()
            self._cache[size] = bytes(data.data())
        return self._cache[size]


def ico_bytes(renderer: Renderer, sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows icon with one PNG entry per size (a width or height of 256 is written as 0)."""
    images = [renderer.png(size) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns_bytes(renderer: Renderer) -> bytes:
    """A macOS icon family: each element is a 4-byte type, a big-endian length (header included), PNG data."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in _icns_elements(renderer))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _icns_elements(renderer: Renderer) -> list[tuple[bytes, bytes]]:
    return [(kind, renderer.png(size)) for kind, size in ICNS_TYPES]


def write_pngs(renderer: Renderer, folder: Path = ICON_DIR) -> list[Path]:
    written = []
    for size in PNG_SIZES:
        path = folder / png_name(size)
        path.write_bytes(renderer.png(size))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the application icon's PNG, ICO and ICNS forms.")
    parser.add_argument("--ico", type=Path, help="write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="write a macOS .icns here")
    parser.add_argument("--png-dir", type=Path, help="write the PNG sizes here (default: beside the SVG)")
    args = parser.parse_args(argv)
    renderer = Renderer()
    if args.ico:
        args.ico.parent.mkdir(parents=True, exist_ok=True)
        args.ico.write_bytes(ico_bytes(renderer))
        print(f"wrote {args.ico}")
    if args.icns:
        args.icns.parent.mkdir(parents=True, exist_ok=True)
        args.icns.write_bytes(icns_bytes(renderer))
        print(f"wrote {args.icns}")
    if args.png_dir or not (args.ico or args.icns):
        folder = args.png_dir or ICON_DIR
        folder.mkdir(parents=True, exist_ok=True)
        for path in write_pngs(renderer, folder):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
