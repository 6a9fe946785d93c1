"""Monte Carlo over project, deal and plant success and delays: how likely is the target?

Each draw decides, independently: does each block reach production (Bernoulli, its stage
probability), does each deal close (its status probability), does each plant get built (its status
probability), and how many whole years each block and plant slips (uniform 0..max by stage or
status). The draw is then projected with weights 0/1 by equations (1)-(7).

`simulate` is the fast path. A block's output depends on its draw only through success (a 0/1
factor) and its delay (one of a few values), so every deal's contribution can be computed once per
possible delay; a draw then *selects* one row per deal, and the selection of thousands of draws is
one matrix product (BLAS). `simulate_reference` is the direct broadcast over draws x years x
blocks: slower and simpler, kept to check the fast path and to time it against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from model.inputs import ProjectionInputs, build_inputs
from model.portfolio import Portfolio
from model.projection import (
    block_output,
    merit_order_share,
    ramp,
    separation_share,
    yield_groups,
)
from model.scenario import Mode, Scenario

CHUNK = 2048  # draws per matrix product: bounds memory, keeps the selection matrix in cache


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


@dataclass(frozen=True)
class Draws:
    block_ok: np.ndarray  # (N, B) bool
    deal_ok: np.ndarray  # (N, D) bool
    plant_ok: np.ndarray  # (N, P) bool
    block_delay: np.ndarray  # (N, B) int8
    plant_delay: np.ndarray  # (N, P) int8

    @property
    def n(self) -> int:
        return self.block_ok.shape[0]


def setup(
    portfolio: Portfolio, scenario: Scenario | None = None, *, start: int = 2025, end: int = 2040
) -> Setup:
    scenario = scenario or Scenario(name="Base")
    a = portfolio.assumptions.with_overrides(scenario.assumption_overrides)
    inputs = build_inputs(portfolio, scenario, mode=Mode.all, start=start, end=end)
    return Setup(
        inputs=inputs,
        p_block=inputs.p_stage,
        p_deal=np.array([a.p_deal[d.status] for d in portfolio.deals], dtype=float),
        p_plant=np.array([a.p_plant[p.status] for p in portfolio.plants], dtype=float),
        max_delay_block=np.array(
            [a.max_delay_stage[b.stage] for b in portfolio.blocks], dtype=np.intp
        ),
        max_delay_plant=np.array(
            [a.max_delay_plant[p.status] for p in portfolio.plants], dtype=np.intp
        ),
    )


def draw(s: Setup, n: int, seed: int | None) -> Draws:
    """n independent draws; the same seed gives the same draws."""
    rng = np.random.default_rng(seed)
    b, d, p = s.p_block.size, s.p_deal.size, s.p_plant.size
    return Draws(
        block_ok=rng.random((n, b)) < s.p_block,
        deal_ok=rng.random((n, d)) < s.p_deal,
        plant_ok=rng.random((n, p)) < s.p_plant,
        block_delay=rng.integers(0, s.max_delay_block + 1, size=(n, b)).astype(np.int8),
        plant_delay=rng.integers(0, s.max_delay_plant + 1, size=(n, p)).astype(np.int8),
    )


# --- the fast path -----------------------------------------------------------------------------


def _options(max_delay: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row offset of each item's first delay option, and the item and delay of every row."""
    counts = max_delay + 1
    offset = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.intp)
    item = np.repeat(np.arange(max_delay.size), counts)
    delay = np.arange(counts.sum()) - offset[item]
    return offset, np.stack([item, delay])


def deal_table(s: Setup) -> tuple[np.ndarray, np.ndarray]:
    """Rows (deal, delay of its block) -> [oxide needing no separation | feed of each NdPr yield
    group, highest yield first] by year, so either allocation rule of equation 4 can run on the
    sums. Returns the table (R, (1 + G) T) and each deal's row offset."""
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
    sep = i.needs_separation[deal][None, :]
    direct = np.where(sep, 0.0, delivered * i.oxide_factor[deal][None, :])
    levels, group = yield_groups(i.oxide_factor)
    feeds = [
        np.where(sep & (group[deal] == g)[None, :], delivered, 0.0) for g in range(levels.size)
    ]
    return np.concatenate([direct, *feeds]).T.copy(), offset


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


def _select(ok: np.ndarray, delay: np.ndarray, offset: np.ndarray, rows: int) -> np.ndarray:
    """One-hot selection (N, rows): each item's row for its drawn delay, 1 where it succeeded."""
    n, items = ok.shape
    out = np.zeros((n, rows))
    out[np.arange(n)[:, None], offset[None, :items] + delay] = ok
    return out


def _chain(flows: np.ndarray, caps: np.ndarray, t: int, inputs: ProjectionInputs) -> np.ndarray:
    """Equations (4)-(5) for a block of draws: separation by the allocation rule, then metal and
    magnet caps. flows: [direct oxide | feed of each yield group] (n, (1 + G) T)."""
    levels, _ = yield_groups(inputs.oxide_factor)
    direct = flows[:, :t]
    feed_g = flows[:, t:].reshape(flows.shape[0], levels.size, t)
    sep_cap, metal_cap, magnet_cap = caps[:, :t], caps[:, t : 2 * t], caps[:, 2 * t :]
    if inputs.separation_allocation == "pro_rata":
        share = separation_share(feed_g.sum(axis=1), sep_cap)[:, None, :]
    else:
        share = merit_order_share(feed_g, sep_cap)
    oxide = direct + np.einsum("ngt,g->nt", feed_g * share, levels)
    metal = np.minimum(oxide * inputs.oxide_to_metal, metal_cap)
    return np.minimum(metal / inputs.ndpr_in_magnet, magnet_cap)


def simulate(
    s: Setup,
    draws: Draws,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> np.ndarray:
    """Magnets per draw and year, (N, T). Reports progress and checks `cancelled` per chunk."""
    t = s.inputs.years.size
    deals, deal_offset = deal_table(s)
    plants, plant_offset = plant_table(s)
    block_of_deal = s.inputs.deal_block
    out = np.empty((draws.n, t))
    for lo in range(0, draws.n, CHUNK):
        hi = min(lo + CHUNK, draws.n)
        ok = draws.block_ok[lo:hi][:, block_of_deal] & draws.deal_ok[lo:hi]
        delay = draws.block_delay[lo:hi][:, block_of_deal]
        flows = _select(ok, delay, deal_offset, deals.shape[0]) @ deals
        sel = _select(
            draws.plant_ok[lo:hi], draws.plant_delay[lo:hi], plant_offset, plants.shape[0]
        )
        out[lo:hi] = _chain(flows, sel @ plants, t, s.inputs)
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(hi / draws.n)
    return out


# --- the reference -----------------------------------------------------------------------------


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
        w = i.offtake * i.deal_weight * draws.deal_ok[lo:hi]  # (n, D)
        a = q[:, :, i.deal_block] * w[:, None, :] * (years[:, None] >= i.deal_start)
        levels, group = yield_groups(i.oxide_factor)
        sep = i.needs_separation
        feeds = [(a * (sep & (group == g))).sum(axis=2) for g in range(levels.size)]
        pstart = i.plant_start[None, :] + draws.plant_delay[lo:hi]
        pr = np.clip((years[None, :, None] - pstart[:, None, :] + 1) / i.plant_ramp, 0, 1)
        cap = pr * i.plant_capacity * draws.plant_ok[lo:hi, None, :]  # (n, T, P)
        caps = [(cap * (i.plant_stage == k)).sum(axis=2) for k in range(3)]
        flows = np.concatenate([(a * i.oxide_factor * ~sep).sum(axis=2), *feeds], axis=1)
        out[lo:hi] = _chain(flows, np.concatenate(caps, axis=1), t, i)
    return out


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonteCarloResult:
    years: np.ndarray
    target: np.ndarray
    magnets: np.ndarray  # (N, T) one row per draw
    seed: int | None

    @property
    def n(self) -> int:
        return self.magnets.shape[0]

    def percentile(self, q: float) -> np.ndarray:
        return np.percentile(self.magnets, q, axis=0)

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
                "p_target": float(p_target[k]),
            }
            for k, y in enumerate(self.years.tolist())
        ]


def monte_carlo(
    portfolio: Portfolio,
    scenario: Scenario | None = None,
    *,
    draws: int = 10_000,
    seed: int | None = 1,
    start: int = 2025,
    end: int = 2040,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MonteCarloResult:
    s = setup(portfolio, scenario, start=start, end=end)
    magnets = simulate(s, draw(s, draws, seed), progress, cancelled)
    return MonteCarloResult(
        years=s.inputs.years, target=s.inputs.target, magnets=magnets, seed=seed
    )
