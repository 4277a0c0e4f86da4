# Over 400 lines: one widget, its controls and the status it shows; media and timeline live elsewhere.
"""An audio player for one recording: transport controls, a timeline with tag markers, speed, volume,
track choice and keyboard shortcuts over an `AudioPlayer` (QMediaPlayer + QAudioOutput). It knows
nothing of the app.

The owner decides where the audio comes from: the player emits `loadRequested(track)` (None: the
whole call, both parties mixed; N: MediaSense track N, e.g. 0 the agent's phone with Unified CM) and
the owner answers with `set_source(url)` (always a local proxy URL: QMediaPlayer sends no credentials and does
not verify TLS, so it must never talk to MediaSense itself) or with `show_error(words)`.

Seeking follows what works over HTTP (anchors.md C.2): the slider is enabled only while the media is
loaded and seekable, position updates are ignored while the handle is dragged, and the seek happens
once, on release. Teardown follows qt-headless.md (see `audio_player`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qms_desktop.domain.directory import ListeningChoice, PartyRole
from qms_desktop.ui.qt import (
    QComboBox,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QShortcut,
    QSlider,
    QStyle,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.audio_player import AudioPlayer, describe_player_error
from qms_desktop.ui.widgets.elided_label import ElidedLabel
from qms_desktop.ui.widgets.timeline import Marker, TimelineSlider, clock
from qms_desktop.ui.widgets.waveform import WaveformPanel

__all__ = [
    "BIG_STEP_MS",
    "SMALL_STEP_MS",
    "SPEEDS",
    "WHOLE_CALL_DATA",
    "AudioPlayer",
    "Marker",
    "PlayerWidget",
    "TimelineSlider",
    "clock",
    "describe_player_error",
]

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SMALL_STEP_MS = 5_000
BIG_STEP_MS = 30_000
WHOLE_CALL_DATA = -1  # the combo's item data for the whole call (a track number is 0 or more)
_WHOLE_CALL_ONLY = (ListeningChoice(None, None),)


class PlayerWidget(QWidget):
    loadRequested = Signal(object)  # track: None the whole call, N one track; answer with set_source/show_error
    unavailable = Signal(str)  # playback cannot work on this machine: the words to show
    errorShown = Signal(str)
    loadedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.media = AudioPlayer(self)
        self._has_recording = False
        self._playable = False
        self._dragging = False
        self._duration_hint: int | None = None
        self._error: str | None = None

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
        metrics = self.position_label.fontMetrics()  # the widest text it shows: an hour-long position
        widest = max(metrics.horizontalAdvance(text) for text in ("00:00:00 / 00:00:00", "–:–– / –:––"))
        self.position_label.setFixedWidth(widest + 2 * metrics.averageCharWidth())
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.speed = QComboBox(self)
        self.speed.setObjectName("speedCombo")
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.track = QComboBox(self)
        self.track.setObjectName("trackCombo")
        self.track.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._choices: tuple[ListeningChoice, ...] = ()
        self._fill_choices(_WHOLE_CALL_ONLY)
        self.volume_icon = QLabel(self)
        self.volume_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16, 16))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(90)
        self.status = ElidedLabel(self)  # one line whatever it says; the whole text in its tooltip
        self.status.setObjectName("playerStatus")
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
        self.waveform = WaveformPanel(self, self)  # who talks when, skip silence, A–B loop, ±15 s
        layout.addWidget(self.waveform)

        # The media objects start with what the controls show.
        self.media.set_volume(self.volume.value() / 100)
        self.media.set_rate(float(self.speed.currentData()))
        self.media.unavailable.connect(self._media_unavailable)
        self.media.loadedChanged.connect(self.loadedChanged)
        self.media.positionChanged.connect(self._position_changed)
        self.media.durationChanged.connect(self._duration_changed)
        self.media.changed.connect(self._refresh)
        self.media.failed.connect(self.show_error)

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

    @property
    def player(self) -> Any:
        """The QMediaPlayer, or None before first use."""
        return self.media.player

    @player.setter
    def player(self, player: Any) -> None:
        self.media.player = player

    @property
    def audio(self) -> Any:
        """The QAudioOutput, or None before first use."""
        return self.media.audio

    def ensure_player(self) -> bool:
        """Create QMediaPlayer + QAudioOutput on first use; False (and `unavailable`) if impossible."""
        return self.media.ensure()

    def _media_unavailable(self, words: str) -> None:
        self.unavailable.emit(words)
        self._refresh()

    @property
    def unavailable_reason(self) -> str | None:
        return self.media.unavailable_reason

    # ---- what the owner calls --------------------------------------------------------------------

    def set_recording(
        self,
        duration_ms: int | None,
        markers: Sequence[Marker] = (),
        *,
        playable: bool = True,
        reason: str | None = None,
        title: str = "",
        choices: Sequence[ListeningChoice] = _WHOLE_CALL_ONLY,
    ) -> None:
        """A new recording (or none: duration None and not playable). Unloads the previous audio.
        `choices`: what "Listen to" offers (the whole call, then each party's track)."""
        self.unload()
        self._fill_choices(choices or _WHOLE_CALL_ONLY)
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self._has_recording = playable or reason is not None
        self._playable = playable
        self._duration_hint = duration_ms
        self._error = None if playable else reason
        self.media.pending_start = 0
        self.slider.setRange(0, 0)
        self.slider.set_markers([m for m in markers if m.offset_ms >= 0])
        self.waveform.set_recording(duration_ms, [m for m in markers if m.offset_ms >= 0], self._choices)
        self.media.status = "ready" if playable else "idle"
        self._show_position(0)
        self._refresh()

    def set_source(self, url: str, start_ms: int | None = None, autoplay: bool | None = None) -> None:
        """Open `url` (a local proxy URL). By default it starts where the request asked for (a tag, the
        position before a track change) and plays when the user pressed Play."""
        if not self.media.ensure():
            return
        self._error = None
        self.media.open(url, start_ms, autoplay)
        self.waveform.set_source(url, self.current_track)
        self._refresh()

    def show_error(self, words: str) -> None:
        self._error = words
        self.media.status = "error"
        self.errorShown.emit(words)
        self._refresh()

    def unload(self) -> None:
        """Stop and let go of the media (the player object stays for the next recording)."""
        self.media.unload()
        self._dragging = False
        self._refresh()

    def retire(self) -> None:
        """Final teardown: unload, then delete the player after a short pause (qt-headless §3)."""
        self.media.retire()
        self.waveform.stop()
        self._dragging = False
        self._refresh()

    def source_url(self) -> str:
        return self.media.source_url()

    @property
    def loaded(self) -> bool:
        return self.media.loaded

    @property
    def current_track(self) -> int | None:
        """None for the whole call, else the MediaSense track number."""
        data = self.track.currentData()
        return None if data is None or int(data) == WHOLE_CALL_DATA else int(data)

    def choices(self) -> tuple[ListeningChoice, ...]:
        return self._choices

    def _fill_choices(self, choices: Sequence[ListeningChoice]) -> None:
        self._choices = tuple(choices)
        self.track.blockSignals(True)  # a new recording: no reload for the old one
        self.track.clear()
        for choice in self._choices:
            self.track.addItem(self._choice_text(choice), WHOLE_CALL_DATA if choice.track is None else choice.track)
        self.track.setCurrentIndex(0)
        self.track.blockSignals(False)

    def _choice_text(self, choice: ListeningChoice) -> str:
        if choice.track is None:
            return self.tr("Whole call")
        role = {
            PartyRole.AGENT: self.tr("Agent"),
            PartyRole.CALLER: self.tr("Caller"),
            PartyRole.CALLED: self.tr("Called party"),
        }.get(choice.role or PartyRole.UNKNOWN)
        who = ", ".join(choice.who)
        if role is None:
            role = self.tr("Track {number}").format(number=choice.track)
        return f"{role}: {who}" if who else role

    def position(self) -> int:
        return self.media.position()

    def duration(self) -> int:
        return self.media.duration()

    def is_playing(self) -> bool:
        return self.media.is_playing()

    # ---- actions ---------------------------------------------------------------------------------

    def toggle_play(self) -> None:
        if not self._playable or self.media.unavailable_reason is not None:
            return
        if not self.media.has_source():
            if self.media.ensure():
                self.media.autoplay = True
                self.media.status = "loading"
                self._refresh()
                self.loadRequested.emit(self.current_track)
            return
        if self.is_playing():
            self.media.pause()
        else:
            self.media.play()

    def seek_to(self, ms: int) -> None:
        if not self.media.can_seek():
            return
        target = max(0, min(int(ms), max(self.duration(), 0)))
        self.media.seek(target)
        self._show_position(target)

    def seek_relative(self, delta_ms: int) -> None:
        if self.media.can_seek():
            self.seek_to(self.position() + delta_ms)

    def play_from(self, ms: int) -> None:
        """Jump to `ms` (a tag), loading the audio first when needed."""
        if self.media.can_seek():
            self.seek_to(ms)
            if not self.is_playing():
                self.media.play()
        elif self._playable and self.media.unavailable_reason is None and not self.media.loaded:
            self.media.pending_start = ms
            self.media.autoplay = True
            if self.media.ensure() and not self.media.has_source():
                self.media.status = "loading"
                self._refresh()
                self.loadRequested.emit(self.current_track)

    def cue(self, ms: int) -> None:
        """Load the audio paused at `ms` (a link to a moment); seek there when it is loaded already."""
        if self.media.can_seek():
            self.seek_to(ms)
        elif self._playable and self.media.unavailable_reason is None and self.media.ensure():
            self.media.pending_start = max(0, ms)
            self.media.autoplay = False
            if not self.media.has_source():
                self.media.status = "loading"
                self._show_position(ms)
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
        self.waveform.install_shortcuts(host)

    # ---- control and player events ---------------------------------------------------------------

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
        self.media.set_rate(float(self.speed.currentData()))

    def _volume_changed(self, value: int) -> None:
        self.media.set_volume(value / 100)

    def _track_changed(self) -> None:
        # Another party means another proxy ticket: ask the owner, keep the position and play state.
        if not self.media.has_source():
            return
        position, playing = self.position(), self.is_playing()
        self.unload()
        self.media.pending_start = position
        self.media.autoplay = playing
        self.media.status = "loading"
        self._refresh()
        self.loadRequested.emit(self.current_track)

    # ---- display ---------------------------------------------------------------------------------

    def _show_position(self, position: int) -> None:
        duration = self.duration() or self._duration_hint
        self.position_label.setText(f"{clock(position)} / {clock(duration)}")

    def _refresh(self) -> None:
        playing = self.is_playing()
        unavailable = self.media.unavailable_reason
        usable = self._playable and unavailable is None
        self.play_button.setEnabled(usable)
        self.play_button.setIcon(
            self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
            )
        )
        self.play_button.setToolTip(self.tr("Pause (Space)") if playing else self.tr("Play (Space)"))
        seekable = self.media.can_seek()
        self.slider.setEnabled(seekable)  # only a loaded, seekable medium can be sought
        self.back_button.setEnabled(seekable)
        self.forward_button.setEnabled(seekable)
        self.track.setEnabled(usable)
        self.speed.setEnabled(usable)
        self.waveform.setVisible(self._has_recording)  # no recording: the table keeps the room
        font = self.status.font()
        font.setBold(bool(self._error) or unavailable is not None)  # problems stand out without a colour
        self.status.setFont(font)
        self.status.setText(self._status_text(playing))

    def _status_text(self, playing: bool) -> str:
        unavailable = self.media.unavailable_reason
        if unavailable is not None:
            return unavailable
        if self._error:
            return self._error
        if not self._has_recording:
            return self.tr("No recording selected.")
        status = self.media.status
        if self.media.no_audio_device and (playing or (self.media.loaded and status != "ended")):
            return self.tr("No audio output device: the recording plays silently; position and seeking work")
        if playing and status in ("loaded", "buffering", "ready"):
            return self.tr("Playing")
        return {
            "ready": self.tr("Press Play (or Space) to listen."),
            "loading": self.tr("Loading the audio…"),
            "buffering": self.tr("Buffering…"),
            "loaded": self.tr("Paused") if self.media.loaded else self.tr("Press Play (or Space) to listen."),
            "ended": self.tr("Finished. Press Play to listen again."),
            "idle": self.tr("No recording selected."),
        }.get(status, "")

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        for index, choice in enumerate(self._choices):
            self.track.setItemText(index, self._choice_text(choice))
        self.track_label.setText(self.tr("Listen to"))
        self.speed_label.setText(self.tr("Speed"))
        self.volume.setToolTip(self.tr("Volume"))
        self.speed.setToolTip(self.tr("Playback speed"))
        self.back_button.setToolTip(self.tr("Back 5 s (←; Shift+← 30 s)"))
        self.forward_button.setToolTip(self.tr("Forward 5 s (→; Shift+→ 30 s)"))
        self.slider.setToolTip("")
        self._refresh()
