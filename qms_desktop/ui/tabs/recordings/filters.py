"""The filter panel of the Recordings tab: widgets only, no I/O.

`query()` turns the fields into a RecordingQuery (visibility and sort are the controller's business);
`state()`/`restore()` let the controller remember the filters for the rest of the session. The agent
and team lists arrive through `set_directory` once the controller has read them off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from qms_desktop.search.query import REVIEW_FILTERS, RecordingQuery
from qms_desktop.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.recordings.models import DIRECTIONS, STATES, direction_text, state_text

TODAY, YESTERDAY, LAST_7_DAYS, THIS_MONTH, ALL_TIME, CUSTOM = "today", "yesterday", "7d", "month", "all", "custom"
PRESETS = (TODAY, YESTERDAY, LAST_7_DAYS, THIS_MONTH, ALL_TIME, CUSTOM)
MAX_DURATION_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class AgentChoice:
    agent_id: str
    name: str | None
    team_code: str | None


@dataclass(frozen=True, slots=True)
class TeamChoice:
    code: str
    name: str | None


def preset_days(preset: str, today: date) -> tuple[date, date] | None:
    """First and last local day (inclusive) of a preset; None = no date limit."""
    if preset == TODAY:
        return today, today
    if preset == YESTERDAY:
        day = today - timedelta(days=1)
        return day, day
    if preset == LAST_7_DAYS:
        return today - timedelta(days=6), today
    if preset == THIS_MONTH:
        return today.replace(day=1), today
    return None


def local_day_bounds_ms(first: date, last: date) -> tuple[int, int]:
    """[local midnight of `first`, local midnight after `last`) in epoch ms: the query's half-open range."""
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FilterPanel(QWidget):
    searchRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingFilters")
        self.preset = QComboBox(self)
        for key in PRESETS:
            self.preset.addItem("", key)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for date_edit in (self.date_from, self.date_to):
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("yyyy-MM-dd")
        self.agent = QComboBox(self)
        self.team = QComboBox(self)
        for combo in (self.agent, self.team):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem("", None)
        self.direction = QComboBox(self)
        self.direction.addItem("", None)
        for value in DIRECTIONS:
            self.direction.addItem("", value)
        self.state_combo = QComboBox(self)
        self.state_combo.addItem("", None)
        for value in STATES:
            self.state_combo.addItem("", value)
        self.review = QComboBox(self)
        self.review.addItem("", None)
        for review in REVIEW_FILTERS:
            self.review.addItem("", review)
        self.ani = QLineEdit(self)
        self.dnis = QLineEdit(self)
        self.csq = QLineEdit(self)
        self.tags = QLineEdit(self)
        self.text = QLineEdit(self)
        self.text.setObjectName("textFilter")
        self.ccid = QLineEdit(self)
        self.ccid.setObjectName("ccidFilter")
        self.min_duration = QSpinBox(self)
        self.max_duration = QSpinBox(self)
        for spin in (self.min_duration, self.max_duration):
            spin.setRange(0, MAX_DURATION_S)  # 0 shows as "any" (specialValueText)
            spin.setSingleStep(30)
        for edit in (self.ani, self.dnis, self.csq, self.tags, self.text, self.ccid):
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(140)
            edit.returnPressed.connect(self.searchRequested)
        self.search_button = QPushButton(self)
        self.search_button.setDefault(True)
        self.search_button.setObjectName("searchButton")
        self.reset_button = QPushButton(self)
        self.search_button.clicked.connect(self.searchRequested)
        self.reset_button.clicked.connect(self.reset)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        # A period chosen (or custom dates typed) applies at once, as the dates beside it show.
        self.preset.activated.connect(lambda _index: self.searchRequested.emit())
        for date_edit in (self.date_from, self.date_to):
            date_edit.editingFinished.connect(self._dates_edited)
            date_edit.calendarWidget().clicked.connect(lambda _day: self._dates_edited())
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A field that would get less than its minimum width beside a long (translated) label goes under it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels: dict[str, QLabel] = {}

        def row(key: str, field: QWidget | QHBoxLayout) -> None:
            label = QLabel(self)
            self._labels[key] = label
            form.addRow(label, field)

        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        self.dash = QLabel("–", self)
        dates.addWidget(self.dash)
        dates.addWidget(self.date_to, 1)
        durations = QHBoxLayout()
        durations.addWidget(self.min_duration, 1)
        durations.addWidget(QLabel("–", self))
        durations.addWidget(self.max_duration, 1)
        row("text", self.text)
        row("period", self.preset)
        row("dates", dates)
        row("agent", self.agent)
        row("team", self.team)
        row("direction", self.direction)
        row("ani", self.ani)
        row("dnis", self.dnis)
        row("csq", self.csq)
        row("duration", durations)
        row("tags", self.tags)
        row("state", self.state_combo)
        row("review", self.review)
        row("ccid", self.ccid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.preset.setCurrentIndex(PRESETS.index(LAST_7_DAYS))
        self._preset_changed()
        self.retranslateUi()

    # ---- directory ---------------------------------------------------------------------------------

    def set_directory(self, agents: Sequence[AgentChoice], teams: Sequence[TeamChoice]) -> None:
        """Fill the agent and team lists, keeping the current choices."""
        agent, team = self.agent.currentData(), self.team.currentData()
        for combo in (self.agent, self.team):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
        for a in sorted(agents, key=lambda a: ((a.name or a.agent_id).lower(), a.agent_id)):
            label = f"{a.name} ({a.agent_id})" if a.name else a.agent_id
            self.agent.addItem(label, a.agent_id)
        for t in sorted(teams, key=lambda t: t.code):
            self.team.addItem(f"{t.code} — {t.name}" if t.name and t.name != t.code else t.code, t.code)
        for combo, value in ((self.agent, agent), (self.team, team)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    # ---- the query -------------------------------------------------------------------------------

    def _preset_changed(self) -> None:
        preset = self.preset.currentData()
        custom = preset == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.show_preset_dates()

    def show_preset_dates(self, today: date | None = None) -> None:
        """The dates a preset means today ("Last 7 days" moves at midnight); custom dates stay."""
        days = preset_days(self.preset.currentData(), today or date.today())
        if days is not None:
            self.date_from.setDate(_qdate(days[0]))
            self.date_to.setDate(_qdate(days[1]))

    def _dates_edited(self) -> None:
        if self.preset.currentData() == CUSTOM:
            self.searchRequested.emit()

    def date_range_ms(self, today: date | None = None) -> tuple[int | None, int | None]:
        preset = self.preset.currentData()
        if preset == ALL_TIME:
            return None, None
        if preset == CUSTOM:
            first, last = _pydate(self.date_from.date()), _pydate(self.date_to.date())
            if last < first:
                first, last = last, first
        else:
            days = preset_days(preset, today or date.today())  # computed now: "today" moves at midnight
            assert days is not None
            first, last = days
            self.show_preset_dates(today)  # and shown as searched
        return local_day_bounds_ms(first, last)

    def query(self, today: date | None = None) -> RecordingQuery:
        start_ms, end_ms = self.date_range_ms(today)
        min_s, max_s = self.min_duration.value(), self.max_duration.value()
        tags = tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))
        agent, team = self.agent.currentData(), self.team.currentData()
        return RecordingQuery(
            start_ms=start_ms,
            end_ms=end_ms,
            agent_ids=(agent,) if agent else (),
            team_codes=(team,) if team else (),
            direction=self.direction.currentData(),
            ani=self.ani.text().strip() or None,
            dnis=self.dnis.text().strip() or None,
            csq=self.csq.text().strip() or None,
            tags=tags,
            min_duration_ms=min_s * 1000 if min_s else None,
            max_duration_ms=max_s * 1000 if max_s else None,
            state=self.state_combo.currentData(),
            text=self.text.text().strip() or None,
            ccid=self.ccid.text().strip() or None,
            heard_by="",  # the signed-in reader's heard share per row
            review=self.review.currentData(),
        )

    def state(self) -> dict[str, Any]:
        return {
            "preset": self.preset.currentData(),
            "from": self.date_from.date().toString("yyyy-MM-dd"),
            "to": self.date_to.date().toString("yyyy-MM-dd"),
            "agent": self.agent.currentData(),
            "team": self.team.currentData(),
            "direction": self.direction.currentData(),
            "state": self.state_combo.currentData(),
            "review": self.review.currentData(),
            "ani": self.ani.text(),
            "dnis": self.dnis.text(),
            "csq": self.csq.text(),
            "tags": self.tags.text(),
            "text": self.text.text(),
            "ccid": self.ccid.text(),
            "min_s": self.min_duration.value(),
            "max_s": self.max_duration.value(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Put back `state()`; an agent or team not in the lists yet is added as a bare id."""
        self.preset.setCurrentIndex(max(self.preset.findData(state.get("preset", LAST_7_DAYS)), 0))
        if state.get("preset") == CUSTOM:
            self.date_from.setDate(QDate.fromString(str(state.get("from")), "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(str(state.get("to")), "yyyy-MM-dd"))
        for combo, key in ((self.agent, "agent"), (self.team, "team")):
            value = state.get(key)
            if value and combo.findData(value) < 0:
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        for combo, key in ((self.direction, "direction"), (self.state_combo, "state"), (self.review, "review")):
            value = state.get(key)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        for edit, key in (
            (self.ani, "ani"),
            (self.dnis, "dnis"),
            (self.csq, "csq"),
            (self.tags, "tags"),
            (self.text, "text"),
            (self.ccid, "ccid"),
        ):
            edit.setText(str(state.get(key) or ""))
        self.min_duration.setValue(int(state.get("min_s") or 0))
        self.max_duration.setValue(int(state.get("max_s") or 0))

    def reset(self) -> None:
        self.restore({"preset": LAST_7_DAYS})
        self.searchRequested.emit()

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Find recordings"))
        texts = {
            "text": self.tr("Search"),
            "period": self.tr("Period"),
            "dates": self.tr("Dates"),
            "agent": self.tr("Agent"),
            "team": self.tr("Team"),
            "direction": self.tr("Direction"),
            "ani": self.tr("Caller (ANI)"),
            "dnis": self.tr("Called (DNIS)"),
            "csq": self.tr("CSQ"),
            "duration": self.tr("Duration"),
            "tags": self.tr("Tags"),
            "state": self.tr("State"),
            "ccid": self.tr("Call id (CCID)"),
            "review": self.tr("Review"),
        }
        for key, label in self._labels.items():
            label.setText(texts[key])
        presets = {
            TODAY: self.tr("Today"),
            YESTERDAY: self.tr("Yesterday"),
            LAST_7_DAYS: self.tr("Last 7 days"),
            THIS_MONTH: self.tr("This month"),
            ALL_TIME: self.tr("All time"),
            CUSTOM: self.tr("Custom range"),
        }
        for i in range(self.preset.count()):
            self.preset.setItemText(i, presets[self.preset.itemData(i)])
        self.agent.setItemText(0, self.tr("All agents"))
        self.team.setItemText(0, self.tr("All teams"))
        self.direction.setItemText(0, self.tr("Any direction"))
        for i in range(1, self.direction.count()):
            self.direction.setItemText(i, direction_text(self.direction.itemData(i)))
        self.state_combo.setItemText(0, self.tr("Any state"))
        for i in range(1, self.state_combo.count()):
            self.state_combo.setItemText(i, state_text(self.state_combo.itemData(i)))
        reviews = {
            None: self.tr("Any"),
            "reviewed": self.tr("Reviewed"),
            "not_reviewed": self.tr("Not reviewed"),
            "partly_heard": self.tr("Partly heard"),
        }
        for i in range(self.review.count()):
            self.review.setItemText(i, reviews[self.review.itemData(i)])
        self.review.setToolTip(self.tr("Partly heard: you heard some of it and nobody marked it reviewed"))
        self.text.setPlaceholderText(self.tr("Words in any field"))
        self.ani.setPlaceholderText(self.tr("Part of the number"))
        self.dnis.setPlaceholderText(self.tr("Part of the number"))
        self.csq.setPlaceholderText(self.tr("Exact queue name"))
        # Short placeholders that fit the narrow panel; the whole explanation in the tooltip.
        self.ccid.setPlaceholderText(self.tr("Exact id: all segments"))
        self.ccid.setToolTip(self.tr("Exact: every segment of that call"))
        self.tags.setPlaceholderText(self.tr("tag1, tag2 (all)"))
        self.tags.setToolTip(self.tr("tag1, tag2 (all of them)"))
        for spin in (self.min_duration, self.max_duration):
            spin.setSpecialValueText(self.tr("any"))
            spin.setSuffix(self.tr(" s"))
        self.min_duration.setToolTip(self.tr("Shortest duration in seconds"))
        self.max_duration.setToolTip(self.tr("Longest duration in seconds"))
        self.search_button.setText(self.tr("Search"))
        self.reset_button.setText(self.tr("Reset"))
