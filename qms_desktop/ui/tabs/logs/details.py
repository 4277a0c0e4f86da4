"""The pane under the log table: every field of the selected entry, and its exception.

The words keep the LogsTab translation context: that is where the catalogues have them.
"""

from __future__ import annotations

import json

from qms_desktop.integration_log import LogEntry
from qms_desktop.integration_log.entries import timestamp_text
from qms_desktop.ui.qt import QCoreApplication, QFontDatabase, QPlainTextEdit, QWidget
from qms_desktop.ui.tabs.logs.models import local_time_text


class EntryDetails(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logsDetails")
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def show_entry(self, entry: LogEntry | None) -> None:
        self.setPlainText(details_text(entry) if entry is not None else "")

    def retranslate(self) -> None:
        self.setPlaceholderText(
            QCoreApplication.translate("LogsTab", "Select an entry to see its fields and exception.")
        )


def details_text(entry: LogEntry) -> str:
    lines = [
        QCoreApplication.translate("LogsTab", "Time: {0} (UTC {1})").format(
            local_time_text(entry), timestamp_text(entry.ts)
        ),
        QCoreApplication.translate("LogsTab", "Level: {0}    Area: {1}    Sequence: {2}").format(
            entry.level, entry.logger, entry.seq
        ),
        "",
        entry.message,
    ]
    if entry.exc:
        lines += ["", QCoreApplication.translate("LogsTab", "Exception:"), entry.exc]
    if entry.extra:
        lines += ["", QCoreApplication.translate("LogsTab", "Fields:")]
        for key, value in entry.extra.items():
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
            lines.append(f"  {key} = {text}")
    return "\n".join(lines)
