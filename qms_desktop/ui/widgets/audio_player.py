"""The player's media side, without widgets: QMediaPlayer + QAudioOutput for one recording at a time.

The media objects are created on first use (that loads the FFmpeg plugin); when that is impossible
the player says why once, through `unavailable`. Teardown follows qt-headless.md: stop(),
setSource(QUrl()), a short wait, then deleteLater(); the QAudioOutput is parented to the player.

Changing or dropping the source never calls QMediaPlayer from Python: stop() and setSource() wait
for FFmpeg's threads to finish, and a call from Python waits holding the interpreter lock. Those
threads log through Qt's message handler, which is Python code (the app's log router, pytest-qt's
capture), so a thread that logs at that moment ("No audio device detected" as playback starts,
"Demuxing failed" as a read is cut) waits for the lock forever and the GUI freezes. The calls are
queued instead: Qt's event loop runs them with the lock released. Until they have run, the old
media's signals are ignored (`switching`), so a late "end of media" or error of the previous
recording cannot be taken for the new one.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from qms_desktop.ui import multimedia
from qms_desktop.ui.qt import Q_ARG, QCoreApplication, QMetaObject, QObject, Qt, QTimer, QUrl, Signal, Slot

log = logging.getLogger("qms.ui")

_retiring: set[Any] = set()  # players waiting out the short pause before deleteLater()


class AudioPlayer(QObject):
    """QMediaPlayer/QAudioOutput behind a small API, with the state the player widget shows.

    `status` says what the media is doing for the status line: idle, ready, loading, buffering,
    loaded, ended or error. `pending_start` is where playback starts once the media has loaded (a
    tag, the position before a track change); `autoplay` says whether it plays as soon as it is opened.
    """

    unavailable = Signal(str)  # playback cannot work on this machine: the words to show
    loadedChanged = Signal(bool)
    positionChanged = Signal(int)
    durationChanged = Signal(int)
    changed = Signal()  # play state, seekability or media status changed: views refresh
    failed = Signal(str)  # the media player reported an error: the words to show

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player: Any = None  # QMediaPlayer, created on first use (loads the FFmpeg plugin)
        self.audio: Any = None
        self._mm: multimedia.Multimedia | None = None
        self._unavailable: str | None = None
        self._loaded = False
        self._volume = 1.0
        self._rate = 1.0
        self.pending_start = 0
        self.autoplay = False
        self.status = "idle"
        self._source = ""  # what the player plays once the queued calls have run
        self._switching = 0  # batches of queued calls not yet run: the player's signals are stale
        self._devices: Any = None  # QMediaDevices: tells when an audio output appears
        self.no_audio_device = False

    # ---- the media objects -----------------------------------------------------------------------

    def ensure(self) -> bool:
        """Create QMediaPlayer + QAudioOutput on first use; False (and `unavailable`) if impossible."""
        if self.player is not None:
            return True
        if self._unavailable is not None:
            return False
        # The words keep the PlayerWidget context: that is where the translation catalogues have them.
        mm = multimedia.load()
        if mm is None:
            self._set_unavailable(
                QCoreApplication.translate(
                    "PlayerWidget",
                    "Playback is not available: the Qt multimedia module could not be loaded ({reason}). "
                    "Searching and details still work.",
                ).format(reason=multimedia.reason() or "?")
            )
            return False
        player = mm.QMediaPlayer(self)
        if not player.isAvailable():  # e.g. no FFmpeg backend plugin (libxrandr2 missing)
            player.deleteLater()
            self._set_unavailable(
                QCoreApplication.translate(
                    "PlayerWidget",
                    "Playback is not available: Qt found no working media backend on this computer. "
                    "Searching and details still work.",
                )
            )
            return False
        self._mm = mm
        self.audio = mm.QAudioOutput(player)  # parented to the player: safe teardown (qt-headless §3)
        self.audio.setVolume(self._volume)
        player.setAudioOutput(self.audio)
        player.setPlaybackRate(self._rate)
        if hasattr(player, "setPitchCompensation"):  # Qt 6.10+: voices keep their pitch at 0.5×-2×
            player.setPitchCompensation(True)
        player.positionChanged.connect(self._position_changed)
        player.durationChanged.connect(self._duration_changed)
        player.mediaStatusChanged.connect(self._status_changed)
        player.playbackStateChanged.connect(lambda _state: self.changed.emit())
        player.seekableChanged.connect(lambda _seekable: self.changed.emit())
        player.errorOccurred.connect(self._error_occurred)
        self.player = player
        multimedia.quiet_ffmpeg()  # FFmpeg is loaded now
        self._devices = mm.QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self.no_audio_device = not mm.QMediaDevices.audioOutputs()
        if self.no_audio_device:
            log.info("No audio output device: recordings play silently until one appears")
        return True

    def _outputs_changed(self) -> None:
        """A device appeared (headset plugged in, sound server started) or went: play on the default one."""
        mm = self._mm
        if mm is None or self.audio is None:
            return
        had_none = self.no_audio_device
        self.no_audio_device = not mm.QMediaDevices.audioOutputs()
        if not self.no_audio_device:
            device = mm.QMediaDevices.defaultAudioOutput()
            if had_none or device != self.audio.device():
                log.info("Audio output device: %s", device.description())
                # Queued like the source changes: a new device restarts the audio thread.
                QMetaObject.invokeMethod(
                    self.audio, "setDevice", Qt.ConnectionType.QueuedConnection, Q_ARG(type(device), device)
                )
        self.changed.emit()

    def _set_unavailable(self, words: str) -> None:
        self._unavailable = words
        log.warning("Audio playback unavailable: %s", words)
        self.unavailable.emit(words)

    @property
    def unavailable_reason(self) -> str | None:
        return self._unavailable

    # ---- opening and closing ---------------------------------------------------------------------

    def open(self, url: str, start_ms: int | None = None, autoplay: bool | None = None) -> bool:
        """Open `url`; None keeps the current start position and autoplay. False if playback is unavailable."""
        if not self.ensure():
            return False
        if start_ms is not None:
            self.pending_start = max(0, start_ms)
        if autoplay is not None:
            self.autoplay = autoplay
        self.status = "loading"
        self._source = url
        self._set_loaded(False)
        calls: list[tuple[str, Any]] = [("setSource", QUrl(url))]
        if self.autoplay:
            calls.append(("play", None))
        self._queue(calls)
        return True

    def unload(self) -> None:
        """Stop and let go of the media (the player object stays for the next recording)."""
        if self.player is not None and self._source:
            self._source = ""
            self._queue([("stop", None), ("setSource", QUrl())])
        self._set_loaded(False)

    def _queue(self, calls: list[tuple[str, Any]]) -> None:
        """Run QMediaPlayer slots in order from Qt's event loop (module docstring), then `_settled`."""
        self._switching += 1
        for method, argument in calls:
            if argument is None:
                QMetaObject.invokeMethod(self.player, method, Qt.ConnectionType.QueuedConnection)
            else:
                QMetaObject.invokeMethod(
                    self.player, method, Qt.ConnectionType.QueuedConnection, Q_ARG(type(argument), argument)
                )
        QMetaObject.invokeMethod(self, "_settled", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _settled(self) -> None:
        """The queued calls have run: from now on the player's signals are about the current source."""
        self._switching = max(0, self._switching - 1)
        if self._switching or self.player is None or self._mm is None:
            return
        player = self.player
        if self._source:
            self._status_changed(player.mediaStatus())  # catch up with what was ignored meanwhile
            self.durationChanged.emit(int(player.duration()))
            self.positionChanged.emit(int(player.position()))
            if player.error() != self._mm.QMediaPlayer.Error.NoError:
                self._error_occurred(player.error(), player.errorString())
        self.changed.emit()

    def retire(self) -> None:
        """Final teardown: unload, then delete the player after a short pause (qt-headless §3)."""
        player = self.player
        self.unload()
        self.player = self.audio = None
        if player is not None:
            player.setParent(None)  # outlives its owner for the pause
            _retiring.add(player)

            def delete() -> None:
                _retiring.discard(player)
                player.deleteLater()

            QTimer.singleShot(150, delete)

    # ---- state -----------------------------------------------------------------------------------

    def has_source(self) -> bool:
        return self.player is not None and bool(self._source)

    def source_url(self) -> str:
        return self._source if self.player is not None else ""

    @property
    def switching(self) -> bool:
        """Source changes are queued and have not run yet."""
        return bool(self._switching)

    @property
    def loaded(self) -> bool:
        return self._loaded

    def _current(self) -> bool:
        """The player holds the current source (no switch pending)."""
        return self.player is not None and bool(self._source) and not self._switching

    def position(self) -> int:
        return int(self.player.position()) if self._current() else 0

    def duration(self) -> int:
        return int(self.player.duration()) if self._current() else 0

    def is_playing(self) -> bool:
        mm = self._mm
        return (
            self._current()
            and mm is not None
            and self.player.playbackState() == mm.QMediaPlayer.PlaybackState.PlayingState
        )

    def can_seek(self) -> bool:
        return self.player is not None and self._loaded and bool(self.player.isSeekable())

    # ---- control ---------------------------------------------------------------------------------

    def play(self) -> None:
        if self._switching:  # after the queued source change, not on the media it replaces
            self._queue([("play", None)])
        else:
            self.player.play()

    def pause(self) -> None:
        if self._switching:
            self._queue([("pause", None)])
        else:
            self.player.pause()

    def seek(self, ms: int) -> None:
        if self._switching:
            self.pending_start = ms
        else:
            self.player.setPosition(ms)

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        if self.player is not None:
            self.player.setPlaybackRate(rate)

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0."""
        self._volume = volume
        if self.audio is not None:
            self.audio.setVolume(volume)

    # ---- player events ---------------------------------------------------------------------------

    def _set_loaded(self, loaded: bool) -> None:
        if loaded != self._loaded:
            self._loaded = loaded
            self.loadedChanged.emit(loaded)

    def _status_changed(self, status: Any) -> None:
        statuses = self._mm.QMediaPlayer.MediaStatus if self._mm is not None else None
        if statuses is None or self._switching or not self._source:
            return
        loaded = status in (statuses.LoadedMedia, statuses.BufferingMedia, statuses.BufferedMedia, statuses.EndOfMedia)
        was_loaded = self._loaded
        self._set_loaded(loaded)
        if loaded and not was_loaded and self.pending_start and self.player.isSeekable():
            self.player.setPosition(self.pending_start)
        if loaded and not was_loaded:
            self.pending_start = 0
        self.status = {
            statuses.LoadingMedia: "loading",
            statuses.BufferingMedia: "buffering",
            statuses.StalledMedia: "buffering",
            statuses.EndOfMedia: "ended",
        }.get(status, "loaded" if loaded else self.status)
        self.changed.emit()

    def _duration_changed(self, duration: int) -> None:
        if not self._switching:
            self.durationChanged.emit(int(duration))

    def _position_changed(self, position: int) -> None:
        if not self._switching:
            self.positionChanged.emit(int(position))

    def _error_occurred(self, error: Any, text: str) -> None:
        if self._mm is not None and error == self._mm.QMediaPlayer.Error.NoError:
            return
        if self._switching or not self._source:  # the previous media, cut off on purpose
            log.debug("Player error of the previous media ignored: %s", text)
            return
        log.warning("Player error %s: %s (%s)", error, text, self.source_url())
        self._set_loaded(False)
        self.failed.emit(describe_player_error(text))


_STATUS = re.compile(r"\b([1-5]\d\d|[45]XX)\b")


def describe_player_error(text: str) -> str:
    """QMediaPlayer's errorString (FFmpeg's words, with the HTTP status of our proxy) in plain words."""
    match = _STATUS.search(text or "")
    status = match.group(1) if match else ""
    if status == "404":
        return QCoreApplication.translate(
            "PlayerWidget", "The audio of this recording has been pruned from MediaSense (retention policy)."
        )
    if status in ("401", "403"):
        return QCoreApplication.translate(
            "PlayerWidget",
            "Access to this audio was refused: the playback link expired or belongs to someone "
            "else. Select the recording again.",
        )
    if status.startswith("5"):
        return QCoreApplication.translate(
            "PlayerWidget", "MediaSense did not deliver the audio: it may be down or unreachable. Try again later."
        )
    if "refused" in (text or "").lower():
        return QCoreApplication.translate(
            "PlayerWidget", "The local playback service is not reachable. Restart QMS Desktop if this persists."
        )
    return QCoreApplication.translate("PlayerWidget", "The audio could not be played: {error}").format(
        error=text or QCoreApplication.translate("PlayerWidget", "unknown error")
    )
