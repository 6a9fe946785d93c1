"""Each stage's capacity in magnet-equivalent tonnes against the magnets produced: the lowest line
is the bottleneck. Mine feed is what the deals deliver before separation limits it. When some
output must be high-temperature grade, the Dy/Tb route (equation 8: the magnets whose grade mix
the Dy+Tb allows) is a line too.

Stages often have the same capacity (oxide and metal, say) and a line drawn over another hides
it: a line that meets an earlier one is drawn dashed, its dashes in the gaps of the others', and
when it equals it over the whole horizon its legend entry says so ("= metal capacity"). The
magnets produced are a wide grey band under the stage lines, so the bottleneck's colour shows
on it instead of disappearing under it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop import style
from desktop.charts.base import Chart
from desktop.charts.coincident import LINE_WIDTH, line_pen, line_styles
from model.projection import Projection


def stage_lines(p: Projection) -> dict[str, np.ndarray]:
    """Magnet-equivalent t/yr of each stage, in chain order."""
    return {
        "Mine feed (pre-separation)": p.mine_feed_eq,
        "Oxide after separation": p.capacity_eq[0],
        "Metal capacity": p.capacity_eq[1],
        "Magnet capacity": p.capacity_eq[2],
        **({DYTB_LINE: p.dytb_eq} if counts_dytb(p) else {}),
    }


DYTB_LINE = "Dy/Tb route (at the grade mix)"
BEFORE = "Before what-if"  # magnets produced without the what-if under way


def counts_dytb(p: Projection) -> bool:
    """Whether the Dy/Tb limit applies (a high-temperature share above zero)."""
    return bool(np.isfinite(p.dytb_eq).all())


LINE_COLOURS = {
    "Mine feed (pre-separation)": style.STAGE_COLOURS["feed"],
    "Oxide after separation": style.STAGE_COLOURS["separation"],
    "Metal capacity": style.STAGE_COLOURS["metal"],
    "Magnet capacity": style.STAGE_COLOURS["magnet"],
}


SHORT = {  # how a legend note names the line it equals
    "Mine feed (pre-separation)": "mine feed",
    "Oxide after separation": "oxide",
    "Metal capacity": "metal capacity",
    "Magnet capacity": "magnet capacity",
    DYTB_LINE: "Dy/Tb route",
}


def legend_name(name: str, same: str) -> str:
    return f"{name} (= {SHORT[same]})" if same else name


class CapacityChart(Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            "Stage capacities against supply", "Magnet-equivalent (t/yr)", parent, legend_below=True
        )
        self.setObjectName("capacityPlot")
        self.series: dict[str, np.ndarray] = {}
        self._lines: dict[str, pg.PlotDataItem] = {}
        self._edges: tuple[float, float] | None = None
        self._styles: dict[str, tuple[int, int, str]] = {}

    def show_projection(self, p: Projection, before: Projection | None = None) -> None:
        """Lines are created once, then only their data changes (cheap on every what-if step).
        `before`: the projection without the what-if under way; its magnets are drawn as the
        projection chart draws them (a violet dash-dot line, 'Before what-if')."""
        if not self._lines:
            self._build()
        self._show_dytb_line(counts_dytb(p))
        years = p.years.astype(float)
        edges = np.append(years - 0.5, years[-1] + 0.5)
        self.series = dict(stage_lines(p))
        self.series["Magnets produced"] = p.magnets
        self.series["Target"] = p.target
        for name, values in self.series.items():
            x = years if name == "Magnets produced" else edges
            self._lines[name].setData(x, values)
        self._show_before(before)
        self._style_lines(stage_lines(p))
        # Capacities far above the rest (ample metal, say) would flatten everything: show up to
        # a little above the target, the supply and the second-tightest stage.
        stages = np.vstack(list(stage_lines(p).values()))
        tightest = np.sort(stages, axis=0)[1]
        top = max(float(p.target.max()), float(p.magnets.max()), float(tightest.max()), 1.0)
        self.fit_height(top, 1.25)
        if self._edges != (edges[0], edges[-1]):  # only when the horizon changes
            self._edges = (edges[0], edges[-1])
            self.plot.setXRange(edges[0], edges[-1], padding=0.01)

    def _style_lines(self, lines: dict[str, np.ndarray]) -> None:
        """Dashes and legend notes for the stage lines that meet (cheap: only on a change)."""
        styles = line_styles(lines)
        if styles == self._styles:
            return
        self._styles = styles
        labels = {sample.item.name(): label for sample, label in self.legend.items}
        for name, (rank, size, same) in styles.items():
            colour = style.STAGE_COLOURS["dytb"] if name == DYTB_LINE else LINE_COLOURS[name]
            pen = line_pen(colour, rank, size)
            if name == DYTB_LINE and rank == 0:
                pen.setStyle(Qt.PenStyle.DashLine)  # the Dy/Tb route is always dashed
            self._lines[name].setPen(pen)
            if name in labels:
                labels[name].setText(legend_name(name, same))

    def legend_text(self) -> dict[str, str]:
        """The legend as the user reads it, by line name."""
        return {sample.item.name(): label.text for sample, label in self.legend.items}

    def _show_before(self, before: Projection | None) -> None:
        """The ghost line (and its legend entry) exists only while a what-if is under way."""
        if before is None:
            self.series.pop(BEFORE, None)
            if BEFORE in self._lines:
                self.plot.removeItem(self._lines.pop(BEFORE))
            return
        years = before.years.astype(float)
        if BEFORE not in self._lines:
            pen = pg.mkPen(style.GHOST, width=2, style=Qt.PenStyle.DashDotLine)
            self._lines[BEFORE] = self.plot.plot([0], [0], name=BEFORE, pen=pen)
        self._lines[BEFORE].setData(years, before.magnets)
        self.series[BEFORE] = before.magnets

    def _show_dytb_line(self, shown: bool) -> None:
        """The Dy/Tb line (and its legend entry) exists only while the limit applies."""
        if shown and DYTB_LINE not in self._lines:
            pen = pg.mkPen(style.STAGE_COLOURS["dytb"], width=2.2, style=Qt.PenStyle.DashLine)
            self._lines[DYTB_LINE] = self.plot.plot(
                [0, 1], [0], stepMode="center", name=DYTB_LINE, pen=pen
            )
        elif not shown and DYTB_LINE in self._lines:
            self.plot.removeItem(self._lines.pop(DYTB_LINE))
        else:
            return
        self._styles = {}  # restyle with the line added or gone

    def _build(self) -> None:
        for name, colour in LINE_COLOURS.items():
            self._lines[name] = self.plot.plot(
                [0, 1], [0], stepMode="center", name=name, pen=pg.mkPen(colour, width=LINE_WIDTH)
            )
        self._lines["Magnets produced"] = self.plot.plot(
            [0],
            [0],
            name="Magnets produced",
            pen=pg.mkPen(QColor(0, 0, 0, 70), width=9),
            symbol="o",
            symbolSize=5,
            symbolBrush=style.SUPPLY,
            symbolPen=pg.mkPen(style.SUPPLY),
        )
        self._lines["Magnets produced"].setZValue(-1)  # under the stage lines
        self._lines["Target"] = self.plot.plot(
            [0, 1],
            [0],
            stepMode="center",
            name="Target",
            pen=pg.mkPen(style.TARGET, width=1.5, style=Qt.PenStyle.DashLine),
        )
