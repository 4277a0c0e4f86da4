"""The Help window: the keyboard shortcuts, a short guide for each role and the troubleshooting list.

The shortcuts are short strings translated like the rest of the UI; the guide is bundled HTML, one
file per language (`resources/help/guide_<language>.html`), chosen by the current UI language."""

from __future__ import annotations

from pathlib import Path

from qms_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLocale,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

SHORTCUTS_ANCHOR = "shortcuts"
GUIDE_ANCHOR = "guide"
TROUBLESHOOTING_ANCHOR = "troubleshooting"
GUIDE_LANGUAGES = ("en", "uk")


def help_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "help"


def current_language() -> str:
    """The UI language (`i18n.Translations.apply` sets the default locale), as a guide file's suffix."""
    name = QLocale().name().split("_")[0]
    return name if name in GUIDE_LANGUAGES else "en"


def guide_html(language: str) -> str:
    path = help_dir() / f"guide_{language}.html"
    if not path.exists():
        path = help_dir() / "guide_en.html"
    return path.read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """Modeless: it stays open beside the main window while the user follows a guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)  # the table of contents jumps to anchors in the page
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.language = ""
        self.resize(760, 640)
        self.retranslateUi()

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every shortcut of the app."""
        return [
            (self.tr("F1"), self.tr("Open this help")),
            (self.tr("Ctrl+1 … Ctrl+9"), self.tr("Go to the first … ninth tab")),
            (self.tr("Ctrl+F"), self.tr("Go to the search field of the current tab")),
            (self.tr("Enter"), self.tr("Recordings: search with the filters")),
            (self.tr("Space"), self.tr("Player: play or pause")),
            (self.tr("← / →"), self.tr("Player: back or forward 5 seconds")),
            (self.tr("Shift+← / Shift+→"), self.tr("Player: back or forward 30 seconds")),
            (self.tr("Ctrl+← / Ctrl+→"), self.tr("Player: back or forward 15 seconds")),
            (self.tr("[ / ] / \\"), self.tr("Player: loop from here / up to here / stop looping")),
            (self.tr("F8 / Shift+F8"), self.tr("Logs: next or previous error")),
            (self.tr("Ctrl+C"), self.tr("Logs: copy the selected rows")),
            (self.tr("Ctrl+Q"), self.tr("Quit")),
        ]

    def shortcuts_html(self) -> str:
        rows = "".join(
            f"<tr><td style='padding:2px 16px 2px 0'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in self.shortcuts()
        )
        title = self.tr("Keyboard shortcuts")  # outside the f-string: lupdate reads no f-strings
        return f"<a name='{SHORTCUTS_ANCHOR}'></a><h2>{title}</h2><table>{rows}</table>"

    def contents_html(self) -> str:
        title = self.tr("QMS Desktop: user guide")
        shortcuts = self.tr("Keyboard shortcuts")
        guide = self.tr("Guide for each role")
        troubleshooting = self.tr("Troubleshooting")
        return (
            f"<h1>{title}</h1>"
            f"<p><a href='#{SHORTCUTS_ANCHOR}'>{shortcuts}</a> · "
            f"<a href='#{GUIDE_ANCHOR}'>{guide}</a> · "
            f"<a href='#{TROUBLESHOOTING_ANCHOR}'>{troubleshooting}</a></p>"
        )

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("QMS Desktop help"))
        self.language = current_language()
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.contents_html() + self.shortcuts_html() + guide_html(self.language))
        self.browser.verticalScrollBar().setValue(position)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
