"""Set-up: turn a portfolio and a scenario into the flat arrays the projection computes on.

Everything that depends on records, names and scenario settings happens here, once; the projection
itself (model/projection.py) only does array arithmetic, so a what-if can change a few numbers in
these arrays and recompute in well under a millisecond.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from model import field_words
from model.assumptions import Assumptions
from model.domain import (
    COMMITTED_DEALS,
    COMMITTED_PLANTS,
    NEEDS_SEPARATION,
    Block,
    DealStatus,
    PlantStatus,
    Product,
    Stage,
)
from model.portfolio import Portfolio
from model.record_columns import (
    DEAL_STATUS_LIST,
    PLANT_STAGE_INDEX,
    PLANT_STATUS_LIST,
    PRODUCT_LIST,
    STAGE_LIST,
    RecordColumns,
    columns_of,
)
from model.scenario import (
    HORIZON_END,
    HORIZON_START,
    BlockOverride,
    DealOverride,
    Mode,
    PlantOverride,
    Scenario,
    Target,
)

__all__ = ["PLANT_STAGE_INDEX", "ProjectionInputs", "RecordColumns", "build_inputs"]

STAGES = ("feed", "metal", "magnet")
NEVER = np.inf  # start year of something that never starts
ALWAYS = -np.inf  # start year of something already running before any horizon
NO_BLOCK_OVERRIDE, NO_DEAL_OVERRIDE = BlockOverride(), DealOverride()  # shared: built once
NO_PLANT_OVERRIDE = PlantOverride()


@dataclass(frozen=True)
class ProjectionInputs:
    """Arrays over blocks (B), deals (D), plants (P) and years (T). Years are float for inf."""

    scenario: str
    mode: Mode
    years: np.ndarray  # (T,)
    target: np.ndarray  # (T,) t magnets/yr
    oxide_to_metal: float
    ndpr_in_magnet: float
    separation_allocation: str  # "merit_order" or "pro_rata" (equation 4)
    high_temp_share: float  # h: share of magnets that must be high-temperature grades (eq. 8)
    dytb_per_magnet: float  # t Dy+Tb oxide per t high-temperature magnet, chosen process
    dytb_market: float  # t Dy+Tb oxide/yr bought outside China
    # blocks
    block_ids: tuple[str, ...]
    block_country: np.ndarray  # (B,) index into countries
    countries: tuple[str, ...]
    nameplate: np.ndarray  # (B,) t/yr in the block's own unit
    block_start: np.ndarray  # (B,) first year + delays
    block_ramp: np.ndarray  # (B,) ramp years
    resource: np.ndarray  # (B,) cap on cumulative output over the horizon (inf: none)
    stop_year: np.ndarray  # (B,) delivers nothing from this year (inf: never)
    p_stage: np.ndarray  # (B,)
    # deals
    deal_ids: tuple[str, ...]
    deal_block: np.ndarray  # (D,) index into blocks
    offtake: np.ndarray  # (D,)
    deal_weight: np.ndarray  # (D,) mode weight (probability, 0/1)
    deal_start: np.ndarray  # (D,) deliveries begin (-inf: with the block)
    oxide_factor: np.ndarray  # (D,) t NdPr oxide per t delivered, before separation pooling
    needs_separation: np.ndarray  # (D,) bool
    dytb_factor: np.ndarray  # (D,) t Dy+Tb oxide per t delivered, before separation pooling
    # plants
    plant_ids: tuple[str, ...]
    plant_stage: np.ndarray  # (P,) 0 separation, 1 metal, 2 magnet
    plant_capacity: np.ndarray  # (P,)
    plant_start: np.ndarray  # (P,)
    plant_ramp: np.ndarray  # (P,)
    plant_weight: np.ndarray  # (P,)
    incomplete: tuple[str, ...] = field(default=())  # "<name> lacks: <labels>", blocks first
    # the same records for code: (kind 'blocks'/'plants', id, name, (field, ...)), in that order
    gaps: tuple[tuple[str, str, str, tuple[str, ...]], ...] = field(default=())
    dytb_unknown: tuple[str, ...] = field(default=())  # blocks whose Dy/Tb counts as zero (eq. 8)
    # the same blocks for code: (id, name), in that order
    dytb_unknown_blocks: tuple[tuple[str, str], ...] = field(default=())
    delayed: bool = False  # the scenario delays some block's start (not 'on schedule')
    ramp_groups: RampGroups | None = field(default=None, repr=False)  # set-up's, when known
    plant_groups: PlantGroups | None = field(default=None, repr=False)
    deal_plan: DealPlan | None = field(default=None, repr=False)

    @property
    def incomplete_blocks(self) -> tuple[str, ...]:
        """Ids of the blocks that contribute nothing until completed."""
        return tuple(record_id for kind, record_id, _, _ in self.gaps if kind == "blocks")

    def with_arrays(self, **changes: np.ndarray) -> ProjectionInputs:
        """A copy with some arrays replaced (what-if edits; the original is untouched)."""
        copy = replace(self, **changes)
        if "separation_groups" in self.__dict__ and not changes.keys() & GROUPED_BY:
            copy.__dict__["separation_groups"] = self.separation_groups  # still true
        return copy

    @cached_property
    def separation_groups(self) -> SeparationGroups:
        """Deals needing separation grouped by NdPr yield, for the merit order (equation 4)."""
        return SeparationGroups.of(self.oxide_factor, self.needs_separation)


GROUPED_BY = {"oxide_factor", "needs_separation"}


def pairs(start: np.ndarray, ramp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (start, ramp) pairs, sorted by start then ramp, and each item's pair index.
    As one complex number per item: a 1-D unique, ~10x faster than a unique of rows."""
    key = np.empty(start.size, dtype=complex)
    key.real, key.imag = start, ramp
    distinct, index = np.unique(key, return_inverse=True)
    return distinct.real.copy(), distinct.imag.copy(), index.reshape(-1)


@dataclass(frozen=True)
class RampGroups:
    """Blocks grouped by (start year, ramp years): equation (1) is then computed once per group
    (a few dozen) and gathered, not once per block. Valid only for the very (read-only) arrays
    it was made from: `for_inputs` checks that, so an edited copy never uses stale groups."""

    start: np.ndarray  # (K,)
    ramp: np.ndarray  # (K,)
    of_block: np.ndarray  # (B,) each block's group
    block_start: np.ndarray  # the arrays the groups describe
    block_ramp: np.ndarray
    tables: dict = field(default_factory=dict, compare=False, repr=False)  # years -> (T, K) ramps

    @classmethod
    def of(cls, block_start: np.ndarray, block_ramp: np.ndarray) -> RampGroups:
        start, ramp, of_block = pairs(block_start, block_ramp)
        return cls(start, ramp, of_block, block_start, block_ramp)

    def delayed(self, years: float, block_start: np.ndarray) -> RampGroups:
        """The same groups after every block moved `years` later (block_start: the moved one)."""
        return replace(self, start=self.start + years, block_start=block_start, tables={})

    def for_inputs(self, inputs: ProjectionInputs) -> bool:
        return self.block_start is inputs.block_start and self.block_ramp is inputs.block_ramp


@dataclass(frozen=True)
class PlantGroups:
    """Plants grouped by (start year, ramp years), with each group's weighted capacity by stage:
    equation (5) is then one ramp per group times a (groups x 3) matrix. Valid only for the
    very (read-only) arrays it was made from (`for_inputs`)."""

    start: np.ndarray  # (K,)
    ramp: np.ndarray  # (K,)
    by_stage: np.ndarray  # (K, 3) sum of capacity x weight of the group's plants, by stage
    made_from: tuple[np.ndarray, ...]  # plant start, ramp, capacity, weight, stage
    tables: dict = field(default_factory=dict, compare=False, repr=False)  # years -> (T, K) ramps

    @classmethod
    def of(cls, start, ramp, capacity, weight, stage) -> PlantGroups:
        starts, ramps, group = pairs(start, ramp)
        by_stage = np.zeros((len(starts), 3))
        np.add.at(by_stage, (group, stage), capacity * weight)
        return cls(starts, ramps, by_stage, (start, ramp, capacity, weight, stage))

    def for_inputs(self, i: ProjectionInputs) -> bool:
        mine = (i.plant_start, i.plant_ramp, i.plant_capacity, i.plant_weight, i.plant_stage)
        return all(map(operator.is_, mine, self.made_from))


@dataclass(frozen=True)
class DealPlan:
    """What equations (2)-(3) need per deal that depends on the inputs alone: the ramp column of
    each deal's block, its nameplate, offtake x weight, and the blocks whose resource can cap
    their output. Valid only for the very (read-only) arrays it was made from (`for_inputs`),
    so an edited copy of the inputs makes its own."""

    column: np.ndarray  # (D,) column of the ramp table of each deal's block
    nameplate: np.ndarray  # (D,) nameplate of each deal's block
    scale: np.ndarray  # (D,) offtake x weight
    capped: np.ndarray  # (C,) blocks whose cumulative output could reach their resource
    capped_column: np.ndarray  # (C,) their columns of the ramp table
    capped_nameplate: np.ndarray  # (C,) their nameplates
    capped_resource: np.ndarray  # (C,) their resources
    capped_deals: np.ndarray  # (E,) deals on those blocks
    capped_of_deal: np.ndarray  # (E,) each such deal's position in `capped`
    capped_scale: np.ndarray  # (E,) their offtake x weight
    stop_block: np.ndarray | None  # (D,) stop year of each deal's block; None: no block stops
    start_deal: bool  # does any deal start on its own year?
    made_from: tuple  # the arrays it describes, and the number of years

    @classmethod
    def of(cls, inputs: ProjectionInputs, of_block: np.ndarray | None) -> DealPlan:
        """`of_block`: each block's column of the ramp table (its ramp group); None: its own."""
        i, n_years = inputs, inputs.years.size
        block = i.deal_block
        column = block if of_block is None else of_block[block]
        capped = could_reach(i.nameplate, i.resource, n_years)
        position = np.full(len(i.block_ids), -1, dtype=np.intp)
        position[capped] = np.arange(capped.size)
        capped_deals = np.flatnonzero(position[block] >= 0)
        stops = np.isfinite(i.stop_year).any()
        arrays = (i.nameplate, i.resource, block, i.offtake, i.deal_weight, i.stop_year)
        scale = i.offtake * i.deal_weight
        return cls(
            column=column,
            nameplate=i.nameplate[block],
            scale=scale,
            capped=capped,
            capped_column=capped if of_block is None else of_block[capped],
            capped_nameplate=i.nameplate[capped],
            capped_resource=i.resource[capped],
            capped_deals=capped_deals,
            capped_of_deal=position[block[capped_deals]],
            capped_scale=scale[capped_deals],
            stop_block=i.stop_year[block] if stops else None,
            start_deal=bool(np.isfinite(i.deal_start).any()),
            made_from=(*arrays, i.deal_start, of_block, n_years),
        )

    def for_inputs(self, i: ProjectionInputs, of_block: np.ndarray | None) -> bool:
        mine = (i.nameplate, i.resource, i.deal_block, i.offtake, i.deal_weight, i.stop_year)
        mine += (i.deal_start, of_block)
        return self.made_from[-1] == i.years.size and all(
            map(operator.is_, mine, self.made_from[:-1])
        )


def could_reach(nameplate: np.ndarray, resource: np.ndarray, n_years: int) -> np.ndarray:
    """The blocks whose output over the horizon could reach their resource (ramp <= 1, so a
    block makes at most n_years x nameplate); for the others the cap of (2) changes nothing."""
    return np.flatnonzero(nameplate * (n_years * (1 + 1e-9)) >= resource)


@dataclass(frozen=True)
class SeparationGroups:
    """The deals that need separation, sorted so each yield group is one run of columns."""

    deals: np.ndarray  # (Ds,) deal indices, grouped, highest yield first
    starts: np.ndarray  # (G,) where each group's run begins in `deals`
    levels: np.ndarray  # (G,) the groups' yields, highest first
    group: np.ndarray  # (Ds,) group of each entry of `deals`
    needs: np.ndarray  # (D,) 1.0 for a deal that needs separation, else 0.0

    @classmethod
    def of(cls, oxide_factor: np.ndarray, needs_separation: np.ndarray) -> SeparationGroups:
        sep = np.flatnonzero(needs_separation)
        levels, group = np.unique(-oxide_factor[sep], return_inverse=True)
        order = np.argsort(group.reshape(-1), kind="stable")
        group = group.reshape(-1)[order]
        starts = np.flatnonzero(np.diff(group, prepend=-1))
        needs = needs_separation.astype(float)
        return cls(deals=sep[order], starts=starts, levels=-levels, group=group, needs=needs)


def _table(values: dict, keys: tuple) -> np.ndarray:
    """An assumption table (enum -> number) as an array in the order of `keys`."""
    return np.array([values[k] for k in keys], dtype=float)


def deal_weights(mode: Mode, stage_p: np.ndarray, status: np.ndarray, a: Assumptions):
    """(3) w_d by mode; `status` indexes DEAL_STATUS_LIST."""
    if mode == Mode.expected:
        return stage_p * _table(a.p_deal, DEAL_STATUS_LIST)[status]
    if mode == Mode.committed:
        return np.array([s in COMMITTED_DEALS for s in DEAL_STATUS_LIST], dtype=float)[status]
    return (status != DEAL_STATUS_LIST.index(DealStatus.rejected)).astype(float)


def plant_weights(mode: Mode, status: np.ndarray, a: Assumptions) -> np.ndarray:
    """(5) w_p by mode; `status` indexes PLANT_STATUS_LIST."""
    if mode == Mode.expected:
        return _table(a.p_plant, PLANT_STATUS_LIST)[status]
    if mode == Mode.committed:
        return np.array([s in COMMITTED_PLANTS for s in PLANT_STATUS_LIST], dtype=float)[status]
    return (status != PLANT_STATUS_LIST.index(PlantStatus.option)).astype(float)


def first_known(*values):
    """The first value that is not None (an override, then the record's own value)."""
    for value in values:  # a plain loop: this runs for every record on every edit
        if value is not None:
            return value
    return None


def start_year(first_year: int | None, running: bool) -> float:
    """A missing first year means 'already at nameplate' for running assets, else 'never'."""
    if first_year is not None:
        return float(first_year)
    return ALWAYS if running else NEVER


SEPARATED_PRODUCTS = np.array([p in NEEDS_SEPARATION for p in PRODUCT_LIST])  # by product index
GAP_NAMES = ("nameplate_tpa", "first_year", "ndpr_share")  # in the order block_gaps lists them


def block_gaps(block: Block, first_year: int | None, nameplate: float | None) -> list[str]:
    """What a block lacks to contribute anything (it then contributes zero)."""
    missing = []
    if nameplate is None:
        missing.append("nameplate_tpa")
    if first_year is None and block.stage != Stage.producing:
        missing.append("first_year")
    if block.product != Product.ndpr_oxide and block.ndpr_share is None:
        missing.append("ndpr_share")
    return missing


def spread(shares: np.ndarray, total: float) -> np.ndarray:
    """Deal shares scaled to a new total, pro rata (equally when they are all zero)."""
    current = shares.sum()
    if current > 0:
        return shares / current * total  # not total / current first: tiny shares overflow
    return np.full(shares.size, total / max(shares.size, 1))


def _overridden(status: np.ndarray, records, overrides: dict, names: tuple) -> np.ndarray:
    """Status indices after a scenario's status overrides (a saved plan closes or drops deals,
    builds options)."""
    changed = {k: o.status for k, o in overrides.items() if o.status is not None}
    if not changed:
        return status
    status = status.copy()
    index = {r.id: i for i, r in enumerate(records)}
    for record_id, value in changed.items():
        if record_id in index:
            status[index[record_id]] = names.index(value)
    return status


def deal_status_index(c: RecordColumns, scenario: Scenario) -> np.ndarray:
    return _overridden(c.deal_status, c.deals, scenario.deal_overrides, DEAL_STATUS_LIST)


def plant_status_index(c: RecordColumns, scenario: Scenario) -> np.ndarray:
    return _overridden(c.plant_status, c.plants, scenario.plant_overrides, PLANT_STATUS_LIST)


def deal_statuses(portfolio: Portfolio, scenario: Scenario | None) -> list[DealStatus]:
    """Each deal's status after the scenario's overrides."""
    index = deal_status_index(columns_of(portfolio), scenario or Scenario(name="Base"))
    return [DEAL_STATUS_LIST[i] for i in index.tolist()]


def plant_statuses(portfolio: Portfolio, scenario: Scenario | None) -> list[PlantStatus]:
    """Each plant's status after the scenario's overrides."""
    index = plant_status_index(columns_of(portfolio), scenario or Scenario(name="Base"))
    return [PLANT_STATUS_LIST[i] for i in index.tolist()]


def scaled_offtakes(c: RecordColumns, scenario: Scenario) -> np.ndarray:
    """Deal offtake after deal overrides, then block overrides of India's total share."""
    offtake = c.offtake.copy()
    if scenario.deal_overrides:
        deal_index = {d.id: i for i, d in enumerate(c.deals)}
        for deal_id, override in scenario.deal_overrides.items():
            if override.offtake_share is not None and deal_id in deal_index:
                offtake[deal_index[deal_id]] = override.offtake_share
    totals = {k: o.offtake_share for k, o in scenario.block_overrides.items()}
    totals = {k: v for k, v in totals.items() if v is not None}
    if totals:
        index = {b.id: i for i, b in enumerate(c.blocks)}
        live = deal_status_index(c, scenario) != DEAL_STATUS_LIST.index(DealStatus.rejected)
        for block_id, total in totals.items():
            if block_id not in index:
                continue
            deals = np.flatnonzero((c.deal_block == index[block_id]) & live)
            offtake[deals] = spread(offtake[deals], total)
    return offtake


BASE = Scenario(name="Base")  # the scenario of a plain projection (validating one costs ~50 us)

# What each part of set-up reads from the record columns (`RecordColumns.derived` keeps a part
# until one of these changes); a kind ('blocks') stands for any of its records, e.g. a name.
BLOCK_READS = frozenset(
    {"blocks", "nameplate", "block_first", "block_stage", "block_product", "ndpr_share"}
)
PLANT_READS = frozenset({"plants", "plant_first", "plant_status"})
DYTB_READS = frozenset({"block_product", "dytb_share", "deal_block"})
PLAN_READS = BLOCK_READS | {"block_ramp", "resource", "deal_block", "offtake", "deal_status"}
PLAN_READS |= {"deal_start"}


@dataclass(frozen=True)
class BlockSetup:
    """The blocks' part of set-up before delays: what equation (2) needs, and what is missing."""

    nameplate: np.ndarray  # (B,) 0 for a block that lacks a figure
    start: np.ndarray  # (B,) first year (ALWAYS/NEVER when unknown), before delays
    gaps: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # as ProjectionInputs.gaps
    incomplete: tuple[str, ...]  # "<name> lacks: <labels>"


def block_setup(c: RecordColumns, nameplate: np.ndarray, first: np.ndarray) -> BlockSetup:
    producing = c.block_stage == STAGE_LIST.index(Stage.producing)
    ndpr_oxide = c.block_product == PRODUCT_LIST.index(Product.ndpr_oxide)
    lacks = np.stack(
        [np.isnan(nameplate), np.isnan(first) & ~producing, np.isnan(c.ndpr_share) & ~ndpr_oxide]
    )
    gap = lacks.any(axis=0)
    gaps = tuple(
        (
            "blocks",
            c.blocks[i].id,
            c.blocks[i].name,
            tuple(name for name, lacking in zip(GAP_NAMES, lacks[:, i], strict=True) if lacking),
        )
        for i in np.flatnonzero(gap).tolist()
    )
    return BlockSetup(
        nameplate=_read_only(np.where(gap, 0.0, nameplate)),
        start=_read_only(np.where(np.isnan(first), np.where(producing, ALWAYS, NEVER), first)),
        gaps=gaps,
        incomplete=_lacking(gaps),
    )


def blocks_of(c: RecordColumns, scenario: Scenario) -> BlockSetup:
    """The blocks' set-up under a scenario's block overrides; without any, kept with the
    columns (it depends on the records only)."""
    if not scenario.block_overrides:
        return c.derived(
            ("blocks",), lambda: block_setup(c, c.nameplate, c.block_first), BLOCK_READS
        )
    index = {b.id: i for i, b in enumerate(c.blocks)}
    nameplate, first = c.nameplate.copy(), c.block_first.copy()
    for block_id, override in scenario.block_overrides.items():
        if block_id not in index:
            continue  # a stale reference: the portfolio rules report it
        if override.nameplate_tpa is not None:
            nameplate[index[block_id]] = override.nameplate_tpa
        if override.first_year is not None:
            first[index[block_id]] = override.first_year
    return block_setup(c, nameplate, first)


def delayed(start: np.ndarray, c: RecordColumns, scenario: Scenario) -> np.ndarray:
    """Block start years after the scenario's delays (all blocks, then each block's own)."""
    if not scenario.block_delays:
        return start + float(scenario.delay_years) if scenario.delay_years else start
    index = {b.id: i for i, b in enumerate(c.blocks)}
    delay = np.full(len(c.blocks), float(scenario.delay_years))
    for block_id, years in scenario.block_delays.items():
        if block_id in index:
            delay[index[block_id]] += years
    return start + delay


def stop_years(c: RecordColumns, scenario: Scenario) -> np.ndarray:
    """(2) The year each block's country is disrupted from (NEVER: not disrupted)."""
    if not scenario.disruptions:
        return c.derived(("no stop",), lambda: _read_only(np.full(len(c.blocks), NEVER)), set())
    stop_by_country = np.full(len(c.countries), NEVER)
    country_index = {code: i for i, code in enumerate(c.countries)}
    for d in scenario.disruptions:
        if d.country in country_index:
            k = country_index[d.country]
            stop_by_country[k] = min(stop_by_country[k], d.from_year)
    return stop_by_country[c.block_country]


@dataclass(frozen=True)
class PlantSetup:
    start: np.ndarray  # (P,) first year (ALWAYS/NEVER when unknown)
    gaps: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    incomplete: tuple[str, ...]


def plant_setup(c: RecordColumns, status: np.ndarray) -> PlantSetup:
    operating = status == PLANT_STATUS_LIST.index(PlantStatus.operating)
    gaps = tuple(
        ("plants", c.plants[i].id, c.plants[i].name, ("first_year",))
        for i in np.flatnonzero(np.isnan(c.plant_first) & ~operating).tolist()
    )
    start = np.where(np.isnan(c.plant_first), np.where(operating, ALWAYS, NEVER), c.plant_first)
    return PlantSetup(start=_read_only(start), gaps=gaps, incomplete=_lacking(gaps))


def _lacking(gaps: tuple) -> tuple[str, ...]:
    return tuple(field_words.lacks(name, kind, fields) for kind, _, name, fields in gaps)


def _read_only(array: np.ndarray) -> np.ndarray:
    """Kept with the columns and shared by every projection: nobody may write to it."""
    array.setflags(write=False)
    return array


def _overrides(scenario: Scenario, kind: str, field_name: str) -> bool:
    """Does the scenario override `field_name` of any record of `kind` ('deals', 'plants')?"""
    overrides = scenario.deal_overrides if kind == "deals" else scenario.plant_overrides
    return bool(overrides) and any(getattr(o, field_name) is not None for o in overrides.values())


def build_inputs(
    portfolio: Portfolio,
    scenario: Scenario | None = None,
    *,
    mode: Mode | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    columns: RecordColumns | None = None,
) -> ProjectionInputs:
    """`columns`: the records' numbers when the caller keeps them (the session, after patching
    the rows an edit changed); else they come from the cache of recent portfolios. Whatever
    depends on the records only (and on an assumption's value) is kept with the columns; what a
    scenario overrides is computed again."""
    if end < start:
        raise ValueError(f"horizon: end year {end} is before start year {start}")
    scenario = scenario or BASE
    mode = Mode(mode) if mode is not None else scenario.mode
    a = portfolio.assumptions
    if scenario.assumption_overrides:
        a = a.with_overrides(scenario.assumption_overrides)
    target = scenario.target or portfolio.target
    c = columns if columns is not None else columns_of(portfolio)
    recovery = a.separation_recovery

    blocks = blocks_of(c, scenario)
    block_start = _read_only(delayed(blocks.start, c, scenario))
    ramps = None  # blocks grouped by start and ramp: kept when no block moves on its own
    if not scenario.block_overrides and not scenario.block_delays:
        ramps = c.derived(
            ("ramp groups",),
            lambda: RampGroups.of(blocks.start, c.block_ramp),
            BLOCK_READS | {"block_ramp"},
        )
        if scenario.delay_years:
            ramps = ramps.delayed(float(scenario.delay_years), block_start)
    stage_p = tuple(map(a.p_stage.__getitem__, STAGE_LIST))
    p_stage = c.derived(
        ("p_stage", stage_p), lambda: _read_only(np.array(stage_p)[c.block_stage]), {"block_stage"}
    )
    factor, needs_sep, groups = c.derived(
        ("oxide factor", recovery), lambda: oxide_factors(c, recovery)
    )

    if _overrides(scenario, "deals", "start_year"):
        deal_start = c.deal_start.copy()
        deal_index = {d.id: i for i, d in enumerate(c.deals)}
        for deal_id, override in scenario.deal_overrides.items():
            if override.start_year is not None and deal_id in deal_index:
                deal_start[deal_index[deal_id]] = override.start_year
        deal_start = np.where(np.isnan(deal_start), ALWAYS, deal_start)
    else:
        deal_start = c.derived(
            ("deal start",),
            lambda: _read_only(np.where(np.isnan(c.deal_start), ALWAYS, c.deal_start)),
            {"deal_start"},
        )
    if _overrides(scenario, "deals", "status"):
        deal_weight = deal_weights(mode, p_stage[c.deal_block], deal_status_index(c, scenario), a)
    else:
        deal_p = tuple(map(a.p_deal.__getitem__, DEAL_STATUS_LIST))
        deal_weight = c.derived(
            ("deal weight", mode, stage_p, deal_p),
            lambda: _read_only(deal_weights(mode, p_stage[c.deal_block], c.deal_status, a)),
            {"block_stage", "deal_block", "deal_status"},
        )
    if _overrides(scenario, "deals", "offtake_share") or _has_offtake_totals(scenario):
        offtake = scaled_offtakes(c, scenario)
    else:
        offtake = c.offtake  # read-only, as every column

    plant_groups = None  # plants grouped by start and ramp: kept when no plant is overridden
    if _overrides(scenario, "plants", "status"):
        plant_status = plant_status_index(c, scenario)
        plants = plant_setup(c, plant_status)
        plant_weight = plant_weights(mode, plant_status, a)
    else:
        plants = c.derived(("plants",), lambda: plant_setup(c, c.plant_status), PLANT_READS)
        plant_p = tuple(map(a.p_plant.__getitem__, PLANT_STATUS_LIST))
        plant_weight = c.derived(
            ("plant weight", mode, plant_p),
            lambda: _read_only(plant_weights(mode, c.plant_status, a)),
            {"plant_status"},
        )
        plant_groups = c.derived(
            ("plant groups", mode, plant_p),
            lambda: PlantGroups.of(
                plants.start, c.plant_ramp, c.plant_capacity, plant_weight, c.plant_stage
            ),
            PLANT_READS | {"plant_ramp", "plant_capacity", "plant_stage"},
        )

    dytb_missing = (
        c.derived(("dytb gaps",), lambda: tuple(dytb_gaps(c)), DYTB_READS | {"blocks", "block_ids"})
        if a.high_temp_share > 0
        else ()
    )
    inputs = ProjectionInputs(
        scenario=scenario.name,
        mode=mode,
        years=np.arange(start, end + 1),
        target=target_series(target, start, end),
        oxide_to_metal=a.oxide_to_metal,
        ndpr_in_magnet=a.ndpr_in_magnet,
        separation_allocation=a.separation_allocation.value,
        high_temp_share=a.high_temp_share,
        dytb_per_magnet=a.dytb_intensity / a.dytb_oxide_to_metal,
        dytb_market=a.dytb_market_tpa,
        block_ids=c.block_ids,
        block_country=c.block_country,
        countries=c.countries,
        nameplate=blocks.nameplate,
        block_start=block_start,
        block_ramp=c.block_ramp,
        resource=c.resource,
        stop_year=stop_years(c, scenario),
        p_stage=p_stage,
        deal_ids=c.deal_ids,
        deal_block=c.deal_block,
        offtake=offtake,
        deal_weight=deal_weight,
        deal_start=deal_start,
        oxide_factor=factor,
        needs_separation=needs_sep,
        dytb_factor=c.derived(
            ("dytb factor", recovery), lambda: dytb_factors(c, recovery), DYTB_READS
        ),
        plant_ids=c.plant_ids,
        plant_stage=c.plant_stage,
        plant_capacity=c.plant_capacity,
        plant_start=plants.start,
        plant_ramp=c.plant_ramp,
        plant_weight=plant_weight,
        incomplete=blocks.incomplete + plants.incomplete,
        gaps=blocks.gaps + plants.gaps,
        dytb_unknown=tuple(text for *_, text in dytb_missing),
        dytb_unknown_blocks=tuple((block_id, name) for block_id, name, _ in dytb_missing),
        delayed=scenario.delays_starts,
        ramp_groups=ramps,
        plant_groups=plant_groups,
    )
    inputs.__dict__["separation_groups"] = groups  # known already: spare the cached_property
    plain = not (scenario.deal_overrides or scenario.disruptions or _has_offtake_totals(scenario))
    if ramps is not None and plain:  # every array the deal plan describes is kept with `c`
        key = ("deal plan", mode, stage_p, deal_p, inputs.years.size)
        inputs.__dict__["deal_plan"] = c.derived(
            key, lambda: DealPlan.of(inputs, ramps.of_block), PLAN_READS
        )
    return inputs


def target_series(target: Target, start: int, end: int) -> np.ndarray:
    """t magnets/yr by year of the horizon."""
    if not target.path:  # one number for every year
        return np.full(end - start + 1, float(target.default_tpa))
    return np.array(target.series(range(start, end + 1)), dtype=float)


def _has_offtake_totals(scenario: Scenario) -> bool:
    return any(o.offtake_share is not None for o in scenario.block_overrides.values())


def oxide_factors(c: RecordColumns, recovery: float):
    """(4) f_d and whether each deal needs separation, and the deals' yield groups."""
    deal_product = c.block_product[c.deal_block]
    share = np.nan_to_num(c.ndpr_share)[c.deal_block]
    separated = deal_product == PRODUCT_LIST.index(Product.separated)
    factor = np.where(separated, share, share * recovery)
    factor[deal_product == PRODUCT_LIST.index(Product.ndpr_oxide)] = 1.0
    needs_sep = SEPARATED_PRODUCTS[deal_product]
    factor.setflags(write=False)
    needs_sep.setflags(write=False)
    return factor, needs_sep, SeparationGroups.of(factor, needs_sep)


def dytb_factors(c: RecordColumns, recovery: float) -> np.ndarray:
    """(8) g_d = dytb_share_b x recovery for feed that needs separation, dytb_share_b for a
    separated or ndpr_oxide product (Dy+Tb oxide per t of the stated output); 0 when unknown."""
    needs = SEPARATED_PRODUCTS[c.block_product]
    per_block = np.nan_to_num(c.dytb_share) * np.where(needs, recovery, 1.0)
    factor = per_block[c.deal_block]
    factor.setflags(write=False)
    return factor


def dytb_gaps(c: RecordColumns) -> list[tuple[str, str, str]]:
    """Blocks with a deal whose Dy+Tb share is unknown: they add no Dy/Tb (listed when it counts),
    as (block id, name, '<name> lacks: Dy+Tb share; its Dy/Tb counts as zero')."""
    with_deal = np.zeros(len(c.blocks), dtype=bool)
    with_deal[c.deal_block] = True
    return [
        (
            c.block_ids[i],
            c.blocks[i].name,
            field_words.lacks(c.blocks[i].name, "blocks", ["dytb_share"])
            + "; its Dy/Tb counts as zero",
        )
        for i in np.flatnonzero(with_deal & np.isnan(c.dytb_share)).tolist()
    ]
