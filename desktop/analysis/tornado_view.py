"""The tornado: which assumption or block moves the magnets of the target year most.
Bars of the selected block are outlined; clicking a block's bar selects that block."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.charts.base import TonnesAxis, style_plot
from desktop.labels import bar_label
from desktop.session import PortfolioSession
from desktop.worker import TaskRunner
from model.sensitivity import Bar, sensitivity

SHOWN = 12
LOW_COLOUR, HIGH_COLOUR = "#D55E00", "#0072B2"


class LabelAxis(pg.AxisItem):
    """Left axis showing one label per bar."""

    def __init__(self):
        super().__init__("left")
        self.labels: list[str] = []

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        return [(1, list(range(len(self.labels))))]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [self.labels[int(v)] if 0 <= int(v) < len(self.labels) else "" for v in values]


class TornadoView(QWidget):
    blockClicked = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tornadoView")
        self.session = session
        self.bars: list[Bar] = []
        self.selected_block = ""
        self.heading = QLabel(objectName="tornadoHeading")
        self.axis = LabelAxis()
        self.plot_widget = pg.PlotWidget(
            axisItems={"left": self.axis, "bottom": TonnesAxis("bottom")}
        )
        self.plot_widget.setObjectName("tornadoPlot")
        self.plot_widget.setBackground("w")
        self.plot = self.plot_widget.getPlotItem()
        style_plot(self.plot, "")
        self.plot.setLabel("bottom", "Magnets in the year (t)")
        self.plot.getAxis("bottom").setTickSpacing()
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot_widget.scene().sigMouseClicked.connect(self._on_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.plot_widget)
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(lambda m: self.heading.setText(f"Sensitivity failed: {m}"))
        self.runner.progress.connect(lambda p: self.heading.setText(f"Computing sensitivity… {p}%"))

    def refresh(self) -> None:
        s = self.session
        self.year = s.target_year
        self.heading.setText("Computing sensitivity…")
        self.runner.start(
            sensitivity,
            portfolio=s.portfolio,
            year=s.target_year,
            scenario=s.scenario(),
            mode=s.mode,
            start=s.start,
            end=s.end,
        )

    def _on_done(self, bars: list[Bar]) -> None:
        self.bars = bars[:SHOWN]
        base = bars[0].base_t if bars else 0.0
        mode = self.session.effective_mode().value
        self.heading.setText(
            f"<b>What moves magnets in {self.year} most</b> ({mode}; base {base:,.0f} t). "
            f"<span style='color:{LOW_COLOUR}'>■ low end</span> "
            f"<span style='color:{HIGH_COLOUR}'>■ high end</span> of each range"
        )
        self.draw()

    def draw(self) -> None:
        self.plot.clear()
        shown = list(reversed(self.bars))  # largest at the top
        self.axis.labels = [bar_label(b.label, b.low_setting, b.high_setting) for b in shown]
        for y, bar in enumerate(shown):
            pen = pg.mkPen("#000000", width=2.5) if self._is_selected(bar) else pg.mkPen("w")
            for value, colour in ((bar.low_t, LOW_COLOUR), (bar.high_t, HIGH_COLOUR)):
                x0, x1 = sorted((bar.base_t, value))
                if x1 > x0:
                    self.plot.addItem(
                        pg.BarGraphItem(
                            x0=[x0], x1=[x1], y=[y], height=0.6, brush=pg.mkBrush(colour), pen=pen
                        )
                    )
        if shown:
            self.plot.addItem(pg.InfiniteLine(shown[0].base_t, angle=90, pen=pg.mkPen("#333333")))
            self.plot.setYRange(-0.6, len(shown) - 0.4, padding=0)
        self.plot.getAxis("left").picture = None
        self.plot.getAxis("left").update()

    def _is_selected(self, bar: Bar) -> bool:
        return bool(self.selected_block) and bar.key.startswith(f"block:{self.selected_block}:")

    def select_block(self, block_id: str) -> None:
        self.selected_block = block_id
        if self.bars:
            self.draw()

    def highlighted(self) -> list[str]:
        return [b.key for b in self.bars if self._is_selected(b)]

    def _on_click(self, event) -> None:
        point = self.plot.vb.mapSceneToView(event.scenePos())
        self.click_bar(int(round(point.y())))

    def click_bar(self, row: int) -> None:
        """Row 0 is the bottom bar (the smallest shown)."""
        shown = list(reversed(self.bars))
        if 0 <= row < len(shown) and shown[row].key.startswith("block:"):
            self.blockClicked.emit(shown[row].key.split(":")[1])
