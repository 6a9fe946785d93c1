"""Plan optimiser and negotiation bounds: 100 open deals + 10 plant options, 16 years; bounds
at 1,000 blocks."""

from __future__ import annotations

import time

import numpy as np

from benchmarks.synthetic import synthetic_portfolio
from benchmarks.timing import report
from model import Plant
from model.bounds import deal_bounds
from model.optimise import Constraints, optimise
from model.scenario import Target


def plan_portfolio(n_deals: int = 100, n_options: int = 10, seed: int = 5):
    """Synthetic blocks whose deals are all open and costed, scarce plants, options to build."""
    base = synthetic_portfolio(n_deals, 12, seed=seed)
    rng = np.random.default_rng(seed)
    open_statuses = ["candidate", "negotiating", "mou", "signed"]
    deals = [
        d.model_copy(
            update={
                "status": open_statuses[i % 4],
                "cost_musd": float(np.round(rng.uniform(5, 400), 1)),
            }
        )
        for i, d in enumerate(base.deals)
    ]
    stages = ["separation", "metal", "magnet"]
    plants = [  # running plants at every stage, too small for the target
        p.model_copy(update={"status": "operating", "stage": stages[i % 3], "first_year": 2026})
        for i, p in enumerate(base.plants)
    ]
    for j in range(n_options):
        plants.append(
            Plant(
                id=f"option{j}",
                name=f"Synthetic option {j}",
                stage=stages[j % 3],
                capacity_tpa=float(rng.uniform(500, 5000)),
                first_year=int(rng.integers(2027, 2031)),
                status="option",
                capex_musd=float(np.round(rng.uniform(50, 400), 1)),
            )
        )
    return base.model_copy(
        update={"deals": deals, "plants": plants, "target": Target(default_tpa=6000.0)}
    )


def run() -> None:
    portfolio = plan_portfolio()
    c = Constraints(budget_musd=3000.0, max_country_share=0.4)
    times, result = [], None
    for _ in range(3):
        t0 = time.perf_counter()
        result = optimise(portfolio, 2032, "max-expected", c, evaluation_draws=2000)
        times.append(time.perf_counter() - t0)
    report("optimise max-expected, 100 deals + 10 options, budget + cap", times, "< 2 s")
    print(
        f"{'  status, magnets in 2032 (plan / rank order)':<58} {result.status}, "
        f"{result.plan.magnets_in_year:,.0f} / {result.greedy.magnets_in_year:,.0f} t"
    )
    t0 = time.perf_counter()
    result = optimise(
        portfolio, 2032, "max-probability", Constraints(budget_musd=3000.0), draws=500
    )
    report(
        "optimise max-probability, 500 draws, same portfolio", [time.perf_counter() - t0], "< 60 s"
    )
    print(
        f"{'  status, P(target) fresh draws (plan / rank order)':<58} {result.status}, "
        f"{result.plan.p_target:.0%} / {result.greedy.p_target:.0%}"
    )
    big = synthetic_portfolio(1000, 300, seed=1)
    deal_id = big.deals[0].id
    deal_bounds(big, deal_id, 2032)  # warm the record columns, as the desktop has them
    times = []
    for deal in big.deals[:5]:
        t0 = time.perf_counter()
        deal_bounds(big, deal.id, 2032)
        times.append(time.perf_counter() - t0)
    report("bounds (least share, latest first year), 1,000 blocks", times, "< 200 ms")
