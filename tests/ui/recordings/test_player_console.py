"""FFmpeg and its Qt backend keep the console for warnings: no "Input #0 ..." dump each time the
player opens the audio (every seek), no info lines of the ffmpeg logging category, unless debugging."""

from __future__ import annotations

import ctypes
import os

import pytest
from PySide6.QtCore import QLoggingCategory

from qms_desktop.ui import multimedia
from qms_desktop.ui.widgets.audio_player import AudioPlayer


@pytest.mark.skipif(multimedia.media_debug(), reason="QMS_MEDIA_DEBUG or QT_FFMPEG_DEBUG asks for everything")
def test_ffmpeg_logs_warnings_only(qapp: object) -> None:
    media = AudioPlayer()
    if not media.ensure():
        pytest.skip(f"no QtMultimedia here: {media.unavailable_reason}")
    try:
        path = multimedia._loaded_library("libavutil.so")
        assert path is not None and os.path.exists(path)
        assert ctypes.CDLL(path).av_log_get_level() == multimedia.AV_LOG_WARNING  # FFmpeg's default is 32, info
        category = QLoggingCategory("qt.multimedia.ffmpeg")  # type: ignore[arg-type]  # the stub says bytes; only str works
        assert category.isWarningEnabled() and not category.isInfoEnabled() and not category.isDebugEnabled()
    finally:
        media.retire()
