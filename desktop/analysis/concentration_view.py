"""Diversity of supply: each country's share of magnets by year, the HHI, and a table of what
losing each country would cost. The selected block's country is highlighted in the table."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.analysis.rows_model import KEY_ROLE, RowsModel
from desktop.analysis.table_fit import fit_columns, readable
from desktop.charts.base import Chart
from desktop.charts.projection_chart import stacked_groups
from desktop.session import PortfolioSession
from model.concentration import concentration, country_cuts, largest_words
from model.countries import country_name
from model.domain import YEAR_MAX

SHOWN_COUNTRIES = 6  # by name in the chart and its legend; the rest as "Other"
CHART_MIN_HEIGHT = 130  # the legend beside the bars; the splitter starts it higher
GRID = "#D0D0D0"
CUT_HEADERS = ["Country", "Lost in year (t)", "Lost over horizon (t)", "Gap in year (t)"]


def hhi_words(hhi: float) -> str:
    if hhi <= 0:
        return "no supply"
    if hhi > 2500:
        return "highly concentrated"
    if hhi >= 1500:
        return "moderately concentrated"
    return "unconcentrated"


class ConcentrationView(QWidget):
    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("concentrationView")
        self.session = session
        self.selected_country = ""
        self.heading = QLabel(objectName="concentrationHeading")
        self.heading.setWordWrap(True)
        self.chart = Chart("Share of magnets by country", "Share (%)")
        self.chart.setObjectName("concentrationPlot")
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        # The axis and legend say what it is; the title's 27 px go to the bars (as elsewhere)
        self.chart.plot.setTitle(None)
        self.chart.plot.setToolTip("Share of magnets by country, each year")
        self.chart.legend.layout.setContentsMargins(2, 0, 2, 0)  # its rows fit the floor
        self.chart.ci.layout.setContentsMargins(4, 8, 4, 2)  # air for the "100" label
        # Labelled quarters, 0 and 100 included. With the axis' own grid on, pyqtgraph drops a
        # label that reaches past the plot (the '100' at the top): the grid is drawn as lines.
        quarters = [(v, str(v)) for v in (0, 25, 50, 75, 100)]
        self.chart.plot.getAxis("left").setTicks([quarters, []])
        self.chart.plot.showGrid(y=False)
        self.cut_from = QSpinBox(objectName="cutFromYear", minimum=2000, maximum=YEAR_MAX)
        self.cut_from.setValue(session.start)
        self.cut_from.setToolTip("The year from which each country's supply is cut, in turn")
        self.cut_from.valueChanged.connect(lambda _v: self.refresh())
        self.model = RowsModel(CUT_HEADERS)
        self.table = QTableView(objectName="countryCutTable")
        self.table.setModel(self.model)
        readable(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        row = QHBoxLayout()
        row.addWidget(QLabel("If one country is cut from"))
        row.addWidget(self.cut_from)
        row.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.table)
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="concentrationSplitter")
        self.split.addWidget(self.chart)
        self.split.addWidget(lower)
        self.split.setSizes([220, 200])
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.split)
        self.result = None
        self.dytb_result = None
        self.cuts = []

    def refresh(self) -> None:
        s = self.session
        self.result = concentration(s.projection)
        i = s.projection.year_index(s.target_year)
        self.heading.setText(
            f"<b>{s.target_year}</b>: HHI {self.result.hhi[i]:,.0f} "
            f"({hhi_words(self.result.hhi[i])}); {largest_words(self.result, i)}"
            + self._dytb_words(i)
        )
        self._draw_shares()
        self.cuts = country_cuts(
            s.portfolio,
            from_year=self.cut_from.value(),
            year=s.target_year,
            mode=s.mode,
            scenario=s.scenario(),
            start=s.start,
            end=s.end,
        )
        y = s.target_year
        self.model.set_headers(
            ["Country", f"Lost in {y} if cut (t)", CUT_HEADERS[2], f"Gap in {y} if cut (t)"],
            [
                "The country whose supply is cut",
                f"Magnets lost in {y} if no supply comes from it from the cut year on",
                "Magnets lost over the rest of the horizon",
                f"How far {y} would then fall short of the target",
            ],
        )
        self.model.set_rows(
            [[c.name, c.magnets_lost_t, c.cumulative_lost_t, c.gap_t] for c in self.cuts],
            keys=[c.country for c in self.cuts],
        )
        fit_columns(self.table)
        self.select_country(self.selected_country)

    def _dytb_words(self, i: int) -> str:
        """Heavy rare earths (equation 8): where the delivered Dy+Tb comes from."""
        dytb = concentration(self.session.projection, dytb=True)
        self.dytb_result = dytb
        largest = dytb.largest[i]
        if not largest:
            return "<br>Dy+Tb delivered: none"
        return (
            f"<br>Dy+Tb delivered: HHI {dytb.hhi[i]:,.0f} ({hhi_words(dytb.hhi[i])}); largest: "
            f"{country_name(largest)} {dytb.largest_share[i]:.0%}"
        )

    def _draw_shares(self) -> None:
        """The largest countries by name, the rest as one grey 'Other' stack (named in its
        tooltip; the table below lists every country): a legend of every country was taller
        than the chart at 1280x720 and pushed the years off its bottom."""
        plot = self.chart.plot
        plot.clear()
        years = self.result.years.astype(float)
        shares = {code: v for code, v in self.result.shares.items() if v.any()}
        stacks = stacked_groups(shares, limit=SHOWN_COUNTRIES)
        named = {code for code, _v in stacks[:SHOWN_COUNTRIES]}
        others = sorted(country_name(c) for c in shares if c not in named)
        for level in (25, 50, 75):
            plot.addItem(pg.InfiniteLine(level, angle=0, pen=pg.mkPen(GRID, width=1)))
        bottom = np.zeros_like(years)
        for code, values in stacks:
            other = code not in shares
            bars = pg.BarGraphItem(
                x=years,
                y0=bottom * 100,
                y1=(bottom + values) * 100,
                width=0.72,
                brush=pg.mkBrush(style.OTHER if other else style.country_colour(code)),
                pen=pg.mkPen("w", width=0.5),
                name=code if other else country_name(code),
            )
            bars.setToolTip(", ".join(others) if other else country_name(code))
            plot.addItem(bars)
            bottom = bottom + values
        plot.setYRange(0, 100, padding=0.04)
        plot.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0.01)

    def select_country(self, code: str) -> None:
        self.selected_country = code
        row = self.model.row_of(code)
        if row < 0:
            self.table.clearSelection()
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(row, 0))

    def selected_rows(self) -> list[str]:
        return [self.model.data(i, KEY_ROLE) for i in self.table.selectionModel().selectedRows()]
