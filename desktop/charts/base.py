"""What every chart shares: readable axes (tonnes with separators, whole years), a white
background, and a legend in its own column beside the plot so it never hides data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy


class TonnesAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [f"{v * scale:,.0f}" for v in values]


class YearAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [str(int(round(v))) if abs(v - round(v)) < 1e-6 else "" for v in values]


class Chart(pg.GraphicsLayoutWidget):
    """A plot of t/yr over years with its legend to the right (or below, for narrow charts)."""

    def __init__(
        self,
        title: str,
        left_label: str,
        parent=None,
        legend_below: bool = False,
        legend_columns: int = 2,
    ):
        super().__init__(parent=parent)
        self.setBackground("w")
        axes = {"left": TonnesAxis("left"), "bottom": YearAxis("bottom")}
        self.plot = self.addPlot(row=0, col=0, axisItems=axes)
        style_plot(self.plot, left_label)
        self.plot.setTitle(title, size="11pt", color="#222222")
        self.legend = pg.LegendItem(
            labelTextSize="8pt", verSpacing=-6, colCount=legend_columns if legend_below else 1
        )
        # Sized to its entries and pinned: a stretched legend spreads its rows apart.
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if legend_below:
            self.addItem(self.legend, row=1, col=0)
            self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
            self.ci.layout.setRowStretchFactor(0, 1)
        else:
            self.addItem(self.legend, row=0, col=1)
            self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
            self.ci.layout.setColumnStretchFactor(0, 1)
        self.plot.legend = self.legend  # PlotItem.addItem(name=...) then fills it
        # Axes, title and legend change rarely: Qt keeps them as pixmaps and repaints of the
        # data (every what-if step) blit them instead of re-rendering their text.
        cached = [self.plot.getAxis(a) for a in ("left", "bottom")]
        for item in [*cached, self.plot.titleLabel, self.legend]:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def fit_height(self, peak: float, headroom: float) -> None:
        """Show 0..peak*headroom, but keep the current range while it still fits well: a range
        that changes on every what-if step would redraw both axes every time."""
        wanted = max(peak, 1.0) * headroom
        top = self.plot.vb.viewRange()[1][1]
        if not (wanted * 0.999 <= top <= wanted * 1.6):
            self.plot.setYRange(0, wanted, padding=0)

    def dispose(self) -> None:
        """Empty the scene while Python still holds every item. Left to the C++ destructors,
        a scene of pyqtgraph items can call into freed Python objects and crash at exit."""
        self.scene().clear()


def style_plot(plot: pg.PlotItem, left_label: str) -> pg.PlotItem:
    """Readable fonts, year ticks every 5 with minor ticks every year."""
    font = QFont()
    font.setPointSize(9)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(font)
        axis.setPen(pg.mkPen("#444444"))
        axis.setTextPen(pg.mkPen("#222222"))
    plot.getAxis("bottom").setTickSpacing(5, 1)
    plot.setLabel("left", left_label, **{"font-size": "10pt", "color": "#222222"})
    plot.setLabel("bottom", "Year", **{"font-size": "10pt", "color": "#222222"})
    plot.showGrid(y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot
