"""The ranking an official takes into a negotiation: what closing each open deal adds.
Clicking a row selects the deal; selecting a block highlights its deals here. Acquisition costs
(and t per USD m, which reveals them) follow the exports' rule: while they are confidential they
show only when the user ticks the box, as `repm rank --include-confidential`."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.rows_model import KEY_ROLE, RowsModel
from desktop.analysis.table_fit import fit_columns, readable
from desktop.labels import word
from desktop.session import PortfolioSession
from desktop.worker import TaskRunner
from model.band_words import DELAYED
from model.choices import DRAWS, SEED
from model.ranking import DealValue, rank_deals
from model.redaction import shown

COST_FIELD = "blocks.acquisition_cost_musd"
ON_SCHEDULE = "every project on schedule"
COST_HEADERS = ("Cost (USD\u00a0m)", "t per USD\u00a0m")  # a unit never split over two lines


class RankingView(QWidget):
    dealClicked = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rankingPanel")
        self.session = session
        self.values: list[DealValue] = []
        self.heading = QLabel(objectName="rankingHeading")
        self.heading.setWordWrap(True)
        self.model = RowsModel([])
        self.table = QTableView(objectName="rankingView")
        self.table.setModel(self.model)
        readable(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.clicked.connect(
            lambda index: self.dealClicked.emit(self.model.data(index, KEY_ROLE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.show_costs = QCheckBox(
            "Show acquisition costs (confidential)", objectName="rankingShowCosts"
        )
        self.show_costs.setToolTip(
            "Show the cost columns; costs are confidential and left out of exports unless included"
        )
        self.show_costs.toggled.connect(lambda _: self._show())
        layout.addWidget(self.heading)
        layout.addWidget(self.show_costs)
        layout.addWidget(self.table)
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(lambda m: self.heading.setText(f"Ranking failed: {m}"))
        self.runner.progress.connect(lambda p: self.heading.setText(f"Ranking open deals… {p}%"))
        self.selected_block = ""
        self.year: int | None = None
        self.schedule = ON_SCHEDULE  # the ranked scenario's, for the column tips

    def refresh(self) -> None:
        s = self.session
        self.year = s.target_year
        scenario = s.scenario()  # None: the portfolio as it is
        self.schedule = DELAYED if scenario and scenario.delays_starts else ON_SCHEDULE
        self.heading.setText("Ranking open deals…")
        self.runner.start(
            rank_deals,
            portfolio=s.portfolio,
            year=s.target_year,
            scenario=scenario,
            draws=DRAWS,
            seed=SEED,
            start=s.start,
            end=s.end,
        )

    def costs_shown(self) -> bool:
        return shown(self.session.portfolio, COST_FIELD, self.show_costs.isChecked())

    def _on_done(self, values: list[DealValue]) -> None:
        self.values = values
        self._show()

    def _show(self) -> None:
        confidential = not shown(self.session.portfolio, COST_FIELD, False)
        self.show_costs.setVisible(confidential)
        if self.year is None:
            return  # nothing ranked yet
        values, y = self.values, self.year
        self.heading.setText(
            f"<b>What closing each open deal adds</b>: magnets in {y} and over the horizon "
            f"(total); expected, and the median (P50) of {DRAWS:,} Monte Carlo draws."
        )
        headers, tips = (
            [
                "Block",
                "Status",
                f"{y} expected (t)",
                f"{y} P50 (t)",
                "Total expected (t)",
                "Total P50 (t)",
                *COST_HEADERS,
                "Firm",
            ],
            [
                "The block the deal is on",
                "Where the deal stands",
                f"Magnets added in {y} if the deal closes: chance-weighted, {self.schedule}",
                f"Magnets added in {y} if the deal closes, in the middle Monte Carlo draw",
                f"Magnets added over the whole horizon: chance-weighted, {self.schedule}",
                "Magnets added over the whole horizon, middle Monte Carlo draw",
                "The deal's cost, where known (confidential by default)",
                "Magnets over the horizon per million USD of cost",
                "The firm taking the offtake",
            ],
        )
        rows = [
            [
                v.block,
                word(v.status),
                v.added_year_expected_t,
                v.added_year_p50_t,
                v.added_total_expected_t,
                v.added_total_p50_t,
                v.cost_musd,
                v.total_per_musd,
                v.firm,
            ]
            for v in values
        ]
        if not self.costs_shown():  # cost, and t per USD m, which reveals it
            keep = [i for i, h in enumerate(headers) if h not in COST_HEADERS]
            headers, tips = [headers[i] for i in keep], [tips[i] for i in keep]
            rows = [[row[i] for i in keep] for row in rows]
        self.model.set_headers(headers, tips)
        self.model.set_rows(rows, keys=[v.deal_id for v in values])
        zero_p50 = [v for v in values if v.added_year_p50_t < 0.5 < v.added_year_expected_t]
        if zero_p50:
            self.heading.setText(
                self.heading.text()
                + f"<br>P50 gain 0 ({len(zero_p50)} deal{'s' if len(zero_p50) > 1 else ''}): in most draws the deal adds nothing in "
                f"{y} (its project fails or slips, or a plant downstream is not producing yet); "
                "the expected figure weighs the deal by its chances with every project on "
                "schedule, so it is above zero."
            )
        fit_columns(self.table)
        self.select_block(self.selected_block)

    def select_block(self, block_id: str) -> None:
        """Highlight the rows of the block's deals."""
        self.selected_block = block_id
        deals = {d.id for d in self.session.portfolio.deals if d.block_id == block_id}
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, key in enumerate(self.model.keys):
            if key in deals:
                selection.select(self.model.index(row, 0), flags)

    def selected_deals(self) -> list[str]:
        return [self.model.data(i, KEY_ROLE) for i in self.table.selectionModel().selectedRows()]
