"""The plan optimiser's mixed-integer programme, solved by HiGHS through scipy.optimize.milp.

Variables: x_d (close deal d, binary), y_p (build plant p, binary), s_d (t feed of deal d that
is separated), Metal and M for the chosen year (expected), and for the sample average
approximation one binary z_k per Monte Carlo draw (target met) with its own s_dk.

Why it is exact under merit order: for fixed x, y the programme may separate any feed up to the
capacity, and the most NdPr it can get is what merit order separates (the fractional knapsack by
yield); downstream caps are monotone, so its best M equals the model's M. The country limit (over
all supply, or over imported supply only: model/country_cap.py) and the MoU share are linear rows
on each deal's oxide, but the programme may choose which feed to separate, so they and the
pro-rata rule are not exact: the caller judges every solution with the model
and cuts off the ones the model refuses (model/optimise.py).

Heavy rare earths (equation 8, when some output must be high-temperature grade): rows
`h * n * M <= Dy+Tb delivered + bought`, the Dy+Tb of separated feed counted on the same s_d.
The programme may then separate the feed richest in Dy/Tb where the model's merit order ranks by
NdPr alone, so it can over-estimate M (never under-estimate it: the model's own allocation keeps
every row); the judge cuts such proposals off like the others. Magnets are then no longer
non-decreasing in the deals closed, so no Monte Carlo draw is left out of the programme.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from model.country_cap import HOME
from model.optimise_model import SHARE_TOLERANCE, Problem

# Ties: among plans equally good, the cheaper, then the one with fewer deals and options.
# max-expected: a light hint only (at most 1e-4 t); optimise.py then polishes the plan exactly.
COST_WEIGHT = 1e-4
COUNT_WEIGHT = 1e-5
# max-probability counts whole draws: any tie-break summing to less than one draw is exact.
DRAW_COST_WEIGHT, DRAW_COUNT_WEIGHT = 0.5, 0.4
# min-cost: USD 0.001 m per deal or option, so equal costs go to the smaller plan.
COST_COUNT_WEIGHT = 1e-3
MIP_GAP = 1e-7  # relative: HiGHS proves the plan within 0.6 kg of the best at 6,000 t


class Builder:
    """Columns and rows of a sparse MILP, added in blocks."""

    def __init__(self) -> None:
        self.lo: list[np.ndarray] = []
        self.hi: list[np.ndarray] = []
        self.integer: list[np.ndarray] = []
        self.n = 0
        self.rows, self.cols, self.vals = [], [], []
        self.row_lo: list[float] = []
        self.row_hi: list[float] = []

    def add_vars(self, lo, hi, integer: bool) -> np.ndarray:
        lo = np.atleast_1d(np.asarray(lo, dtype=float))
        hi = np.broadcast_to(np.asarray(hi, dtype=float), lo.shape).copy()
        index = np.arange(self.n, self.n + lo.size)
        self.lo.append(lo), self.hi.append(hi)
        self.integer.append(np.full(lo.size, int(integer)))
        self.n += lo.size
        return index

    def add_row(self, index, coef, lo: float = -np.inf, hi: float = np.inf) -> None:
        index, coef = np.asarray(index, dtype=np.intp), np.asarray(coef, dtype=float)
        scale = float(np.abs(coef).max()) if coef.size else 0.0
        if scale > 0:  # rows of unit size: tonnes and shares side by side stay well scaled
            coef, lo, hi = coef / scale, lo / scale, hi / scale
            coef[np.abs(coef) < 1e-9] = 0.0  # below the solver's precision: noise, not a rule
        keep = coef != 0
        r = len(self.row_lo)
        self.rows.append(np.full(int(keep.sum()), r))
        self.cols.append(index[keep])
        self.vals.append(coef[keep])
        self.row_lo.append(lo)
        self.row_hi.append(hi)

    def solve(self, objective: np.ndarray, time_limit: float, presolve: bool = True):
        lo, hi = np.concatenate(self.lo), np.concatenate(self.hi)
        constraints = ()
        if self.row_lo:
            a = coo_matrix(
                (np.concatenate(self.vals), (np.concatenate(self.rows), np.concatenate(self.cols))),
                shape=(len(self.row_lo), self.n),
            ).tocsr()
            constraints = LinearConstraint(a, np.array(self.row_lo), np.array(self.row_hi))
        return milp(
            objective,
            integrality=np.concatenate(self.integer),
            bounds=Bounds(lo, hi),
            constraints=constraints,
            options={
                "disp": False,
                "time_limit": max(time_limit, 0.01),
                "mip_rel_gap": MIP_GAP,
                "presolve": presolve,
            },
        )


@dataclass
class Formulation:
    builder: Builder
    objective: np.ndarray
    x: np.ndarray  # column of each deal's x
    y: np.ndarray
    primary: np.ndarray  # objective of the primary goal (M, cost or met draws), per column
    fixed_met: int = 0  # SAA draws met by every plan (left out of the programme)


def _expected_block(p: Problem, b: Builder, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Rows of the expected projection in the year; returns the column of M."""
    i = p.inputs
    f, sep = i.oxide_factor, i.needs_separation
    stage = i.plant_stage
    live = (p.delivered > 0) & (p.x_hi > 0)
    sep_deals = np.flatnonzero(live & sep)
    s = b.add_vars(np.zeros(sep_deals.size), p.delivered[sep_deals], integer=False)
    metal, m = b.add_vars([0.0, 0.0], np.inf, integer=False)
    for col, d in zip(s, sep_deals, strict=True):
        b.add_row([col, x[d]], [1.0, -p.delivered[d]], hi=0.0)
    b.add_row(
        np.concatenate([s, y]),
        np.concatenate([np.ones(s.size), -p.capacity * (stage == 0)]),
        hi=0.0,
    )
    direct = np.flatnonzero(live & ~sep)
    oxide_cols = np.concatenate([x[direct], s])
    oxide_coef = np.concatenate([p.delivered[direct] * f[direct], f[sep_deals]])
    b.add_row(
        np.concatenate([[metal], oxide_cols]),
        np.concatenate([[1.0], -i.oxide_to_metal * oxide_coef]),
        hi=0.0,
    )
    b.add_row(
        np.concatenate([[metal], y]), np.concatenate([[1.0], -p.capacity * (stage == 1)]), hi=0.0
    )
    b.add_row([m, metal], [i.ndpr_in_magnet, -1.0], hi=0.0)
    b.add_row(np.concatenate([[m], y]), np.concatenate([[1.0], -p.capacity * (stage == 2)]), hi=0.0)
    if i.high_temp_share > 0:  # (8) h * n * M <= Dy+Tb delivered + market
        g = i.dytb_factor
        b.add_row(
            np.concatenate([[m], x[direct], s]),
            np.concatenate(
                [
                    [i.high_temp_share * i.dytb_per_magnet],
                    -p.delivered[direct] * g[direct],
                    -g[sep_deals],
                ]
            ),
            hi=i.dytb_market,
        )
    # Shares of magnets = shares of NdPr oxide (equation 7): linear in the oxide of each deal.
    deal_of_col = np.concatenate([direct, sep_deals])
    c = p.constraints
    if c.max_country_share is not None:
        # All supply: oxide_c <= s * all oxide. Imports only: oxide_c <= s * foreign oxide for
        # each foreign c (India's own deals get no coefficient and no row of their own).
        counted = np.ones(deal_of_col.size)
        if c.cap_imported_only:
            counted = np.array([p.inputs.countries[k] != HOME for k in p.country[deal_of_col]])
        cap = c.max_country_share + SHARE_TOLERANCE  # as loose as the judge: a relaxation
        for country in np.unique(p.country[deal_of_col][counted > 0]):
            mine = (p.country[deal_of_col] == country).astype(float)
            b.add_row(oxide_cols, oxide_coef * counted * (mine - cap), hi=0.0)
    if c.min_mou_share is not None:
        partner = p.mou[deal_of_col].astype(float)
        floor = max(c.min_mou_share - SHARE_TOLERANCE, 0.0)
        b.add_row(oxide_cols, oxide_coef * (floor - partner), hi=0.0)
    return m


def _saa_block(p: Problem, b: Builder, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, int]:
    """One binary z_k per draw: met only if separated feed, metal and magnet capacity all reach
    the target. Draws no plan can meet, or every plan meets, are left out."""
    i = p.inputs
    f, sep, stage = i.oxide_factor, i.needs_separation, i.plant_stage
    a, c = p.draw_coefficients()
    a = a * (p.x_hi > 0)[None, :]
    if i.high_temp_share > 0:  # (8): magnets are not monotone in the deals, keep every draw
        keep, always = np.arange(a.shape[0]), np.zeros(a.shape[0], dtype=bool)
    else:
        can = p.met(p.x_hi, p.y_hi, merit_order=True)
        always = p.met(p.x_lo, p.y_lo, merit_order=True)
        keep = np.flatnonzero(can & ~always)
    g, hot = i.dytb_factor, i.high_temp_share * i.dytb_per_magnet
    z = b.add_vars(np.zeros(keep.size), 1.0, integer=True)
    t, k1, k2 = p.target, i.oxide_to_metal, i.ndpr_in_magnet
    for zk, k in zip(z, keep, strict=True):
        ak, ck = a[k], c[k]
        feed = ak * sep
        scarce = (ck * (stage == 0) * p.y_lo).sum() < feed.sum() - 1e-9
        if scarce:
            deals = np.flatnonzero(feed > 0)
            s = b.add_vars(np.zeros(deals.size), feed[deals], integer=False)
            for col, d in zip(s, deals, strict=True):
                b.add_row([col, x[d]], [1.0, -ak[d]], hi=0.0)
            b.add_row(
                np.concatenate([s, y]),
                np.concatenate([np.ones(s.size), -ck * (stage == 0)]),
                hi=0.0,
            )
            direct = np.flatnonzero((ak > 0) & ~sep)
            cols = np.concatenate([[zk], x[direct], s])
            coef = np.concatenate([[t * k2], -k1 * ak[direct] * f[direct], -k1 * f[deals]])
            dytb = np.concatenate([[t * hot], -ak[direct] * g[direct], -g[deals]])
        else:
            deals = np.flatnonzero(ak > 0)
            cols = np.concatenate([[zk], x[deals]])
            coef = np.concatenate([[t * k2], -k1 * ak[deals] * f[deals]])
            dytb = np.concatenate([[t * hot], -ak[deals] * g[deals]])
        b.add_row(cols, coef, hi=0.0)
        if hot > 0:  # (8) met only if the Dy+Tb allows the target at the grade mix
            b.add_row(cols, dytb, hi=i.dytb_market)
        b.add_row(np.concatenate([[zk], y]), np.concatenate([[t * k2], -ck * (stage == 1)]), hi=0.0)
        b.add_row(np.concatenate([[zk], y]), np.concatenate([[t], -ck * (stage == 2)]), hi=0.0)
    return z, int(always.sum())


def formulate(p: Problem, objective: str) -> Formulation:
    b = Builder()
    x = b.add_vars(p.x_lo, p.x_hi, integer=True)
    y = b.add_vars(p.y_lo, p.y_hi, integer=True)
    c = p.constraints
    cost_cols = np.concatenate([x, y])
    cost = np.concatenate([p.deal_cost * p.open_deal, p.plant_cost * p.option])
    decision = np.concatenate([p.open_deal, p.option]).astype(float)
    if c.budget_musd is not None:
        b.add_row(cost_cols, cost, hi=c.budget_musd)
    if c.max_deals is not None:
        b.add_row(x, p.open_deal.astype(float), hi=float(c.max_deals))
    needs_expected = objective in ("max-expected", "min-cost") or (
        c.max_country_share is not None or c.min_mou_share is not None
    )
    m = _expected_block(p, b, x, y) if needs_expected else None
    fixed_met = 0
    z = None
    if objective == "max-probability":
        z, fixed_met = _saa_block(p, b, x, y)
    if objective == "min-cost":
        assert m is not None
        b.add_row([m], [1.0], lo=p.target)
    obj = np.zeros(b.n)
    primary = np.zeros(b.n)
    tie = COST_WEIGHT * cost / (cost.sum() + 1.0) + COUNT_WEIGHT * decision
    if objective == "max-probability":
        tie = DRAW_COST_WEIGHT * cost / (cost.sum() + 1.0) + DRAW_COUNT_WEIGHT * decision / (
            decision.sum() + 1.0
        )
    if objective == "max-expected":
        primary[m] = 1.0
        obj[m] = -1.0
        obj[cost_cols] += tie
    elif objective == "min-cost":
        primary[cost_cols] = cost
        obj[cost_cols] = cost + COST_COUNT_WEIGHT * decision
    else:
        primary[z] = 1.0
        obj[z] = -1.0
        obj[cost_cols] += tie
    return Formulation(b, obj, x, y, primary, fixed_met)


@dataclass
class Solution:
    status: str  # optimal | infeasible | time_limit
    x: np.ndarray | None
    y: np.ndarray | None
    primary: float  # M, cost or met draws of the programme's solution (its bound when optimal)


def solve(
    form: Formulation, cuts: list[tuple[np.ndarray, np.ndarray]], time_limit: float
) -> Solution:
    """Solve with no-good cuts: each (x, y) listed is excluded."""
    b = form.builder
    n_rows = len(b.row_lo)
    free = np.concatenate([b.hi[0] > b.lo[0], b.hi[1] > b.lo[1]])
    cols = np.concatenate([form.x, form.y])[free]
    for x, y in cuts:
        on = np.concatenate([x, y])[free] > 0.5
        b.add_row(cols, np.where(on, -1.0, 1.0), lo=1.0 - on.sum())
    try:
        res = b.solve(form.objective, time_limit)
        if res.status == 2:  # HiGHS's presolve has called feasible programmes infeasible: check
            res = b.solve(form.objective, time_limit, presolve=False)
    finally:  # the cuts belong to this call only
        del b.rows[n_rows:], b.cols[n_rows:], b.vals[n_rows:]
        del b.row_lo[n_rows:], b.row_hi[n_rows:]
    if res.x is None:
        status = "infeasible" if res.status == 2 else "time_limit"
        return Solution(status, None, None, np.nan)
    xs = np.round(res.x[form.x])
    ys = np.round(res.x[form.y])
    primary = float(form.primary @ res.x) + form.fixed_met
    return Solution("optimal" if res.status == 0 else "time_limit", xs, ys, primary)
