"""Magnets per year stacked by country (or block) against the target, gap shaded, bottleneck
marked per year, the pre-what-if line ghosted. Arrays come from a Projection only.

Items are built once per *structure* (which stacks, whether there is a gap or a ghost, which
bottleneck stages) and then updated in place: a what-if slider step only moves data, which keeps
a repaint well inside one frame.
"""

from __future__ import annotations

from html import escape as esc

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop import style
from desktop.charts.base import Chart
from model.band_words import band_figures, band_note, figure_name, outside
from model.dytb_words import ZERO_NOTE, cap_line
from model.montecarlo import MonteCarloResult
from model.number_text import chance
from model.projection import Projection

MAX_GROUPS = 10  # more stacks than this are unreadable: the rest become "Other"
BAR_WIDTH = 0.72
GHOST_WIDTH = 4.0  # the pre-what-if line; the P50 (2.2, dotted) is drawn over it
LEGEND_4_COLUMNS = 640  # px of chart width from which four legend columns fit


def rank_groups(labelled: dict[str, np.ndarray], limit: int = MAX_GROUPS) -> list[str]:
    """Labels of the largest contributors first (zero rows left out), at most `limit`."""
    ranked = sorted(((v.sum(), k) for k, v in labelled.items() if v.sum() > 1e-9), reverse=True)
    return [k for _, k in ranked]


def kept_order(previous: list[str], *labelled: dict[str, np.ndarray]) -> list[str]:
    """The stacks' order kept from one drawing to the next: the labels already placed keep their
    place (also while they contribute nothing, so one that comes back after an undo returns to
    it), new ones go after them, largest first. A what-if or an applied deal that changes the
    ranking never swaps stacks or legend rows."""
    order = list(previous)
    for values in labelled:
        order += [k for k in rank_groups(values) if k not in order]
    return order


def stacked_groups(
    labelled: dict[str, np.ndarray], order: list[str] | None = None, limit: int = MAX_GROUPS
) -> list[tuple[str, np.ndarray]]:
    """Stacks in `order` (default: largest first); beyond `limit`, the rest summed as 'Other'.
    Passing the order of the projection before a what-if keeps the stacks still while it moves."""
    order = order if order is not None else rank_groups(labelled)
    order = [k for k in order if k in labelled]
    groups = [(k, labelled[k]) for k in order[:limit]]
    rest = [
        labelled[k] for k in labelled if k not in set(order[:limit]) and labelled[k].sum() > 1e-9
    ]
    if rest:
        groups.append((f"Other ({len(rest)})", np.sum(rest, axis=0)))
    return groups


class ProjectionChart(Chart):
    def __init__(self, parent: QWidget | None = None):
        # The legend goes below: to the right it took a quarter of a 600 px chart and was cut.
        super().__init__(
            "Projected sintered NdFeB magnets against the target",
            "Magnets (t/yr)",
            parent,
            legend_below=True,
            legend_columns=3,
        )
        # The headline above the chart says what it is; the title's 30 px go to the bars.
        self.plot.setTitle(None)
        self.plot.setToolTip("Projected sintered NdFeB magnets against the target")
        self.hover_box = QLabel(self, objectName="hoverBox")
        self.hover_box.setTextFormat(Qt.TextFormat.RichText)
        self.hover_box.setStyleSheet(
            "QLabel { background: #FFFFF0; color: #222; border: 1px solid #888; padding: 4px; }"
        )
        self.hover_box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hover_box.hide()

        self.setObjectName("projectionPlot")
        self.projection: Projection | None = None
        self.ghost: Projection | None = None
        self.band: MonteCarloResult | None = None
        self.series: dict[str, np.ndarray] = {}  # what is drawn, by legend name (tests read it)
        self.bottleneck_years: dict[str, list[int]] = {}
        self.target_year: int | None = None
        self.demand = None  # DemandBalance of what is shown, for the hover (set by the view)
        self._structure: tuple | None = None
        self._items: dict[str, pg.GraphicsObject] = {}
        self._hover = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse)

    def show_projection(
        self,
        projection: Projection,
        groups: list[tuple[str, np.ndarray]],
        *,
        ghost: Projection | None = None,
        target_year: int | None = None,
        band: MonteCarloResult | None = None,
        colours: dict[str, str] | None = None,
    ) -> None:
        """`band`: Monte Carlo P10-P90 and P50 drawn over the bars (None: not shown).
        `colours`: a fixed colour per stack label (a country keeps its colour when ranks change)."""
        if band is not None and not np.array_equal(band.years, projection.years):
            band = None  # from another horizon: a newer run is on its way
        self.projection, self.ghost, self.target_year, self.band = (
            projection,
            ghost,
            target_year,
            band,
        )
        years = projection.years.astype(float)
        gap = np.maximum(projection.target - projection.magnets, 0.0)
        stages = tuple(s for s in style.STAGE_SYMBOLS if s in projection.bottleneck)
        colours = colours or {}
        structure = (
            tuple((label, colours.get(label, "")) for label, _ in groups),
            bool(gap.any()),
            ghost is not None,
            stages,
            years.size,
            years[0],
            band is not None,
        )
        if structure != self._structure:
            self._build(structure)
        self.series = {}
        bottom = np.zeros_like(years)
        for label, values in groups:
            self._items[label].setOpts(x=years, y0=bottom, y1=bottom + values)
            self.series[label] = values
            bottom = bottom + values
        if gap.any():
            self._items["Gap to target"].setOpts(
                x=years, y0=projection.magnets, y1=projection.magnets + gap
            )
        self.series["Gap to target"] = gap
        edges = np.append(years - 0.5, years[-1] + 0.5)
        self._items["Target"].setData(edges, projection.target)
        self.series["Target"] = projection.target
        if ghost is not None:
            self._items["Before what-if"].setData(edges, ghost.magnets)
            self.series["Before what-if"] = ghost.magnets
        self.series["Magnets"] = projection.magnets
        if band is not None:
            p10, p50, p90 = (band.percentile(q) for q in (10, 50, 90))
            self._items["band low"].setData(edges, p10)
            self._items["band high"].setData(edges, p90)
            self._items["P50"].setData(edges, p50)
            self.series["P10"], self.series["P50"], self.series["P90"] = p10, p50, p90
        self._update_bottlenecks(projection, years)
        self._items["target year"].setValue(target_year if target_year is not None else years[0])
        self._items["target year"].setVisible(target_year is not None)

    def _build(self, structure: tuple) -> None:
        """Create the items (and legend entries) for this structure."""
        labels, has_gap, has_ghost, stages, n_years, first, has_band = structure
        self._clear()
        self._items = {}
        for i, (label, fixed) in enumerate(labels):
            colour = style.OTHER if label.startswith("Other") else fixed or style.colour(i)
            self._add(
                label,
                pg.BarGraphItem(
                    x=[0],
                    y0=[0],
                    y1=[0],
                    width=BAR_WIDTH,
                    brush=pg.mkBrush(colour),
                    pen=pg.mkPen("w", width=0.5),
                    name=label,
                ),
            )
        if has_gap:
            self._add(
                "Gap to target",
                pg.BarGraphItem(
                    x=[0],
                    y0=[0],
                    y1=[0],
                    width=BAR_WIDTH,
                    brush=pg.mkBrush(style.GAP),
                    pen=pg.mkPen(style.TARGET, width=0.8, style=Qt.PenStyle.DotLine),
                    name="Gap to target",
                ),
            )
        self._add(
            "Target",
            pg.PlotDataItem(
                [0, 1],
                [0],
                stepMode="center",
                name="Target",
                pen=pg.mkPen(style.TARGET, width=2.5, style=Qt.PenStyle.DashLine),
            ),
        )
        if has_ghost:
            self._add(
                "Before what-if",
                pg.PlotDataItem(
                    [0, 1],
                    [0],
                    stepMode="center",
                    name="Before what-if",
                    # Wider than the P50 drawn over it: where the two coincide the violet
                    # still shows on both sides of the black dots.
                    pen=pg.mkPen(style.GHOST, width=GHOST_WIDTH, style=Qt.PenStyle.DashDotLine),
                ),
            )
        if has_band:
            self._add_band()
        for stage in stages:
            self._add(
                f"bottleneck {stage}",
                pg.ScatterPlotItem(
                    x=[],
                    y=[],
                    symbol=style.STAGE_SYMBOLS[stage],
                    size=11,
                    brush=pg.mkBrush(style.STAGE_COLOURS[stage]),
                    pen=pg.mkPen("#333333"),
                    name=f"Bottleneck: {style.STAGE_LABELS[stage]}",
                ),
            )
        self._add("target year", pg.InfiniteLine(first, angle=90, pen=pg.mkPen("#999999", width=1)))
        self.plot.setXRange(first - 0.5, first + n_years - 0.5, padding=0.01)
        self._structure = structure

    def _add_band(self) -> None:
        """Monte Carlo P10-P90 as a shaded band between two invisible curves, and the P50."""
        low = pg.PlotCurveItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None))
        high = pg.PlotCurveItem([0, 1], [0], stepMode="center", pen=pg.mkPen(None))
        self._items["band low"], self._items["band high"] = low, high
        self.plot.addItem(low)
        self.plot.addItem(high)
        fill = pg.FillBetweenItem(low, high, brush=pg.mkBrush(style.BAND))
        self._add("band", fill)
        # The legend cannot draw a FillBetweenItem's sample (it crashes the paint): it shows an
        # empty curve with the same fill instead, kept referenced here.
        swatch = pg.PlotDataItem([], [], pen=None, fillLevel=0, fillBrush=pg.mkBrush(style.BAND))
        self._items["band swatch"] = swatch
        self.legend.addItem(swatch, "P10–P90 range")
        p50_pen = pg.mkPen(style.P50, width=2.2, style=Qt.PenStyle.DotLine)
        self._add(
            "P50",
            pg.PlotDataItem([0, 1], [0], stepMode="center", name="P50 (middle draw)", pen=p50_pen),
        )

    def _clear(self) -> None:
        self.plot.clear()
        swatch = self._items.get("band swatch")
        if swatch is not None:  # not in the plot, so clear() did not take it off the legend
            self.legend.removeItem(swatch)

    def _add(self, key: str, item: pg.GraphicsObject) -> None:
        self._items[key] = item
        self.plot.addItem(item)
        item.setToolTip(element_tip(key))

    def _update_bottlenecks(self, projection: Projection, years: np.ndarray) -> None:
        tops = [projection.target, projection.magnets]
        if self.ghost is not None:
            tops.append(self.ghost.magnets)
        if self.band is not None:
            tops.append(self.series["P90"])
        peak = max(float(np.max(t)) for t in tops) or 1.0
        names = np.array(projection.bottleneck)
        self.bottleneck_years = {}
        for stage in style.STAGE_SYMBOLS:
            mask = names == stage
            if mask.any():
                self.bottleneck_years[stage] = years[mask].astype(int).tolist()
                self._items[f"bottleneck {stage}"].setData(
                    x=years[mask], y=np.full(mask.sum(), peak * 1.08)
                )
        self.fit_height(peak, 1.16)

    # --- hover -----------------------------------------------------------------------------

    def hover_text(self, year: int) -> str:
        p = self.projection
        if p is None or not p.years[0] <= year <= p.years[-1]:
            return ""
        i = p.year_index(year)
        lines = [
            f"<b>{year}</b>",
            f"Target: {p.target[i]:,.0f} t",
            f"Magnets, {figure_name(p.inputs.mode.value, p.inputs.delayed)}: {p.magnets[i]:,.0f} t",
            f"Gap: {p.gap[i]:,.0f} t" if p.gap[i] >= 0 else f"Surplus: {-p.gap[i]:,.0f} t",
            f"Bottleneck: {style.STAGE_LABELS[p.bottleneck[i]]}",
        ]
        if p.inputs.high_temp_share > 0:
            lines.append(f"Dy+Tb: {p.dytb_supply[i]:,.1f} t, need {p.dytb_need[i]:,.1f} t")
            if p.bottleneck[i] == "dytb":
                lines.append(cap_line(p.inputs.high_temp_share))
            if p.inputs.dytb_unknown:
                lines.append(f"{len(p.inputs.dytb_unknown)} blocks: {ZERO_NOTE}")
        d = self.demand
        if d is not None and year in d.years:
            k = d.year_index(year)
            lines.append(
                f"Demand: {d.demand[k]:,.0f} t; imports {d.imports[k]:,.0f} t "
                f"(China {d.china_imports[k]:,.0f} t)"
            )
        if self.ghost is not None:
            delta = p.magnets[i] - self.ghost.magnets[i]
            lines.append(f"What-if change: {delta:+,.0f} t")
        if self.band is not None:
            met = (
                f"; P(target) {chance(self.band.p_target[i], self.band.n)}"
                if p.target[i] > 0
                else "; no target"
            )
            lines.append(
                f"Monte Carlo: P10 {self.series['P10'][i]:,.0f} · P50 {self.series['P50'][i]:,.0f}"
                f" · P90 {self.series['P90'][i]:,.0f} t{met}"
            )
            if outside(f := band_figures(p, self.band, year)):
                lines.append(f"<i>{esc(band_note(f))}</i>")
        contributions = [(v[i], k) for k, v in self.series.items() if k not in _NOT_GROUPS]
        for value, label in sorted(contributions, reverse=True)[:6]:
            if value > 0.5:
                lines.append(f"&nbsp;&nbsp;{label}: {value:,.0f} t")
        return "<br>".join(lines)

    def _on_mouse(self, event) -> None:
        """A box with the year's figures beside the cursor; it stays while the mouse stays over
        the plot (a tooltip would vanish after a few seconds) and goes when it leaves."""
        pos = event[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            self.hover_box.hide()
            return
        year = int(round(self.plot.vb.mapSceneToView(pos).x()))
        self.show_hover(year, self.mapFromScene(pos))

    def show_hover(self, year: int, at: QPoint) -> None:
        text = self.hover_text(year)
        if not text:
            self.hover_box.hide()
            return
        self.hover_box.setText(text)
        self.hover_box.adjustSize()
        box = self.hover_box.size()
        x = at.x() + 16 if at.x() + 16 + box.width() < self.width() else at.x() - 16 - box.width()
        y = min(max(0, at.y() - box.height() // 2), max(0, self.height() - box.height()))
        self.hover_box.move(max(0, x), y)
        self.hover_box.show()
        self.hover_box.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # As many legend columns as fit: fewer rows leave more height to the plot.
        width = event.size().width() if event is not None else self.width()
        columns = 4 if width >= LEGEND_4_COLUMNS else 3
        legend = getattr(self, "legend", None)  # resized once before the legend exists
        if legend is not None and legend.columnCount != columns:
            legend.setColumnCount(columns)
        super().resizeEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.hover_box.hide()
        super().leaveEvent(event)


ELEMENT_TIPS = {
    "Gap to target": "The gap: how far the year's magnets fall short of the target",
    "Target": "The target: the scheme's aim for sintered magnets in each year",
    "Before what-if": "The projection before the what-if under way (Reset drops the what-if)",
    "band": "P10 to P90: 8 in 10 Monte Carlo draws fall inside this band",
    "P50": "P50: the middle Monte Carlo draw",
    "target year": "The target year (toolbar)",
}


def element_tip(key: str) -> str:
    if key.startswith("bottleneck "):
        stage = style.STAGE_LABELS[key.removeprefix("bottleneck ")]
        return f"Bottleneck: {stage} limits this year's magnets"
    return ELEMENT_TIPS.get(key, f"Magnets from {key} (hover for the year's figures)")


_NOT_GROUPS = {"Gap to target", "Target", "Before what-if", "Magnets", "P10", "P50", "P90"}
