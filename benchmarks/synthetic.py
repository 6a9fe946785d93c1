"""Large synthetic portfolios for benchmarks (random but seeded; not real projects)."""

from __future__ import annotations

import numpy as np

from model import Block, Deal, Firm, Plant, Portfolio
from model.domain import DealStatus, PlantStage, PlantStatus, Product, Stage

COUNTRIES = ("AUS", "AGO", "MWI", "BRA", "CHL", "TZA", "ZAF", "ARG", "CAN", "USA", "VNM", "IND")


def synthetic_portfolio(n_blocks: int = 1000, n_plants: int = 300, seed: int = 1) -> Portfolio:
    rng = np.random.default_rng(seed)
    stages, products = list(Stage), list(Product)
    statuses, plant_stages, plant_statuses = list(DealStatus), list(PlantStage), list(PlantStatus)
    blocks, deals = [], []
    for i in range(n_blocks):
        blocks.append(
            Block(
                id=f"b{i}",
                name=f"Synthetic block {i}",
                country=COUNTRIES[rng.integers(len(COUNTRIES))],
                lat=float(rng.uniform(-50, 60)),
                lon=float(rng.uniform(-170, 170)),
                stage=stages[rng.integers(len(stages))],
                product=products[rng.integers(len(products))],
                nameplate_tpa=float(rng.uniform(100, 15_000)),
                ndpr_share=float(rng.uniform(0.1, 0.4)),
                first_year=int(rng.integers(2022, 2036)),
                ramp_years=int(rng.integers(1, 5)),
                resource_treo_t=float(rng.uniform(50_000, 900_000)) if rng.random() < 0.5 else None,
                source="synthetic",
            )
        )
        deals.append(
            Deal(
                id=f"d{i}",
                block_id=f"b{i}",
                firm_id="f",
                status=statuses[rng.integers(len(statuses))],
                offtake_share=float(rng.uniform(0.05, 0.5)),
            )
        )
    plants = [
        Plant(
            id=f"p{i}",
            name=f"Synthetic plant {i}",
            stage=plant_stages[rng.integers(len(plant_stages))],
            capacity_tpa=float(rng.uniform(50, 2_000)),
            first_year=int(rng.integers(2024, 2034)),
            ramp_years=int(rng.integers(1, 4)),
            status=plant_statuses[rng.integers(len(plant_statuses))],
        )
        for i in range(n_plants)
    ]
    firms = [Firm(id="f", name="Synthetic firm", kind="psu")]
    return Portfolio(name="Synthetic", blocks=blocks, firms=firms, deals=deals, plants=plants)


def with_dytb(portfolio: Portfolio, high_temp_share: float = 0.3, seed: int = 11) -> Portfolio:
    """The portfolio with the Dy/Tb limit on (equation 8): a Dy+Tb share for every block, low
    enough that Dy/Tb limits magnets in most years (random but seeded; not real projects)."""
    rng = np.random.default_rng(seed)
    blocks = [
        b.model_copy(update={"dytb_share": float(rng.uniform(0.0005, 0.004))})
        for b in portfolio.blocks
    ]
    a = portfolio.assumptions.with_overrides({"high_temp_share": high_temp_share})
    return portfolio.model_copy(update={"blocks": blocks, "assumptions": a})
