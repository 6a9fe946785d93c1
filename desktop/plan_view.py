"""The Plan view: which open deals to close and which plant options to build for a year, within
a budget and limits, found by the optimiser (model/optimise.py) in a process of its own (Cancel
ends it, and a HiGHS solve with it) and shown as the model projects it, beside the rank-order plan
and the portfolio as it stands."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import operations
from desktop.charts.base import Chart
from desktop.columns import OPEN_HIGH
from desktop.labels import Names
from desktop.process_worker import ProcessTaskRunner
from desktop.session import PortfolioSession
from desktop.style import STAGE_LABELS
from model.assumptions import crore_to_usd_m, usd_m_to_crore
from model.choices import MAX_SAMPLE_DRAWS, SAMPLE_DRAWS
from model.countries import country_name
from model.domain import YEAR_MAX, YEAR_MIN
from model.fields import MONEY
from model.number_text import chance
from model.optimise_model import Constraints
from model.optimise_process import PlanOutcome, import_optimiser, run_plan
from model.plan import OUTSIDE_SHARE_LIMITS, open_deals, plan_scenario, plant_options
from model.plan_cost_words import cost_sentence
from model.store import InvalidEdit

if TYPE_CHECKING:
    from model.optimise import PlanResult  # the optimiser itself runs in the worker process

OBJECTIVES = {
    "max-expected": "Most expected magnets within the budget",
    "min-cost": "Cheapest plan that reaches the target",
    "max-probability": "Highest chance of meeting the target",
}
CRORE, USD_M = "INR crore", MONEY
NOT_RUN = "No plan yet: press Run to choose deals and plant options within the limits above."
NO_PLAN = "No plan to show: change the limits above and press Run again."
PLACEHOLDER_STYLE = (
    "QLabel { color: #555; border: 1px dashed #AAA; border-radius: 3px; padding: 18px 12px; }"
)
CURRENT = "As it stands (expected)"  # open deals at their chance, as on the main chart
NO_NEW_DEAL = "No new deal"  # every open deal dropped: what a plan closing none gives
SPARE_DELAY_MS = 300  # the tab paints first; then a worker starts ahead of the first Run
MUST, RULE_OUT = 3, 4  # columns of the choices table


def _item(text: str, number: float | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number is not None:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names take what is left
    table.setMinimumHeight(140)
    return table


def fit_rows(table: QTableWidget) -> None:
    """As tall as its rows, so the view's one scroll bar shows them all: no table scrolling
    inside the scrolling view, no last row (the total) half cut."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    bar = table.horizontalScrollBar()
    extra = bar.sizeHint().height() if bar.maximum() > 0 else 0
    height = table.horizontalHeader().height() + rows + extra + 2 * table.frameWidth()
    table.setFixedHeight(max(height, 60))


class PlanChart(Chart):
    """The plan's expected magnets against the target, the portfolio as it stands (expected:
    open deals at their chance, as the main chart) and no new deal (the plan's own basis)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Plan, current and target", "t magnets / yr", parent, legend_below=True)
        self.setMinimumHeight(240)

    def show(
        self,
        years: np.ndarray,
        plan: np.ndarray,
        current: np.ndarray,
        target,
        no_new_deal: np.ndarray | None = None,
    ) -> None:
        self.plot.clear()
        self.legend.clear()
        x = years.astype(float)
        self.plot.addItem(
            pg.PlotDataItem(
                x, target, pen=pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DashLine)
            ),
        )
        self.legend.addItem(self.plot.items[-1], "Target")
        lines = [(current, "#7f8c8d", Qt.PenStyle.SolidLine, CURRENT)]
        if no_new_deal is not None:
            lines.append((no_new_deal, "#7f8c8d", Qt.PenStyle.DotLine, NO_NEW_DEAL))
        for values, colour, style, label in [
            *lines,
            (plan, "#1f77b4", Qt.PenStyle.SolidLine, "Plan"),
        ]:
            width = 3 if label == "Plan" else 2
            pen = pg.mkPen(colour, width=width, style=style)
            self.plot.addItem(pg.PlotDataItem(x, values, pen=pen, name=label))  # and its legend
        top = max(float(np.max(values)) for values, *_ in lines)
        self.fit_height(max(float(np.max(plan)), top, float(np.max(target))), 1.15)


class PlanView(QWidget):
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planView")
        self.session = session
        self.outcome: PlanOutcome | None = None
        self.stale = False
        # Cancel ends a running solve; a spare worker with the optimiser imported waits from
        # the first time the tab is shown, so that Run starts at once.
        self.runner = ProcessTaskRunner(self, warm=import_optimiser)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)

        self.objective = QComboBox(objectName="planObjective")
        for key, label in OBJECTIVES.items():
            self.objective.addItem(label, key)
        self.year = QSpinBox(objectName="planYear", minimum=YEAR_MIN, maximum=YEAR_MAX)
        self.budget_on = QCheckBox("Budget", objectName="planBudgetOn")
        self.budget = QDoubleSpinBox(objectName="planBudget", maximum=OPEN_HIGH, decimals=1)
        self.budget.setValue(5000.0)
        self.budget_unit = QComboBox(objectName="planBudgetUnit")
        self.budget_unit.addItems([CRORE, USD_M])
        self.budget_unit.currentTextChanged.connect(self._convert_budget)
        self.share_on = QCheckBox("Largest country share at most", objectName="planShareOn")
        self.share = self._percent("planShare", 40)
        self.share_imports = QCheckBox("of imports only", objectName="planShareImportsOnly")
        self.share_imports.setEnabled(False)  # a form of the country limit: only with it on
        self.share_on.toggled.connect(self.share_imports.setEnabled)
        self.mou_on = QCheckBox("Share from MoU partners at least", objectName="planMouOn")
        self.mou = self._percent("planMou", 30)
        self.deals_on = QCheckBox("New deals at most", objectName="planDealsOn")
        self.max_deals = QSpinBox(objectName="planMaxDeals", minimum=0, maximum=1000, value=5)
        self.uncosted = QCheckBox("Count unknown costs as 0", objectName="planUncosted")
        self.uncosted.setToolTip(
            "Else deals and options without a cost are left out of budgeted plans"
        )
        self.draws = QSpinBox(
            objectName="planDraws", minimum=50, maximum=MAX_SAMPLE_DRAWS, value=SAMPLE_DRAWS
        )
        self.draws.setToolTip("Highest chance: Monte Carlo draws the plan is chosen on")
        self.run_button = QPushButton("Run", objectName="planRun")
        self.cancel_button = QPushButton("Cancel", objectName="planCancel", enabled=False)
        self.progress = QProgressBar(objectName="planProgress", maximum=100)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        for widget, tip in (
            (
                self.objective,
                "What the plan is chosen for: most magnets, least cost, or "
                "the highest chance of meeting the target in the year",
            ),
            (self.year, "The year whose magnets the plan is judged on"),
            (self.budget_on, "Limit what closing deals and building options may cost"),
            (self.budget, "The money available for deals and plant options"),
            (
                self.budget_unit,
                "Budget in INR crore or USD million (at the exchange-rate assumption)",
            ),
            (self.share_on, "Limit the largest share of the year's magnets from one country"),
            (self.share, "The most the year's magnets may come from one country"),
            (
                self.share_imports,
                "Limit each foreign country's share of imported supply (India's own output "
                "not counted), instead of every country's share of all supply",
            ),
            (self.mou_on, "Require a share of the year's magnets from India's MoU partners"),
            (self.mou, "The least share of the year's magnets from India's MoU partners"),
            (self.deals_on, "Limit how many new deals the plan may close"),
            (self.max_deals, "The most new deals the plan may close"),
            (self.run_button, "Find the plan in the background (the model judges every plan)"),
            (self.cancel_button, "Stop the search and drop its result"),
        ):
            widget.setToolTip(tip)

        controls = QGridLayout()
        controls.addWidget(QLabel("Objective"), 0, 0)
        controls.addWidget(self.objective, 0, 1, 1, 3)
        controls.addWidget(QLabel("Year"), 1, 0)
        controls.addWidget(self.year, 1, 1)
        controls.addWidget(self.budget_on, 2, 0)
        controls.addWidget(self.budget, 2, 1)
        controls.addWidget(self.budget_unit, 2, 2)
        controls.addWidget(self.share_on, 3, 0)
        controls.addWidget(self.share, 3, 1)
        controls.addWidget(self.share_imports, 3, 2)
        controls.addWidget(self.mou_on, 4, 0)
        controls.addWidget(self.mou, 4, 1)
        controls.addWidget(self.deals_on, 5, 0)
        controls.addWidget(self.max_deals, 5, 1)
        controls.addWidget(self.uncosted, 6, 0, 1, 2)
        controls.addWidget(QLabel("Draws"), 7, 0)
        controls.addWidget(self.draws, 7, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.setContentsMargins(9, 4, 9, 6)  # a row of its own below the scrolling part

        self.choices = _table(
            "planChoices", ["Deal or option", "Kind", f"Cost ({USD_M})", "Must", "Rule out"]
        )
        self.status = QLabel(objectName="planStatus", wordWrap=True)
        self.chosen = _table("planChosen", ["Chosen", "Kind", USD_M, CRORE])
        self.chart = PlanChart()
        self.shares = QLabel(objectName="planShares", wordWrap=True)
        self.comparison = QLabel(objectName="planComparison", wordWrap=True)
        self.left_out = _table(
            "planWhyNot", ["Left out", "Would add (t)", f"Cost ({USD_M})", "Why not"]
        )
        self.save_button = QPushButton("Save as Scenario…", objectName="planSave", enabled=False)
        self.save_button.clicked.connect(lambda: self.save_as_scenario())
        self.save_button.setToolTip(
            "Keep this plan as a scenario (its deals closed, options built), to compare and brief"
        )

        # Until a plan is found, one line in place of the result's empty tables and chart.
        self.placeholder = QLabel(objectName="planPlaceholder", wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(PLACEHOLDER_STYLE)
        self.results = (self.chosen, self.chart, self.shares, self.comparison, self.left_out)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(controls)
        layout.addWidget(QLabel("<b>Must close / rule out</b> (open deals and plant options)"))
        layout.addWidget(self.choices)
        layout.addWidget(self.status)
        layout.addWidget(self.placeholder)
        for widget in self.results:
            layout.addWidget(widget)
        layout.addWidget(self.save_button)
        self.scroll = scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        outer.addLayout(buttons)  # outside the scroll: Run and Cancel always in view

        self.year.setValue(session.target_year)
        self.progress.setVisible(False)
        self.status.setText("Set the objective and limits, then Run.")
        self.show_placeholder(NOT_RUN)
        self.fill_choices()
        session.portfolioChanged.connect(self._on_portfolio_changed)

    def _percent(self, name: str, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(objectName=name, minimum=0, maximum=100, decimals=0, suffix=" %")
        box.setValue(value)
        return box

    # --- inputs ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.choices_stale:
            self.fill_choices()
        QTimer.singleShot(SPARE_DELAY_MS, self, self.runner.prepare)  # no-op once one is kept

    def fill_choices(self) -> None:
        self.choices_stale = False
        p, scenario = self.session.portfolio, self.session.scenario()
        deals = {d.id: d for d in p.deals}
        blocks = {b.id: b for b in p.blocks}
        plants = {x.id: x for x in p.plants}
        rows = [
            (i, "deal", deals[i].cost_musd, blocks[deals[i].block_id].name)
            for i in open_deals(p, scenario)
        ]
        rows += [
            (i, "option", plants[i].capex_musd, plants[i].name) for i in plant_options(p, scenario)
        ]
        previous = self.ticks()
        # A name, the id only in the tooltip; two deals for one block say whose (the firm's).
        names = Names.of(p)
        count = Counter(name for _i, _k, _c, name in rows)
        self.choices.setRowCount(len(rows))
        for r, (item_id, kind, cost, name) in enumerate(rows):
            if kind == "deal" and count[name] > 1:
                name = f"{name} ({names.firm(deals[item_id].firm_id)})"
            label = _item(name)
            label.setToolTip(f"{kind} id: {item_id}")
            label.setData(Qt.ItemDataRole.UserRole, item_id)
            self.choices.setItem(r, 0, label)
            self.choices.setItem(r, 1, _item(kind))
            self.choices.setItem(r, 2, _item("unknown" if cost is None else f"{cost:,.1f}", cost))
            for column, chosen in ((MUST, previous[0]), (RULE_OUT, previous[1])):
                tick = QTableWidgetItem()
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                on = item_id in chosen
                tick.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.choices.setItem(r, column, tick)

    def ticks(self) -> tuple[set[str], set[str]]:
        """(must close, ruled out) ids from the choices table."""
        must, out = set(), set()
        for r in range(self.choices.rowCount()):
            item_id = self.choices.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if self.choices.item(r, MUST).checkState() == Qt.CheckState.Checked:
                must.add(item_id)
            if self.choices.item(r, RULE_OUT).checkState() == Qt.CheckState.Checked:
                out.add(item_id)
        return must, out

    def set_tick(self, item_id: str, column: int, on: bool = True) -> None:
        for r in range(self.choices.rowCount()):
            if self.choices.item(r, 0).data(Qt.ItemDataRole.UserRole) == item_id:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.choices.item(r, column).setCheckState(state)

    def budget_musd(self) -> float | None:
        if not self.budget_on.isChecked():
            return None
        if self.budget_unit.currentText() == CRORE:
            return crore_to_usd_m(
                self.budget.value(), self.session.portfolio.assumptions.inr_per_usd
            )
        return self.budget.value()

    def _convert_budget(self, unit: str) -> None:
        rate = self.session.portfolio.assumptions.inr_per_usd
        value = self.budget.value()
        self.budget.setValue(
            usd_m_to_crore(value, rate) if unit == CRORE else crore_to_usd_m(value, rate)
        )

    def constraints(self) -> Constraints:
        must, out = self.ticks()
        return Constraints(
            budget_musd=self.budget_musd(),
            max_country_share=self.share.value() / 100 if self.share_on.isChecked() else None,
            cap_imported_only=self.share_on.isChecked() and self.share_imports.isChecked(),
            min_mou_share=self.mou.value() / 100 if self.mou_on.isChecked() else None,
            max_deals=self.max_deals.value() if self.deals_on.isChecked() else None,
            include=tuple(sorted(must)),
            exclude=tuple(sorted(out)),
            include_uncosted=self.uncosted.isChecked(),
        )

    # --- running ---------------------------------------------------------------------------

    def run(self) -> None:
        if self.choices_stale:
            self.fill_choices()
        s = self.session
        constraints = self.constraints()
        both = set(constraints.include) & set(constraints.exclude)
        if both:
            self.status.setText(f"Ticked both Must and Rule out: {', '.join(sorted(both))}")
            return
        if not s.start <= self.year.value() <= s.end:
            self.status.setText(f"The year must be within the horizon {s.start}-{s.end}")
            return
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText("Searching for the best plan…")
        self.runner.start(
            run_plan,
            portfolio=s.portfolio,
            scenario=s.scenario(),
            year=self.year.value(),
            objective=self.objective.currentData(),
            constraints=constraints,
            draws=self.draws.value(),
            start=s.start,
            end=s.end,
        )

    def cancel(self) -> None:
        self.runner.cancel()
        self._idle()
        self.status.setText("Cancelled: no plan.")

    def show_placeholder(self, text: str) -> None:
        """`text` in place of the result (none to show); an empty `text`: the result shown."""
        self.placeholder.setText(text)
        self.placeholder.setVisible(bool(text))
        for widget in self.results:
            widget.setVisible(not text)

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)

    def _on_progress(self, percent: int) -> None:
        self.progress.setValue(percent)

    def _on_failed(self, text: str) -> None:
        self._idle()
        self.status.setText(f"The optimiser could not run: {text}")

    def _on_done(self, outcome: PlanOutcome) -> None:
        self._idle()
        self.outcome = outcome
        self.stale = False
        self.show_outcome(outcome)
        QTimer.singleShot(0, self, self.scroll_to_result)  # once the new rows are laid out

    def scroll_to_result(self) -> None:
        """The result in view after a run (the inputs fill a 720-px screen): the status line at
        the top of the scrolling part, the chosen deals below it."""
        self.scroll.widget().layout().activate()
        self.scroll.verticalScrollBar().setValue(self.status.y() - 6)

    # --- showing ---------------------------------------------------------------------------

    def _money(self, figures) -> str:
        """The plan's cost in words (model.plan_cost_words): unknown costs said, never 0."""
        rate = self.session.portfolio.assumptions.inr_per_usd
        plan = figures.plan
        return cost_sentence(figures.cost_musd, plan.closed, plan.built, figures.uncosted, rate)

    def uncosted_switch(self) -> str:
        """How to count unknown costs as 0 here: this view's box, not the CLI's flag."""
        return f'tick "{self.uncosted.text()}"'

    def imported_switch(self) -> str:
        """How to limit imported supply only here: this view's box beside the country limit."""
        return f'tick "{self.share_imports.text()}" beside the country share'

    def show_outcome(self, outcome: PlanOutcome) -> None:
        r = outcome.result
        words = {
            "optimal": "best plan found and proven",
            "infeasible": "no plan meets the limits",
            "time_limit": "time limit: best plan so far, not proven best",
        }
        said = "" if r.no_plan is not None else f" {words[r.status]}."  # the note says which
        lines = [f"<b>{OBJECTIVES[r.objective]}</b> in {r.year}:{said}"]
        if r.shortfall_t is not None:
            lines.append(
                f"No plan reaches the target: short by {r.shortfall_t:,.0f} t; "
                f"{STAGE_LABELS.get(r.binding_stage or '', r.binding_stage)} binds."
            )
        lines += r.all_notes(self.uncosted_switch(), self.imported_switch())
        self.status.setText("<br>".join(lines))
        self.save_button.setEnabled(r.plan is not None)
        self.chosen.setRowCount(0)
        if r.plan is None:
            self.shares.setText("")
            self.comparison.setText("")
            self.left_out.setRowCount(0)
            self.show_placeholder(NO_PLAN)
            return
        self.show_placeholder("")
        p = self.session.portfolio
        deals = {d.id: d for d in p.deals}
        blocks = {b.id: b for b in p.blocks}
        plants = {x.id: x for x in p.plants}
        rate = p.assumptions.inr_per_usd
        rows = [
            (f"{blocks[deals[i].block_id].name} ({i})", "deal", deals[i].cost_musd)
            for i in r.plan.plan.closed
        ]
        rows += [(plants[i].name, "option", plants[i].capex_musd) for i in r.plan.plan.built]
        self.chosen.setRowCount(len(rows) + 1)
        for row, (name, kind, cost) in enumerate(rows):
            self.chosen.setItem(row, 0, _item(name))
            self.chosen.setItem(row, 1, _item(kind))
            self.chosen.setItem(row, 2, _item("unknown" if cost is None else f"{cost:,.1f}", cost))
            self.chosen.setItem(
                row,
                3,
                _item("unknown" if cost is None else f"{usd_m_to_crore(cost, rate):,.0f}", cost),
            )
        total = len(rows)
        self.chosen.setItem(total, 0, _item("Total (known costs)"))
        self.chosen.setItem(total, 2, _item(f"{r.plan.cost_musd:,.1f}", r.plan.cost_musd))
        self.chosen.setItem(total, 3, _item(f"{usd_m_to_crore(r.plan.cost_musd, rate):,.0f}", 0))
        fit_rows(self.chosen)
        years = outcome.years
        plan = np.array([r.plan.magnets_t[str(y)] for y in years.tolist()])
        target = np.array([p.target.at(int(y)) for y in years.tolist()])
        self.chart.show(years, plan, outcome.current, target, outcome.no_new_deal)
        shares = ", ".join(
            f"{country_name(c)} {s:.0%}"
            for c, s in sorted(r.plan.country_shares.items(), key=lambda kv: -kv[1])
        )
        met = chance(r.plan.p_target, r.evaluation_draws)
        met = "" if r.plan.p_target is None else f"P(target in {r.year}) {met}"
        if r.p_target_in_sample is not None:
            chosen_on = chance(r.p_target_in_sample, r.sample_draws)
            met += f" on fresh draws ({chosen_on} on the draws it was chosen on)"
        imports = ""
        if r.constraints.cap_imported_only:  # the shares the limit was on
            of_imports = sorted(r.plan.import_shares.items(), key=lambda kv: -kv[1])
            imports = "<br>Shares of imports: " + (
                ", ".join(f"{country_name(c)} {s:.0%}" for c, s in of_imports) or "none"
            )
        self.shares.setText(
            f"<b>Plan</b>: {r.plan.magnets_in_year:,.0f} t in {r.year} (target {r.target_t:,.0f} t); "
            f"{met}; cost {self._money(r.plan)}.<br>Country shares in {r.year}: "
            f"{shares or 'none'}; from MoU partners {r.plan.mou_share:.0%}.{imports}"
            f"<br>{r.country_limit}"
        )
        g = r.greedy
        gain = r.plan.magnets_in_year - g.magnets_in_year
        g_chance = (
            "" if g.p_target is None else f", P(target) {chance(g.p_target, r.evaluation_draws)}"
        )
        self.comparison.setText(
            f"<b>Rank order</b> (deals in the order of the deal ranking, same budget): "
            f"{len(g.plan.closed)} deals, {g.magnets_in_year:,.0f} t{g_chance}, cost "
            f"{self._money(g)}. The plan gives {gain:+,.0f} t."
            + ("" if g.extra.get("meets_constraints", True) else f" It is {OUTSIDE_SHARE_LIMITS}.")
            + self.baseline_words(outcome)
        )
        self.left_out.setRowCount(len(outcome.left_out))
        for row, item in enumerate(outcome.left_out):
            deal = deals.get(item.deal_id)
            name = f"{blocks[deal.block_id].name} ({item.deal_id})" if deal else item.deal_id
            self.left_out.setItem(row, 0, _item(name))
            self.left_out.setItem(row, 1, _item(f"{item.added_t:,.0f}", item.added_t))
            cost = "unknown" if item.cost_musd is None else f"{item.cost_musd:,.1f}"
            self.left_out.setItem(row, 2, _item(cost, item.cost_musd))
            self.left_out.setItem(row, 3, _item(item.reason))
        fit_rows(self.left_out)

    @staticmethod
    def baseline_words(outcome: PlanOutcome) -> str:
        """Why the chart's two lines without the plan differ: what each counts in the year."""
        r = outcome.result
        if outcome.no_new_deal is None or r.plan is None:
            return ""
        k = int(r.year - outcome.years[0])
        none = float(outcome.no_new_deal[k])
        return (
            f"<br><b>{NO_NEW_DEAL}</b>: {none:,.0f} t in {r.year}, the plan's basis (an open "
            "deal counts only if the plan closes it, so with none closed only deals already "
            f"acquired count); the plan adds {r.plan.magnets_in_year - none:+,.0f} t to it. "
            f"<b>{CURRENT}</b>: {outcome.current[k]:,.0f} t, as the main chart in expected mode: each "
            "open deal counted at its chance of closing."
        )

    def _on_portfolio_changed(self, _changes) -> None:
        # Rebuilding the list of open deals costs ~0.3 s at 10,000 blocks: while the tab is
        # hidden, an edit only marks it, and the list is rebuilt when the tab is next seen.
        self.choices_stale = True
        if self.isVisible():
            self.fill_choices()
        if self.outcome is not None and not self.stale:
            self.stale = True
            self.status.setText(
                self.status.text() + "<br><i>The portfolio has changed since: run again.</i>"
            )

    def current_plan(self) -> PlanResult | None:
        """The plan shown, while the portfolio is as it was when it was found (the briefing's
        optional recommended-plan page)."""
        if self.outcome is None or self.stale or self.outcome.result.plan is None:
            return None
        return self.outcome.result

    # --- saving ----------------------------------------------------------------------------

    def save_as_scenario(self, name: str | None = None) -> bool:
        """Store the plan as a scenario (undoable). Asks for a name unless given one."""
        if self.outcome is None or self.outcome.result.plan is None:
            return False
        r = self.outcome.result
        if name is None:
            default = f"Plan {r.year} ({r.objective})"
            name, ok = QInputDialog.getText(
                self, "Save plan as scenario", "Scenario name:", text=default
            )
            if not ok:
                return False
        name = name.strip()
        if not name:
            QMessageBox.warning(self, "Scenario not saved", "A scenario needs a name.")
            return False
        scenario = plan_scenario(
            self.session.portfolio, r.plan.plan, self.session.scenario(), name=name
        )
        scenario = scenario.model_copy(
            update={
                "description": f"Plan: {OBJECTIVES[r.objective].lower()} in {r.year} "
                f"({r.status}). {r.country_limit}"
            }
        )
        try:
            operations.put_scenario(self.session, scenario)
        except InvalidEdit as exc:
            QMessageBox.warning(self, "Scenario not saved", str(exc))
            return False
        self.message.emit(f"Plan saved as scenario '{name}' (Edit > Undo removes it)")
        return True

    def dispose(self) -> None:
        self.session.portfolioChanged.disconnect(self._on_portfolio_changed)
        self.runner.shutdown()
        self.chart.dispose()
