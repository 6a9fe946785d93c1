"""Marginal value of each open deal: what closing it adds, the ranking an official takes into a
negotiation.

For a deal that is neither acquired nor rejected, 'added' = magnets with the deal closed (status
weight 1) minus magnets without it (weight 0), everything else as projected. Expected: in the
expected mode. P50: the median over Monte Carlo draws, with the same draws for both cases (common
random numbers), so the difference is the deal's and not the dice's; by default the app's, the
CLI's and the briefing's (choices.DRAWS, choices.SEED), so all three show the same P50. Per USD million: total added
over the horizon divided by the block's acquisition cost, where the cost is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.choices import DRAWS, SEED
from model.deal_toggle import expected_toggles, toggled_medians
from model.domain import OPEN_DEALS
from model.inputs import build_inputs
from model.montecarlo import Progress, draw, setup
from model.portfolio import Portfolio
from model.projection import compute
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario


@dataclass(frozen=True)
class DealValue:
    deal_id: str
    block: str
    firm: str
    status: str
    added_year_expected_t: float
    added_total_expected_t: float
    added_year_p50_t: float
    added_total_p50_t: float
    cost_musd: float | None

    def row(self) -> list:
        """The values a ranking table shows (CLI and desktop), None where unknown: deal, block,
        firm, status, added in the year and in total (expected, then P50), cost, t per USD m."""
        return [
            self.deal_id,
            self.block,
            self.firm,
            self.status,
            self.added_year_expected_t,
            self.added_total_expected_t,
            self.added_year_p50_t,
            self.added_total_p50_t,
            self.cost_musd,
            self.total_per_musd,
        ]

    @property
    def total_per_musd(self) -> float | None:
        if not self.cost_musd:
            return None
        return self.added_total_expected_t / self.cost_musd


def rank_deals(
    portfolio: Portfolio,
    year: int,
    *,
    scenario: Scenario | None = None,
    draws: int = DRAWS,
    seed: int | None = SEED,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[DealValue]:
    """Open deals, most magnets added in `year` (expected) first."""
    inputs = build_inputs(portfolio, scenario, mode=Mode.expected, start=start, end=end)
    i = compute(inputs).year_index(year)
    mc = setup(portfolio, scenario, start=start, end=end)
    open_deals = [d for d, deal in enumerate(portfolio.deals) if deal.status in OPEN_DEALS]
    expected_with, expected_without = expected_toggles(mc, inputs, open_deals)
    p50_with, p50_without = toggled_medians(
        mc, draw(mc, draws, seed), open_deals, progress, cancelled
    )
    blocks = {b.id: b for b in portfolio.blocks}
    firms = {f.id: f for f in portfolio.firms}
    values = []
    for k, d in enumerate(open_deals):
        deal = portfolio.deals[d]
        with_deal, without = expected_with[k], expected_without[k]
        block = blocks[deal.block_id]
        values.append(
            DealValue(
                deal_id=deal.id,
                block=block.name,
                firm=firms[deal.firm_id].name if deal.firm_id in firms else deal.firm_id,
                status=deal.status.value,
                added_year_expected_t=float(with_deal[i] - without[i]),
                added_total_expected_t=float((with_deal - without).sum()),
                added_year_p50_t=float(p50_with[k, i] - p50_without[k, i]),
                added_total_p50_t=float((p50_with[k] - p50_without[k]).sum()),
                cost_musd=block.acquisition_cost_musd,
            )
        )
    return sorted(
        values, key=lambda v: (-v.added_year_expected_t, -v.added_total_expected_t, v.deal_id)
    )
