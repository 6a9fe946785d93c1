"""Magnets with one deal closed or removed, for every open deal, from one pass over the draws
(Monte Carlo) or over the expected weights.

Closing or removing a deal changes its weight: in a draw where its block succeeded, from 0 to 1
(closing, the deal failed in the draw) or from 1 to 0 (removing); in the expected mode, from its
expected weight to its block's stage probability, or to 0. Totals are linear in the weights. The
merit order of separation is not, but its separated oxide has a closed form in the sorted
cumulative feed: with deals sorted richest first, C_k the feed of deals up to k, steps
s_k = y_k - y_k+1 and capacity x,

    F(x) = sum_k s_k min(C_k, x) = W_j + x Y_j,   j = #{k : C_k <= x},
    W_j = sum_{k<j} s_k C_k,  Y_j = sum_{k>=j} s_k = y_j  (the yield at position j).

Changing the feed of the deal at position p by delta shifts C_k (k >= p) by delta, and

    F'(x) = F(x) - G_p(x) + G_p(x - delta) + delta y_p,   G_p(z) = sum_{k>=p} s_k min(C_k, z)
          = W_i - W_p + z Y_i with i = max(p, j(z)),

so a toggled cell costs at most one search in its C row, and none where C_p > z (then
j(z) <= p and i = p). Every toggle of a group of deals is one set of array operations.

When the Dy/Tb limit counts (equation 8), magnets are min(M_ndpr, (Dy+Tb supply) / n / h) per
draw and year, and the deal's Dy+Tb is one more column toggled with it. Separated Dy+Tb follows
each yield group's separated share, so it needs the groups (equal yields share pro rata): with
C_g, K_g the cumulative feed and Dy+Tb of the groups up to g (highest yield first), H_g, F_g
their own, and j(x) = #{g : C_g <= x},

    D(x) = K_{j-1} + H_j (x - C_{j-1}) / F_j     (K_{G-1} when j = G: all separated).

Changing the deal in group q by (dF, dH) leaves the groups before q, changes group q's own feed
and Dy+Tb, and shifts the groups after q by dF, so with z = x - dF

    D'(x) = [D(x) if j(x) < q else K_{q-1}]
          + (H_q + dH) min(1, max(0, x - C_{q-1}) / (F_q + dF))
          + [D(z) - K_q if C_q <= z else 0],

again at most one search per toggled cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import numpy as np

from model.heavy_rare_earths import dytb_equivalent, dytb_magnets, grade_mix_limit
from model.inputs import ProjectionInputs
from model.montecarlo import (
    Cancelled,
    Draws,
    Progress,
    Setup,
    _select,
    counts_dytb,
    deal_table,
    plant_table,
    yield_steps,
)
from model.projection import separation_share

CELLS = 2_000_000  # cumulative-feed entries held at once (three arrays of this many floats)
TOGGLED_CELLS = 200_000  # toggled (draw, year) cells computed in one set of array operations
KEPT = 16_000_000  # toggled cells kept until every draw is done (float32, 64 MB)
GROUP_CELLS = 8_000_000  # cells of a group's closed and removed magnets (float32, 32 MB)


class _RowSearch:
    """Searches in many sorted rows at once: the rows laid end to end, each shifted past the
    previous one, so one np.searchsorted answers them all."""

    def __init__(self, c: np.ndarray, largest: float) -> None:
        self.width = c.shape[1]
        self.span = 3.0 * (float(c[:, -1].max(initial=0.0)) + largest + 1.0)
        self.flat = (c + (np.arange(c.shape[0]) * self.span)[:, None]).ravel()

    def count(self, values: np.ndarray, cells: np.ndarray) -> np.ndarray:
        """For each k, how many entries of row cells[k] are <= values[k]."""
        shifted = np.clip(values, 0.0, None) + cells * self.span
        found = np.searchsorted(self.flat, shifted, side="right") - cells * self.width
        return np.where(values < 0, 0, found)


class _Tables:
    """What every block of draws shares: each deal's flows and each plant's capacity by delay,
    and each deal's place in the merit order (-1: needs no separation)."""

    def __init__(self, s: Setup) -> None:
        i = s.inputs
        self.inputs = i
        self.t = i.years.size
        self.deals, self.deal_offset = deal_table(s)
        t = self.t
        # Each part on its own, contiguous: a toggle gathers only the parts it needs.
        self.direct_rows = self.deals[:, :t].copy()
        self.sep_rows = self.deals[:, t : 2 * t].copy()
        self.feed_rows = self.deals[:, 2 * t : 3 * t].copy()
        self.plants, self.plant_offset = plant_table(s)
        self.g = i.separation_groups
        self.steps = yield_steps(self.g, i.oxide_factor)
        self.y_at = np.append(i.oxide_factor[self.g.deals], 0.0)  # Y_j, 0 past the end
        self.position = np.full(i.deal_block.size, -1, dtype=np.intp)
        self.position[self.g.deals] = np.arange(self.g.deals.size)
        self.merit = i.separation_allocation != "pro_rata" and self.g.deals.size > 0
        self.dytb = counts_dytb(i)
        if self.dytb:  # the Dy+Tb columns of the deal table, and each deal's yield group
            self.dytb_direct_rows = self.deals[:, 3 * t : 4 * t].copy()
            self.dytb_sep_rows = self.deals[:, 4 * t :].copy()
            self.group = np.full(i.deal_block.size, -1, dtype=np.intp)
            self.group[self.g.deals] = self.g.group
            self.ends = np.append(self.g.starts[1:], self.g.deals.size) - 1  # each group's last
            self.singletons = self.g.starts.size == self.g.deals.size


class _Chunk:
    """Flows, capacities and the merit-order tables of a block of draws: weights `ok` (m, D)
    on table rows `row` (m, D), plant weights on plant rows likewise."""

    def __init__(self, tb: _Tables, ok, row, plant_ok, plant_row) -> None:
        t, deals, g = tb.t, tb.deals, tb.g
        self.tb, self.t, self.row = tb, t, row
        flows = _select(ok, row, deals.shape[0]) @ deals
        self.caps = _select(plant_ok, plant_row, tb.plants.shape[0]) @ tb.plants
        self.direct, self.sep = flows[:, :t], flows[:, t : 2 * t]
        self.feed = flows[:, 2 * t : 3 * t]
        if tb.merit:
            feed = tb.feed_rows[row[:, g.deals]]  # (m, Ds, T)
            feed *= ok[:, g.deals][:, :, None]
            np.cumsum(feed, axis=1, out=feed)  # in place: these arrays are the chunk's largest
            c = feed.transpose(0, 2, 1).reshape(-1, g.deals.size)  # a copy
            self.c = np.ascontiguousarray(c)  # (m T, Ds): one sorted row per cell
            self.w = np.zeros((self.c.shape[0], g.deals.size + 1))
            np.multiply(self.c, tb.steps, out=self.w[:, 1:])
            np.cumsum(self.w[:, 1:], axis=1, out=self.w[:, 1:])
            cap = self.caps[:, :t].ravel()
            largest = float(cap.max(initial=0.0)) + float(np.abs(tb.feed_rows).max(initial=0))
            self.search = _RowSearch(self.c, largest)
            self.j = self.search.count(cap, np.arange(cap.size))  # j(cap) per cell
            self.sep_oxide = (self.w[np.arange(cap.size), self.j] + cap * tb.y_at[self.j]).reshape(
                -1, t
            )
        else:
            self.sep_oxide = self.sep * separation_share(self.feed, self.caps[:, :t])
        if tb.dytb:
            self.dytb_direct, self.dytb_sep = flows[:, 3 * t : 4 * t], flows[:, 4 * t :]
            if tb.merit:
                self._dytb_groups(ok, row, cap, largest)
            else:
                self.sep_dytb = self.dytb_sep * separation_share(self.feed, self.caps[:, :t])

    def _dytb_groups(self, ok, row, cap: np.ndarray, largest: float) -> None:
        """Cumulative feed C_g and Dy+Tb K_g by yield group, one row per cell, and the Dy+Tb
        separated in each cell at its capacity, D(x)."""
        tb, g = self.tb, self.tb.g
        dytb = tb.dytb_sep_rows[row[:, g.deals]]  # (m, Ds, T)
        dytb *= ok[:, g.deals][:, :, None]
        np.cumsum(dytb, axis=1, out=dytb)
        k = dytb.transpose(0, 2, 1).reshape(-1, g.deals.size)  # a copy
        if tb.singletons:  # each deal its own group: the deals' rows are the groups'
            self.cg, self.kg, self.group_search, self.jg = self.c, k, self.search, self.j
        else:
            self.cg = np.ascontiguousarray(self.c[:, tb.ends])
            self.kg = np.ascontiguousarray(k[:, tb.ends])
            self.group_search = _RowSearch(self.cg, largest)
            self.jg = self.group_search.count(cap, np.arange(cap.size))
        self.sep_dytb = self._dytb_at(cap, np.arange(cap.size), self.jg).reshape(-1, self.t)

    def _dytb_at(self, x: np.ndarray, cell: np.ndarray, j: np.ndarray) -> np.ndarray:
        """D(x) = K_{j-1} + H_j (x - C_{j-1}) / F_j in cells `cell`, j = j(x) found already."""
        width = self.cg.shape[1]
        cg, kg, at = self.cg.ravel(), self.kg.ravel(), cell * width
        before = at + np.maximum(j - 1, 0)
        c_before = np.where(j > 0, cg.take(before), 0.0)
        k_before = np.where(j > 0, kg.take(before), 0.0)
        inside = np.minimum(j, width - 1)
        f_j = cg.take(at + inside) - c_before
        h_j = kg.take(at + inside) - k_before
        partial = (j < width) & (f_j > 0)
        share = np.divide(x - c_before, f_j, out=np.zeros_like(f_j), where=partial)
        return k_before + np.where(j < width, h_j * share, kg.take(at + width - 1) - k_before)

    def magnets(self, oxide: np.ndarray, rows: np.ndarray | slice, dytb=None) -> np.ndarray:
        """Equations (5) and, with the Dy+Tb separated or not (`dytb`), (8)."""
        t, i = self.t, self.tb.inputs
        metal = np.minimum(oxide * i.oxide_to_metal, self.caps[rows, t : 2 * t])
        ndpr = np.minimum(metal / i.ndpr_in_magnet, self.caps[rows, 2 * t :])
        if dytb is None:
            return ndpr
        supply = dytb + i.dytb_market
        return grade_mix_limit(
            ndpr, dytb_equivalent(dytb_magnets(supply, i.dytb_per_magnet), i.high_temp_share)
        )

    def base(self) -> np.ndarray:
        dytb = self.dytb_direct + self.sep_dytb if self.tb.dytb else None
        return self.magnets(self.direct + self.sep_oxide, slice(None), dytb)

    def toggled(self, rows: np.ndarray, deals: np.ndarray, delta: np.ndarray) -> np.ndarray:
        """Magnets (n, T) in draw rows[k] with the weight of deals[k] changed by delta[k]."""
        t, tb = self.t, self.tb
        table = self.row[rows, deals]  # each deal's row of flows at its drawn delay
        delta = delta[:, None]
        direct = self.direct[rows] + tb.direct_rows[table] * delta
        d_feed = tb.feed_rows[table] * delta
        dytb = self._toggled_dytb(rows, deals, table, delta, d_feed) if tb.dytb else None
        if not tb.merit:
            sep = self.sep[rows] + tb.sep_rows[table] * delta
            oxide = direct + sep * separation_share(self.feed[rows] + d_feed, self.caps[rows, :t])
            return self.magnets(oxide, rows, dytb)
        d_feed = d_feed.ravel()
        position = np.repeat(tb.position[deals], t)
        sep = self.sep_oxide[rows].ravel() + d_feed * tb.y_at[position]  # if capacity did not bind
        x = self.caps[rows, :t].ravel()
        # Only where the capacity falls short of the feed, before or after the change, is
        # there anything to search: elsewhere all the feed is separated either way.
        k = np.flatnonzero((d_feed != 0) & (x < self.feed[rows].ravel() + np.maximum(d_feed, 0)))
        if k.size:
            cell = (rows[:, None] * t + np.arange(t)[None, :]).ravel().take(k)
            p, x_k = position.take(k), x.take(k)
            z = x_k - d_feed.take(k)
            width = self.c.shape[1]
            c_p = self.c.ravel().take(cell * width + p)
            i_x = np.maximum(p, self.j.take(cell))
            i_z = p.copy()
            look = np.flatnonzero(c_p <= z)  # elsewhere j(z) <= p
            if look.size:
                i_z[look] = np.maximum(p[look], self.search.count(z[look], cell[look]))
            w, y, at = self.w.ravel(), tb.y_at, cell * (width + 1)
            sep[k] += w.take(at + i_z) - w.take(at + i_x) + z * y.take(i_z) - x_k * y.take(i_x)
        return self.magnets(direct + sep.reshape(-1, t), rows, dytb)

    def _toggled_dytb(self, rows, deals, table, delta, d_feed) -> np.ndarray:
        """Dy+Tb (n, T), separated or not, in draw rows[k] with deals[k] changed by delta[k]."""
        t, tb = self.t, self.tb
        direct = self.dytb_direct[rows] + tb.dytb_direct_rows[table] * delta
        d_dytb = tb.dytb_sep_rows[table] * delta
        if not tb.merit:
            sep = self.dytb_sep[rows] + d_dytb
            return direct + sep * separation_share(self.feed[rows] + d_feed, self.caps[rows, :t])
        d_feed, d_dytb = d_feed.ravel(), d_dytb.ravel()
        sep = self.sep_dytb[rows].ravel() + d_dytb  # if capacity did not bind
        x = self.caps[rows, :t].ravel()
        k = np.flatnonzero((d_feed != 0) & (x < self.feed[rows].ravel() + np.maximum(d_feed, 0)))
        if k.size:
            cell = (rows[:, None] * t + np.arange(t)[None, :]).ravel().take(k)
            q = np.repeat(tb.group[deals], t).take(k)
            x_k, dF = x.take(k), d_feed.take(k)
            width = self.cg.shape[1]
            cg, kg, at = self.cg.ravel(), self.kg.ravel(), cell * width
            before = at + np.maximum(q - 1, 0)
            c_before = np.where(q > 0, cg.take(before), 0.0)  # C_{q-1}, K_{q-1}
            k_before = np.where(q > 0, kg.take(before), 0.0)
            c_q, k_q = cg.take(at + q), kg.take(at + q)
            ahead = np.where(self.jg.take(cell) < q, self.sep_dytb.ravel().take(cell), k_before)
            feed_q = c_q - c_before + dF  # group q's own feed and Dy+Tb after the change
            dytb_q = k_q - k_before + d_dytb.take(k)
            left = np.maximum(x_k - c_before, 0.0)
            share = np.divide(left, feed_q, out=np.ones_like(left), where=feed_q > left)
            z = x_k - dF
            after = np.zeros_like(z)
            look = np.flatnonzero(c_q <= z)  # elsewhere no group after q gets any
            if look.size:
                j_z = self.group_search.count(z[look], cell[look])
                after[look] = self._dytb_at(z[look], cell[look], j_z) - k_q[look]
            sep[k] = ahead + dytb_q * share + after
        return direct + sep.reshape(-1, t)


def _groups(deals: Sequence[int], per_group: int) -> list[np.ndarray]:
    deals = np.asarray(deals, dtype=np.intp)
    return [deals[k : k + per_group] for k in range(0, deals.size, per_group)]


def toggled_draws(
    s: Setup,
    draws: Draws,
    deals: Sequence[int],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For groups of the deals (indices), yield (group, magnets) with magnets (G, 2, T, N)
    float32: each deal closed ([:, 0]) and removed ([:, 1]), year-major so that one year's
    draws lie together. One pass over the draws toggles every deal; only the draws where a
    deal's block succeeded differ from the base, and only those are kept until the end (more
    passes, each for some of the deals, when they would not fit in KEPT)."""
    i = s.inputs
    t, n = i.years.size, draws.n
    tb = _Tables(s)
    cells = CELLS * 3 // 5 if tb.dytb else CELLS  # Dy+Tb adds two arrays of the same size
    chunk = max(1, min(n, cells // (max(1, tb.g.deals.size) * t)))
    succeeds = max(float(draws.block_ok.mean()), 1e-3) if draws.block_ok.size else 1.0
    per_group = min(TOGGLED_CELLS / (succeeds * chunk * t), GROUP_CELLS / (2 * t * max(n, 1)))
    per_pass = max(1, int(KEPT / (succeeds * max(n, 1) * t)))
    passes = _groups(deals, per_pass)
    for number, deals_now in enumerate(passes):

        def report(done: float, number: int = number) -> None:
            if progress is not None:
                progress((number + done) / len(passes))

        groups = _groups(deals_now, max(1, int(per_group)))
        yield from _one_pass(tb, draws, groups, chunk, report, cancelled)


def _one_pass(tb: _Tables, draws: Draws, groups, chunk: int, report, cancelled):
    """`toggled_draws` for some groups of deals: the draws a chunk at a time, then each group."""
    i, t, n = tb.inputs, tb.t, draws.n
    base = np.empty((t, n), dtype=np.float32)
    kept: list[list] = [[] for _ in groups]  # per group: (which deal, draw, closed?, magnets)
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        ok = draws.block_ok[lo:hi][:, i.deal_block] & draws.deal_ok[lo:hi]
        c = _Chunk(
            tb,
            ok.astype(float),
            tb.deal_offset[None, :] + draws.block_delay[lo:hi][:, i.deal_block],
            draws.plant_ok[lo:hi].astype(float),
            tb.plant_offset[None, :] + draws.plant_delay[lo:hi],
        )
        base[:, lo:hi] = c.base().T
        succeeded = draws.block_ok[lo:hi][:, i.deal_block]
        for group, out in zip(groups, kept, strict=True):
            rows, k = np.nonzero(succeeded[:, group])
            d = group[k]
            closing = ~ok[rows, d]
            magnets = c.toggled(rows, d, np.where(closing, 1.0, -1.0))
            out.append((k, lo + rows, closing, magnets.astype(np.float32)))
        if cancelled is not None and cancelled():
            raise Cancelled()
        report(0.8 * hi / n)
    for g, group in enumerate(groups):
        out = np.empty((group.size, 2, t, n), dtype=np.float32)
        out[:] = base
        for k, rows, closing, magnets in kept[g]:
            out[k, (~closing).astype(np.intp), :, rows] = magnets
        kept[g] = []  # let the toggled cells go as each group is assembled
        yield group, out
        report(0.8 + 0.2 * (g + 1) / len(groups))


def toggled_magnets(
    s: Setup,
    draws: Draws,
    deals: Sequence[int],
    on_deal: Callable[[int, np.ndarray, np.ndarray], None],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """For each deal index in `deals`, call on_deal(d, magnets closed, magnets removed), each
    (N, T) over the same draws."""
    for group, out in toggled_draws(s, draws, deals, progress, cancelled):
        for k, d in enumerate(group.tolist()):
            on_deal(d, out[k, 0].T, out[k, 1].T)


def toggled_medians(
    s: Setup,
    draws: Draws,
    deals: Sequence[int],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Median magnets over the draws by year, (K, T) each, with each deal closed and removed,
    in the order of `deals` (the median as np.percentile(..., 50) takes it: the mean of the two
    middle draws when their number is even)."""
    t, n = s.inputs.years.size, draws.n
    closed, removed = np.empty((len(deals), t)), np.empty((len(deals), t))
    at = {d: k for k, d in enumerate(deals)}
    half = n // 2
    for group, out in toggled_draws(s, draws, deals, progress, cancelled):
        flat = out.reshape(-1, n)
        flat.partition(half, axis=1)  # in place: each (deal, case, year) row of draws
        median = flat[:, half].astype(float)
        if n % 2 == 0:  # the largest below the middle is the other middle draw
            median = 0.5 * (median + flat[:, :half].max(axis=1))
        median = median.reshape(group.size, 2, t)
        where = [at[d] for d in group.tolist()]
        closed[where], removed[where] = median[:, 0], median[:, 1]
    return closed, removed


def expected_toggles(
    s: Setup, expected: ProjectionInputs, deals: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Expected-mode magnets by year, (K, T) each, with each deal closed (weight: its block's
    stage probability) and removed (weight 0), everything else as `expected` projects it.
    s: the Monte Carlo set-up of the same portfolio and scenario (mode 'all'), whose deal
    table at delay 0 times the expected weights is the expected mode."""
    deals = np.asarray(deals, dtype=np.intp)
    closed_weight = expected.p_stage[expected.deal_block[deals]]
    # The set-up's table weighs a deal 1 or 0 (rejected); here every deal weighs 1 in the
    # table and the expected weights go on top, so a deal rejected there can be toggled too.
    i = s.inputs.with_arrays(deal_weight=np.ones_like(s.inputs.deal_weight))
    tb = _Tables(replace(s, inputs=i))
    ok = expected.deal_weight[None, :]
    # Delay 0: each deal's and plant's first row (the offsets, one per item).
    deal_row = tb.deal_offset[None, : i.deal_block.size]
    plant_row = tb.plant_offset[None, : i.plant_stage.size]
    c = _Chunk(tb, ok, deal_row, expected.plant_weight[None, :], plant_row)
    k = deals.size
    rows = np.zeros(2 * k, dtype=np.intp)
    delta = np.concatenate([closed_weight, np.zeros(k)]) - np.tile(ok[0, deals], 2)
    magnets = c.toggled(rows, np.tile(deals, 2), delta)
    return magnets[:k], magnets[k:]
