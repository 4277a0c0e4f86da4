"""An audio player for one recording: QMediaPlayer + QAudioOutput, a timeline with tag markers,
speed, volume, track choice and keyboard shortcuts. It knows nothing of the app.

The owner decides where the audio comes from: the player emits `loadRequested(track)` and the owner
answers with `set_source(url)` (always a local proxy URL: QMediaPlayer sends no credentials and does
not verify TLS, so it must never talk to MediaSense itself) or with `show_error(words)`.

Seeking follows what works over HTTP (anchors.md C.2): the slider is enabled only while the media is
loaded and seekable, position updates are ignored while the handle is dragged, and the seek happens
once, on release. Teardown follows qt-headless.md: stop(), setSource(QUrl()), a short wait, then
deleteLater(); the QAudioOutput is parented to the player.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qms_desktop.ui import multimedia
from qms_desktop.ui.qt import (
    QComboBox,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    Qt,
    QTimer,
    QToolButton,
    QToolTip,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger("qms.ui")

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SMALL_STEP_MS = 5_000
BIG_STEP_MS = 30_000
BOTH_PARTIES, PARTY_1, PARTY_2 = 0, 1, 2
_retiring: set[Any] = set()  # players waiting out the short pause before deleteLater()


@dataclass(frozen=True, slots=True)
class Marker:
    offset_ms: int
    label: str


def clock(ms: int | None) -> str:
    if ms is None or ms < 0:
        return "–:––"
    seconds = int(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class TimelineSlider(QSlider):
    """A horizontal seek slider that draws tag markers and jumps to a clicked position."""

    clickedTo = Signal(int)  # a click on the groove: seek there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.markers: list[Marker] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(28)

    def set_markers(self, markers: Sequence[Marker]) -> None:
        self.markers = sorted(markers, key=lambda m: m.offset_ms)
        self.update()

    def _groove(self) -> tuple[int, int]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        # The handle's centre travels from groove.left + handle/2 to groove.right - handle/2.
        return groove.left() + handle.width() // 2, groove.right() - handle.width() // 2

    def _x_for(self, value: int) -> int:
        left, right = self._groove()
        return QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, right - left) + left

    def _value_at(self, x: int) -> int:
        left, right = self._groove()
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x - left, right - left)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self.markers or self.maximum() <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.Highlight if self.isEnabled() else QPalette.ColorRole.Mid)
        painter.setPen(QPen(colour, 2))
        height = self.height()
        for marker in self.markers:
            if 0 <= marker.offset_ms <= self.maximum():
                x = self._x_for(marker.offset_ms)
                painter.drawLine(x, 1, x, 6)
                painter.drawLine(x, height - 7, x, height - 2)
        painter.end()

    def marker_near(self, x: int, tolerance: int = 5) -> Marker | None:
        if self.maximum() <= 0:
            return None
        best = min(self.markers, key=lambda m: abs(self._x_for(m.offset_ms) - x), default=None)
        if best is not None and abs(self._x_for(best.offset_ms) - x) <= tolerance:
            return best
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            marker = self.marker_near(int(event.position().x()) if hasattr(event, "position") else event.pos().x())
            if marker is not None:
                QToolTip.showText(event.globalPos(), f"{clock(marker.offset_ms)}  {marker.label}", self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        if (
            self.isEnabled()
            and event.button() == Qt.MouseButton.LeftButton
            and not handle.contains(event.position().toPoint())
        ):
            marker = self.marker_near(int(event.position().x()))
            value = marker.offset_ms if marker is not None else self._value_at(int(event.position().x()))
            self.setValue(value)
            self.clickedTo.emit(value)
            event.accept()
            return
        super().mousePressEvent(event)


class PlayerWidget(QWidget):
    loadRequested = Signal(int)  # track: 0 both parties, 1 or 2 one party; answer with set_source/show_error
    unavailable = Signal(str)  # playback cannot work on this machine: the words to show
    errorShown = Signal(str)
    loadedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.player: Any = None  # QMediaPlayer, created on first use (loads the FFmpeg plugin)
        self.audio: Any = None
        self._mm: multimedia.Multimedia | None = None
        self._unavailable: str | None = None
        self._has_recording = False
        self._playable = False
        self._loaded = False
        self._dragging = False
        self._pending_start = 0
        self._autoplay = False
        self._duration_hint: int | None = None
        self._error: str | None = None
        self._status_key = "idle"

        self.play_button = QToolButton(self)
        self.play_button.setObjectName("playButton")
        self.play_button.setIconSize(self.play_button.iconSize() * 1.4)
        self.play_button.setAutoRaise(True)
        self.back_button = QToolButton(self)
        self.forward_button = QToolButton(self)
        for button in (self.back_button, self.forward_button):
            button.setAutoRaise(True)
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.forward_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.slider = TimelineSlider(self)
        self.slider.setObjectName("seekSlider")
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("positionLabel")
        self.position_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0:00:00 / 0:00:00") + 8)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.speed = QComboBox(self)
        self.speed.setObjectName("speedCombo")
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.track = QComboBox(self)
        self.track.setObjectName("trackCombo")
        for track in (BOTH_PARTIES, PARTY_1, PARTY_2):
            self.track.addItem("", track)
        self.volume_icon = QLabel(self)
        self.volume_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16, 16))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(90)
        self.status = QLabel(self)
        self.status.setObjectName("playerStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.speed_label = QLabel(self)
        self.track_label = QLabel(self)
        self.title = QLabel(self)
        self.title.setObjectName("playerTitle")
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.back_button)
        top.addWidget(self.play_button)
        top.addWidget(self.forward_button)
        top.addWidget(self.slider, 1)
        top.addWidget(self.position_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.title)
        bottom.addSpacing(8)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.track_label)
        bottom.addWidget(self.track)
        bottom.addSpacing(8)
        bottom.addWidget(self.speed_label)
        bottom.addWidget(self.speed)
        bottom.addSpacing(8)
        bottom.addWidget(self.volume_icon)
        bottom.addWidget(self.volume)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self.play_button.clicked.connect(self.toggle_play)
        self.back_button.clicked.connect(lambda: self.seek_relative(-SMALL_STEP_MS))
        self.forward_button.clicked.connect(lambda: self.seek_relative(SMALL_STEP_MS))
        self.slider.sliderPressed.connect(self._drag_started)
        self.slider.sliderReleased.connect(self._drag_ended)
        self.slider.sliderMoved.connect(self._show_position)
        self.slider.clickedTo.connect(self.seek_to)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.volume.valueChanged.connect(self._volume_changed)
        self.track.currentIndexChanged.connect(self._track_changed)
        self.retranslateUi()
        self._refresh()

    # ---- the media objects -----------------------------------------------------------------------

    def ensure_player(self) -> bool:
        """Create QMediaPlayer + QAudioOutput on first use; False (and `unavailable`) if impossible."""
        if self.player is not None:
            return True
        if self._unavailable is not None:
            return False
        mm = multimedia.load()
        if mm is None:
            self._set_unavailable(
                self.tr(
                    "Playback is not available: the Qt multimedia module could not be loaded ({reason}). "
                    "Searching and details still work."
                ).format(reason=multimedia.reason() or "?")
            )
            return False
        player = mm.QMediaPlayer(self)
        if not player.isAvailable():  # e.g. no FFmpeg backend plugin (libxrandr2 missing)
            player.deleteLater()
            self._set_unavailable(
                self.tr(
                    "Playback is not available: Qt found no working media backend on this computer. "
                    "Searching and details still work."
                )
            )
            return False
        self._mm = mm
        self.audio = mm.QAudioOutput(player)  # parented to the player: safe teardown (qt-headless §3)
        self.audio.setVolume(self.volume.value() / 100)
        player.setAudioOutput(self.audio)
        player.setPlaybackRate(float(self.speed.currentData()))
        player.positionChanged.connect(self._position_changed)
        player.durationChanged.connect(self._duration_changed)
        player.mediaStatusChanged.connect(self._status_changed)
        player.playbackStateChanged.connect(lambda _state: self._refresh())
        player.seekableChanged.connect(lambda _seekable: self._refresh())
        player.errorOccurred.connect(self._error_occurred)
        self.player = player
        return True

    def _set_unavailable(self, words: str) -> None:
        self._unavailable = words
        log.warning("Audio playback unavailable: %s", words)
        self.unavailable.emit(words)
        self._refresh()

    @property
    def unavailable_reason(self) -> str | None:
        return self._unavailable

    # ---- what the owner calls --------------------------------------------------------------------

    def set_recording(
        self,
        duration_ms: int | None,
        markers: Sequence[Marker] = (),
        *,
        playable: bool = True,
        reason: str | None = None,
        title: str = "",
    ) -> None:
        """A new recording (or none: duration None and not playable). Unloads the previous audio."""
        self.unload()
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self._has_recording = playable or reason is not None
        self._playable = playable
        self._duration_hint = duration_ms
        self._error = None if playable else reason
        self._pending_start = 0
        self.slider.setRange(0, 0)
        self.slider.set_markers([m for m in markers if m.offset_ms >= 0])
        self._status_key = "ready" if playable else "idle"
        self._show_position(0)
        self._refresh()

    def set_source(self, url: str, start_ms: int | None = None, autoplay: bool | None = None) -> None:
        """Open `url` (a local proxy URL). By default it starts where the request asked for (a tag, the
        position before a track change) and plays when the user pressed Play."""
        if not self.ensure_player():
            return
        self._error = None
        if start_ms is not None:
            self._pending_start = max(0, start_ms)
        if autoplay is not None:
            self._autoplay = autoplay
        self._status_key = "loading"
        self.player.setSource(QUrl(url))
        if self._autoplay:
            self.player.play()
        self._refresh()

    def show_error(self, words: str) -> None:
        self._error = words
        self._status_key = "error"
        self.errorShown.emit(words)
        self._refresh()

    def unload(self) -> None:
        """Stop and let go of the media (the player object stays for the next recording)."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self._set_loaded(False)
        self._dragging = False
        self._refresh()

    def retire(self) -> None:
        """Final teardown: unload, then delete the player after a short pause (qt-headless §3)."""
        player = self.player
        self.unload()
        self.player = self.audio = None
        if player is not None:
            player.setParent(None)  # outlives this widget for the pause
            _retiring.add(player)

            def delete() -> None:
                _retiring.discard(player)
                player.deleteLater()

            QTimer.singleShot(150, delete)

    def source_url(self) -> str:
        return self.player.source().toString() if self.player is not None else ""

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def current_track(self) -> int:
        return int(self.track.currentData())

    def position(self) -> int:
        return int(self.player.position()) if self.player is not None else 0

    def duration(self) -> int:
        return int(self.player.duration()) if self.player is not None else 0

    def is_playing(self) -> bool:
        mm = self._mm
        return (
            self.player is not None
            and mm is not None
            and self.player.playbackState() == mm.QMediaPlayer.PlaybackState.PlayingState
        )

    # ---- actions ---------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        if not self._playable or self._unavailable is not None:
            return
        if self.player is None or self.player.source().isEmpty():
            if self.ensure_player():
                self._autoplay = True
                self._status_key = "loading"
                self._refresh()
                self.loadRequested.emit(self.current_track)
            return
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def seek_to(self, ms: int) -> None:
        if not self._can_seek():
            return
        target = max(0, min(int(ms), max(self.duration(), 0)))
        self.player.setPosition(target)
        self._show_position(target)

    def seek_relative(self, delta_ms: int) -> None:
        if self._can_seek():
            self.seek_to(self.position() + delta_ms)

    def play_from(self, ms: int) -> None:
        """Jump to `ms` (a tag), loading the audio first when needed."""
        if self._can_seek():
            self.seek_to(ms)
            if not self.is_playing():
                self.player.play()
        elif self._playable and self._unavailable is None and not self._loaded:
            self._pending_start = ms
            self._autoplay = True
            if self.ensure_player() and self.player.source().isEmpty():
                self._status_key = "loading"
                self._refresh()
                self.loadRequested.emit(self.current_track)

    def install_shortcuts(self, host: QWidget) -> None:
        """Space, ←/→ (5 s) and Shift+←/→ (30 s) anywhere inside `host` (line edits keep their keys)."""
        bindings = (
            (Qt.Key.Key_Space, self.toggle_play),
            (Qt.Key.Key_Left, lambda: self.seek_relative(-SMALL_STEP_MS)),
            (Qt.Key.Key_Right, lambda: self.seek_relative(SMALL_STEP_MS)),
            (Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Left, lambda: self.seek_relative(-BIG_STEP_MS)),
            (Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Right, lambda: self.seek_relative(BIG_STEP_MS)),
        )
        self.shortcuts: list[QShortcut] = []
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # ---- player events ---------------------------------------------------------------------------

    def _can_seek(self) -> bool:
        return self.player is not None and self._loaded and bool(self.player.isSeekable())

    def _set_loaded(self, loaded: bool) -> None:
        if loaded != self._loaded:
            self._loaded = loaded
            self.loadedChanged.emit(loaded)

    def _status_changed(self, status: Any) -> None:
        statuses = self._mm.QMediaPlayer.MediaStatus if self._mm is not None else None
        if statuses is None:
            return
        loaded = status in (statuses.LoadedMedia, statuses.BufferingMedia, statuses.BufferedMedia, statuses.EndOfMedia)
        was_loaded = self._loaded
        self._set_loaded(loaded)
        if loaded and not was_loaded and self._pending_start and self.player.isSeekable():
            self.player.setPosition(self._pending_start)
        if loaded and not was_loaded:
            self._pending_start = 0
        self._status_key = {
            statuses.LoadingMedia: "loading",
            statuses.BufferingMedia: "buffering",
            statuses.StalledMedia: "buffering",
            statuses.EndOfMedia: "ended",
        }.get(status, "loaded" if loaded else self._status_key)
        self._refresh()

    def _duration_changed(self, duration: int) -> None:
        self.slider.setRange(0, max(0, int(duration)))
        self._show_position(self.position())

    def _position_changed(self, position: int) -> None:
        if self._dragging:  # the user holds the handle: do not fight them
            return
        self.slider.blockSignals(True)
        self.slider.setValue(int(position))
        self.slider.blockSignals(False)
        self._show_position(int(position))

    def _drag_started(self) -> None:
        self._dragging = True

    def _drag_ended(self) -> None:
        self._dragging = False
        self.seek_to(self.slider.value())  # one seek, on release

    def _speed_changed(self) -> None:
        if self.player is not None:
            self.player.setPlaybackRate(float(self.speed.currentData()))

    def _volume_changed(self, value: int) -> None:
        if self.audio is not None:
            self.audio.setVolume(value / 100)

    def _track_changed(self) -> None:
        # Another party means another proxy ticket: ask the owner, keep the position and play state.
        if self.player is None or self.player.source().isEmpty():
            return
        position, playing = self.position(), self.is_playing()
        self.unload()
        self._pending_start = position
        self._autoplay = playing
        self._status_key = "loading"
        self._refresh()
        self.loadRequested.emit(self.current_track)

    def _error_occurred(self, error: Any, text: str) -> None:
        if self._mm is not None and error == self._mm.QMediaPlayer.Error.NoError:
            return
        log.warning("Player error %s: %s (%s)", error, text, self.source_url())
        self._set_loaded(False)
        self.show_error(describe_player_error(text))

    # ---- display ---------------------------------------------------------------------------------

    def _show_position(self, position: int) -> None:
        duration = self.duration() or self._duration_hint
        self.position_label.setText(f"{clock(position)} / {clock(duration)}")

    def _refresh(self) -> None:
        playing = self.is_playing()
        usable = self._playable and self._unavailable is None
        self.play_button.setEnabled(usable)
        self.play_button.setIcon(
            self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
            )
        )
        self.play_button.setToolTip(self.tr("Pause (Space)") if playing else self.tr("Play (Space)"))
        seekable = self._can_seek()
        self.slider.setEnabled(seekable)  # only a loaded, seekable medium can be sought
        self.back_button.setEnabled(seekable)
        self.forward_button.setEnabled(seekable)
        self.track.setEnabled(usable)
        self.speed.setEnabled(usable)
        font = self.status.font()
        font.setBold(bool(self._error) or self._unavailable is not None)  # problems stand out without a colour
        self.status.setFont(font)
        self.status.setText(self._status_text(playing))

    def _status_text(self, playing: bool) -> str:
        if self._unavailable is not None:
            return self._unavailable
        if self._error:
            return self._error
        if not self._has_recording:
            return self.tr("No recording selected.")
        if playing and self._status_key in ("loaded", "buffering", "ready"):
            return self.tr("Playing")
        return {
            "ready": self.tr("Press Play (or Space) to listen."),
            "loading": self.tr("Loading the audio…"),
            "buffering": self.tr("Buffering…"),
            "loaded": self.tr("Paused") if self._loaded else self.tr("Press Play (or Space) to listen."),
            "ended": self.tr("Finished. Press Play to listen again."),
            "idle": self.tr("No recording selected."),
        }.get(self._status_key, "")

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.track.setItemText(0, self.tr("Both parties"))
        self.track.setItemText(1, self.tr("Party 1"))
        self.track.setItemText(2, self.tr("Party 2"))
        self.track_label.setText(self.tr("Listen to"))
        self.speed_label.setText(self.tr("Speed"))
        self.volume.setToolTip(self.tr("Volume"))
        self.speed.setToolTip(self.tr("Playback speed"))
        self.back_button.setToolTip(self.tr("Back 5 s (←; Shift+← 30 s)"))
        self.forward_button.setToolTip(self.tr("Forward 5 s (→; Shift+→ 30 s)"))
        self.slider.setToolTip("")
        self._refresh()


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
