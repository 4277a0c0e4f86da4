"""Per-user UI preferences (window geometry, splitter sizes, language) in an INI file under paths.config_dir().

Only presentation state lives here: never passwords or connection settings (those are in the
database and the keyring).
"""

from __future__ import annotations

from qms_desktop import paths
from qms_desktop.ui.qt import QSettings, QSplitter

FILE_NAME = "ui.ini"


def ui_settings() -> QSettings:
    # An explicit file (not the native registry/plist) so QMS_HOME isolates tests and demos.
    return QSettings(str(paths.config_dir() / FILE_NAME), QSettings.Format.IniFormat)


def restore_splitter(key: str, splitter: QSplitter) -> bool:
    """Put back a splitter's sizes saved under `key` (and which panes were collapsed); False if none."""
    state = ui_settings().value(f"splitters/{key}")
    return bool(state) and splitter.restoreState(state)


def save_splitter(key: str, splitter: QSplitter) -> None:
    settings = ui_settings()
    settings.setValue(f"splitters/{key}", splitter.saveState())
    settings.sync()
