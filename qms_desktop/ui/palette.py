"""Fusion style whose palette follows the system's light or dark scheme (Qt ≥ 6.5 does the work).

Widgets take colours from the palette only, so both schemes stay readable without hard-coded colours.
"""

from __future__ import annotations

from qms_desktop.ui.qt import QApplication, QPalette, Qt


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())
    # Fusion rebuilds its standard palette for the new scheme; re-apply it when the system switches.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: app.setPalette(app.style().standardPalette()))


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def color_scheme_name() -> str:
    scheme = QApplication.styleHints().colorScheme()
    return {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme, "unknown")
