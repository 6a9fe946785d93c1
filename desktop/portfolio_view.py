"""The working area for one open portfolio: tables and detail on the left; the projection with
its Monte Carlo band, the analysis tabs and the what-if panel on the right. Built anew for each
portfolio the window opens. Selection is linked: a block chosen in any view is chosen in all."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.analysis.comparison_view import ComparisonView
from desktop.analysis.concentration_view import ConcentrationView
from desktop.analysis.map_view import MapView
from desktop.analysis.ranking_view import RankingView
from desktop.analysis.tornado_view import TornadoView
from desktop.block_detail import BlockDetail
from desktop.charts.capacity_chart import CapacityChart
from desktop.charts.demand_chart import DemandView
from desktop.charts.projection_chart import ProjectionChart, kept_order, stacked_groups
from desktop.columns import TITLES
from desktop.one_line_label import OneLineLabel
from desktop.records_view import RecordsView
from desktop.saved_note import add_saved_note
from desktop.session import PortfolioSession, moves_numbers, relabels
from desktop.uncertainty import UncertaintyController
from desktop.view_tabs import ViewTabs
from desktop.what_if_panel import WhatIfPanel
from model.band_words import MODE_FREE, figure_meaning, figure_name
from model.countries import country_name
from model.domain import KINDS
from model.dytb_words import ZERO_NOTE
from model.projection import Projection

CHART_GROUPS = 6  # stacks shown by name; the rest as "Other": a longer legend squeezes the plot
CHART_MIN_HEIGHT = 300  # below this the stacks and the target line cannot be told apart
LEFT_MIN_WIDTH = 420
RIGHT_MIN_WIDTH = 470  # what-if labels + a 180 px slider + spin boxes
RECORD_TIPS = {name: kind.about for name, kind in KINDS.items()}
RECORDS, SUPPLY, RISKS, CHOOSE = "Records", "Supply and demand", "Risks", "Choose deals"
GROUP_TIPS = {
    RECORDS: "The portfolio's records: blocks, firms, deals and plants (edit them here)",
    SUPPLY: "Each stage's capacity, India's demand and imports, and the blocks on a map",
    RISKS: "What moves the target year's magnets most, and dependence on single countries",
    CHOOSE: "What closing each open deal adds, and the best plan of deals and plant options",
}
ANALYSIS_TIPS = {
    "Capacity": "Each stage of the chain in magnet-equivalent tonnes against the magnets made",
    "Demand": (
        "India's demand for rare-earth magnets against domestic output: imports and China's part"
    ),
    "Map": "Blocks on a world map, coloured by deal status, sized by expected magnets",
    "Scenarios": "Scenarios side by side: magnets per year under each",
    "Sensitivity": "Tornado: which assumptions and blocks move the target year's magnets most",
    "Concentration": "Dependence on single countries: shares, HHI, what losing each costs",
    "Deal ranking": "What closing each open deal adds in the target year and in total",
}


class PortfolioView(QSplitter):
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("portfolioView")
        self.session = session
        self.preview: Projection | None = None
        # The current record, one truth for every view (see `_set_current`): the block that
        # Blocks highlights and every panel shows, and the deal Deals highlights ('' when none;
        # when there is one it is on that block).
        self.block_id = ""
        self.deal_id = ""
        self._syncing = False  # the tables being set to the current record: not a user's choice
        self._stack_order: dict[str, list[str]] = {}  # by stacking: see groups()

        # Left: the record tables and, in tabs of their own, the analysis views (full height,
        # never squeezed under the chart), in a few groups; the selected block's details below.
        self.tabs = ViewTabs()
        self.views = {kind: RecordsView(session, kind) for kind in TITLES}
        for kind, view in self.views.items():
            self.add_view(view, TITLES[kind], RECORD_TIPS.get(kind, ""), RECORDS)
            view.message.connect(self.message)
        self.capacity_chart = CapacityChart()
        self.demand = DemandView(session)
        self.comparison = ComparisonView(session)
        self.tornado = TornadoView(session)
        self.concentration = ConcentrationView(session)
        self.ranking = RankingView(session)
        self.map = MapView(session)
        for widget, title, group in (
            (self.capacity_chart, "Capacity", SUPPLY),
            (self.demand, "Demand", SUPPLY),
            (self.map, "Map", SUPPLY),
            (self.comparison, "Scenarios", ""),
            (self.tornado, "Sensitivity", RISKS),
            (self.concentration, "Concentration", RISKS),
            (self.ranking, "Deal ranking", CHOOSE),
        ):
            self.add_view(widget, title, ANALYSIS_TIPS[title], group)
        self.analysis = self.tabs  # one set of tabs: tables and analysis views side by side
        # Views about the whole portfolio, not the selected block: under them the detail panel
        # is hidden and they get its height (the splitter keeps its sizes for the views that
        # show it, and saves them so).
        self.without_detail: set[QWidget] = {self.capacity_chart, self.demand, self.comparison}
        self._stale = self._analysis_views()
        self.comparison.message.connect(self.message)
        self.detail = BlockDetail(session)
        self.detail.anchorClicked.connect(lambda url: self.go_to_cell(url.toString()))
        self.detail_box = detail_box = QWidget(objectName="detailBox")
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(0)
        detail_layout.addWidget(self.detail)
        self.left = QSplitter(Qt.Orientation.Vertical, objectName="leftSplitter")
        self.left.addWidget(self.tabs)
        self.left.addWidget(detail_box)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.left.setSizes([460, 190])
        self.left.setChildrenCollapsible(False)
        self.left.setMinimumWidth(LEFT_MIN_WIDTH)

        # Right: the projection (always readable) over the what-if controls.
        self.projection_chart = ProjectionChart()
        self.projection_chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.uncertainty = UncertaintyController(session, self)
        self.p_target = QLabel(objectName="pTargetLabel")
        font = QFont()
        font.setPointSize(12)
        font.setBold(True)
        self.p_target.setFont(font)
        self.p_target.setToolTip(
            "Share of 5,000 Monte Carlo draws (project, deal and plant success and delays) in "
            "which the target year's magnets reach the target"
        )
        self.mc_progress = QProgressBar(objectName="mcProgress", maximum=100, textVisible=False)
        self.mc_progress.setMaximumWidth(120)
        self.mc_progress.setToolTip("Monte Carlo draws under way for the portfolio as it is now")
        self.band_toggle = QCheckBox("P10–P90 band", objectName="bandToggle", checked=True)
        self.band_toggle.setToolTip(
            "Show the range of outcomes from 5,000 Monte Carlo draws: 8 in 10 draws fall "
            "inside the band (P10 to P90); the dark line is the middle draw (P50)"
        )
        # The headline and the band toggle on one row; the notes below at full width, so a
        # long note wraps into two or three lines, not a narrow column (1280x720 included).
        header = QHBoxLayout()
        header.setContentsMargins(6, 2, 6, 0)
        header.addWidget(self.p_target)
        header.addWidget(self.mc_progress)
        header.addStretch(1)
        header.addWidget(self.band_toggle)
        small = "QLabel { color: #555; font-size: 8pt; }"
        self.mc_note = QLabel(objectName="mcNote")
        self.mc_note.setWordWrap(True)
        self.mc_note.setStyleSheet(small)
        self.mc_figure = QLabel(objectName="mcFigure")  # what the bars are, by mode
        self.mc_figure.setStyleSheet(small)
        self.mc_sourced = OneLineLabel(objectName="mcSourced")
        self.mc_sourced.setStyleSheet(small)
        figure_row = QHBoxLayout()
        figure_row.setSpacing(6)
        figure_row.addWidget(self.mc_figure)
        figure_row.addWidget(self.mc_sourced, 1)
        notes = QVBoxLayout()
        notes.setContentsMargins(6, 0, 6, 0)
        notes.setSpacing(0)
        notes.addLayout(figure_row)
        notes.addWidget(self.mc_note)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addLayout(header)
        top_layout.addLayout(notes)
        top_layout.addWidget(self.projection_chart)
        # While a what-if is pending, each pane that still shows the saved portfolio says so.
        self.saved_notes = {
            pane: add_saved_note(pane.layout())
            for pane in (self.map, self.comparison, self.tornado, self.concentration, self.ranking)
        }
        self.saved_notes[self.detail] = add_saved_note(detail_layout)
        # Under the headline, on the figure's row (no height of its own: the bars keep theirs).
        self.saved_notes[self.p_target] = add_saved_note(figure_row)

        self.what_if = WhatIfPanel(session)
        self.what_if.message.connect(self.message)
        self.right = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right.addWidget(top)
        self.right.addWidget(self.what_if)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 0)
        self.right.setChildrenCollapsible(False)
        # The what-if panel gets the height it needs and keeps it; the chart takes the rest.
        self.right.setSizes([1000, self.what_if.sizeHint().height()])
        self.right.setMinimumWidth(RIGHT_MIN_WIDTH)

        self.addWidget(self.left)
        self.addWidget(self.right)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setSizes([720, 640])

        self.views["blocks"].selectionChangedTo.connect(self.select_block)
        self.views["deals"].selectionChangedTo.connect(self._on_deal_selected)
        self.tornado.blockClicked.connect(self.show_block)
        self.map.blockClicked.connect(self.show_block)
        self.ranking.dealClicked.connect(self.show_deal)
        self.what_if.previewChanged.connect(self._on_preview)
        self.uncertainty.resultChanged.connect(self._on_uncertainty)
        self.uncertainty.runner.started.connect(lambda: self.mc_progress.setVisible(True))
        self.uncertainty.runner.progress.connect(self.mc_progress.setValue)
        self.band_toggle.toggled.connect(lambda _on: self.refresh_charts())
        self.analysis.currentChanged.connect(lambda _i: self._refresh_analysis())
        self.analysis.currentChanged.connect(lambda _i: self._place_detail())
        self._place_detail()
        session.projectionChanged.connect(self._on_projection_changed)
        session.viewSettingsChanged.connect(self._on_view_settings_changed)
        session.portfolioChanged.connect(self._on_portfolio_changed)
        self._on_uncertainty(None)  # the headline and the charts, drawn once

    def _analysis_views(self) -> set[QWidget]:
        return {self.map, self.comparison, self.tornado, self.concentration, self.ranking}

    def splitters(self) -> dict[str, QSplitter]:
        inner = {"demand": self.demand.split, "concentration": self.concentration.split}
        return {"main": self, "left": self.left, "right": self.right, **inner}

    def add_view(
        self, widget: QWidget, title: str, tip: str = "", group: str = "", detail: bool = True
    ) -> None:
        """A view in the left tabs, under `group` (one of GROUP_TIPS), or a top-level tab of
        its own when no group is named (tables, analysis views, later ones too). `detail`:
        whether the selected block's details show under it."""
        self.tabs.add(widget, title, tip, group, GROUP_TIPS.get(group, ""))
        if not detail:
            self.without_detail.add(widget)
            self._place_detail()

    def _place_detail(self) -> None:
        """The detail panel under the views that follow the selected block; hidden (its
        height given to the view) under those about the whole portfolio."""
        self.detail_box.setVisible(self.tabs.currentWidget() not in self.without_detail)

    def go_to_cell(self, link: str) -> None:
        """Open a 'cell:kind/id/field' link (from the detail panel): that cell, selected."""
        if not link.startswith("cell:"):
            return
        kind, record_id, field = link.removeprefix("cell:").split("/")
        view = self.views[kind]
        self.tabs.setCurrentWidget(view)
        view.select(record_id)
        index = view.source_index(record_id, field)
        view.table.setCurrentIndex(index)
        view.table.scrollTo(index)
        view.table.setFocus()

    def dispose(self) -> None:
        """Called before this view goes away (window closed, another portfolio opened)."""
        self.session.projectionChanged.disconnect(self._on_projection_changed)
        self.session.viewSettingsChanged.disconnect(self._on_view_settings_changed)
        self.session.portfolioChanged.disconnect(self._on_portfolio_changed)
        self.session.portfolioChanged.disconnect(self.demand._on_portfolio_changed)
        self.uncertainty.shutdown()
        self.tornado.runner.shutdown()
        self.ranking.runner.shutdown()
        for view in self.findChildren(pg.GraphicsView):
            view.scene().clear()  # see Chart.dispose: no pyqtgraph scene left to the destructors

    # --- selection, linked across views ----------------------------------------------------------

    def select_block(self, block_id: str) -> None:
        """A block chosen in Blocks: the current deal stays only if it is on that block."""
        if self._syncing:
            return
        deal_id = self.deal_id if block_id and self._block_of(self.deal_id) == block_id else ""
        self._set_current(block_id, deal_id)

    def _on_deal_selected(self, deal_id: str) -> None:
        """A deal chosen in Deals: its block becomes the current block everywhere. When the
        highlight goes (filtered out, deleted) the block stays current."""
        if self._syncing:
            return
        if not deal_id:
            self.deal_id = ""
            return
        self._set_current(self._block_of(deal_id), deal_id)

    def _set_current(self, block_id: str, deal_id: str) -> None:
        """Make (block, deal) current: highlighted in Blocks and Deals, shown by every panel."""
        self.block_id, self.deal_id = block_id, deal_id
        self._syncing = True
        try:
            self.views["blocks"].select(block_id)
            self.views["deals"].select(deal_id)
        finally:
            self._syncing = False
        self._show_block(block_id)

    def _show_block(self, block_id: str) -> None:
        self.views["deals"].block_for_new_deal = block_id
        self.detail.show_block(block_id)
        self.what_if.set_block(block_id)
        self.tornado.select_block(block_id)
        self.map.select_block(block_id)
        self.ranking.select_block(block_id)
        block = next((b for b in self.session.portfolio.blocks if b.id == block_id), None)
        self.concentration.select_country(block.country if block else "")

    def show_block(self, block_id: str) -> None:
        """Select a block from another view (a tornado bar, a map marker); that view stays
        open and the details below follow."""
        self.views["blocks"].select(block_id)

    def show_deal(self, deal_id: str) -> None:
        self.views["deals"].select(deal_id)

    def _block_of(self, deal_id: str) -> str:
        deal = next((d for d in self.session.portfolio.deals if d.id == deal_id), None)
        return deal.block_id if deal else ""

    def _follow_selected_deal(self) -> None:
        """A deal moved to another block (an edit, undo, import): the block follows it."""
        if self.deal_id and self._block_of(self.deal_id) not in ("", self.block_id):
            self._set_current(self._block_of(self.deal_id), self.deal_id)

    # --- charts ----------------------------------------------------------------------------

    @property
    def group_by(self) -> str:
        return self.session.group_by

    def set_group_by(self, group_by: str) -> None:
        self.session.set_group_by(group_by)  # viewSettingsChanged redraws

    def _on_preview(self, preview: Projection | None) -> None:
        self.preview = preview
        for note in self.saved_notes.values():
            note.setVisible(preview is not None)
        self.refresh_charts()

    def _on_projection_changed(self) -> None:
        self._follow_selected_deal()
        self.refresh_charts()
        self._stale = self._analysis_views()
        self._refresh_analysis()
        self._show_headline()  # the target year may have changed; the charts are drawn already

    def _on_view_settings_changed(self) -> None:
        """Target year or stacking: redraw; the views that show one year are stale."""
        self.refresh_charts()
        self._stale |= {self.map, self.tornado, self.concentration, self.ranking}
        self._refresh_analysis()
        self._show_headline()

    def _on_portfolio_changed(self, changes: list) -> None:
        """An edit that moved no number (notes, a name): only labels may be out of date."""
        self.projection_chart.demand = self.demand.chart.balance  # redrawn by its own slot
        if any(moves_numbers(c) for c in changes):
            return  # projectionChanged follows and redraws everything
        if any(relabels(c) for c in changes):
            self._stale = self._analysis_views()
            self._refresh_analysis()
            if self.group_by == "block":
                self.refresh_charts()

    def _show_headline(self) -> None:
        self.p_target.setText(self.uncertainty.headline())
        inputs = self.session.projection.inputs
        mode, delayed = inputs.mode.value, inputs.delayed
        zero = f" {ZERO_NOTE[0].upper()}{ZERO_NOTE[1:]}." if inputs.dytb_unknown else ""
        self.mc_figure.setText(f"Bars: magnets, {figure_name(mode, delayed)}.{zero}")
        self.mc_figure.setToolTip(
            f"The bars in mode '{mode}': {figure_meaning(mode, delayed)}. {MODE_FREE}"
        )
        self.mc_note.setText(self.uncertainty.note())
        self.mc_note.setVisible(bool(self.mc_note.text()))
        line, tip = self.uncertainty.sourced()
        self.mc_sourced.set_line(line)
        self.mc_sourced.setToolTip(tip)
        self.mc_progress.setVisible(self.uncertainty.runner.busy)

    def _on_uncertainty(self, _result) -> None:
        self._show_headline()
        self.refresh_charts()

    def _refresh_analysis(self) -> None:
        """Only the visible analysis tab recomputes; the others wait until shown."""
        current = self.analysis.currentWidget()
        if current in self._stale:
            self._stale.discard(current)
            if current is self.comparison:
                self.comparison.on_portfolio_changed()
            else:
                current.refresh()

    def labelled(self, projection: Projection) -> dict[str, np.ndarray]:
        if self.group_by == "block":
            names = {b.id: b.name for b in self.session.portfolio.blocks}
            rows = projection.by_block()
            return {names[b]: rows[i] for i, b in enumerate(projection.inputs.block_ids)}
        return {country_name(c): v for c, v in projection.by_country().items()}

    def colours(self) -> dict[str, str]:
        """A fixed colour per stack: by country code, or by block id."""
        if self.group_by == "block":
            return {b.name: style.stable_colour(b.id) for b in self.session.portfolio.blocks}
        codes = {b.country for b in self.session.portfolio.blocks}
        return {country_name(c): style.country_colour(c) for c in codes}

    def groups(self, projection: Projection):
        """Stacks of `projection` in a kept order: largest first when the portfolio opens (or
        the stacking changes), then each stack keeps its place whatever a what-if, an edit or a
        scenario does to the ranking; stacks that appear later go on top."""
        labelled = self.labelled(projection)
        base = self.labelled(self.session.projection)
        kept = self._stack_order.get(self.group_by, [])
        order = kept_order(kept, base, labelled)
        self._stack_order = {self.group_by: order}
        live = [k for k in order if k in labelled and labelled[k].sum() > 1e-9]
        return stacked_groups(labelled, live, limit=CHART_GROUPS)

    def refresh_charts(self) -> None:
        base = self.session.projection
        shown = self.preview or base
        ghost = base if self.preview is not None else None
        band = self.uncertainty.result if self.band_toggle.isChecked() else None
        self.projection_chart.show_projection(
            shown,
            self.groups(shown),
            ghost=ghost,
            target_year=self.session.target_year,
            band=band,
            colours=self.colours(),
        )
        self.capacity_chart.show_projection(shown, before=ghost)
        self.demand.show_projection(shown, before=ghost)
        self.projection_chart.demand = self.demand.chart.balance  # demand figures in the hover
