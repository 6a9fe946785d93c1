"""Magnets per year stacked by country (or block) against the target, gap shaded, bottleneck
marked per year, the pre-what-if line ghosted. Arrays come from a Projection only."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from desktop import style
from desktop.charts.base import Chart
from model.projection import Projection

MAX_GROUPS = 10  # more stacks than this are unreadable: the rest become "Other"


def stacked_groups(
    labelled: dict[str, np.ndarray], limit: int = MAX_GROUPS
) -> list[tuple[str, np.ndarray]]:
    """Largest contributors first; the smallest beyond `limit` summed into 'Other'. Zero rows go."""
    ranked = sorted(((v.sum(), k, v) for k, v in labelled.items() if v.sum() > 1e-9), reverse=True)
    groups = [(k, v) for _, k, v in ranked[:limit]]
    rest = [v for _, _, v in ranked[limit:]]
    if rest:
        groups.append((f"Other ({len(rest)})", np.sum(rest, axis=0)))
    return groups


class ProjectionChart(Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            "Projected sintered NdFeB magnets against the target", "Magnets (t/yr)", parent
        )
        self.setObjectName("projectionPlot")
        self.projection: Projection | None = None
        self.ghost: Projection | None = None
        self.series: dict[str, np.ndarray] = {}  # what is drawn, by legend name (tests read it)
        self.bottleneck_years: dict[str, list[int]] = {}
        self.target_year: int | None = None
        self._hover = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse)

    def show_projection(
        self,
        projection: Projection,
        groups: list[tuple[str, np.ndarray]],
        *,
        ghost: Projection | None = None,
        target_year: int | None = None,
    ) -> None:
        self.projection, self.ghost, self.target_year = projection, ghost, target_year
        self.plot.clear()
        self.series = {}
        years = projection.years.astype(float)
        edges = np.append(years - 0.5, years[-1] + 0.5)
        bottom = np.zeros_like(years)
        for i, (label, values) in enumerate(groups):
            colour = style.OTHER if label.startswith("Other") else style.colour(i)
            bars = pg.BarGraphItem(
                x=years,
                y0=bottom,
                y1=bottom + values,
                width=0.72,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen("w", width=0.5),
                name=label,
            )
            self.plot.addItem(bars)
            self.series[label] = values
            bottom = bottom + values
        gap = np.maximum(projection.target - projection.magnets, 0.0)
        if gap.any():
            self.plot.addItem(
                pg.BarGraphItem(
                    x=years,
                    y0=projection.magnets,
                    y1=projection.magnets + gap,
                    width=0.72,
                    brush=pg.mkBrush(style.GAP),
                    pen=pg.mkPen(style.TARGET, width=0.8, style=Qt.PenStyle.DotLine),
                    name="Gap to target",
                )
            )
        self.series["Gap to target"] = gap
        target = pg.PlotDataItem(
            edges,
            projection.target,
            stepMode="center",
            pen=pg.mkPen(style.TARGET, width=2.5, style=Qt.PenStyle.DashLine),
            name="Target",
        )
        self.plot.addItem(target)
        self.series["Target"] = projection.target
        if ghost is not None:
            self.plot.addItem(
                pg.PlotDataItem(
                    edges,
                    ghost.magnets,
                    stepMode="center",
                    pen=pg.mkPen(style.GHOST, width=2, style=Qt.PenStyle.DashDotLine),
                    name="Before what-if",
                )
            )
            self.series["Before what-if"] = ghost.magnets
        self.series["Magnets"] = projection.magnets
        self._mark_bottlenecks(projection, years)
        if target_year is not None:
            line = pg.InfiniteLine(target_year, angle=90, pen=pg.mkPen("#999999", width=1))
            self.plot.addItem(line)
        self.plot.setXRange(edges[0], edges[-1], padding=0.01)

    def _mark_bottlenecks(self, projection: Projection, years: np.ndarray) -> None:
        tops = [projection.target, projection.magnets]
        if self.ghost is not None:
            tops.append(self.ghost.magnets)
        peak = max(float(np.max(t)) for t in tops) or 1.0
        y = peak * 1.08
        names = np.array(projection.bottleneck)
        self.bottleneck_years = {}
        for stage, symbol in style.STAGE_SYMBOLS.items():
            mask = names == stage
            if not mask.any():
                continue
            self.bottleneck_years[stage] = years[mask].astype(int).tolist()
            self.plot.addItem(
                pg.ScatterPlotItem(
                    x=years[mask],
                    y=np.full(mask.sum(), y),
                    symbol=symbol,
                    size=11,
                    brush=pg.mkBrush(style.STAGE_COLOURS[stage]),
                    pen=pg.mkPen("#333333"),
                    name=f"Bottleneck: {style.STAGE_LABELS[stage]}",
                )
            )
        self.plot.setYRange(0, peak * 1.16, padding=0)

    # --- hover -----------------------------------------------------------------------------

    def hover_text(self, year: int) -> str:
        p = self.projection
        if p is None or not p.years[0] <= year <= p.years[-1]:
            return ""
        i = p.year_index(year)
        lines = [
            f"<b>{year}</b>",
            f"Target: {p.target[i]:,.0f} t",
            f"Magnets: {p.magnets[i]:,.0f} t",
            f"Gap: {p.gap[i]:,.0f} t" if p.gap[i] >= 0 else f"Surplus: {-p.gap[i]:,.0f} t",
            f"Bottleneck: {style.STAGE_LABELS[p.bottleneck[i]]}",
        ]
        if self.ghost is not None:
            delta = p.magnets[i] - self.ghost.magnets[i]
            lines.append(f"What-if change: {delta:+,.0f} t")
        contributions = [(v[i], k) for k, v in self.series.items() if k not in _NOT_GROUPS]
        for value, label in sorted(contributions, reverse=True)[:6]:
            if value > 0.5:
                lines.append(f"&nbsp;&nbsp;{label}: {value:,.0f} t")
        return "<br>".join(lines)

    def _on_mouse(self, event) -> None:
        pos = event[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        year = int(round(self.plot.vb.mapSceneToView(pos).x()))
        text = self.hover_text(year)
        if text:
            QToolTip.showText(QCursor.pos(), text, self)


_NOT_GROUPS = {"Gap to target", "Target", "Before what-if", "Magnets"}
