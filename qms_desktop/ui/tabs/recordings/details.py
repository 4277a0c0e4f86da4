"""The details pane: one recording's metadata, participants, tags and whether its audio can be played.

Widgets only: the controller reads the RecordingDetail off the GUI thread and calls `show_detail`.
"""

from __future__ import annotations

from qms_desktop.domain.directory import PartyRole
from qms_desktop.domain.sessions import is_video
from qms_desktop.search.query import RecordingDetail
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QEvent,
    QFont,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.recordings.evidence import RecordingActions
from qms_desktop.ui.tabs.recordings.models import (
    AVAILABLE,
    AudioStatus,
    audio_status,
    clock_text,
    direction_text,
    local_time,
    state_text,
)
from qms_desktop.ui.tabs.recordings.notes_panel import NotesPanel

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1


def _small_table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    return view


class DetailsPane(QWidget):
    tagActivated = Signal(int)  # offset in ms: the player jumps there
    segmentActivated = Signal(int)  # a call's segment (its index): play it

    FIELDS = (
        "session",
        "agent",
        "team",
        "direction",
        "ani",
        "dnis",
        "csq",
        "start",
        "duration",
        "state",
        "wrap_up",
        "codec",
        "recording",
        "controller",
        "synced",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingDetails")
        self.detail: RecordingDetail | None = None
        self.status: AudioStatus | None = None
        self._message: str | None = None
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.audio_box = QFrame(self)
        self.audio_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.audio_box.setAutoFillBackground(True)
        self.audio_label = QLabel(self.audio_box)
        bold = QFont(self.audio_label.font())
        bold.setBold(True)
        self.audio_label.setFont(bold)
        self.audio_reason = QLabel(self.audio_box)
        self.audio_reason.setWordWrap(True)
        box = QVBoxLayout(self.audio_box)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(2)
        box.addWidget(self.audio_label)
        box.addWidget(self.audio_reason)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            name, value = QLabel(self), QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setObjectName(f"detail_{key}")
            self._names[key], self._values[key] = name, value
            self.form.addRow(name, value)

        self.participants_title = QLabel(self)
        self.participants_title.setFont(bold)
        self.participants_model = QStandardItemModel(0, 4, self)
        self.participants = _small_table(self)
        self.participants.setModel(self.participants_model)
        # A call split by a hold or a transfer: its segments (start, duration, state, agent).
        self.segments_title = QLabel(self)
        self.segments_title.setFont(bold)
        self.segments_model = QStandardItemModel(0, 5, self)
        self.segments = _small_table(self)
        self.segments.setObjectName("segmentsTable")
        self.segments.setModel(self.segments_model)
        self.segments.doubleClicked.connect(lambda index: self.segmentActivated.emit(index.row()))
        self.tags_title = QLabel(self)
        self.tags_title.setFont(bold)
        self.tags_model = QStandardItemModel(0, 3, self)
        self.tags = _small_table(self)
        self.tags.setModel(self.tags_model)
        self.tags.doubleClicked.connect(self._tag_double_clicked)
        for view in (self.segments, self.participants, self.tags):
            view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 3 + 28)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a handful of rows
            header.setStretchLastSection(True)

        self.content = QWidget(self)
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.audio_box)
        self.moment_actions = RecordingActions(self.content)  # copy a link to the moment, export as evidence
        inner.addWidget(self.moment_actions)
        inner.addLayout(self.form)
        self.notes = NotesPanel(self.content)  # notes and bookmarks of this recording, for the player
        inner.addWidget(self.notes, 2)
        inner.addWidget(self.segments_title)
        inner.addWidget(self.segments, 1)
        inner.addWidget(self.participants_title)
        inner.addWidget(self.participants, 1)
        inner.addWidget(self.tags_title)
        inner.addWidget(self.tags, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.content, 1)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.placeholder, 1)
        self.retranslateUi()
        self.show_detail(None)

    # ---- content ---------------------------------------------------------------------------------

    def show_detail(self, detail: RecordingDetail | None, message: str | None = None) -> None:
        """Show one recording (None: the placeholder, or `message` when loading it failed)."""
        self.detail = detail
        self.status = audio_status(detail) if detail is not None else None
        self.content.setVisible(detail is not None)
        self.placeholder.setVisible(detail is None)
        self._message = message
        self._render()

    def _render(self) -> None:
        detail = self.detail
        if detail is None:
            self.title.setText(self.tr("Details"))
            self.placeholder.setText(self._message or self.tr("Select a recording to see its details and play it."))
            return
        row = detail.row
        title = self.tr("Call of {start}").format(start=local_time(row.call_start_ms))
        if row.is_call:
            number = next(i for i, seg in enumerate(row.segments, 1) if seg.session_id == row.session_id)
            title += " · " + self.tr("segment {number} of {count}").format(number=number, count=len(row.segments))
        self.title.setText(title)
        agent = f"{row.agent_name} ({row.agent_id})" if row.agent_name and row.agent_id else (row.agent_id or "—")
        controller = " · ".join(x for x in (detail.call_controller_type, detail.call_controller_ip) if x) or "—"
        values = {
            "session": row.session_id,
            "agent": agent,
            "team": row.team_code or "—",
            "direction": direction_text(row.direction),
            "ani": row.ani or "—",
            "dnis": row.dnis or "—",
            "csq": row.csq or "—",
            "start": local_time(row.start_ms) + (f" → {local_time(row.end_ms)[11:]}" if row.end_ms else ""),
            "duration": clock_text(row.duration_ms),
            "state": state_text(row.state),
            "wrap_up": row.wrap_up_reason or "—",
            "codec": row.codec or "—",
            "recording": detail.recording_id or "—",
            "controller": controller + (f" (CCID {detail.ccid})" if detail.ccid else ""),
            "synced": local_time(detail.synced_at_ms),
        }
        for key, label in self._values.items():
            label.setText(values[key])
        self._render_audio()
        self._fill_segments(detail)
        self._fill_participants(detail)
        self._fill_tags(detail)

    def _render_audio(self) -> None:
        status = self.status
        if status is None:
            return
        palette = self.audio_box.palette()
        # Palette roles only: the highlight for playable audio, a muted panel for the rest.
        if status.code == AVAILABLE:
            palette.setColor(QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.AlternateBase))
            palette.setColor(QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.Link))
        else:
            palette.setColor(QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.Midlight))
            palette.setColor(QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.WindowText))
        self.audio_box.setPalette(palette)
        self.audio_label.setText(self.tr("Audio: {status}").format(status=status.label()))
        self.audio_reason.setText(status.reason())
        self.audio_box.setObjectName(f"audio_{status.code}")

    def _fill_segments(self, detail: RecordingDetail) -> None:
        model = self.segments_model
        model.removeRows(0, model.rowCount())
        segments = detail.row.segments if detail.row.is_call else ()
        for number, segment in enumerate(segments, 1):
            current = segment.session_id == detail.row.session_id
            items = [
                QStandardItem(str(number)),
                QStandardItem(local_time(segment.start_ms)[11:]),
                QStandardItem(clock_text(segment.duration_ms)),
                QStandardItem(state_text(segment.state)),
                QStandardItem(segment.agent_name or segment.agent_id or "—"),
            ]
            for item in items:
                item.setToolTip(segment.session_id)
                if current:  # the segment these details (and the player) are about
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            model.appendRow(items)
        for widget in (self.segments_title, self.segments):
            widget.setVisible(bool(segments))
        self.segments_title.setText(self.tr("Segments of this call ({count})").format(count=len(segments)))
        self.segments.setToolTip(self.tr("Double-click a segment to play it") if segments else "")

    def _fill_participants(self, detail: RecordingDetail) -> None:
        model = self.participants_model
        model.removeRows(0, model.rowCount())
        video = {t.number for t in detail.tracks if t.number is not None and is_video(t.media_type)}
        # Where the source names no role, the site's dial plan does (track 0 the agent's phone, ...).
        by_track = {c.track: c.role for c in detail.listening if c.track is not None}
        plan_roles = {
            PartyRole.AGENT: self.tr("Agent"),
            PartyRole.CALLER: self.tr("Caller"),
            PartyRole.CALLED: self.tr("Called party"),
        }
        for p in detail.participants:
            role = {"agent": self.tr("Agent"), "customer": self.tr("Customer")}.get((p.role or "").lower(), p.role)
            if role is None and p.track_number is not None:
                planned = by_track.get(p.track_number)
                role = plan_roles.get(planned) if planned is not None else None
            track = str(p.track_number) if p.track_number is not None else "—"
            if p.track_number in video:
                track += " · " + self.tr("video")
            items = [
                QStandardItem(track),
                QStandardItem(p.device_ref or p.device_id or "—"),
                QStandardItem(p.name or "—"),
                QStandardItem((role or "—") + (" · " + self.tr("conference") if p.is_conference else "")),
            ]
            model.appendRow(items)
        self.participants_title.setText(self.tr("Participants ({count})").format(count=len(detail.participants)))

    def _fill_tags(self, detail: RecordingDetail) -> None:
        model = self.tags_model
        model.removeRows(0, model.rowCount())
        for tag in detail.tags:
            offset = QStandardItem(clock_text(tag.offset_ms) if tag.offset_ms is not None else "—")
            offset.setData(tag.offset_ms, OFFSET_ROLE)
            offset.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            model.appendRow([offset, QStandardItem(tag.name), QStandardItem(tag.type or "—")])
        self.tags_title.setText(self.tr("Tags ({count})").format(count=len(detail.tags)))
        self.tags.setToolTip(self.tr("Double-click a tag to play from there") if detail.tags else "")

    def _tag_double_clicked(self, index: QModelIndex) -> None:
        offset = self.tags_model.index(index.row(), 0).data(OFFSET_ROLE)
        if offset is not None:
            self.tagActivated.emit(int(offset))

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        names = {
            "session": self.tr("Session"),
            "agent": self.tr("Agent"),
            "team": self.tr("Team"),
            "direction": self.tr("Direction"),
            "ani": self.tr("Caller (ANI)"),
            "dnis": self.tr("Called (DNIS)"),
            "csq": self.tr("CSQ"),
            "start": self.tr("Time"),
            "duration": self.tr("Duration"),
            "state": self.tr("State"),
            "wrap_up": self.tr("Wrap-up"),
            "codec": self.tr("Codec"),
            "recording": self.tr("Recording id"),
            "controller": self.tr("Call controller"),
            "synced": self.tr("Last synced"),
        }
        for key, label in self._names.items():
            label.setText(names[key])
        self.participants_model.setHorizontalHeaderLabels(
            [self.tr("Track"), self.tr("Number"), self.tr("Name"), self.tr("Role")]
        )
        self.tags_model.setHorizontalHeaderLabels([self.tr("At"), self.tr("Tag"), self.tr("Type")])
        self.segments_model.setHorizontalHeaderLabels(
            ["#", self.tr("Start"), self.tr("Duration"), self.tr("State"), self.tr("Agent")]
        )
        self._render()
