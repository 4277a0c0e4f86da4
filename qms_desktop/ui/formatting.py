"""Display helpers shared by the tabs: times, role names, audit details."""

from __future__ import annotations

import json

from qms_desktop.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QFont, Qt

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(ms: int | None) -> str:
    """Epoch milliseconds (the database keeps UTC) as local date and time; a dash when unknown."""
    if ms is None:
        return "—"
    return QDateTime.fromMSecsSinceEpoch(int(ms)).toString("yyyy-MM-dd HH:mm:ss")


# Role names as people read them (security.roles keeps the canonical ADMIN, SUPERVISOR, IT, SYSTEM).
# Context "MainWindow": the status bar showed them first, and their translations live there.
ROLE_CONTEXT = "MainWindow"
ROLE_NAMES = {
    "ADMIN": QT_TRANSLATE_NOOP("MainWindow", "Administrator"),
    "SUPERVISOR": QT_TRANSLATE_NOOP("MainWindow", "Supervisor"),
    "IT": QT_TRANSLATE_NOOP("MainWindow", "IT"),
    "SYSTEM": QT_TRANSLATE_NOOP("MainWindow", "System service"),
}


def role_name(role: object) -> str:
    """A role (Role or its name, any case) in the user's language; an unknown one as it is."""
    key = str(getattr(role, "value", role)).upper()
    name = ROLE_NAMES.get(key)
    return QCoreApplication.translate(ROLE_CONTEXT, name) if name else str(getattr(role, "value", role))


def detail_lines(detail: object, *, limit: int = 0) -> str:
    """A JSON-like value as "key: value" lines (nested keys joined with dots); `limit` > 0 keeps that many."""
    lines: list[str] = []

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, dict) and value:
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list):
            text = ", ".join(str(v) if not isinstance(v, (dict, list)) else json.dumps(v) for v in value)
            lines.append(f"{prefix}: {text or '—'}" if prefix else text)
        else:
            shown = (
                "—" if value is None or value == {} else str(value).lower() if isinstance(value, bool) else str(value)
            )
            lines.append(f"{prefix}: {shown}" if prefix else shown)

    walk("", detail)
    if limit and len(lines) > limit:
        lines = [*lines[:limit], "…"]
    return "\n".join(lines)


def fingerprint_lines(value: str, per_line: int = 16) -> str | None:
    """A SHA-256 fingerprint ("AB:CD:…", any case, with or without colons) as lines of `per_line`
    colon-separated bytes, so it wraps on its groups and never runs out of its label; None if it is not one."""
    digits = value.replace(":", "").replace(" ", "").strip().upper()
    if len(digits) != 64 or any(c not in "0123456789ABCDEF" for c in digits):
        return None
    pairs = [digits[i : i + 2] for i in range(0, 64, 2)]
    return ":\n".join(":".join(pairs[i : i + per_line]) for i in range(0, len(pairs), per_line))


def monospace(font: QFont) -> QFont:
    """`font` in its fixed-pitch variant (fingerprints, hashes)."""
    mono = QFont(font)
    mono.setStyleHint(QFont.StyleHint.Monospace)
    mono.setFamily("monospace")
    return mono
