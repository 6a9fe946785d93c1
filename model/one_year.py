"""Magnets in one year of a projection, and what they become when one block's deliveries change:
the tornado's fast path (model/sensitivity.py), for every block at once.

Equations (1)-(8) restricted to year t. With A_d the deals' deliveries in t, the deals needing
separation sorted by NdPr yield into groups g (highest first, as `SeparationGroups`), F_g their
feed, N_g = sum A_d f_d their NdPr oxide and H_g = sum A_d g_d their Dy+Tb oxide before
separation, C_g = F_1 + .. + F_g and separation capacity x, merit order (4) separates every group
with C_g <= x, a share (x - C_{g-1}) / F_g of the first group past x, nothing after it:

    separated N = sum_{g<j} N_g + N_j (x - C_{j-1}) / F_j,   j = #{g : C_g <= x}   (H likewise)

Changing one block's deliveries moves one group's (F, N, H) by (dF, dN, dH) (a block's deals
share its yield: one group) and shifts C_g by dF from that group p on, so the new j is
min(p, j(x)) + max(0, j(x - dF) - p): one search per changed block instead of a projection.
Pro rata (4) needs only the totals. The rest of the chain (5), (8) is per year already.
"""

from __future__ import annotations

import numpy as np

from model.heavy_rare_earths import dytb_equivalent, dytb_magnets
from model.inputs import ProjectionInputs
from model.projection import block_output, plant_capacity, ramp

# What a OneYear sums from the year's deliveries (shared with a `like` whose sums still hold).
GROUP_SUMS = (
    "n_groups",
    "group_of_deal",
    "direct_ndpr",
    "direct_dytb",
    "feed",
    "ndpr",
    "dytb",
    "cum",
    "cum_before",
    "ndpr_before",
    "dytb_before",
)


class OneYear:
    """Year index `i` of the projection of `inputs`, held as per-group sums."""

    def __init__(self, inputs: ProjectionInputs, i: int, like: OneYear | None = None) -> None:
        """`like`: the same year of inputs of the same records and scenario under other
        assumptions: its block outputs are reused, and whatever else the assumptions left as
        they were (set-up hands back the same arrays where an assumption changes nothing)."""
        self.inputs, self.i = inputs, i
        if like is None:
            self.ramp = ramp(inputs.block_start, inputs.block_ramp, inputs.years)  # (T, B)
            self.q = self.output(inputs.nameplate, self.ramp)  # (B,) block output in the year
        else:
            self.ramp, self.q = like.ramp, like.q
        base = like.inputs if like is not None else None
        same_deals = base is not None and np.array_equal(inputs.deal_weight, base.deal_weight)
        self.a = like.a if same_deals else self.deliveries(self.q, inputs.offtake)  # (D,)
        if base is not None and np.array_equal(inputs.plant_weight, base.plant_weight):
            self.x, self.metal_cap, self.magnet_cap = like.x, like.metal_cap, like.magnet_cap
        else:
            self.x, self.metal_cap, self.magnet_cap = plant_capacity(inputs)[:, i].tolist()
        if (
            same_deals
            and inputs.oxide_factor is base.oxide_factor
            and inputs.dytb_factor is base.dytb_factor
        ):
            self.__dict__.update({k: like.__dict__[k] for k in GROUP_SUMS})
        else:
            self._group_sums()

    def _group_sums(self) -> None:
        """The year's deliveries summed: deals needing no separation, and each yield group."""
        inputs = self.inputs
        g = inputs.separation_groups
        self.n_groups = g.starts.size
        self.group_of_deal = np.full(inputs.offtake.size, self.n_groups)  # past the end: none
        self.group_of_deal[g.deals] = g.group
        direct = ~inputs.needs_separation
        ndpr, dytb = self.a * inputs.oxide_factor, self.a * inputs.dytb_factor
        self.direct_ndpr, self.direct_dytb = float(ndpr[direct].sum()), float(dytb[direct].sum())
        if self.n_groups:
            feed, n, h = (np.add.reduceat(v[g.deals], g.starts) for v in (self.a, ndpr, dytb))
        else:
            feed = n = h = np.zeros(0)
        self.feed, self.ndpr, self.dytb = feed, n, h
        self.cum = np.cumsum(feed)  # C_g
        self.cum_before = np.concatenate(([0.0], self.cum[:-1]))  # C_{g-1}
        self.ndpr_before = np.concatenate(([0.0], np.cumsum(n)))  # sum_{k<g} N_k, g = 0..G
        self.dytb_before = np.concatenate(([0.0], np.cumsum(h)))

    def output(self, nameplate: np.ndarray, ramp_bt: np.ndarray) -> np.ndarray:
        """(2) Q_b in the year, for every block (the resource cap needs the years before)."""
        i = self.inputs
        return block_output(nameplate, ramp_bt, i.resource, i.stop_year, i.years)[self.i]

    def deliveries(self, q: np.ndarray, offtake: np.ndarray) -> np.ndarray:
        """(3) A_d in the year, the same arithmetic as `projection.deal_deliveries`."""
        i = self.inputs
        a = q[i.deal_block] * (offtake * i.deal_weight)
        if np.isfinite(i.deal_start).any():
            a *= i.years[self.i] >= i.deal_start
        return a

    def magnets(self) -> float:
        """Magnets in the year as projected (the same equations, summed by group)."""
        zero = np.zeros(1)
        return float(self.changed(np.full(1, self.n_groups), zero, zero, zero, zero, zero)[0])

    def per_block(self, a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For every block b, magnets in the year when b's deals alone deliver `a` (D,) and the
        rest as projected; and whether anything changed for b (else: the projection's value)."""
        i = self.inputs
        blocks, sep = len(i.block_ids), i.needs_separation
        delta = a - self.a

        def by_block(values: np.ndarray) -> np.ndarray:
            return np.bincount(i.deal_block, weights=values, minlength=blocks)

        ndpr, dytb = delta * i.oxide_factor, delta * i.dytb_factor
        group = np.full(blocks, self.n_groups)
        group[i.deal_block] = self.group_of_deal  # a block's deals share its yield: one group
        found = self.changed(
            group,
            by_block(np.where(sep, delta, 0.0)),
            by_block(np.where(sep, ndpr, 0.0)),
            by_block(np.where(sep, dytb, 0.0)),
            by_block(np.where(sep, 0.0, ndpr)),
            by_block(np.where(sep, 0.0, dytb)),
        )
        return found, by_block((delta != 0).astype(float)) > 0

    def per_plant(self, capacity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For every plant p, magnets in the year when p alone has `capacity[p]` (P,), and
        whether its stage's capacity in the year moved (else: the projection's value)."""
        i = self.inputs
        share = ramp(i.plant_start, i.plant_ramp, i.years)[self.i] * i.plant_weight  # (5)
        delta = (capacity - i.plant_capacity) * share
        caps = np.tile([self.x, self.metal_cap, self.magnet_cap], (delta.size, 1))
        caps[np.arange(delta.size), i.plant_stage] += delta
        zero = np.zeros(delta.size)
        none = np.full(delta.size, self.n_groups)
        found = self.changed(none, zero, zero, zero, zero, zero, caps=tuple(caps.T))
        return found, delta != 0

    def changed(
        self,
        group: np.ndarray,
        d_feed: np.ndarray,
        d_ndpr: np.ndarray,
        d_dytb: np.ndarray,
        d_direct_ndpr: np.ndarray,
        d_direct_dytb: np.ndarray,
        caps: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> np.ndarray:
        """Magnets in the year when, in row v, group[v]'s feed, NdPr and Dy+Tb move by d_feed,
        d_ndpr, d_dytb and the deals needing no separation by d_direct_*. group = G: none.
        `caps`: each row's separation, metal and magnet capacity (else the year's)."""
        i = self.inputs
        x, metal_cap, magnet_cap = caps or (self.x, self.metal_cap, self.magnet_cap)
        n_groups = self.n_groups
        if i.separation_allocation == "pro_rata":
            total = (self.cum[-1] if n_groups else 0.0) + d_feed
            phi = np.divide(x, total, out=np.ones_like(total), where=total > x)
            sep_ndpr = (self.ndpr_before[-1] + d_ndpr) * phi
            sep_dytb = (self.dytb_before[-1] + d_dytb) * phi
        elif n_groups == 0:
            sep_ndpr = sep_dytb = np.zeros_like(d_feed)
        else:
            j_x = np.searchsorted(self.cum, x, side="right")
            j_z = np.searchsorted(self.cum, x - d_feed, side="right")
            j = np.minimum(group, j_x) + np.maximum(0, j_z - group)  # groups wholly separated
            past = j > group  # the changed group is one of them
            sep_ndpr = self.ndpr_before[j] + np.where(past, d_ndpr, 0.0)
            sep_dytb = self.dytb_before[j] + np.where(past, d_dytb, 0.0)
            k = np.minimum(j, n_groups - 1)  # the group separated in part (when j < G)
            at = k == group
            before = self.cum_before[k] + np.where(k > group, d_feed, 0.0)
            feed = self.feed[k] + np.where(at, d_feed, 0.0)
            left = np.maximum(x - before, 0.0)
            share = np.divide(left, feed, out=np.ones_like(feed), where=feed > left)
            share = np.where(j < n_groups, share, 0.0)
            sep_ndpr = sep_ndpr + share * (self.ndpr[k] + np.where(at, d_ndpr, 0.0))
            sep_dytb = sep_dytb + share * (self.dytb[k] + np.where(at, d_dytb, 0.0))
        oxide = self.direct_ndpr + d_direct_ndpr + sep_ndpr
        metal = np.minimum(oxide * i.oxide_to_metal, metal_cap)
        magnets = np.minimum(metal / i.ndpr_in_magnet, magnet_cap)
        if i.high_temp_share > 0:  # (8) the grade mix: no limit when h = 0
            supply = self.direct_dytb + d_direct_dytb + sep_dytb + i.dytb_market
            limit = dytb_equivalent(dytb_magnets(supply, i.dytb_per_magnet), i.high_temp_share)
            magnets = np.minimum(magnets, limit)
        return magnets
