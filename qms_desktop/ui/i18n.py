"""Languages: Qt translators for our strings and Qt's own, chosen from the system or View → Language.

Installing a translator makes Qt send QEvent.LanguageChange to every widget, so widgets that implement
`retranslateUi` in `changeEvent` switch live.
"""

from __future__ import annotations

import logging
from pathlib import Path

from qms_desktop.ui.prefs import ui_settings
from qms_desktop.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("qms.ui")

SYSTEM = "system"
LANGUAGES = ("en", "uk")  # shipped catalogues; English is also the source language
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
CATALOGUE = "qms_desktop"


def translations_dir() -> Path:
    """The .qm files ship inside the package, so a checkout and an installed wheel both find them."""
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def saved_choice() -> str:
    value = str(ui_settings().value(SETTINGS_KEY, SYSTEM) or SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def save_choice(choice: str) -> None:
    settings = ui_settings()
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def resolve(choice: str) -> str:
    return system_language() if choice == SYSTEM else choice


class Translations:
    """Owns the installed translators; `apply` swaps them (Qt then retranslates live widgets)."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []

    def apply(self, choice: str) -> str:
        app = QCoreApplication.instance()
        language = resolve(choice)
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        ours = QTranslator()
        if ours.load(f"{CATALOGUE}_{language}", str(translations_dir())):
            self._installed.append(ours)
        else:
            log.warning("No %s translation found in %s", language, translations_dir())
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator()  # standard buttons and dialogs (OK, Cancel, file picker)
        if language != "en" and (qt_own.load(f"qtbase_{language}", qt_dir) or qt_own.load(f"qt_{language}", qt_dir)):
            self._installed.append(qt_own)
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        if app is not None:
            QLocale.setDefault(QLocale(language))
        self.language = language
        log.info("UI language: %s (%s)", language, choice)
        return language

    def remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
