# Over 400 lines: the view, its controls and the reader that feeds them; the analysis is in playback/waveform.py.
"""The player's waveform: who talks when, per party, with the listening controls that use it.

`WaveformView` draws one lane per party (the agent and the other party of a stereo whole call, or
the one track being played): the peaks, talk and talk-over shaded, the part already played, an
A–B loop, tag markers and any other markers an owner adds (`set_markers(kind, markers)`); a click
seeks. `WaveformPanel` puts the view over a row of controls (skip silence, A–B loop, ±15 s) and
computes the waveform from the player's own local proxy URL on a plain worker thread: the bytes are
read, analysed (`playback.waveform`) and dropped; only the derived waveform is kept, in memory, per
recording and track. A GUI timer picks up the latest snapshot, so the drawing grows as the audio
arrives. No Qt object is touched off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.request
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from qms_desktop.domain.directory import ListeningChoice, PartyRole
from qms_desktop.playback.waveform import (
    UnsupportedAudio,
    Waveform,
    WaveformAnalysis,
    overlaps,
    silences,
    skip_target,
)
from qms_desktop.ui.qt import (
    QCheckBox,
    QColor,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QRect,
    QShortcut,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.timeline import Marker, clock

log = logging.getLogger("qms.ui")

MID_STEP_MS = 15_000
SKIP_SILENCE_MIN_MS = 1_000  # Skip silence jumps over pauses of both parties at least this long
LANE_COLOURS = ("#3b78c4", "#2f9a5c")
OVERLAP_COLOUR = "#d9822b"
MARKER_COLOURS = {"tag": "#b03a9a", "notes": "#1f77b4", "bookmarks": "#e08a00"}
_CACHE: OrderedDict[tuple[str, str], Waveform] = OrderedDict()  # (session, file) -> finished waveform
_CACHE_SIZE = 16


def cache_key(url: str) -> tuple[str, str] | None:
    """(session, file) from a proxy URL `/play/{token}/{user}/{session}/{file}`: the token is left out."""
    parts = urlsplit(url).path.strip("/").split("/")
    return (parts[-2], parts[-1]) if len(parts) >= 5 and parts[0] == "play" else None


class _Fetch:
    """Reads one URL on a worker thread and analyses it; the GUI thread polls `latest()`. Plain data only."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._snapshot: Waveform | None = None
        self._error: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="waveform", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def latest(self) -> tuple[Waveform | None, str | None]:
        with self._lock:
            return self._snapshot, self._error

    def _publish(self, snapshot: Waveform) -> None:
        with self._lock:
            self._snapshot = snapshot

    def _run(self) -> None:
        analysis = WaveformAnalysis()
        try:
            with urllib.request.urlopen(self.url, timeout=30) as response:
                due = 0.0  # the first chunk is drawn at once, then a snapshot every 100 ms at most
                while not self._stop.is_set():
                    chunk = response.read(64 * 1024)
                    if not chunk:
                        break
                    analysis.feed(chunk)
                    if time.monotonic() >= due and analysis.format is not None:
                        due = time.monotonic() + 0.1
                        self._publish(analysis.snapshot())
            if not self._stop.is_set():
                self._publish(analysis.finish())
        except UnsupportedAudio as exc:
            log.info("No waveform: %s", exc)
            with self._lock:
                self._error = "format"
        except Exception as exc:  # the ticket ended, the proxy stopped: keep what was analysed
            log.debug("Waveform reading stopped: %s", exc)
            if analysis.format is not None:
                self._publish(analysis.snapshot())
            with self._lock:
                self._error = self._error or "stopped"


class WaveformView(QWidget):
    """Lanes of peaks with talk, talk-over, the played part, the A–B loop and markers; click to seek."""

    seekRequested = Signal(int)
    laneClicked = Signal(int)  # a lane's name was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformView")
        self.setMinimumHeight(84)
        self.setMouseTracking(True)
        self.waveform: Waveform | None = None
        self.duration_ms = 0
        self.position_ms = 0
        self.loop: tuple[int | None, int | None] = (None, None)
        self.lane_names: list[str] = []
        self.markers: dict[str, list[Marker]] = {}
        self.marker_colours: dict[str, str] = dict(MARKER_COLOURS)
        self.message = ""
        self.solo: int | None = None  # the lane being listened to alone (the others are dimmed)
        self.name_tip = ""  # the tooltip over a lane's name

    # ---- what the panel (or any owner) calls ------------------------------------------------------

    def set_markers(self, kind: str, markers: Sequence[Marker], colour: str | None = None) -> None:
        """Draw `markers` as their own kind (tags, notes, bookmarks...); an empty list removes the kind."""
        if markers:
            self.markers[kind] = sorted(markers, key=lambda m: m.offset_ms)
        else:
            self.markers.pop(kind, None)
        if colour is not None:
            self.marker_colours[kind] = colour
        self.update()

    def set_position(self, ms: int) -> None:
        if ms != self.position_ms:
            self.position_ms = ms
            self.update()

    # ---- geometry --------------------------------------------------------------------------------

    def _span(self) -> int:
        known = self.duration_ms or (self.waveform.duration_ms if self.waveform else 0) or 0
        return max(1, known)

    def _x(self, ms: int) -> int:
        return round(ms / self._span() * max(1, self.width() - 1))

    def ms_at(self, x: int) -> int:
        return max(0, min(self._span(), int(x / max(1, self.width() - 1) * self._span())))

    # ---- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        waveform = self.waveform
        lanes = waveform.lanes if waveform is not None else max(1, len(self.lane_names))
        height = self.height()
        lane_h = max(8, (height - 2) // lanes)
        talk_over = (
            overlaps(waveform.segments[0], waveform.segments[1]) if waveform is not None and waveform.lanes == 2 else []
        )
        for lane in range(lanes):
            top = 1 + lane * lane_h
            colour = QColor(LANE_COLOURS[lane % len(LANE_COLOURS)])
            if waveform is not None:
                talk = QColor(colour)
                talk.setAlpha(45)
                for start, end in waveform.segments[lane]:
                    painter.fillRect(QRect(self._x(start), top, max(1, self._x(end) - self._x(start)), lane_h), talk)
                over = QColor(OVERLAP_COLOUR)
                over.setAlpha(90)
                for start, end in talk_over:
                    painter.fillRect(QRect(self._x(start), top, max(1, self._x(end) - self._x(start)), lane_h), over)
                self._draw_peaks(painter, waveform, lane, top, lane_h, colour)
                if not waveform.complete and waveform.analysed_ms < self._span():  # not read yet
                    pending = palette.color(QPalette.ColorRole.Mid)
                    pending.setAlpha(60)
                    x = self._x(waveform.analysed_ms)
                    painter.fillRect(QRect(x, top, self.width() - x, lane_h), pending)
            if self.solo is not None and lane != self.solo:  # not heard: dimmed
                dim = QColor(base)
                dim.setAlpha(170)
                painter.fillRect(QRect(0, top, self.width(), lane_h), dim)
            if lane:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
                painter.drawLine(0, top, self.width(), top)
            if lane < len(self.lane_names):  # the lane's name on a patch of the background
                name = self.lane_names[lane]
                box = QRect(2, top + 1, self.fontMetrics().horizontalAdvance(name) + 6, self.fontMetrics().height())
                backdrop = QColor(base)
                backdrop.setAlpha(200)
                painter.fillRect(box, backdrop)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
        self._draw_loop(painter, height)
        played = palette.color(QPalette.ColorRole.Highlight)
        played.setAlpha(50)
        x = self._x(self.position_ms)
        painter.fillRect(QRect(0, 0, x, height), played)
        for kind, markers in self.markers.items():
            painter.setPen(QPen(QColor(self.marker_colours.get(kind, "#7a5fb0")), 2))
            for marker in markers:
                mx = self._x(marker.offset_ms)
                painter.drawLine(mx, 0, mx, height)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.drawLine(x, 0, x, height)
        if self.message:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
        painter.end()

    def _draw_peaks(
        self, painter: QPainter, waveform: Waveform, lane: int, top: int, lane_h: int, colour: QColor
    ) -> None:
        mins, maxs = waveform.mins[lane], waveform.maxs[lane]
        if mins.size == 0:
            return
        width = max(1, self.width())
        # Bucket b covers [b*bucket_ms, (b+1)*bucket_ms): one column per pixel, min/max of its buckets.
        edges = (np.arange(width + 1) / max(1, width - 1) * self._span() / waveform.bucket_ms).astype(np.int64)
        edges = np.minimum(edges, mins.size)
        has = edges[1:] > edges[:-1]
        columns = np.flatnonzero(has)
        if columns.size == 0:
            return
        lo = np.minimum.reduceat(mins, edges[:-1][has].clip(max=mins.size - 1))
        hi = np.maximum.reduceat(maxs, edges[:-1][has].clip(max=maxs.size - 1))
        middle, half = top + lane_h / 2, (lane_h - 2) / 2
        painter.setPen(QPen(colour, 1))
        y1 = (middle - np.clip(hi, -1, 1) * half).astype(int)
        y2 = (middle - np.clip(lo, -1, 1) * half).astype(int)
        for x, a, b in zip(columns.tolist(), y1.tolist(), y2.tolist(), strict=True):
            painter.drawLine(x, a, x, b)

    def _draw_loop(self, painter: QPainter, height: int) -> None:
        a, b = self.loop
        shade = QColor(OVERLAP_COLOUR)
        if a is not None and b is not None and b > a:
            shade.setAlpha(40)
            painter.fillRect(QRect(self._x(a), 0, self._x(b) - self._x(a), height), shade)
        painter.setPen(QPen(QColor(OVERLAP_COLOUR), 2, Qt.PenStyle.DashLine))
        for edge in (a, b):
            if edge is not None:
                painter.drawLine(self._x(edge), 0, self._x(edge), height)

    # ---- mouse -----------------------------------------------------------------------------------

    def lane_name_at(self, x: int, y: int) -> int | None:
        """The lane whose name is under (x, y): a click there listens to that party alone."""
        lanes = max(1, self.waveform.lanes if self.waveform is not None else len(self.lane_names))
        lane_h = max(8, (self.height() - 2) // lanes)
        lane = min(lanes - 1, max(0, (y - 1) // lane_h))
        if lane >= len(self.lane_names) or y - 1 - lane * lane_h > self.fontMetrics().height() + 1:
            return None
        return lane if x <= self.fontMetrics().horizontalAdvance(self.lane_names[lane]) + 8 else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        lane = self.lane_name_at(point.x(), point.y())
        if event.button() == Qt.MouseButton.LeftButton and lane is not None and len(self.lane_names) > 1:
            self.laneClicked.emit(lane)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.seekRequested.emit(self.ms_at(int(event.position().x())))
            event.accept()
            return
        super().mousePressEvent(event)

    def marker_near(self, x: int, tolerance: int = 5) -> Marker | None:
        every = [m for markers in self.markers.values() for m in markers]
        best = min(every, key=lambda m: abs(self._x(m.offset_ms) - x), default=None)
        return best if best is not None and abs(self._x(best.offset_ms) - x) <= tolerance else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            x = int(event.pos().x())  # type: ignore[attr-defined]
            marker = self.marker_near(x)
            text = f"{clock(marker.offset_ms)}  {marker.label}" if marker is not None else clock(self.ms_at(x))
            if len(self.lane_names) > 1 and self.lane_name_at(x, int(event.pos().y())) is not None:  # type: ignore[attr-defined]
                text = self.name_tip
            self.setToolTip(text)
        return super().event(event)


class WaveformPanel(QWidget):
    """The view and its controls for a `PlayerWidget` (which places it and calls the four methods)."""

    waveformUpdated = Signal(object)  # Waveform: a new snapshot is drawn
    skipped = Signal(int, int)  # from, to (ms): Skip silence jumped over a pause
    looped = Signal(int)  # the A–B loop went back to A (ms)

    def __init__(self, player: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformPanel")
        self.player = player
        self.view = WaveformView(self)
        self._fetch: _Fetch | None = None
        self._key: tuple[str, str] | None = None
        self._choices: tuple[ListeningChoice, ...] = ()
        self._track: int | None = None
        self._gaps: list[tuple[int, int]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._poll)

        self.skip_silence = QCheckBox(self)
        self.skip_silence.setObjectName("skipSilence")
        self.loop_a = QToolButton(self)
        self.loop_b = QToolButton(self)
        self.loop_clear = QToolButton(self)
        self.back15 = QToolButton(self)
        self.forward15 = QToolButton(self)
        for button in (self.loop_a, self.loop_b, self.loop_clear, self.back15, self.forward15):
            button.setAutoRaise(True)
        self.loop_a.setObjectName("loopA")
        self.loop_b.setObjectName("loopB")
        self.info = QLabel(self)
        self.info.setObjectName("waveformInfo")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back15)
        row.addWidget(self.forward15)
        row.addSpacing(8)
        row.addWidget(self.skip_silence)
        row.addSpacing(8)
        row.addWidget(self.loop_a)
        row.addWidget(self.loop_b)
        row.addWidget(self.loop_clear)
        row.addStretch(1)
        row.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addLayout(row)

        self.view.seekRequested.connect(self._seek)
        self.view.laneClicked.connect(self.listen_alone)
        self.back15.clicked.connect(lambda: self.player.seek_relative(-MID_STEP_MS))
        self.forward15.clicked.connect(lambda: self.player.seek_relative(MID_STEP_MS))
        self.loop_a.clicked.connect(self.set_loop_start)
        self.loop_b.clicked.connect(self.set_loop_end)
        self.loop_clear.clicked.connect(self.clear_loop)
        player.media.positionChanged.connect(self._position_changed)
        player.media.durationChanged.connect(self._duration_changed)
        self.retranslateUi()

    # ---- what the player calls -------------------------------------------------------------------

    def set_recording(
        self, duration_ms: int | None, markers: Sequence[Marker], choices: Sequence[ListeningChoice]
    ) -> None:
        self._stop_fetch()
        self._key = None
        self._choices = tuple(choices)
        self.view.waveform = None
        self.view.duration_ms = duration_ms or 0
        self.view.position_ms = 0
        self.view.loop = (None, None)
        self.view.solo = None
        self.view.set_markers("tag", list(markers))
        self._gaps = []
        self._lane_names(1)
        self.view.message = self.tr("The waveform appears when the audio is played.") if duration_ms else ""
        self.info.setText("")
        self.view.update()

    def set_source(self, url: str, track: int | None) -> None:
        """The player opened `url` (a local proxy URL): read and analyse the same audio."""
        key = cache_key(url)
        shown = self.view.waveform
        parties = self._party_tracks()
        if (
            key is not None
            and self._key is not None
            and key[0] == self._key[0]
            and shown is not None
            and shown.complete
            and shown.lanes == 2
            and (track is None or track in parties)
        ):  # the call whose two lanes are drawn, or one party of it: keep them, dim the party not heard
            self.view.solo = None if track is None else parties.index(track)
            self.view.update()
            return
        if key is not None and key == self._key and (self._fetch is not None or shown is not None):
            return  # the same audio again (a replay): keep what was computed
        self.view.solo = None
        self._stop_fetch()
        self._key, self._track = key, track
        cached = _CACHE.get(key) if key is not None else None
        if cached is not None:
            self._show(cached)
            return
        self.view.message = self.tr("Reading the waveform…")
        self.view.update()
        self._fetch = _Fetch(url)
        self._timer.start()

    def _party_tracks(self) -> list[int]:
        """The tracks of a stereo whole call's two lanes: the agent's (left), then the other party's."""
        tracks = [c.track for c in self._choices if c.track is not None]
        agent = next((c.track for c in self._choices if c.track is not None and c.role is PartyRole.AGENT), None)
        if agent is None:
            return tracks[:2]
        return [agent, *[t for t in tracks if t != agent][:1]]

    def listen_alone(self, lane: int) -> None:
        """Solo: play only this lane's party (its own track), or the whole call again when it is already
        alone. Goes through "Listen to", which asks for the track's audio and keeps the position."""
        parties = self._party_tracks()
        wanted = -1 if self.view.solo == lane or lane >= len(parties) else parties[lane]  # -1: the whole call
        index = self.player.track.findData(wanted)
        if index >= 0:
            self.player.track.setCurrentIndex(index)

    def set_markers(self, kind: str, markers: Sequence[Marker], colour: str | None = None) -> None:
        """Other markers (notes, bookmarks...) on the waveform, by kind."""
        self.view.set_markers(kind, markers, colour)

    def stop(self) -> None:
        self._stop_fetch()

    def install_shortcuts(self, host: QWidget) -> None:
        """Ctrl+←/→ 15 s, [ and ] the loop's ends, \\ clears the loop (line edits keep their keys)."""
        bindings = (
            (Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Left, lambda: self.player.seek_relative(-MID_STEP_MS)),
            (Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Right, lambda: self.player.seek_relative(MID_STEP_MS)),
            (Qt.Key.Key_BracketLeft, self.set_loop_start),
            (Qt.Key.Key_BracketRight, self.set_loop_end),
            (Qt.Key.Key_Backslash, self.clear_loop),
        )
        self.shortcuts: list[QShortcut] = []
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # ---- loop ------------------------------------------------------------------------------------

    def set_loop_start(self) -> None:
        a, b = self.player.position(), self.view.loop[1]
        self.view.loop = (a, b if b is not None and b > a else None)
        self.view.update()
        self._refresh()

    def set_loop_end(self) -> None:
        a, b = self.view.loop[0], self.player.position()
        if a is None or b <= a:
            return
        self.view.loop = (a, b)
        self.view.update()
        self._refresh()

    def set_loop(self, a: int, b: int) -> None:
        self.view.loop = (a, b) if b > a else (None, None)
        self.view.update()
        self._refresh()

    def clear_loop(self) -> None:
        self.view.loop = (None, None)
        self.view.update()
        self._refresh()

    # ---- events ----------------------------------------------------------------------------------

    def _seek(self, ms: int) -> None:
        if self.player.media.can_seek():
            self.player.seek_to(ms)
        else:
            self.player.play_from(ms)

    def _duration_changed(self, duration: int) -> None:
        if duration > 0:
            self.view.duration_ms = duration
            self.view.update()

    def _position_changed(self, position: int) -> None:
        self.view.set_position(position)
        if not self.player.is_playing() or not self.player.media.can_seek():
            return
        a, b = self.view.loop
        if a is not None and b is not None and position >= b:
            self.player.seek_to(a)
            self.view.set_position(a)
            self.looped.emit(a)
            return
        if self.skip_silence.isChecked():
            target = skip_target(position, self._gaps)
            if target is not None and (b is None or target < b):
                self.player.seek_to(target)
                self.view.set_position(target)
                self.skipped.emit(position, target)

    def _poll(self) -> None:
        fetch = self._fetch
        if fetch is None:
            self._timer.stop()
            return
        snapshot, error = fetch.latest()
        if snapshot is not None and snapshot is not self.view.waveform:
            self._show(snapshot)
        if error is not None and snapshot is None:
            self.view.message = (
                self.tr("No waveform for this audio format.")
                if error == "format"
                else self.tr("The waveform could not be read.")
            )
            self.view.update()
        if (snapshot is not None and snapshot.complete) or error is not None:
            if snapshot is not None and snapshot.complete and self._key is not None:
                _CACHE[self._key] = snapshot
                _CACHE.move_to_end(self._key)
                while len(_CACHE) > _CACHE_SIZE:
                    _CACHE.popitem(last=False)
            self._fetch = None
            self._timer.stop()

    def _show(self, waveform: Waveform) -> None:
        self.view.waveform = waveform
        self.view.message = ""
        if not self.view.duration_ms and waveform.duration_ms:
            self.view.duration_ms = waveform.duration_ms
        self._lane_names(waveform.lanes)
        self._gaps = silences(
            waveform.segments, waveform.analysed_ms if waveform.complete else 0, min_ms=SKIP_SILENCE_MIN_MS
        )
        self._refresh()
        self.view.update()
        self.waveformUpdated.emit(waveform)

    def _stop_fetch(self) -> None:
        if self._fetch is not None:
            self._fetch.stop()
            self._fetch = None
        self._timer.stop()

    # ---- display ---------------------------------------------------------------------------------

    def _role_name(self, track: int | None, fallback: str) -> str:
        role = next((c.role for c in self._choices if c.track == track and c.track is not None), None)
        return {
            PartyRole.AGENT: self.tr("Agent"),
            PartyRole.CALLER: self.tr("Caller"),
            PartyRole.CALLED: self.tr("Called party"),
        }.get(role or PartyRole.UNKNOWN, fallback)

    def _lane_names(self, lanes: int) -> None:
        if lanes >= 2:  # a stereo whole call: the agent's phone left (track 0), the far end right (track 1)
            agent, other = [*self._party_tracks(), None, None][:2]
            self.view.lane_names = [
                self._role_name(agent, self.tr("Agent")),
                self._role_name(other, self.tr("Other party")),
            ]
        elif self._track is not None:
            self.view.lane_names = [self._role_name(self._track, self.tr("Track {number}").format(number=self._track))]
        else:
            self.view.lane_names = [self.tr("Whole call")] if self.view.waveform is not None else []

    def _refresh(self) -> None:
        a, b = self.view.loop
        parts = []
        if a is not None:
            parts.append(self.tr("Loop {start} – {end}").format(start=clock(a), end=clock(b) if b is not None else "…"))
        waveform = self.view.waveform
        if waveform is not None and waveform.lanes == 2 and waveform.complete:
            talk_over = sum(e - s for s, e in overlaps(waveform.segments[0], waveform.segments[1]))
            quiet = sum(e - s for s, e in self._gaps)
            parts.append(
                self.tr("Silence {silence} · talk-over {overlap}").format(
                    silence=clock(quiet), overlap=clock(talk_over)
                )
            )
        self.info.setText("   ".join(parts))
        self.loop_b.setEnabled(a is not None)
        self.loop_clear.setEnabled(a is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.skip_silence.setText(self.tr("Skip silence"))
        self.skip_silence.setToolTip(
            self.tr("Jump over pauses of both parties longer than {seconds} s").format(
                seconds=SKIP_SILENCE_MIN_MS // 1000
            )
        )
        self.loop_a.setText("A")
        self.loop_a.setToolTip(self.tr("Loop from here ([)"))
        self.loop_b.setText("B")
        self.loop_b.setToolTip(self.tr("Loop up to here (])"))
        self.loop_clear.setText(self.tr("No loop"))
        self.loop_clear.setToolTip(self.tr("Stop looping (\\)"))
        self.back15.setText(self.tr("−15 s"))
        self.back15.setToolTip(self.tr("Back 15 s (Ctrl+←)"))
        self.forward15.setText(self.tr("+15 s"))
        self.forward15.setToolTip(self.tr("Forward 15 s (Ctrl+→)"))
        self.view.setToolTip("")
        self.view.name_tip = self.tr("Click to listen to this party alone; click again for the whole call")
        self._lane_names(self.view.waveform.lanes if self.view.waveform is not None else 1)
        self._refresh()
        self.view.update()
