"""QtMultimedia, loaded on demand: the one place the player's Qt classes come from.

Kept apart from `qt.py` because QtMultimedia is optional at run time: it needs libpulse to import and
an FFmpeg backend plugin to play. If either is missing, search and details still work and the
Recordings tab says why playback is off. Loading is deferred to the first playback so start-up (and
tabs that never play) do not pay for the FFmpeg plugin.
"""

from __future__ import annotations

import ctypes
import logging
import os
from dataclasses import dataclass
from pathlib import Path
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
        # normal (audio needs neither) and would otherwise flood the log with warnings. The FFmpeg
        # backend's own notes (its version, each stream it opens) are kept for debugging.
        rules = ["qt.multimedia.symbolsresolver.warning=false"]
        if not media_debug():
            rules += ["qt.multimedia.ffmpeg*.debug=false", "qt.multimedia.ffmpeg*.info=false"]
        QLoggingCategory.setFilterRules("\n".join(rules))
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
    except ImportError as exc:  # e.g. libpulse.so.0 missing on the machine
        _reason = str(exc)
        log.warning("QtMultimedia could not be loaded: %s", exc)
        return None
    _loaded = Multimedia(QMediaPlayer=QMediaPlayer, QAudioOutput=QAudioOutput, QMediaDevices=QMediaDevices)
    return _loaded


MEDIA_DEBUG_ENV = "QMS_MEDIA_DEBUG"  # set (or QT_FFMPEG_DEBUG): FFmpeg and its Qt backend say everything
AV_LOG_WARNING = 24
_quieted = False


def media_debug() -> bool:
    return bool(os.environ.get(MEDIA_DEBUG_ENV) or os.environ.get("QT_FFMPEG_DEBUG"))


def quiet_ffmpeg() -> None:
    """FFmpeg writes its notes straight to stderr, past Qt's logging: an "Input #0 ..." dump each
    time the player opens the audio, so on every seek. Keep its warnings and errors only, unless
    debugging. Call once the backend is loaded (after the first QMediaPlayer): the library to set is
    the one the backend loaded."""
    global _quieted
    if _quieted or media_debug():
        return
    _quieted = True
    path = _loaded_library("libavutil.so")
    if path is None:
        log.debug("FFmpeg's libavutil is not loaded: its log level is left as it is")
        return
    try:
        ctypes.CDLL(path).av_log_set_level(AV_LOG_WARNING)
    except (OSError, AttributeError) as exc:
        log.debug("Could not lower FFmpeg's log level: %s", exc)


def _loaded_library(stem: str) -> str | None:
    """The path of a shared library this process has mapped (Linux); None elsewhere or if absent."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        fields = line.split(maxsplit=5)  # address, perms, offset, device, inode, path
        if len(fields) == 6 and Path(fields[5]).name.startswith(stem):
            return fields[5]
    return None


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
