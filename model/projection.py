"""The projection: mine -> separated NdPr oxide -> NdPr metal -> sintered magnet, year by year.

One small function per equation (numbers match model/README.md). All of them are NumPy over
years x blocks/deals/plants; none loops over blocks in Python. Arrays are year-major (T, N): the
cumulative resource cap and the per-year totals then run over contiguous memory, which is what
keeps a 1,000-block projection well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.heavy_rare_earths import (
    deal_dytb,
    dytb_equivalent,
    dytb_magnets,
    dytb_need,
    grade_mix_limit,
)
from model.inputs import (
    STAGES,
    DealPlan,
    PlantGroups,
    ProjectionInputs,
    RampGroups,
    SeparationGroups,
    could_reach,
)

BOTTLENECK_NAMES = ("feed", "metal", "magnet")
DYTB = "dytb"  # the bottleneck when Dy/Tb limits the grade mix (equation 8)


def ramp(start: np.ndarray, ramp_years: np.ndarray, years: np.ndarray) -> np.ndarray:
    """(1) ramp(t) = 0 if t < start, else min(1, (t - start + 1) / ramp_years).   (T, N)"""
    # For t < start the numerator is <= 0, so the floor at 0 covers the first case too.
    # (t + 1) - start equals t - start + 1 exactly for years (Sterbenz) and saves one pass.
    r = np.subtract((years + 1.0)[:, None], start[None, :])
    r /= ramp_years[None, :]
    return np.minimum(np.maximum(r, 0.0, out=r), 1.0, out=r)


def group_ramps(groups: RampGroups | PlantGroups, years: np.ndarray) -> np.ndarray:
    """(1) ramp(t) of each group of blocks (or plants) with the same start and ramp years,
    (T, K): once per horizon, kept with the groups (which set-up keeps with the records)."""
    key = years.tobytes()
    table = groups.tables.get(key)
    if table is None:
        table = groups.tables[key] = ramp(groups.start, groups.ramp, years)
        table.setflags(write=False)
    return table


def block_output(
    nameplate: np.ndarray,
    ramp_bt: np.ndarray,
    resource: np.ndarray,
    stop_year: np.ndarray,
    years: np.ndarray,
) -> np.ndarray:
    """(2) Q_b(t) = nameplate_b * ramp_b(t), cumulative output capped at the resource,
    zero from the year the block's country is disrupted.   (T, B)"""
    q = ramp_bt * nameplate[None, :]
    capped = could_reach(nameplate, resource, q.shape[0])
    if capped.size > q.shape[1] // 2:
        q = capped_output(q, resource)
    elif capped.size:
        q[:, capped] = capped_output(q.take(capped, axis=1), resource[capped])
    if np.isfinite(stop_year).any():
        q *= years[:, None] < stop_year[None, :]
    return q


def capped_output(q: np.ndarray, resource: np.ndarray) -> np.ndarray:
    """(2) Cumulative output capped at the resource: the year that crosses it gets the
    remainder, later years 0. In place on q (T, N)."""
    cumulative = running_total(q)
    np.minimum(cumulative, resource[None, :], out=cumulative)
    q[0] = cumulative[0]
    np.subtract(cumulative[1:], cumulative[:-1], out=q[1:])
    return q


def running_total(values: np.ndarray) -> np.ndarray:
    """Cumulative sum over years (axis 0). A loop over the ~16 years, each step vectorised over
    all blocks, is ~4x faster than np.cumsum along the short axis."""
    if values.shape[-1] <= 256:  # few columns: the loop's per-step cost would dominate
        return values.cumsum(axis=0)
    total = values.copy()
    for t in range(1, total.shape[0]):
        total[t] += total[t - 1]
    return total


def deal_deliveries(
    q_bt: np.ndarray,
    deal_block: np.ndarray,
    offtake: np.ndarray,
    weight: np.ndarray,
    deal_start: np.ndarray,
    years: np.ndarray,
) -> np.ndarray:
    """(3) A_d(t) = Q_b(t) * offtake_d * w_d for t >= start_year_d.   (T, D)"""
    # take, not q_bt[:, deal_block]: that gives a column-major array, and every later
    # per-year sum over deals would then stride through memory (~5x slower).
    a = q_bt.take(deal_block, axis=1)
    a *= (offtake * weight)[None, :]
    if np.isfinite(deal_start).any():
        a *= years[:, None] >= deal_start[None, :]
    return a


def deliveries(inputs: ProjectionInputs) -> np.ndarray:
    """(1)-(3) A_d(t) = Q_b(t) * offtake_d * w_d, from the ramp table straight to the deals.
    Q_b(t) = nameplate_b * ramp_b(t) for every block whose resource cannot cap it, so only the
    blocks that could reach theirs get a (T, C) output of their own; the products are the same,
    in the same order, as `block_output` then `deal_deliveries`.   (T, D)"""
    years = inputs.years
    g = inputs.ramp_groups
    if g is not None and g.for_inputs(inputs):  # one ramp per group of blocks (set-up's)
        of_block, r = g.of_block, group_ramps(g, years)
    else:
        of_block, r = None, ramp(inputs.block_start, inputs.block_ramp, years)
    plan = inputs.deal_plan
    if plan is None or not plan.for_inputs(inputs, of_block):
        plan = DealPlan.of(inputs, of_block)
    a = r.take(plan.column, axis=1)
    a *= plan.nameplate
    a *= plan.scale
    if plan.capped_deals.size:
        q = r.take(plan.capped_column, axis=1)
        q *= plan.capped_nameplate
        q = capped_output(q, plan.capped_resource).take(plan.capped_of_deal, axis=1)
        q *= plan.capped_scale
        a[:, plan.capped_deals] = q
    if plan.stop_block is not None:
        a *= years[:, None] < plan.stop_block[None, :]
    if plan.start_deal:
        a *= years[:, None] >= inputs.deal_start[None, :]
    return a


def plant_capacity(inputs: ProjectionInputs) -> np.ndarray:
    """(5) Cap_s(t) = sum over plants p of stage s of capacity_p * ramp_p(t) * w_p.   (3, T)
    Rows: separation (t TREO feed), metal (t NdPr metal), magnet (t magnet)."""
    g = inputs.plant_groups
    if g is not None and g.for_inputs(inputs):  # plants grouped by start and ramp in set-up
        return (group_ramps(g, inputs.years) @ g.by_stage).T
    per_plant = ramp(inputs.plant_start, inputs.plant_ramp, inputs.years) * (
        inputs.plant_capacity * inputs.plant_weight
    )
    return group_sum(inputs.plant_stage, 3, per_plant).T


def group_sum(group: np.ndarray, n_groups: int, values: np.ndarray) -> np.ndarray:
    """Sum the columns of `values` (T, N) by their group index (N,) into (T, n_groups).
    A one-hot matrix product: much faster than np.add.at, and exact for these sizes."""
    one_hot = (group[:, None] == np.arange(n_groups)[None, :]).astype(values.dtype)
    return values @ one_hot


def separation_share(feed: np.ndarray, separation_cap: np.ndarray) -> np.ndarray:
    """(4) Share of the feed that gets separated: phi(t) = min(1, SepCap(t) / F(t)), 1 where
    F(t) = 0. The same under both allocation rules: they differ in *whose* feed is separated.  (T,)"""
    # Divide only where feed exceeds capacity: elsewhere phi is 1, and nothing can overflow.
    return np.divide(separation_cap, feed, out=np.ones_like(feed), where=feed > separation_cap)


def yield_groups(yields: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct NdPr yields per t of feed, highest first, and each item's group index."""
    levels, group = np.unique(-yields, return_inverse=True)
    return -levels, group.reshape(-1)


def merit_order_share(feed_g: np.ndarray, separation_cap: np.ndarray) -> np.ndarray:
    """(4, merit order) Share of each yield group's feed that is separated when capacity goes to
    the highest-yield feed first and equal yields share what is left pro rata.
    feed_g (..., G, T) with groups ordered highest yield first; separation_cap (..., T)."""
    higher = np.cumsum(feed_g, axis=-2) - feed_g  # feed of every group with a higher yield
    left = np.maximum(separation_cap[..., None, :] - higher, 0.0)
    return np.divide(left, feed_g, out=np.ones_like(feed_g), where=feed_g > left)


@dataclass(frozen=True)
class Separated:
    """(4) sigma_d(t), the share of each deal's delivery that is separated, kept sparse: 1 for
    every deal but those listed. `deals` get `share` (T, k) year by year; `none` get nothing in
    the `short` years (capacity ran out before their yield) and all of it in the others."""

    deals: np.ndarray
    share: np.ndarray
    none: np.ndarray
    short: np.ndarray

    def times(self, a_dt: np.ndarray, factor: np.ndarray) -> np.ndarray:
        """A_d(t) * factor_d * sigma_d(t), (T, D)."""
        if self.none.size and self.short.all():  # those deals give nothing in any year
            factor = factor.copy()
            factor[self.none] = 0.0
            return self.apply(a_dt * factor, none=False)
        return self.apply(a_dt * factor)

    def apply(self, x: np.ndarray, none: bool = True) -> np.ndarray:
        """x (T, D) per deal times its separated share, in place: x_d(t) * sigma_d(t).
        none=False: the deals listed in `none` are zero in x already."""
        if self.deals.size:
            x[:, self.deals] = x.take(self.deals, axis=1) * self.share
        if none and self.none.size and self.short.any():
            x[np.flatnonzero(self.short)[:, None], self.none] = 0.0
        return x

    def dense(self, shape: tuple[int, int]) -> np.ndarray:
        """sigma (T, D) as one array."""
        return self.apply(np.ones(shape))


NOTHING = np.zeros(0, dtype=np.intp)


def deal_separation_share(
    a_dt: np.ndarray,
    feed: np.ndarray,
    separation_cap: np.ndarray,
    allocation: str,
    groups: SeparationGroups,
) -> Separated:
    """(4) Share of each deal's delivery that is separated: 1 for deals that need no
    separation; phi(t) for all others under `pro_rata`; by yield under `merit_order`.
    feed (T,): all feed needing separation; groups: those deals by yield."""
    g = groups
    short = feed > separation_cap  # (T,) years whose feed exceeds separation capacity
    if g.deals.size == 0 or not short.any():  # every deal's feed is separated
        return Separated(NOTHING, np.ones((feed.size, 0)), NOTHING, short)
    if allocation == "pro_rata":
        phi = separation_share(feed, separation_cap)
        return Separated(g.deals, phi[:, None], NOTHING, short)
    # Capacity goes to the highest yields first, so in a year short of it only the first groups
    # get any: cumulate their feed, a few groups more until capacity runs out in every such year.
    n_groups, singletons = g.starts.size, g.starts.size == g.deals.size
    # First guess: capacity covers a share SepCap / F of the feed; as many groups and a half more.
    covered = (separation_cap[short] / feed[short]).max()
    n = min(n_groups, int(n_groups * covered * 1.5) + 16)
    while True:
        m = int(g.starts[n]) if n < n_groups else g.deals.size  # deals of the first n groups
        feed_d = a_dt.take(g.deals[:m], axis=1)
        # Feed per yield group, summed run by run (no one-hot matrix: that would be deals x
        # groups, 100M entries at 10,000 blocks of distinct grades); a group of one is itself.
        feed_g = feed_d if singletons else np.add.reduceat(feed_d, g.starts[:n], axis=1)
        ahead = feed_g.cumsum(axis=1)  # feed of these groups and all higher yields
        reached = ahead[:, -1]
        if n == n_groups or (~short | (reached >= separation_cap)).all():
            break
        # Enough groups for the year furthest from its capacity, at the groups' feed so far.
        need = np.max(separation_cap[short] / np.maximum(reached[short], 1e-300))
        n = min(n_groups, max(2 * n, int(n * need * 1.25) + 1))
    share_g = merit_order_share_by_year(feed_g, ahead, separation_cap)
    share = share_g if singletons else share_g.take(g.group[:m], axis=1)
    return Separated(g.deals[:m], share, g.deals[m:], short)


def merit_order_share_by_year(
    feed_tg: np.ndarray, ahead: np.ndarray, separation_cap: np.ndarray
) -> np.ndarray:
    """`merit_order_share` for one projection, year-major: feed_tg (T, G), groups highest yield
    first, `ahead` its running total over groups (overwritten); the same numbers, without
    transposing into and out of (G, T)."""
    higher = np.subtract(ahead, feed_tg, out=ahead)  # feed of every group with a higher yield
    left = np.subtract(separation_cap[:, None], higher, out=higher)
    np.maximum(left, 0.0, out=left)
    # min(1, left / feed) gives the numbers of a divide where feed > left (else 1), ~3x faster:
    # fmin drops the NaN of 0 / 0 and the infinity of left / 0 or of an overflow; only a feed of
    # -0.0 or below (left >= 0 exceeds it) needs its 1 set.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        share = np.divide(left, feed_tg, out=left)
    np.fmin(share, 1.0, out=share)
    negative = np.signbit(feed_tg)
    if negative.any():
        np.copyto(share, 1.0, where=negative)
    return share


def deal_oxide(a_dt: np.ndarray, oxide_factor: np.ndarray, separated: Separated) -> np.ndarray:
    """(4) NdPr oxide from each deal: A_d * factor_d * (share of it separated).
    factor = 1 (ndpr_oxide), ndpr_share (separated), ndpr_share * recovery (concentrate/mixed).
    (T, D)"""
    return separated.times(a_dt, oxide_factor)


def chain(
    oxide_metal: np.ndarray, metal_cap: np.ndarray, magnet_cap: np.ndarray, ndpr_in_magnet: float
) -> tuple[np.ndarray, np.ndarray]:
    """(5) Metal = min(S * oxide_to_metal, MetalCap); M = min(Metal / ndpr_in_magnet, MagnetCap).
    `oxide_metal`: S * oxide_to_metal, which the feed's magnet-equivalent (6) also starts from."""
    metal = np.minimum(oxide_metal, metal_cap)
    return metal, np.minimum(metal / ndpr_in_magnet, magnet_cap)


def bottleneck(capacity_eq: np.ndarray, phi: np.ndarray, dytb_eq: np.ndarray | None) -> list[str]:
    """(6) The stage with the smallest magnet-equivalent capacity; ties go to the earliest.
    Feed is reported as 'separation' when separation capacity limited it (phi < 1); 'dytb' when
    the Dy/Tb route (equation 8) is strictly below every NdPr stage (None: no Dy/Tb limit)."""
    feed, metal, magnet = capacity_eq.tolist()  # 16 years: plain Python beats NumPy's calls
    short = phi.tolist()
    names = []
    for f, m, g, p in zip(feed, metal, magnet, short, strict=True):
        if f <= m and f <= g:  # the first of equal minima, as argmin
            names.append("separation" if p < 1.0 else "feed")
        else:
            names.append("metal" if m <= g else "magnet")
    if dytb_eq is not None:
        below = (dytb_eq < capacity_eq.min(axis=0)).tolist()
        names = [DYTB if d else name for name, d in zip(names, below, strict=True)]
    return names


def attribute(
    magnets: np.ndarray, oxide_dt: np.ndarray, oxide: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """(7) Each deal's magnets = M(t) * its NdPr oxide / S(t) (zero where S = 0).   (T, D)
    `out`: where to write them (it may be oxide_dt)."""
    share = np.divide(magnets, oxide, out=np.zeros_like(magnets), where=oxide > 0)
    # The per-year share spelled out over the deals: a multiply of equal shapes is ~3x faster
    # than one broadcasting a column.
    return np.multiply(oxide_dt, share.repeat(oxide_dt.shape[1]).reshape(oxide_dt.shape), out=out)


@dataclass(frozen=True)
class Projection:
    """Per-year results; `rows()` gives the interchange/CLI form."""

    inputs: ProjectionInputs
    target: np.ndarray
    magnets: np.ndarray
    ndpr_oxide: np.ndarray
    metal: np.ndarray
    capacity_eq: np.ndarray  # (3, T): feed, metal, magnet in t magnet-equivalent
    separation_cap: np.ndarray  # t TREO feed/yr
    separation_feed: np.ndarray  # t TREO/yr delivered that needs separation
    unpooled_oxide: np.ndarray  # t NdPr oxide/yr if separation were unlimited (phi = 1)
    phi: np.ndarray  # share of the separation feed that is separated
    bottleneck: list[str]
    deal_magnets: np.ndarray  # (T, D) t magnets, year-major as computed
    ndpr_magnets: np.ndarray  # (T,) t magnets the NdPr route allows (before the Dy/Tb limit)
    dytb_supply: np.ndarray  # (T,) t Dy+Tb oxide/yr: deliveries after separation + market
    dytb_need: np.ndarray  # (T,) t Dy+Tb oxide/yr the NdPr route's magnets need at the mix
    dytb_eq: np.ndarray  # (T,) t magnet-equivalent of the Dy/Tb route (inf: no limit)
    deal_dytb: np.ndarray  # (T, D) t Dy+Tb oxide/yr from each deal

    @property
    def years(self) -> np.ndarray:
        return self.inputs.years

    @property
    def by_deal(self) -> np.ndarray:
        """(D, T) t magnets attributed to each deal."""
        return self.deal_magnets.T

    @property
    def gap(self) -> np.ndarray:
        """(7) Gap(t) = target(t) - M(t); negative is a surplus."""
        return self.target - self.magnets

    def by_block(self) -> np.ndarray:
        """(B, T) t magnets attributed to each block."""
        out = np.zeros((len(self.inputs.block_ids), self.years.size))
        np.add.at(out, self.inputs.deal_block, self.by_deal)
        return out

    def by_country(self) -> dict[str, np.ndarray]:
        """ISO code -> t magnets by year, for every country that has a deal."""
        return self._by_country(self.deal_magnets)

    def dytb_by_block(self) -> np.ndarray:
        """(B, T) t Dy+Tb oxide/yr each block delivers to India (after separation)."""
        out = np.zeros((len(self.inputs.block_ids), self.years.size))
        np.add.at(out, self.inputs.deal_block, self.deal_dytb.T)
        return out

    def dytb_by_country(self) -> dict[str, np.ndarray]:
        """ISO code -> t Dy+Tb oxide/yr delivered, for every country that has a deal."""
        return self._by_country(self.deal_dytb)

    def _by_country(self, per_deal: np.ndarray) -> dict[str, np.ndarray]:
        country_of_deal = self.inputs.block_country[self.inputs.deal_block]
        out = group_sum(country_of_deal, len(self.inputs.countries), per_deal).T
        present = sorted(set(country_of_deal.tolist()))
        return {self.inputs.countries[c]: out[c] for c in present}

    @property
    def mine_feed_eq(self) -> np.ndarray:
        """Magnet-equivalent of what the deals deliver before separation limits it."""
        return self.unpooled_oxide * self.inputs.oxide_to_metal / self.inputs.ndpr_in_magnet

    def year_index(self, year: int) -> int:
        i = int(year - self.years[0])
        if not 0 <= i < self.years.size:
            raise ValueError(f"year {year} is outside the horizon {self.years[0]}-{self.years[-1]}")
        return i

    def rows(self) -> list[dict]:
        countries = self.by_country()
        rows = []
        for i, year in enumerate(self.years.tolist()):
            rows.append(
                {
                    "year": year,
                    "target_t": float(self.target[i]),
                    "magnet_t": float(self.magnets[i]),
                    "gap_t": float(self.gap[i]),
                    "ndpr_oxide_t": float(self.ndpr_oxide[i]),
                    "metal_t": float(self.metal[i]),
                    "bottleneck": self.bottleneck[i],
                    "separation_share": float(self.phi[i]),
                    "dytb_supply_t": float(self.dytb_supply[i]),
                    "dytb_need_t": float(self.dytb_need[i]),
                    "capacity_eq_t": {
                        name: float(self.capacity_eq[s, i]) for s, name in enumerate(STAGES)
                    },
                    "by_country": {c: float(v[i]) for c, v in countries.items()},
                    "by_deal": {
                        d: float(self.by_deal[j, i]) for j, d in enumerate(self.inputs.deal_ids)
                    },
                }
            )
        return rows


def compute(inputs: ProjectionInputs) -> Projection:
    """Run equations (1)-(8) on prepared inputs."""
    years = inputs.years
    a = deliveries(inputs)
    caps = plant_capacity(inputs)
    groups = inputs.separation_groups
    feed = a @ groups.needs
    phi = separation_share(feed, caps[0])
    separated = deal_separation_share(a, feed, caps[0], inputs.separation_allocation, groups)
    oxide_dt = deal_oxide(a, inputs.oxide_factor, separated)
    oxide = oxide_dt.sum(axis=1)
    capacity_eq = np.empty((3, years.size))  # feed, metal, magnet in t magnet-equivalent
    metal_eq = np.multiply(oxide, inputs.oxide_to_metal, out=capacity_eq[0])  # S * o, (5)
    metal, ndpr_magnets = chain(metal_eq, caps[1], caps[2], inputs.ndpr_in_magnet)
    np.divide(metal_eq, inputs.ndpr_in_magnet, out=capacity_eq[0])
    np.divide(caps[1], inputs.ndpr_in_magnet, out=capacity_eq[1])
    capacity_eq[2] = caps[2]
    if inputs.dytb_factor.any():
        dytb_dt = deal_dytb(a, inputs.dytb_factor, separated)
        dytb_supply = dytb_dt.sum(axis=1) + inputs.dytb_market
    else:  # no deal delivers Dy+Tb: only the market does
        dytb_dt = np.zeros(a.shape)
        dytb_supply = np.full(years.size, 0.0 + inputs.dytb_market)
    dytb_eq = dytb_equivalent(
        dytb_magnets(dytb_supply, inputs.dytb_per_magnet), inputs.high_temp_share
    )
    limited = inputs.high_temp_share > 0 and inputs.dytb_per_magnet > 0  # else dytb_eq is inf
    magnets = grade_mix_limit(ndpr_magnets, dytb_eq) if limited else ndpr_magnets.copy()
    return Projection(
        inputs=inputs,
        target=inputs.target,
        magnets=magnets,
        ndpr_oxide=oxide,
        metal=metal,
        capacity_eq=capacity_eq,
        separation_cap=caps[0],
        separation_feed=feed,
        unpooled_oxide=a @ inputs.oxide_factor,
        phi=phi,
        bottleneck=bottleneck(capacity_eq, phi, dytb_eq if limited else None),
        deal_magnets=attribute(magnets, oxide_dt, oxide, out=oxide_dt),  # oxide_dt is not kept
        ndpr_magnets=ndpr_magnets,
        dytb_supply=dytb_supply,
        dytb_need=dytb_need(ndpr_magnets, inputs.high_temp_share, inputs.dytb_per_magnet),
        dytb_eq=dytb_eq,
        deal_dytb=dytb_dt,
    )
