"""pyqtgraph charts over the run history: records per run, run duration, backfill progress.

`series` keeps the arrays that are plotted (tests read them; nothing is recomputed on paint).
Colours follow the widget palette and are re-applied when it changes (light/dark). The records
chart's legend is a row of labels above the plot (never over the bars), each with a tooltip saying
what its count means, and a caption under it says the same in one line.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

from qms_desktop.store.sync_state import RunRecord
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPalette,
    Qt,
    QVBoxLayout,
    QWidget,
)
from qms_desktop.ui.tabs.sync.models import number, status_colour

# (light, dark) series hues; the dark variants stay readable on a dark base colour.
SERIES_COLOURS = {
    "created": ("#2e7d32", "#66bb6a"),
    "updated": ("#1565c0", "#64b5f6"),
    "errors": ("#c62828", "#ef5350"),
    "skipped": ("#9e9e9e", "#757575"),
    "backfill": ("#6a1b9a", "#ce93d8"),
}


CLIP_RATIO = 5.0  # a run this many times the others' largest total runs off the records chart


def tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("SyncCharts", ...); literals call `translate` themselves
    so that lupdate files them under this context."""
    return QCoreApplication.translate("SyncCharts", text)


# The records chart's series, bottom to top of each stacked bar: (key, label, what the count means).
RECORD_SERIES = (
    ("created", QT_TRANSLATE_NOOP("SyncCharts", "Created"), QT_TRANSLATE_NOOP("SyncCharts", "new recordings")),
    ("updated", QT_TRANSLATE_NOOP("SyncCharts", "Updated"), QT_TRANSLATE_NOOP("SyncCharts", "changed since last seen")),
    ("errors", QT_TRANSLATE_NOOP("SyncCharts", "Errors"), QT_TRANSLATE_NOOP("SyncCharts", "quarantined or failed")),
    ("skipped", QT_TRANSLATE_NOOP("SyncCharts", "Skipped"),
     QT_TRANSLATE_NOOP("SyncCharts", "seen before and unchanged")),
)  # fmt: skip


class SyncCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: dict[str, np.ndarray] = {}
        self._runs: tuple[RunRecord, ...] = ()
        self._backfill: tuple[tuple[int, int], ...] = ()
        self._backfill_total = 0

        self.records_plot = pg.PlotWidget()
        self.duration_plot = pg.PlotWidget()
        self.backfill_plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        for plot in (self.records_plot, self.duration_plot, self.backfill_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=True, y=False)
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMinimumHeight(160)
        self.records_plot.setLabel("bottom", QCoreApplication.translate("SyncCharts", "Run"))
        self.records_plot.setLabel("left", QCoreApplication.translate("SyncCharts", "Records"))
        self.duration_plot.setLabel("bottom", QCoreApplication.translate("SyncCharts", "Run"))
        self.duration_plot.setLabel("left", QCoreApplication.translate("SyncCharts", "Seconds"))
        self.backfill_plot.setLabel("left", QCoreApplication.translate("SyncCharts", "Days done"))
        # The legend: labels above the plot, so it never covers a bar.
        self.legend_labels: dict[str, QLabel] = {}
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(8, 0, 8, 0)
        legend_row.addStretch(1)
        for name, _label, _meaning in RECORD_SERIES:
            item = QLabel()
            item.setTextFormat(Qt.TextFormat.RichText)
            self.legend_labels[name] = item
            legend_row.addWidget(item)
        legend_row.addStretch(1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        caption_font = self.caption.font()
        caption_font.setPointSizeF(caption_font.pointSizeF() * 0.9)
        self.caption.setFont(caption_font)
        records = QWidget()
        records_layout = QVBoxLayout(records)
        records_layout.setContentsMargins(0, 0, 0, 0)
        records_layout.setSpacing(2)
        records_layout.addWidget(self.records_plot, 1)
        records_layout.addLayout(legend_row)
        records_layout.addWidget(self.caption)

        self._bars = {name: pg.BarGraphItem(x=[], height=[], width=0.8) for name, _l, _m in RECORD_SERIES}
        for bar in self._bars.values():
            self.records_plot.addItem(bar)
        self._duration_bars = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.duration_plot.addItem(self._duration_bars)
        self._backfill_curve = pg.PlotDataItem([], [], stepMode=None, symbol="o", symbolSize=5)
        self.backfill_plot.addItem(self._backfill_curve)
        self._total_line = pg.InfiniteLine(angle=0, movable=False)
        self._total_line.setVisible(False)
        self.backfill_plot.addItem(self._total_line)
        self._clipped_labels: list[pg.TextItem] = []  # totals of bars taller than the records chart
        self._empty_text = pg.TextItem(anchor=(0.5, 0.5))
        self.backfill_plot.addItem(self._empty_text, ignoreBounds=True)  # a hint, not data: keep it out of the range
        for plot in (self.records_plot, self.duration_plot, self.backfill_plot):
            plot.getAxis("left").enableAutoSIPrefix(False)  # "Seconds (x0.001)" reads badly

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(records, 0, 0, 1, 2)
        layout.addWidget(self.duration_plot, 1, 0)
        layout.addWidget(self.backfill_plot, 1, 1)
        self.apply_palette()

    # ---- data ---------------------------------------------------------------------------------

    def set_data(
        self, runs: Sequence[RunRecord], backfill_points: Sequence[tuple[int, int]], backfill_total: int
    ) -> None:
        """`runs` newest first (as the history table); plotted oldest to newest."""
        self._runs = tuple(reversed(runs))
        self._backfill = tuple(backfill_points)
        self._backfill_total = backfill_total
        ordered = self._runs
        ids = np.array([r.id for r in ordered], dtype=float)
        created = np.array([r.counts.created for r in ordered], dtype=float)
        updated = np.array([r.counts.updated for r in ordered], dtype=float)
        errors = np.array([r.counts.errors for r in ordered], dtype=float)
        skipped = np.array([r.counts.skipped for r in ordered], dtype=float)
        duration = np.array([(r.duration_ms or 0) / 1000 for r in ordered], dtype=float)
        when = np.array([at / 1000 for at, _ in self._backfill], dtype=float)
        days = np.array([n for _, n in self._backfill], dtype=float)
        self.series = {
            "run_id": ids,
            "created": created,
            "updated": updated,
            "errors": errors,
            "skipped": skipped,
            "duration_s": duration,
            "backfill_time_s": when,
            "backfill_days": days,
        }
        self._bars["created"].setOpts(x=ids, height=created, y0=np.zeros_like(ids))
        self._bars["updated"].setOpts(x=ids, height=updated, y0=created)
        self._bars["errors"].setOpts(x=ids, height=errors, y0=created + updated)
        self._bars["skipped"].setOpts(x=ids, height=skipped, y0=created + updated + errors)
        self._backfill_curve.setData(when, days)
        self._total_line.setValue(backfill_total)
        self._total_line.setVisible(backfill_total > 0)
        self._empty_text.setText(
            "" if len(days) else QCoreApplication.translate("SyncCharts", "No backfill day finished yet")
        )
        self._apply_duration_brushes()
        # Run ids are whole numbers: label each run while there are few, let pyqtgraph thin them out after.
        ticks = [[(float(i), str(int(i))) for i in ids]] if 0 < len(ids) <= 25 else None
        for plot in (self.records_plot, self.duration_plot):
            plot.getAxis("bottom").setTicks(ticks)
            plot.enableAutoRange()
        self._fit_records(created + updated + errors + skipped)
        if len(days):
            self.backfill_plot.setYRange(0, max(backfill_total, float(days.max())) * 1.05 + 0.5)
            span = max(float(when.max() - when.min()), 60.0)  # at least a minute wide: slices can finish together
            self.backfill_plot.setXRange(float(when.min()) - span * 0.1, float(when.max()) + span * 0.1)
        else:
            self.backfill_plot.setRange(xRange=(0, 1), yRange=(0, 1))
            self._empty_text.setPos(0.5, 0.5)

    def _fit_records(self, totals: np.ndarray) -> None:
        """A first backfill of thousands must not flatten the runs after it to nothing: when one or
        a few runs dwarf the rest, the chart is scaled to the rest and those bars run off its top,
        each labelled with its total."""
        for label in self._clipped_labels:
            self.records_plot.removeItem(label)
        self._clipped_labels = []
        self.records_top = float(totals.max()) if len(totals) else 0.0
        ordinary = np.sort(totals)[: max(len(totals) - max(1, len(totals) // 10), 0)]
        if not len(ordinary) or ordinary.max() <= 0 or totals.max() <= CLIP_RATIO * ordinary.max():
            return
        top = float(ordinary.max()) * 1.5
        self.records_top = top
        self.records_plot.setYRange(0, top, padding=0)
        muted = self.palette().color(QPalette.ColorRole.Text)
        for x, total in zip(self.series["run_id"], totals, strict=True):
            if total > top:
                label = pg.TextItem("↑ " + number(int(total)), color=muted, anchor=(0.5, 0))
                label.setPos(float(x), top)
                self.records_plot.addItem(label, ignoreBounds=True)
                self._clipped_labels.append(label)

    def _apply_duration_brushes(self) -> None:
        dark = self._dark()
        ids = self.series.get("run_id", np.array([]))
        brushes = [pg.mkBrush(status_colour(r.status, dark)) for r in self._runs]
        self._duration_bars.setOpts(
            x=ids, height=self.series.get("duration_s", np.array([])), brushes=brushes or None, pens=None
        )

    # ---- colours ------------------------------------------------------------------------------

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = self._dark()
        titles = (
            (self.records_plot, QCoreApplication.translate("SyncCharts", "Records per run")),
            (self.duration_plot, QCoreApplication.translate("SyncCharts", "Run duration")),
            (self.backfill_plot, QCoreApplication.translate("SyncCharts", "Backfill progress")),
        )
        for plot, title in titles:
            plot.setBackground(background)
            plot.setTitle(title, color=text.name(), size="10pt")
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(text))
                axis.setTextPen(pg.mkPen(text))
                axis.label.setDefaultTextColor(text)
        for name, bar in self._bars.items():
            colour = QColor(SERIES_COLOURS[name][1 if dark else 0])
            bar.setOpts(brush=pg.mkBrush(colour), pen=pg.mkPen(colour.darker(120) if not dark else colour))
        self.retranslate_legend()
        backfill = QColor(SERIES_COLOURS["backfill"][1 if dark else 0])
        self._backfill_curve.setPen(pg.mkPen(backfill, width=2))
        self._backfill_curve.setSymbolBrush(pg.mkBrush(backfill))
        self._backfill_curve.setSymbolPen(pg.mkPen(backfill))
        muted = QColor(text)
        muted.setAlpha(140)
        self._total_line.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DashLine))
        self._empty_text.setColor(muted)
        self._apply_duration_brushes()

    def retranslate_legend(self) -> None:
        dark = self._dark()
        for name, label, meaning in RECORD_SERIES:
            colour = SERIES_COLOURS[name][1 if dark else 0]
            item = self.legend_labels[name]
            item.setText(f'<span style="color:{colour}">&#9632;</span>&nbsp;{tr(label)}&nbsp;&nbsp;')
            item.setToolTip(
                QCoreApplication.translate("SyncCharts", "%1: %2").replace("%1", tr(label)).replace("%2", tr(meaning))
            )
        # Legend order (created, updated, skipped, errors), each as its tooltip says it.
        order = ("created", "updated", "skipped", "errors")
        meanings = {name: (label, meaning) for name, label, meaning in RECORD_SERIES}
        self.caption.setText(
            " · ".join(
                QCoreApplication.translate("SyncCharts", "%1: %2")
                .replace("%1", tr(meanings[name][0]))
                .replace("%2", tr(meanings[name][1]))
                for name in order
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.apply_palette()  # the titles, the legend and the caption
        super().changeEvent(event)
