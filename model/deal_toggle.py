"""Monte Carlo magnets with one deal closed or removed, for every open deal, from one pass.

Closing or removing a deal changes one column of the draws: the deal's own flows, in the draws
where its block succeeded. The totals are linear in the columns. The merit order of separation
is not, but its separated oxide has a closed form in the sorted cumulative feed: with deals
sorted richest first, C_k the feed of deals up to k, steps s_k = y_k - y_k+1 and capacity x,

    F(x) = sum_k s_k min(C_k, x) = W_j + x Y_j,   j = #{k : C_k <= x},
    W_j = sum_{k<j} s_k C_k,  Y_j = sum_{k>=j} s_k = y_j  (the yield at position j).

Changing the feed of the deal at position p by delta shifts C_k (k >= p) by delta, and

    F'(x) = F(x) - G_p(x) + G_p(x - delta) + delta y_p,   G_p(z) = sum_{k>=p} s_k min(C_k, z)
          = W_i - W_p + z Y_i with i = max(p, j(z)),

so each toggled cell costs one search in its C row instead of a pass over every deal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from model.montecarlo import (
    Cancelled,
    Draws,
    Progress,
    Setup,
    _select,
    counts_dytb,
    deal_table,
    plant_table,
    simulate,
    yield_steps,
)
from model.projection import separation_share

CELLS = 2_000_000  # cumulative-feed entries held at once (three arrays of this many floats)
STORED = 32_000_000  # toggled magnets held at once (float32, 128 MB)


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


class _Chunk:
    """Flows, capacities and the merit-order tables of a block of draws."""

    def __init__(self, s: Setup, draws: Draws, lo: int, hi: int, tables) -> None:
        i = s.inputs
        deals, deal_offset, plants, plant_offset, self.g, self.y_at = tables
        self.t = t = i.years.size
        self.ok = draws.block_ok[lo:hi][:, i.deal_block] & draws.deal_ok[lo:hi]
        self.block_ok = draws.block_ok[lo:hi][:, i.deal_block]
        self.row = deal_offset[None, :] + draws.block_delay[lo:hi][:, i.deal_block]
        flows = _select(self.ok, self.row, deals.shape[0]) @ deals
        self.caps = (
            _select(
                draws.plant_ok[lo:hi],
                plant_offset[None, :] + draws.plant_delay[lo:hi],
                plants.shape[0],
            )
            @ plants
        )
        self.direct, self.sep, self.feed = flows[:, :t], flows[:, t : 2 * t], flows[:, 2 * t :]
        self.deals = deals
        self.inputs = i
        self.merit = i.separation_allocation != "pro_rata" and self.g.deals.size > 0
        if self.merit:
            steps = yield_steps(self.g, i.oxide_factor)
            feed = deals[:, 2 * t :][self.row[:, self.g.deals]]  # (m, Ds, T)
            feed *= self.ok[:, self.g.deals][:, :, None]
            c = np.cumsum(feed, axis=1).transpose(0, 2, 1).reshape(-1, self.g.deals.size)
            self.c = np.ascontiguousarray(c)  # (m T, Ds): one sorted row per cell
            self.w = np.zeros((self.c.shape[0], self.g.deals.size + 1))
            np.cumsum(self.c * steps, axis=1, out=self.w[:, 1:])
            cap = self.caps[:, :t].ravel()
            largest = float(cap.max(initial=0.0)) + float(deals[:, 2 * t :].max(initial=0.0))
            self.search = _RowSearch(self.c, largest)
            self.j = self.search.count(cap, np.arange(cap.size))  # j(cap) per cell
            self.sep_oxide = self.w[np.arange(cap.size), self.j] + cap * self.y_at[self.j]
        else:
            self.sep_oxide = (self.sep * separation_share(self.feed, self.caps[:, :t])).ravel()

    def magnets(self, oxide: np.ndarray, rows: np.ndarray | slice) -> np.ndarray:
        t, i = self.t, self.inputs
        metal = np.minimum(oxide * i.oxide_to_metal, self.caps[rows, t : 2 * t])
        return np.minimum(metal / i.ndpr_in_magnet, self.caps[rows, 2 * t :])

    def base(self) -> np.ndarray:
        return self.magnets(self.direct + self.sep_oxide.reshape(-1, self.t), slice(None))

    def toggled(self, d: int, position: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The draw rows whose magnets change when deal d changes (its block succeeded): there
        the deal is closed if it failed in the draw, else removed. Returns the rows, the
        magnets (rows, T) and whether each row is a closing."""
        t = self.t
        rows = np.flatnonzero(self.block_ok[:, d])
        closing = ~self.ok[rows, d]
        if rows.size == 0:
            return rows, np.empty((0, t)), closing
        table = self.deals[self.row[rows, d]]  # (r, 3T): the deal's flows at its drawn delay
        sign = np.where(closing, 1.0, -1.0)[:, None]
        direct = self.direct[rows] + sign * table[:, :t]
        if position is None:  # no separation needed: its oxide adds directly
            oxide = direct + self.sep_oxide.reshape(-1, t)[rows]
        elif not self.merit:
            sep = self.sep[rows] + sign * table[:, t : 2 * t]
            feed = self.feed[rows] + sign * table[:, 2 * t :]
            oxide = direct + sep * separation_share(feed, self.caps[rows, :t])
        else:
            cells = (rows[:, None] * t + np.arange(t)[None, :]).ravel()
            delta = (sign * table[:, 2 * t :]).ravel()
            sep = self.sep_oxide[cells] + delta * self.y_at[position]  # if capacity did not bind
            x = self.caps[rows, :t].ravel()
            # Only where the capacity falls short of the feed, before or after the change, is
            # there anything to search: elsewhere all the feed is separated either way.
            short = (delta != 0) & (x < self.c[cells, -1] + np.maximum(delta, 0.0))
            k = np.flatnonzero(short)
            if k.size:
                cell, d_k, x_k, p = cells[k], delta[k], x[k], position
                j_x = self.j[cell]
                j_z = self.search.count(x_k - d_k, cell)
                i_x, i_z = np.maximum(p, j_x), np.maximum(p, j_z)
                g_x = self.w[cell, i_x] - self.w[cell, p] + x_k * self.y_at[i_x]
                g_z = self.w[cell, i_z] - self.w[cell, p] + (x_k - d_k) * self.y_at[i_z]
                sep[k] += g_z - g_x
            oxide = direct + sep.reshape(-1, t)
        return rows, self.magnets(oxide, rows), closing


def toggled_magnets(
    s: Setup,
    draws: Draws,
    deals: Sequence[int],
    on_deal: Callable[[int, np.ndarray, np.ndarray], None],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """For each deal index in `deals`, call on_deal(d, magnets closed, magnets removed), each
    (N, T) over the same draws. Deals are taken in batches whose results fit in STORED.
    When the Dy/Tb limit counts (equation 8) each toggle is simulated again: exact, slower."""
    i = s.inputs
    if counts_dytb(i):
        for k, d in enumerate(deals):
            results = []
            for closed in (True, False):
                ok = draws.deal_ok.copy()
                ok[:, d] = closed
                results.append(simulate(s, replace(draws, deal_ok=ok)))
            on_deal(d, *results)
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress((k + 1) / len(deals))
        return
    t, n = i.years.size, draws.n
    deal_rows, deal_offset = deal_table(s)
    plants, plant_offset = plant_table(s)
    g = i.separation_groups
    levels = i.oxide_factor[g.deals]
    y_at = np.append(levels, 0.0)  # Y_j: the yield at sorted position j, 0 past the end
    tables = (deal_rows, deal_offset, plants, plant_offset, g, y_at)
    position = {int(d): k for k, d in enumerate(g.deals.tolist())}
    per_batch = max(1, STORED // max(2 * n * t, 1))
    width = max(1, g.deals.size) * t
    chunk = max(1, min(n, CELLS // width))
    batches = [list(deals[k : k + per_batch]) for k in range(0, len(deals), per_batch)]
    for b, batch in enumerate(batches):
        closed = np.empty((len(batch), n, t), dtype=np.float32)
        removed = np.empty((len(batch), n, t), dtype=np.float32)
        for lo in range(0, n, chunk):
            hi = min(lo + chunk, n)
            c = _Chunk(s, draws, lo, hi, tables)
            base = c.base()
            for k, d in enumerate(batch):
                closed[k, lo:hi] = base
                removed[k, lo:hi] = base
                rows, magnets, closing = c.toggled(d, position.get(d))
                closed[k, lo + rows[closing]] = magnets[closing]
                removed[k, lo + rows[~closing]] = magnets[~closing]
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress((b + hi / n) / len(batches))
        for k, d in enumerate(batch):
            on_deal(d, closed[k], removed[k])
