"""QtMultimedia, loaded on demand: the one place the player's Qt classes come from.

Kept apart from `qt.py` because QtMultimedia is optional at run time: it needs libpulse to import and
an FFmpeg backend plugin to play. If either is missing, search and details still work and the
Recordings tab says why playback is off. Loading is deferred to the first playback so start-up (and
tabs that never play) do not pay for the FFmpeg plugin.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("qms.ui")


@dataclass(frozen=True)
class Multimedia:
    QMediaPlayer: Any
    QAudioOutput: Any
    QMediaDevices: Any


_loaded: Multimedia | None = None
_reason: str | None = None  # why it could not load (English, for the log; the UI words its own)
_tried = False


def load() -> Multimedia | None:
    """The QtMultimedia classes, or None (then `reason()` says why). Call on the GUI thread."""
    global _loaded, _reason, _tried
    if _tried:
        return _loaded
    _tried = True
    try:
        from PySide6.QtCore import QLoggingCategory

        # Optional hardware-decoding and PipeWire libraries are probed at load; their absence is
        # normal (audio needs neither) and would otherwise flood the log with warnings.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
    except ImportError as exc:  # e.g. libpulse.so.0 missing on the machine
        _reason = str(exc)
        log.warning("QtMultimedia could not be loaded: %s", exc)
        return None
    _loaded = Multimedia(QMediaPlayer=QMediaPlayer, QAudioOutput=QAudioOutput, QMediaDevices=QMediaDevices)
    return _loaded


def reason() -> str | None:
    return _reason


def available() -> bool:
    return load() is not None


def _reset_for_tests(reason_text: str | None = None) -> None:
    """Tests simulate a machine without QtMultimedia (reason given) or restore normal loading."""
    global _loaded, _reason, _tried
    if reason_text is None:
        _loaded, _reason, _tried = None, None, False
    else:
        _loaded, _reason, _tried = None, reason_text, True
