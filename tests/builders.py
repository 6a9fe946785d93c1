"""Small portfolios whose answers can be worked out on paper, and hypothesis strategies."""

from __future__ import annotations

from hypothesis import strategies as st

from model import Block, Deal, Firm, Plant, Portfolio
from model.assumptions import Assumptions
from model.domain import DealStatus, PlantStage, PlantStatus, Product, Stage
from model.scenario import BlockOverride, DealOverride, Disruption, Mode, Scenario

COUNTRIES = ("AUS", "AGO", "MWI", "BRA", "CHL", "IND")


def block(id="b", **kw) -> Block:
    fields = dict(
        name=id.title(), country="AUS", stage="producing", product="ndpr_oxide", nameplate_tpa=100.0
    )
    fields.update(kw)
    return Block(id=id, **fields)


def deal(block_id="b", id=None, **kw) -> Deal:
    fields = dict(firm_id="f", status="acquired", offtake_share=1.0)
    fields.update(kw)
    return Deal(id=id or f"d-{block_id}", block_id=block_id, **fields)


def plant(stage="magnet", capacity=10_000.0, id=None, **kw) -> Plant:
    fields = dict(name=f"{stage} plant", status="operating")
    fields.update(kw)
    return Plant(id=id or f"p-{stage}", stage=stage, capacity_tpa=capacity, **fields)


def ample_downstream() -> list[Plant]:
    return [plant("metal", 10_000.0), plant("magnet", 10_000.0)]


def portfolio(blocks=(), deals=(), plants=(), **kw) -> Portfolio:
    firms = [Firm(id="f", name="Firm", kind="psu")]
    return Portfolio(blocks=list(blocks), firms=firms, deals=list(deals), plants=list(plants), **kw)


def domestic_refiner() -> Portfolio:
    """The official calibration: 400 t NdPr oxide, ample downstream plants."""
    return portfolio(
        [block("irel", country="IND", nameplate_tpa=400.0)],
        [deal("irel")],
        ample_downstream(),
    )


# --- hypothesis ---------------------------------------------------------------------------

years = st.integers(2020, 2040)
shares = st.floats(0, 1, allow_nan=False)


@st.composite
def blocks_st(draw, id: str) -> Block:
    product = draw(st.sampled_from(list(Product)))
    return Block(
        id=id,
        name=f"Block {id}",
        country=draw(st.sampled_from(COUNTRIES)),
        stage=draw(st.sampled_from(list(Stage))),
        product=product,
        # None: the figure is missing (the block then contributes nothing and is listed)
        nameplate_tpa=draw(st.none() | st.floats(0, 20_000, allow_nan=False)),
        ndpr_share=draw(st.none() | shares),
        dytb_share=draw(st.none() | st.floats(0, 0.1, allow_nan=False)),
        first_year=draw(st.none() | years),
        ramp_years=draw(st.integers(1, 5)),
        resource_treo_t=draw(st.none() | st.floats(0, 200_000, allow_nan=False)),
    )


@st.composite
def plants_st(draw, id: str) -> Plant:
    return Plant(
        id=id,
        name=f"Plant {id}",
        stage=draw(st.sampled_from(list(PlantStage))),
        capacity_tpa=draw(st.floats(0, 20_000, allow_nan=False)),
        first_year=draw(st.none() | years),
        ramp_years=draw(st.integers(1, 4)),
        status=draw(st.sampled_from(list(PlantStatus))),
    )


@st.composite
def portfolios_st(draw, max_blocks: int = 6, max_plants: int = 6) -> Portfolio:
    n = draw(st.integers(0, max_blocks))
    blocks = [draw(blocks_st(f"b{i}")) for i in range(n)]
    deals = []
    for i in range(n):
        for k in range(draw(st.integers(0, 2))):
            deals.append(
                Deal(
                    id=f"d{i}-{k}",
                    block_id=f"b{i}",
                    firm_id="f",
                    status=draw(st.sampled_from(list(DealStatus))),
                    offtake_share=draw(st.floats(0, 0.5, allow_nan=False)),
                    start_year=draw(st.none() | years),
                )
            )
    plants = [draw(plants_st(f"p{i}")) for i in range(draw(st.integers(0, max_plants)))]
    scenarios = [
        draw(scenarios_st(f"S{k}", [b.id for b in blocks], [d.id for d in deals]))
        for k in range(draw(st.integers(0, 2)))
    ]
    return portfolio(blocks, deals, plants, scenarios=scenarios, assumptions=draw(assumptions_st()))


@st.composite
def assumptions_st(draw) -> Assumptions:
    """Defaults, or other values inside the declared ranges."""
    if draw(st.booleans()):
        return Assumptions()
    return Assumptions(
        separation_recovery=draw(st.floats(0.5, 1.0)),
        oxide_to_metal=draw(st.floats(0.7, 0.9)),
        ndpr_in_magnet=draw(st.floats(0.2, 0.4)),
        p_stage={s: draw(shares) for s in Stage},
        p_deal={s: draw(shares) for s in DealStatus},
    )


@st.composite
def scenarios_st(draw, name: str, block_ids: list[str], deal_ids: list[str]) -> Scenario:
    """A scenario naming only records that exist: delays, overrides, a disruption."""
    some_blocks = (
        st.lists(st.sampled_from(block_ids), unique=True, max_size=2) if block_ids else st.just([])
    )
    delayed, overridden = draw(some_blocks), draw(some_blocks)
    return Scenario(
        name=name,
        mode=draw(st.sampled_from(list(Mode))),
        delay_years=draw(st.integers(0, 3)),
        block_delays={b: draw(st.integers(0, 3)) for b in delayed},
        block_overrides={
            b: BlockOverride(
                nameplate_tpa=draw(st.none() | st.floats(0, 20_000)),
                first_year=draw(st.none() | years),
                offtake_share=draw(st.none() | shares),
            )
            for b in overridden
        },
        deal_overrides={
            d: DealOverride(start_year=draw(st.none() | years))
            for d in draw(st.lists(st.sampled_from(deal_ids), unique=True, max_size=2))
        }
        if deal_ids
        else {},
        disruptions=[
            Disruption(country=draw(st.sampled_from(COUNTRIES)), from_year=draw(years))
            for _ in range(draw(st.integers(0, 1)))
        ],
    )
