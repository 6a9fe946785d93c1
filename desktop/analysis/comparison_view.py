"""Scenarios side by side: tick two or more, see their magnets per year against the target.
Built-ins can be copied into the portfolio and edited there."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import operations, style
from desktop.analysis.rows_model import RowsModel
from desktop.analysis.table_fit import fit_columns, readable
from desktop.charts.base import Chart
from desktop.charts.coincident import line_pen, line_styles
from desktop.charts.demand_chart import DEMAND
from desktop.scenario_dialog import ScenarioDialog
from desktop.session import PortfolioSession
from model.demand import balance
from model.scenarios import (
    HIGH_TEMP_HALF,
    builtin_scenarios,
    compare,
    find_scenario,
    with_builtins,
)
from model.store import InvalidEdit

DEFAULT_TICKED = {
    "Base",
    "China supply cut",
    "All deals slip 2 years",
    "Committed deals only",
    HIGH_TEMP_HALF,  # what Dy/Tb does to the same portfolio (equation 8)
}


LABEL_ROOM = 1.3  # y-range headroom so the top line's name sits inside the plot
TARGET_NAME = "Target"
DEMAND_NAME = "Demand (India)"
YEAR_ROWS = 8  # years the table shows without scrolling, when the height allows
CHART_MIN = 170
QUANTITIES = {
    "Magnets (t/yr)": "Each ticked scenario's magnets per year, beside the target",
    "Imports (t/yr)": "Each ticked scenario's imports per year: India's demand minus its magnets",
}
DEMAND_TIP = "India's demand for sintered rare-earth magnets (Demand tab), t/yr"


class ComparisonView(QWidget):
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scenarioComparison")
        self.session = session
        self.list = QListWidget(objectName="scenarioList")
        self.list.setMaximumWidth(210)
        # Long names ("Half high-temperature grades  (built in)") wrap onto a second line
        # instead of being cut at 1280 px.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(lambda _item: self.refresh())
        copy, edit, delete = QPushButton("Copy…"), QPushButton("Edit…"), QPushButton("Delete")
        copy.setToolTip("Copy the selected scenario (a built-in one too) into the portfolio")
        edit.setToolTip("Edit the selected scenario of this portfolio")
        delete.setToolTip("Delete the selected scenario (Edit > Undo brings it back)")
        self.list.setToolTip(
            "Tick two or more scenarios to compare them; select one to edit. Each swatch is the "
            "colour of the scenario's line in the chart"
        )
        copy.clicked.connect(self.copy_selected)
        edit.clicked.connect(self.edit_selected)
        delete.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for b in (copy, edit, delete):
            buttons.addWidget(b)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        left_layout.addLayout(buttons)
        # The scenario list, with colour swatches, names the scenarios' lines; the target and
        # demand lines carry their names at their right ends (a legend row would take height
        # the chart lacks at 1280x720).
        self.chart = Chart("Scenarios compared", "Magnets (t/yr)")
        self.chart.plot.legend = None
        self.chart.legend.setVisible(False)
        self.line_labels: dict[str, pg.TextItem] = {}
        self.chart.setObjectName("comparisonPlot")
        self.model = RowsModel([])
        self.table = QTableView(objectName="comparisonTable")
        self.table.setModel(self.model)
        readable(self.table)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(rows.fontMetrics().height() + 6)  # compact: more years shown
        # Magnets and imports of every ticked scenario side by side would need twice the
        # columns: at 1280 px the table would scroll sideways. One of the two at a time, chosen
        # by a tab, so every scenario's column shows whole.
        self.quantity = QTabBar(objectName="comparisonQuantity")
        self.quantity.setDocumentMode(True)
        self.quantity.setDrawBase(False)
        self.quantity.setExpanding(False)
        for label, tip in QUANTITIES.items():
            self.quantity.setTabToolTip(self.quantity.addTab(label), tip)
        self.quantity.currentChanged.connect(lambda _i: self._fill_table())
        self.table_box = QWidget()
        box = QVBoxLayout(self.table_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.quantity)
        box.addWidget(self.table)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(self.chart)
        top.setSizes([150, 540])
        top.setChildrenCollapsible(False)
        # The chart and the list above, the year table below across the whole width; the
        # table gets YEAR_ROWS rows when the height allows (sized on resize until the user
        # moves the divider).
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="comparisonSplitter")
        self.split.addWidget(top)
        self.split.addWidget(self.table_box)
        self.split.setChildrenCollapsible(False)
        self.split.splitterMoved.connect(self._on_divider_moved)
        self._divider_moved = False
        # Small minimums: the tab area's own minimum is the largest of its views', and the
        # detail panel below it needs the room. resizeEvent gives the chart CHART_MIN.
        self.chart.setMinimumHeight(100)
        self.table_box.setMinimumHeight(self._table_height(2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self.comparison = None
        self._fill_list()

    def _table_height(self, rows: int) -> int:
        """Height for the table's tabs, header, `rows` rows and the horizontal scroll bar."""
        tabs = self.quantity.sizeHint().height()
        header = self.table.horizontalHeader().minimumHeight()
        row = self.table.verticalHeader().defaultSectionSize()
        scroll = self.table.horizontalScrollBar().sizeHint().height()
        return tabs + header + rows * row + scroll + 2 * self.table.frameWidth()

    def _on_divider_moved(self, _pos: int, _index: int) -> None:
        self._divider_moved = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if not self._divider_moved:
            total = self.height() - self.split.handleWidth()  # the splitter fills the view
            table = min(self._table_height(YEAR_ROWS), max(0, total - CHART_MIN))
            self.split.setSizes([total - table, table])

    def _fill_list(self) -> None:
        ticked = self.ticked() or DEFAULT_TICKED
        builtins = {s.name for s in builtin_scenarios()}
        stored = {s.name for s in self.session.portfolio.scenarios}
        self.list.blockSignals(True)
        self.list.clear()
        for scenario in with_builtins(self.session.portfolio):
            label = scenario.name + ("" if scenario.name in stored else "  (built in)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, scenario.name)
            item.setToolTip(scenario.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if scenario.name in ticked else Qt.CheckState.Unchecked
            )
            if scenario.name in builtins and scenario.name not in stored:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def ticked(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, names: set[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        names = self.ticked()
        plot = self.chart.plot
        plot.clear()
        if len(names) < 2:
            self._show_swatches({})
            self.model.set_rows([])
            self.comparison = None
            plot.setTitle("Tick two or more scenarios to compare them", size="10pt")
            return
        s = self.session
        self.comparison = compare(s.portfolio, names, mode=s.mode, start=s.start, end=s.end)
        years = self.comparison.years.astype(float)
        edges = np.append(years - 0.5, years[-1] + 0.5)
        every = style.scenario_colours(s.portfolio)  # distinct, and kept with each scenario
        colours = {}
        # Scenarios with the same magnets (China supply cut on a portfolio without Chinese
        # blocks) would hide each other: the later ones dashed, and the list says which.
        styles = line_styles(self.comparison.magnets)
        for name, values in self.comparison.magnets.items():
            colours[name] = every[name]
            rank, size, _same = styles[name]
            pen = line_pen(colours[name], rank, size, width=2.4)
            plot.addItem(pg.PlotDataItem(edges, values, stepMode="center", name=name, pen=pen))
        self._show_swatches(colours, {n: same for n, (_r, _s, same) in styles.items() if same})
        plot.addItem(
            pg.PlotDataItem(
                edges,
                self.comparison.target,
                stepMode="center",
                name=TARGET_NAME,
                pen=pg.mkPen(style.TARGET, width=1.5, style=Qt.PenStyle.DashLine),
            )
        )
        # India's demand for rare-earth magnets, and the imports each scenario leaves
        demand = balance(s.portfolio.demand, self.comparison.years, self.comparison.target).demand
        plot.addItem(
            pg.PlotDataItem(
                edges,
                demand,
                stepMode="center",
                name="Demand",
                pen=pg.mkPen(DEMAND, width=1.5, style=Qt.PenStyle.DotLine),
            )
        )
        self._label_lines(
            edges[-1],
            {TARGET_NAME: (self.comparison.target, style.TARGET), DEMAND_NAME: (demand, DEMAND)},
        )
        peak = max(float(np.max(v)) for v in (*self.comparison.magnets.values(), demand))
        self.chart.fit_height(max(peak, float(np.max(self.comparison.target))), LABEL_ROOM)
        plot.setTitle("Scenarios compared", size="11pt")
        self.demand = demand
        self.imports = {
            n: balance(s.portfolio.demand, self.comparison.years, v).imports
            for n, v in self.comparison.magnets.items()
        }
        self._fill_table()

    def _fill_table(self) -> None:
        """The year table: each ticked scenario's magnets, or its imports (the tab chosen),
        beside the target or the demand; a scenario's column is titled by its name only (the
        quantity and unit are the tab's), the whole title in its tooltip."""
        if self.comparison is None:
            return
        names, years = list(self.comparison.magnets), self.comparison.years.tolist()
        if self.quantity.currentIndex() == 0:
            given = ("Target (t)", "The target for the year (t magnets/yr)", self.comparison.target)
            series = self.comparison.magnets
            tip = "Magnets under '{}' (t/yr)"
        else:
            given = ("Demand (t)", DEMAND_TIP, self.demand)
            series = self.imports
            tip = "Imports under '{}': demand minus its magnets, when positive (t/yr)"
        self.model.set_headers(
            ["Year", given[0], *names], ["Year", given[1], *(tip.format(n) for n in names)]
        )
        self.model.set_rows(
            [
                [year, float(given[2][k]), *(float(series[n][k]) for n in names)]
                for k, year in enumerate(years)
            ],
            keys=[str(year) for year in years],
        )
        fit_columns(self.table, widest=150)

    def _label_lines(self, right: float, lines: dict[str, tuple[np.ndarray, str]]) -> None:
        """Each line's name just above its right end, in its colour, right-aligned so it
        stays inside the plot."""
        self.line_labels = {}
        for name, (values, colour) in lines.items():
            label = pg.TextItem(name, color=colour, anchor=(1, 1))
            label.setFont(QFont(label.textItem.font().family(), 8))
            label.setPos(right, float(values[-1]))
            self.chart.plot.addItem(label, ignoreBounds=True)
            self.line_labels[name] = label

    def _show_swatches(self, colours: dict[str, str], same: dict[str, str] | None = None) -> None:
        """The list is the chart's legend: a colour swatch for each line drawn, and '= Base'
        after a scenario whose line lies on an earlier one in every year."""
        same = same or {}
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            label = item.text().split("  (= ")[0]
            item.setText(f"{label}  (= {same[name]})" if name in same else label)
            colour = colours.get(name)
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(colour) if colour else Qt.GlobalColor.transparent)
            item.setIcon(QIcon(pixmap))
        self.list.blockSignals(False)

    def on_portfolio_changed(self) -> None:
        self._fill_list()
        self.refresh()

    # --- copy / edit / delete ----------------------------------------------------------------

    def _selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def copy_selected(self) -> None:
        name = self._selected_name()
        if name is None:
            return self.message.emit("Select a scenario to copy.")
        taken = {s.name for s in with_builtins(self.session.portfolio)}
        new_name, n = f"{name} (copy)", 2
        while new_name in taken:
            new_name, n = f"{name} (copy {n})", n + 1
        copy = find_scenario(self.session.portfolio, name).model_copy(update={"name": new_name})
        self._open_dialog(copy, replacing=None)

    def edit_selected(self) -> None:
        name = self._selected_name()
        stored = {s.name for s in self.session.portfolio.scenarios}
        if name not in stored:
            return self.message.emit("Built-in scenarios are read-only: copy one to edit it.")
        self._open_dialog(self.session.portfolio.scenario(name), replacing=name)

    def _open_dialog(self, scenario, replacing) -> None:
        portfolio = self.session.portfolio
        dialog = ScenarioDialog(scenario, self, portfolio.assumptions, portfolio, replacing)
        self.dialog = dialog

        def done() -> None:
            try:
                operations.put_scenario(self.session, dialog.result_scenario, replacing=replacing)
            except InvalidEdit as exc:
                self.message.emit(f"Scenario not saved: {exc}")

        dialog.accepted.connect(done)
        dialog.open()

    def delete_selected(self) -> None:
        name = self._selected_name()
        if name not in {s.name for s in self.session.portfolio.scenarios}:
            return self.message.emit("Only scenarios stored in the portfolio can be deleted.")
        operations.delete_scenario(self.session, name)
