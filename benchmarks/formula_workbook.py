"""The projection as the formula workbook an official would otherwise keep: equations (1)-(8) as
spreadsheet formulas over the same prepared inputs (`build_inputs`), one row per block, deal and
plant and one column per year. Set-up (probabilities, delays, missing figures) is typed in as
values, so the spreadsheet recalculates only the equations while `model.project` runs set-up too.

Sheets: Blocks (output, eq. 1-2), Deals (deliveries, oxide, Dy+Tb, magnets; eq. 3, 4, 7, 8),
Separation (merit order, eq. 4), Plants (capacity, eq. 5), Totals (eq. 4-8 by year; B2 the total).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.utils import get_column_letter as col

from model.inputs import ProjectionInputs

BIG = 1e9  # stands for an infinite year (never / always) in a cell
NO_CAP = 1e30  # stands for 'no resource cap'
TOTAL_CELL = "Totals.B2"  # sum of magnets over the horizon (UNO range name)
OXIDE_CELL = "Totals.C2"  # sum of NdPr oxide over the horizon
T0 = 2  # first year column on the per-record sheets (B)


def _finite(values: np.ndarray, stand_in: float) -> list[float]:
    return [float(np.sign(v) * stand_in) if np.isinf(v) else float(v) for v in values]


def write_workbook(i: ProjectionInputs, path: Path) -> tuple[int, str]:
    """Write the workbook; returns how many formulas it holds and the cell of the first block's
    nameplate (the one-cell edit)."""
    wb = Workbook()
    years = [int(y) for y in i.years]
    n_years = len(years)
    count = 0

    def year_cols(offset: int) -> list[str]:
        return [col(offset + k) for k in range(n_years)]

    # Blocks: A id | B.. cumulative output C (eq. 2, capped) | .. output Q | inputs after that
    blocks = wb.active
    blocks.title = "Blocks"
    cum, out = year_cols(T0), year_cols(T0 + n_years)
    inp = T0 + 2 * n_years
    np_c, st_c, rp_c, rs_c, sp_c = (col(inp + k) for k in range(5))
    blocks.append(
        ["id"]
        + [f"cum {y}" for y in years]
        + [f"Q {y}" for y in years]
        + ["nameplate", "start", "ramp", "resource", "stop"]
    )
    starts, resources = _finite(i.block_start, BIG), _finite(i.resource, NO_CAP)
    stops = _finite(i.stop_year, BIG)
    for b in range(len(i.block_ids)):
        r = b + 2
        row: list = [i.block_ids[b]]
        for k, y in enumerate(years):
            q_raw = f"${np_c}{r}*MIN(1,MAX(0,({y}-${st_c}{r}+1)/${rp_c}{r}))"  # eq. 1
            prev = f"{cum[k - 1]}{r}+" if k else ""
            row.append(f"=MIN(${rs_c}{r},{prev}{q_raw})")
        for k, y in enumerate(years):
            prev = f"-{cum[k - 1]}{r}" if k else ""
            row.append(f"=({cum[k]}{r}{prev})*({y}<${sp_c}{r})")
        row += [float(i.nameplate[b]), starts[b], float(i.block_ramp[b]), resources[b], stops[b]]
        blocks.append(row)
        count += 2 * n_years

    # Plants: A stage | B.. capacity by year (eq. 5) | inputs
    plants = wb.create_sheet("Plants")
    cap = year_cols(T0)
    inp = T0 + n_years
    pc_c, ps_c, pr_c, pw_c = (col(inp + k) for k in range(4))
    plants.append(["stage"] + [f"cap {y}" for y in years] + ["capacity", "start", "ramp", "w"])
    pstarts = _finite(i.plant_start, BIG)
    for p in range(len(i.plant_ids)):
        r = p + 2
        row = [int(i.plant_stage[p])]
        for y in years:
            row.append(f"=MIN(1,MAX(0,({y}-${ps_c}{r}+1)/${pr_c}{r}))*(${pc_c}{r}*${pw_c}{r})")
        row += [float(i.plant_capacity[p]), pstarts[p], float(i.plant_ramp[p])]
        row.append(float(i.plant_weight[p]))
        plants.append(row)
        count += n_years
    n_plants = len(i.plant_ids) + 1

    # Deals: A id | deliveries A (eq. 3) | oxide O | Dy+Tb | magnets (eq. 7) | inputs
    deals = wb.create_sheet("Deals")
    dA, dO, dD, dM = (year_cols(T0 + n_years * k) for k in range(4))
    inp = T0 + 4 * n_years
    of_c, w_c, ds_c, f_c, sep_c, g_c = (col(inp + k) for k in range(6))
    deals.append(
        ["id"]
        + [f"{name} {y}" for name in ("A", "O", "DyTb", "M") for y in years]
        + ["offtake", "weight", "start", "f", "needs separation", "g"]
    )
    n_deals = len(i.deal_ids) + 1
    sep_row = _separation_rows(i)
    dstarts = _finite(i.deal_start, BIG)
    for d in range(len(i.deal_ids)):
        r, br = d + 2, int(i.deal_block[d]) + 2
        row = [i.deal_ids[d]]
        row += [
            f"=Blocks!{out[k]}{br}*(${of_c}{r}*${w_c}{r})*({y}>=${ds_c}{r})"
            for k, y in enumerate(years)
        ]
        share = [""] * n_years  # deals that need no separation: all of it counts
        if d in sep_row:
            share = [f"*Separation!{c}{sep_row[d]}" for c in year_cols(T0 + n_years)]
        row += [f"={dA[k]}{r}*${f_c}{r}{share[k]}" for k in range(n_years)]
        row += [f"={dA[k]}{r}*${g_c}{r}{share[k]}" for k in range(n_years)]
        row += [f"={dO[k]}{r}*Totals!{col(k + 2)}$14" for k in range(n_years)]
        row += [float(i.offtake[d]), float(i.deal_weight[d]), dstarts[d]]
        row += [float(i.oxide_factor[d]), int(i.needs_separation[d]), float(i.dytb_factor[d])]
        deals.append(row)
        count += 4 * n_years

    count += _separation_sheet(wb, i, dA, years)
    count += _totals_sheet(wb, i, years, n_deals, n_plants, dA, dO, dD, cap, sep_c)
    path = Path(path)
    wb.save(path)
    return count, f"Blocks.{np_c}2"


def _separation_rows(i: ProjectionInputs) -> dict[int, int]:
    """Deal index -> its row on the Separation sheet (deals needing separation, by yield)."""
    g = i.separation_groups
    return {int(d): k + 2 for k, d in enumerate(g.deals)}


def _separation_sheet(wb: Workbook, i: ProjectionInputs, dA: list[str], years: list[int]) -> int:
    """(4) Feed needing separation sorted by yield, highest first (ties form one group): a running
    total K down the rows gives each group the feed ahead of it, H; its share is
    min(1, max(0, SepCap - H) / F_group) (merit order) or phi (pro rata)."""
    sheet = wb.create_sheet("Separation")
    n_years = len(years)
    K = [col(T0 + k) for k in range(n_years)]  # running total of the feed
    sheet.append(["deal"] + [f"K {y}" for y in years] + [f"share {y}" for y in years])
    g = i.separation_groups
    ends = list(g.starts[1:]) + [g.deals.size]
    group_of = np.repeat(np.arange(g.starts.size), np.diff(np.append(g.starts, g.deals.size)))
    count = 0
    for k, d in enumerate(g.deals.tolist()):
        r = k + 2
        first, last = int(g.starts[group_of[k]]) + 2, int(ends[group_of[k]]) + 1
        row: list = [i.deal_ids[d]]
        for t in range(n_years):
            prev = f"{K[t]}{r - 1}+" if k else ""
            row.append(f"={prev}Deals!{dA[t]}{d + 2}")
        for t in range(n_years):
            if i.separation_allocation == "pro_rata":
                row.append(f"=Totals!{col(t + 2)}$6")
                continue
            ahead = f"{K[t]}{first - 1}" if first > 2 else "0"
            feed = f"Deals!{dA[t]}{d + 2}"  # a group of one deal: its own feed
            if last > first:
                feed = f"({K[t]}{last}-{ahead})"
            left = f"MAX(0,Totals!{col(t + 2)}$3-{ahead})"
            row.append(f"=IF({feed}>{left},{left}/{feed},1)")
        sheet.append(row)
        count += 2 * n_years
    return count


def _totals_sheet(wb, i, years, n_deals, n_plants, dA, dO, dD, cap, sep_c) -> int:
    """Rows by year: 3 SepCap, 4 MetalCap, 5 MagnetCap, 6 phi, 7 feed, 8 S, 9 metal, 10 M_ndpr,
    11 Dy+Tb supply, 12 M, 13 target, 14 M/S (eq. 7); B2 the total of M, C2 of S."""
    t = wb.create_sheet("Totals")
    n = len(years)
    last = col(n + 1)
    t.append(["year"] + years)
    rows = {
        3: "SepCap",
        4: "MetalCap",
        5: "MagnetCap",
        6: "phi",
        7: "feed",
        8: "S",
        9: "metal",
        10: "M_ndpr",
        11: "DyTb",
        12: "M",
        13: "target",
        14: "M/S",
    }
    t["A2"], t["B2"], t["C2"] = "total M, S", f"=SUM(B12:{last}12)", f"=SUM(B8:{last}8)"
    n_per_year = 0
    for r, name in rows.items():
        t.cell(row=r, column=1, value=name)
    p_range = f"Plants!$A$2:$A${n_plants}"
    oxm, nim = i.oxide_to_metal, i.ndpr_in_magnet
    n_dy, h = i.dytb_per_magnet, i.high_temp_share
    for k in range(n):
        c = col(k + 2)
        plants = f"Plants!{cap[k]}$2:{cap[k]}${n_plants}"
        a_col = f"Deals!{dA[k]}$2:{dA[k]}${n_deals}"
        cells = {
            3: f"=SUMIF({p_range},0,{plants})",
            4: f"=SUMIF({p_range},1,{plants})",
            5: f"=SUMIF({p_range},2,{plants})",
            6: f"=IF({c}7>{c}3,{c}3/{c}7,1)",
            7: f"=SUMPRODUCT({a_col},Deals!${sep_c}$2:${sep_c}${n_deals})",
            8: f"=SUM(Deals!{dO[k]}$2:{dO[k]}${n_deals})",
            9: f"=MIN({c}8*{oxm!r},{c}4)",
            10: f"=MIN({c}9/{nim!r},{c}5)",
            11: f"=SUM(Deals!{dD[k]}$2:{dD[k]}${n_deals})+{i.dytb_market!r}",
            12: (f"=MIN({c}10,{c}11/{n_dy!r}/{h!r})" if h > 0 and n_dy > 0 else f"={c}10"),
            13: float(i.target[k]),
            14: f"=IF({c}8>0,{c}12/{c}8,0)",
        }
        for r, value in cells.items():
            t[f"{c}{r}"] = value
        n_per_year = len(cells) - 1
    return n * n_per_year + 2
