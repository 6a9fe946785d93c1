"""Monte Carlo over project, deal and plant success and delays: how likely is the target?

Each draw decides, independently: does each block reach production (Bernoulli, its stage
probability), does each deal close (its status probability), does each plant get built (its status
probability), and how many whole years each block and plant slips (uniform 0..max by stage or
status). With `sourced_spread` (the default of `monte_carlo`), a block's nameplate or a plant's
capacity that has several sourced values is also drawn, triangular between the lowest and highest
of them with its mode at the value in use (model/sourced_draws.py says which and why). The draw is
then projected with weights 0/1 (times drawn / in-use size) by equations (1)-(7).

`simulate` is the fast path. A block's output depends on its draw only through success (a 0/1
factor) and its delay (one of a few values), so every deal's contribution can be computed once per
possible delay; a draw then *selects* one row per deal, and the selection of thousands of draws is
one matrix product (BLAS). `simulate_reference` is the direct broadcast over draws x years x
blocks: slower and simpler, kept to check the fast path and to time it against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from model.band_words import beyond_band
from model.choices import DRAWS, MAX_DRAWS, SEED
from model.heavy_rare_earths import dytb_equivalent, dytb_magnets, grade_mix_limit
from model.inputs import (
    ProjectionInputs,
    SeparationGroups,
    build_inputs,
    deal_statuses,
    plant_statuses,
)
from model.portfolio import Portfolio
from model.projection import (
    block_output,
    compute,
    merit_order_share,
    ramp,
    separation_share,
    yield_groups,
)
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario
from model.sourced_draws import SourcedRange, sourced_ranges, summary

CHUNK = 512  # draws per matrix product: bounds memory (the selection matrix is CHUNK x rows)


class Cancelled(Exception):
    """A long run stopped because its caller asked it to (a newer request replaced it)."""


Progress = Callable[[float], None]  # called with the fraction done, 0..1


@dataclass(frozen=True)
class Setup:
    """Projection inputs at full weight plus what the draws need."""

    inputs: ProjectionInputs  # mode 'all': offtakes, starts, capacities; rejected deals weigh 0
    p_block: np.ndarray  # (B,) stage probability
    p_deal: np.ndarray  # (D,) status probability
    p_plant: np.ndarray  # (P,) status probability
    max_delay_block: np.ndarray  # (B,) whole years
    max_delay_plant: np.ndarray  # (P,)
    sourced: tuple[SourcedRange, ...] = ()  # sizes drawn from their sourced values
    not_drawn: tuple[str, ...] = ()  # sourced ranges not drawn, and why


@dataclass(frozen=True)
class Draws:
    block_ok: np.ndarray  # (N, B) bool
    deal_ok: np.ndarray  # (N, D) bool
    plant_ok: np.ndarray  # (N, P) bool
    block_delay: np.ndarray  # (N, B) int8
    plant_delay: np.ndarray  # (N, P) int8
    sized: np.ndarray | None = None  # (N, S) float32: drawn size / size in use, of Setup.sourced

    @property
    def n(self) -> int:
        return self.block_ok.shape[0]


def setup(
    portfolio: Portfolio,
    scenario: Scenario | None = None,
    *,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    sourced_spread: bool = False,
) -> Setup:
    """What the draws need. `sourced_spread`: also draw the sizes that have sourced ranges (off
    here, so the ranking and the optimiser compare deals on the same sizes; `monte_carlo` turns
    it on)."""
    scenario = scenario or Scenario(name="Base")
    a = portfolio.assumptions.with_overrides(scenario.assumption_overrides)
    inputs = build_inputs(portfolio, scenario, mode=Mode.all, start=start, end=end)
    plants = plant_statuses(portfolio, scenario)
    drawn, not_drawn = sourced_ranges(portfolio, scenario, inputs) if sourced_spread else ((), ())
    return Setup(
        inputs=inputs,
        p_block=inputs.p_stage,
        p_deal=np.array([a.p_deal[s] for s in deal_statuses(portfolio, scenario)], dtype=float),
        p_plant=np.array([a.p_plant[s] for s in plants], dtype=float),
        max_delay_block=np.array(
            [a.max_delay_stage[b.stage] for b in portfolio.blocks], dtype=np.intp
        ),
        max_delay_plant=np.array([a.max_delay_plant[s] for s in plants], dtype=np.intp),
        sourced=drawn,
        not_drawn=not_drawn,
    )


DRAW_ROWS = 1024  # draws generated at a time: the float64 uniforms never exist for all at once


def draw(s: Setup, n: int, seed: int | None) -> Draws:
    """n independent draws; the same seed gives the same draws. Kept as booleans and int8
    (10,000 draws x 1,000 blocks: ~40 MB), generated DRAW_ROWS at a time. The sourced sizes
    come after, from the same generator, so draws without them are as before. Refuses a count
    outside 1-MAX_DRAWS in one line (ValueError)."""
    if not 1 <= n <= MAX_DRAWS:
        raise ValueError(f"draws: must be a whole number from 1 to {MAX_DRAWS:,}, not {n:,}")
    rng = np.random.default_rng(seed)
    out = Draws(
        block_ok=np.empty((n, s.p_block.size), dtype=bool),
        deal_ok=np.empty((n, s.p_deal.size), dtype=bool),
        plant_ok=np.empty((n, s.p_plant.size), dtype=bool),
        block_delay=np.empty((n, s.p_block.size), dtype=np.int8),
        plant_delay=np.empty((n, s.p_plant.size), dtype=np.int8),
    )
    for lo in range(0, n, DRAW_ROWS):
        hi = min(lo + DRAW_ROWS, n)
        m = hi - lo
        np.less(rng.random((m, s.p_block.size)), s.p_block, out=out.block_ok[lo:hi])
        np.less(rng.random((m, s.p_deal.size)), s.p_deal, out=out.deal_ok[lo:hi])
        np.less(rng.random((m, s.p_plant.size)), s.p_plant, out=out.plant_ok[lo:hi])
        out.block_delay[lo:hi] = rng.integers(0, s.max_delay_block + 1, size=(m, s.p_block.size))
        out.plant_delay[lo:hi] = rng.integers(0, s.max_delay_plant + 1, size=(m, s.p_plant.size))
    if s.sourced:  # as ratios to the size in use, float32, DRAW_ROWS at a time
        low, mode, high = (np.array([getattr(r, k) for r in s.sourced]) for k in BOUNDS)
        sized = np.empty((n, len(s.sourced)), dtype=np.float32)
        for lo in range(0, n, DRAW_ROWS):
            m = min(lo + DRAW_ROWS, n) - lo
            sized[lo : lo + m] = rng.triangular(low, mode, high, size=(m, mode.size)) / mode
        out = replace(out, sized=sized)
    return out


BOUNDS = ("low", "mode", "high")


def sized_columns(s: Setup, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """For the drawn sizes of one kind: their columns in Draws.sized and the blocks' or plants'
    positions."""
    column = np.array([k for k, r in enumerate(s.sourced) if r.kind == kind], dtype=np.intp)
    index = np.array([r.index for r in s.sourced if r.kind == kind], dtype=np.intp)
    return column, index


def _scales(s: Setup, draws: Draws, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Each block's and plant's drawn size / size in use for draws lo:hi ((n, B), (n, P)), or
    None when no size is drawn."""
    if not s.sourced or draws.sized is None:
        return None
    out = []
    for kind, size in (("blocks", s.p_block.size), ("plants", s.p_plant.size)):
        column, index = sized_columns(s, kind)
        scale = np.ones((hi - lo, size))
        scale[:, index] = draws.sized[lo:hi, column]
        out.append(scale)
    return out[0], out[1]


# --- the fast path -----------------------------------------------------------------------------


def _options(max_delay: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row offset of each item's first delay option, and the item and delay of every row."""
    counts = max_delay + 1
    offset = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.intp)
    item = np.repeat(np.arange(max_delay.size), counts)
    delay = np.arange(counts.sum()) - offset[item]
    return offset, np.stack([item, delay])


def counts_dytb(inputs: ProjectionInputs) -> bool:
    """Whether the Dy/Tb limit (equation 8) can bind: some output must be high-temperature."""
    return inputs.high_temp_share > 0


def deal_table(s: Setup) -> tuple[np.ndarray, np.ndarray]:
    """Rows (deal, delay of its block) -> [oxide needing no separation | oxide if all its feed
    were separated | feed needing separation] by year, and when the Dy/Tb limit counts
    [Dy+Tb oxide needing no separation | Dy+Tb oxide in the feed needing separation]. Sums over
    deals are linear, so a draw's totals are one matrix product; the merit order then needs the
    per-deal feed only where separation binds (see `_fast_merit`). Returns the table (R, 3T or
    5T) and each deal's offset."""
    i = s.inputs
    years = i.years
    block_max = s.max_delay_block[i.deal_block]
    offset, (deal, delay) = _options(block_max)
    block = i.deal_block[deal]
    start = i.block_start[block] + delay
    q = block_output(
        i.nameplate[block],
        ramp(start, i.block_ramp[block], years),
        i.resource[block],
        i.stop_year[block],
        years,
    )  # (T, R): each row is one block at one delay
    started = years[:, None] >= i.deal_start[deal][None, :]
    delivered = q * (i.offtake * i.deal_weight)[deal][None, :] * started
    oxide = delivered * i.oxide_factor[deal][None, :]
    sep = i.needs_separation[deal][None, :]
    columns = [np.where(sep, 0.0, oxide), np.where(sep, oxide, 0.0), delivered * sep]
    if counts_dytb(i):
        dytb = delivered * i.dytb_factor[deal][None, :]
        columns += [np.where(sep, 0.0, dytb), np.where(sep, dytb, 0.0)]
    return np.concatenate(columns).T.copy(), offset


def plant_table(s: Setup) -> tuple[np.ndarray, np.ndarray]:
    """Rows (plant, delay) -> [separation | metal | magnet capacity] by year; (R, 3T), offsets."""
    i = s.inputs
    t = i.years.size
    offset, (plant, delay) = _options(s.max_delay_plant)
    cap = ramp(i.plant_start[plant] + delay, i.plant_ramp[plant], i.years) * i.plant_capacity[plant]
    table = np.zeros((plant.size, 3 * t))
    for stage in range(3):
        rows = i.plant_stage[plant] == stage
        table[rows, stage * t : (stage + 1) * t] = cap[:, rows].T
    return table, offset


def _select(ok: np.ndarray, row: np.ndarray, rows: int) -> np.ndarray:
    """One-hot selection (N, rows): each item's row for its drawn delay, 1 where it succeeded."""
    out = np.zeros((ok.shape[0], rows))
    out[np.arange(ok.shape[0])[:, None], row] = ok
    return out


Merit = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (draw rows, years) -> t separated


def _separated(direct, if_all, feed, sep_cap, inputs: ProjectionInputs, merit: Merit):
    """Equation (4) on the totals of a block of draws: what needs no separation plus what is
    separated of the rest; where separation binds under the merit order, `merit` gives it."""
    if inputs.separation_allocation == "pro_rata":
        return direct + if_all * separation_share(feed, sep_cap)
    out = direct + if_all
    rows, years = np.nonzero(feed > sep_cap)
    if rows.size:
        out[rows, years] = direct[rows, years] + merit(rows, years)
    return out


def _chain(
    flows: np.ndarray,
    caps: np.ndarray,
    inputs: ProjectionInputs,
    merit_oxide: Merit,
    merit_dytb: Merit | None = None,
) -> np.ndarray:
    """Equations (4)-(5) and (8) for a block of draws. flows: [direct oxide | oxide if all
    separated | feed] (n, 3T), then [direct Dy+Tb | Dy+Tb if all separated] when the Dy/Tb limit
    counts; caps: [separation | metal | magnet] (n, 3T). Where the feed exceeds the separation
    capacity, `merit_oxide` and `merit_dytb` (draw rows, years) give what is separated under the
    merit order (pro rata needs only the totals)."""
    t = inputs.years.size
    direct, sep_oxide, feed = flows[:, :t], flows[:, t : 2 * t], flows[:, 2 * t : 3 * t]
    sep_cap, metal_cap, magnet_cap = caps[:, :t], caps[:, t : 2 * t], caps[:, 2 * t :]
    oxide = _separated(direct, sep_oxide, feed, sep_cap, inputs, merit_oxide)
    metal = np.minimum(oxide * inputs.oxide_to_metal, metal_cap)
    magnets = np.minimum(metal / inputs.ndpr_in_magnet, magnet_cap)
    if not counts_dytb(inputs) or merit_dytb is None:
        return magnets
    dytb_direct, dytb_if_all = flows[:, 3 * t : 4 * t], flows[:, 4 * t :]
    supply = _separated(dytb_direct, dytb_if_all, feed, sep_cap, inputs, merit_dytb)
    supply += inputs.dytb_market
    dytb_eq = dytb_equivalent(dytb_magnets(supply, inputs.dytb_per_magnet), inputs.high_temp_share)
    return grade_mix_limit(magnets, dytb_eq)


MERIT_CELLS = 2_000_000  # per-deal feeds held at once when separation binds (16 MB)


def yield_steps(g: SeparationGroups, oxide_factor: np.ndarray) -> np.ndarray:
    """Drops of the yield along the deals sorted richest first: separated oxide under the merit
    order is sum_d min(C_d, SepCap) * step_d, C_d the feed of the deals up to d (Abel summation
    of sum_d y_d * (min(C_d, cap) - min(C_d-1, cap)); ties need no grouping for the total)."""
    y = oxide_factor[g.deals]
    return y - np.append(y[1:], 0.0)


def _fast_merit(rows, years, *, row, ok, caps, feed_rows, groups, steps) -> np.ndarray:
    """Oxide separated in the cells (draw rows, years) where separation binds: for each such
    draw, every deal's feed by year gathered from the table, a bounded number at a time."""
    t = feed_rows.shape[1]
    draws, cell_draw = np.unique(rows, return_inverse=True)
    per_draw = np.empty((draws.size, t))
    step = max(1, MERIT_CELLS // max(groups.deals.size * t, 1))
    for k in range(0, draws.size, step):
        d = draws[k : k + step]
        feed = feed_rows[row[d][:, groups.deals]]  # (m, Ds, T)
        feed *= ok[d][:, groups.deals][:, :, None]
        np.cumsum(feed, axis=1, out=feed)
        np.minimum(feed, caps[d, None, :t], out=feed)
        per_draw[k : k + step] = np.einsum("mdt,d->mt", feed, steps)
    return per_draw[cell_draw.reshape(-1), years]


def _fast_merit_dytb(rows, years, *, row, ok, caps, feed_rows, dytb_rows, groups) -> np.ndarray:
    """Dy+Tb separated in the cells where separation binds: each yield group's separated share
    (equation 4) applied to the Dy+Tb in its feed, for the draws concerned, a bounded number at a
    time."""
    t = feed_rows.shape[1]
    draws, cell_draw = np.unique(rows, return_inverse=True)
    per_draw = np.empty((draws.size, t))
    step = max(1, MERIT_CELLS // max(2 * groups.deals.size * t, 1))
    for k in range(0, draws.size, step):
        d = draws[k : k + step]
        take, kept = row[d][:, groups.deals], ok[d][:, groups.deals][:, :, None]
        feed_g = np.add.reduceat(feed_rows[take] * kept, groups.starts, axis=1)  # (m, G, T)
        dytb_g = np.add.reduceat(dytb_rows[take] * kept, groups.starts, axis=1)
        per_draw[k : k + step] = (dytb_g * merit_order_share(feed_g, caps[d, :t])).sum(axis=1)
    return per_draw[cell_draw.reshape(-1), years]


def simulate(
    s: Setup,
    draws: Draws,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> np.ndarray:
    """Magnets per draw and year, (N, T). Reports progress and checks `cancelled` per chunk."""
    i = s.inputs
    t = i.years.size
    deals, deal_offset = deal_table(s)
    plants, plant_offset = plant_table(s)
    feed_rows = deals[:, 2 * t : 3 * t].copy()  # (R, T): each row's feed, for gathers
    dytb_rows = deals[:, 4 * t :].copy() if counts_dytb(i) else None
    groups = i.separation_groups
    steps = yield_steps(groups, i.oxide_factor)
    out = np.empty((draws.n, t))
    for lo in range(0, draws.n, CHUNK):
        hi = min(lo + CHUNK, draws.n)
        ok = draws.block_ok[lo:hi][:, i.deal_block] & draws.deal_ok[lo:hi]
        plant_ok = draws.plant_ok[lo:hi]
        scales = _scales(s, draws, lo, hi)
        if scales is not None:  # output and capacity are linear in the drawn sizes
            ok = ok * scales[0][:, i.deal_block]
            plant_ok = plant_ok * scales[1]
        row = deal_offset[None, :] + draws.block_delay[lo:hi][:, i.deal_block]
        flows = _select(ok, row, deals.shape[0]) @ deals
        caps = (
            _select(plant_ok, plant_offset[None, :] + draws.plant_delay[lo:hi], plants.shape[0])
            @ plants
        )

        merit = partial(
            _fast_merit,
            row=row,
            ok=ok,
            caps=caps,
            feed_rows=feed_rows,
            groups=groups,
            steps=steps,
        )
        merit_dytb = partial(
            _fast_merit_dytb,
            row=row,
            ok=ok,
            caps=caps,
            feed_rows=feed_rows,
            dytb_rows=dytb_rows,
            groups=groups,
        )
        out[lo:hi] = _chain(flows, caps, i, merit, merit_dytb)
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(hi / draws.n)
    return out


# --- the reference -----------------------------------------------------------------------------


def _reference_merit(rows, years, *, a, caps, inputs) -> np.ndarray:
    """Every deal's feed in the cell, by yield (highest first), capacity handed out in turn."""
    sep = inputs.needs_separation
    levels, group = yield_groups(inputs.oxide_factor[sep])
    feed = a[rows, years][:, sep]
    out = np.zeros(rows.size)
    left = caps[rows, years].copy()
    for g, level in enumerate(levels.tolist()):
        f = feed[:, group == g].sum(axis=1)
        out += np.minimum(f, np.maximum(left, 0.0)) * level
        left -= f
    return out


def _reference_merit_dytb(rows, years, *, a, caps, inputs) -> np.ndarray:
    """Every deal's feed and Dy+Tb in the cell, by yield (highest first): each group's
    separated share of its feed applied to its Dy+Tb."""
    sep = inputs.needs_separation
    levels, group = yield_groups(inputs.oxide_factor[sep])
    feed = a[rows, years][:, sep]
    dytb = feed * inputs.dytb_factor[sep]
    out = np.zeros(rows.size)
    left = caps[rows, years].copy()
    for g in range(levels.size):
        f = feed[:, group == g].sum(axis=1)
        taken = np.minimum(f, np.maximum(left, 0.0))
        share = np.divide(taken, f, out=np.ones_like(f), where=f > 0)
        out += dytb[:, group == g].sum(axis=1) * share
        left -= f
    return out


def simulate_reference(s: Setup, draws: Draws, chunk: int = 1000) -> np.ndarray:
    """The same numbers by direct broadcasting over draws x years x blocks (slow, plain)."""
    i = s.inputs
    years = i.years.astype(float)
    t = years.size
    out = np.empty((draws.n, t))
    for lo in range(0, draws.n, chunk):
        hi = min(lo + chunk, draws.n)
        start = i.block_start[None, :] + draws.block_delay[lo:hi]  # (n, B)
        r = np.clip((years[None, :, None] - start[:, None, :] + 1) / i.block_ramp, 0, 1)
        q = r * i.nameplate  # (n, T, B)
        if np.isfinite(i.resource).any():
            q = np.diff(np.minimum(np.cumsum(q, axis=1), i.resource), axis=1, prepend=0.0)
        q = q * (years[None, :, None] < i.stop_year) * draws.block_ok[lo:hi, None, :]
        scales = _scales(s, draws, lo, hi)
        if scales is not None:
            q = q * scales[0][:, None, :]
        w = i.offtake * i.deal_weight * draws.deal_ok[lo:hi]  # (n, D)
        a = q[:, :, i.deal_block] * w[:, None, :] * (years[:, None] >= i.deal_start)
        sep = i.needs_separation
        pstart = i.plant_start[None, :] + draws.plant_delay[lo:hi]
        pr = np.clip((years[None, :, None] - pstart[:, None, :] + 1) / i.plant_ramp, 0, 1)
        cap = pr * i.plant_capacity * draws.plant_ok[lo:hi, None, :]  # (n, T, P)
        if scales is not None:
            cap = cap * scales[1][:, None, :]
        caps = np.concatenate([(cap * (i.plant_stage == k)).sum(axis=2) for k in range(3)], axis=1)
        oxide = a * i.oxide_factor
        flows = [(oxide * ~sep).sum(axis=2), (oxide * sep).sum(axis=2), (a * sep).sum(axis=2)]
        if counts_dytb(i):
            dytb = a * i.dytb_factor
            flows += [(dytb * ~sep).sum(axis=2), (dytb * sep).sum(axis=2)]

        merit = partial(_reference_merit, a=a, caps=caps, inputs=i)
        merit_dytb = partial(_reference_merit_dytb, a=a, caps=caps, inputs=i)
        out[lo:hi] = _chain(np.concatenate(flows, axis=1), caps, i, merit, merit_dytb)
    return out


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonteCarloResult:
    years: np.ndarray
    target: np.ndarray
    magnets: np.ndarray  # (N, T) one row per draw
    seed: int | None
    sourced: tuple[SourcedRange, ...] = ()  # sizes drawn from their sourced values
    not_drawn: tuple[str, ...] = ()  # sourced ranges not drawn, and why
    # The same draws with no slip (every block and plant on its schedule), so a figure outside
    # the band can be explained by what was computed (model/band_words.py); None when the
    # expected figure lies inside the band in every year (nothing to explain).
    on_schedule: np.ndarray | None = None  # (N, T)
    max_slip: np.ndarray | None = None  # (T,) longest slip of a block starting by each year

    @property
    def sourced_note(self) -> str:
        """'Drawn from sourced values: ...' ('' when none is)."""
        return summary(self.sourced)

    @property
    def n(self) -> int:
        return self.magnets.shape[0]

    def percentile(self, q: float) -> np.ndarray:
        """By year; computed once per q (a chart redraw during a what-if step asks again)."""
        cache = self.__dict__.setdefault("_percentiles", {})
        if q not in cache:
            cache[q] = np.percentile(self.magnets, q, axis=0)
            cache[q].setflags(write=False)
        return cache[q]

    @property
    def mean(self) -> np.ndarray:
        return self.magnets.mean(axis=0)

    @property
    def p_target(self) -> np.ndarray:
        """Share of draws with magnets >= target, by year."""
        return (self.magnets >= self.target - 1e-9).mean(axis=0)

    def first_year_met(self) -> dict[str, float]:
        """Share of draws by the first year (with a target above zero) in which it is met."""
        met = (self.magnets >= self.target - 1e-9) & (self.target > 0)
        any_met = met.any(axis=1)
        first = np.where(any_met, met.argmax(axis=1), -1)
        shares = {str(y): float((first == k).mean()) for k, y in enumerate(self.years.tolist())}
        shares["never"] = float((~any_met).mean())
        return {k: v for k, v in shares.items() if v > 0 or k == "never"}

    def rows(self) -> list[dict]:
        p10, p50, p90 = (self.percentile(q) for q in (10, 50, 90))
        mean, p_target = self.mean, self.p_target
        return [
            {
                "year": int(y),
                "target_t": float(self.target[k]),
                "p10_t": float(p10[k]),
                "p50_t": float(p50[k]),
                "p90_t": float(p90[k]),
                "mean_t": float(mean[k]),
                "p_target": float(p_target[k]) if self.target[k] > 0 else None,  # no target
            }
            for k, y in enumerate(self.years.tolist())
        ]


def monte_carlo(
    portfolio: Portfolio,
    scenario: Scenario | None = None,
    *,
    draws: int = DRAWS,
    seed: int | None = SEED,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    sourced_spread: bool = True,
    explain: bool = True,
) -> MonteCarloResult:
    """`sourced_spread`: also draw the sizes with sourced ranges (model/sourced_draws.py).
    `explain`: also simulate the same draws with no slip where model/band_words.py needs them
    to explain the expected figure outside the band (in no year: not simulated)."""
    s = setup(portfolio, scenario, start=start, end=end, sourced_spread=sourced_spread)
    drawn = draw(s, draws, seed)
    magnets = simulate(s, drawn, progress, cancelled)
    on_schedule = None
    if explain and _needs_no_slip(portfolio, scenario, start, end, magnets):
        no_slip = replace(
            drawn,
            block_delay=np.zeros_like(drawn.block_delay),
            plant_delay=np.zeros_like(drawn.plant_delay),
        )
        on_schedule = simulate(s, no_slip, None, cancelled)
    return MonteCarloResult(
        years=s.inputs.years,
        target=s.inputs.target,
        magnets=magnets,
        seed=seed,
        sourced=s.sourced,
        not_drawn=s.not_drawn,
        on_schedule=on_schedule,
        max_slip=_max_slip_by_year(s),
    )


def _needs_no_slip(portfolio, scenario, start: int, end: int, magnets: np.ndarray) -> bool:
    """Whether the expected figure lies outside the draws' band in some year (the projection
    is a few milliseconds; the second pass over the draws is a whole simulation)."""
    expected = build_inputs(portfolio, scenario, mode=Mode.expected, start=start, end=end)
    p10, p90 = np.percentile(magnets, [10, 90], axis=0)
    return bool(beyond_band(compute(expected).magnets, p10, p90).any())


def _max_slip_by_year(s: Setup) -> np.ndarray:
    """By year: the longest slip the draws allow a block that starts by then (0: none starts)."""
    started = s.inputs.block_start[None, :] <= s.inputs.years[:, None]  # (T, B)
    return np.where(started, s.max_delay_block[None, :], 0).max(axis=1, initial=0)
