"""Per-user UI preferences (window geometry, language) in an INI file under paths.config_dir().

Only presentation state lives here: never passwords or connection settings (those are in the
database and the keyring).
"""

from __future__ import annotations

from qms_desktop import paths
from qms_desktop.ui.qt import QSettings

FILE_NAME = "ui.ini"


def ui_settings() -> QSettings:
    # An explicit file (not the native registry/plist) so QMS_HOME isolates tests and demos.
    return QSettings(str(paths.config_dir() / FILE_NAME), QSettings.Format.IniFormat)
