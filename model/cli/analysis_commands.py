"""`repm` analysis commands: montecarlo, compare, sensitivity, concentration, rank.

Each command imports the model's modules it runs when it runs: building the parser stays light.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from model.choices import TARGET_YEAR, Mode
from model.cli.common import (
    UsageError,
    add_draws_args,
    add_horizon_args,
    add_scenario_args,
    add_source_args,
    add_year_arg,
    calendar_year,
    portfolio_from_args,
    scenario_from_args,
    whole,
)
from model.cli.output import render

if TYPE_CHECKING:
    from model.sensitivity import Bar


def year_arg(args: argparse.Namespace) -> int:
    year = args.year if args.year is not None else min(max(TARGET_YEAR, args.start), args.end)
    if not args.start <= year <= args.end:
        raise UsageError(f"--year {year} is outside the horizon {args.start}-{args.end}")
    return year


def cmd_montecarlo(args: argparse.Namespace) -> str:
    from model.api import project
    from model.band_words import band_figures, band_note, figure_name
    from model.montecarlo import monte_carlo
    from model.number_text import chance

    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    result = monte_carlo(
        portfolio,
        scenario,
        draws=args.draws,
        seed=args.seed,
        start=args.start,
        end=args.end,
        sourced_spread=args.sourced_spread,
    )
    year = year_arg(args)
    # The projection's figure beside the band, and why it lies outside it (as the app says).
    figures = band_figures(
        project(portfolio, scenario=scenario, start=args.start, end=args.end), result, year
    )
    note = band_note(figures)
    rows = result.rows()
    data = {
        "draws": result.n,
        "seed": args.seed,
        "years": rows,
        "p_target_in_year": {"year": year, "p": _chance(result, year - args.start)},
        "first_year_met": result.first_year_met(),
        "drawn_from_sourced_values": [r.as_dict() for r in result.sourced],
        "sourced_values_not_drawn": list(result.not_drawn),
        "projection_in_year": None
        if figures is None
        else {"mode": figures.mode, "magnet_t": figures.figure, "outside_band_note": note},
    }
    headers = ["year", "target_t", "p10_t", "p50_t", "p90_t", "mean_t", "p_target"]
    table = [[r[h] for h in headers] for r in rows]
    if args.format == "table":  # chances in words (never '0 %' for a rare event); CSV the numbers
        table = [[*row[:-1], chance(row[-1], result.n)] for row in table]
    text = render(args.format, headers, table, data, right={"p_target"})
    if args.format == "table":
        first = ", ".join(f"{k}: {chance(v, result.n)}" for k, v in data["first_year_met"].items())
        p = data["p_target_in_year"]["p"]
        said = "— (no target)" if p is None else chance(p, result.n, say_draws=True)
        text = (
            f"{result.n:,} draws, seed {args.seed}\n{text}\n\n"
            f"P(target met in {year}) = {said}\n"
            f"first year the target is met: {first}"
        )
        if figures is not None:
            text += f"\nmagnets in {year}, {figure_name(figures.mode, figures.delayed)}: {figures.figure:,.0f} t"
            text += f"\n{note}" if note else ""
        text += "".join(f"\n{line}" for line in _sourced_lines(result, args.sourced_spread))
    return text


def _chance(result, k: int) -> float | None:
    """P(target) in year index k; None where there is no target (the app shows '—')."""
    return float(result.p_target[k]) if result.target[k] > 0 else None


def _sourced_lines(result, asked: bool) -> list[str]:
    """Which sizes were drawn from their sourced values, and which were not and why."""
    if not asked:
        return ["Sourced ranges not drawn (--no-sourced-spread): sizes fixed at the values in use"]
    lines = [result.sourced_note] if result.sourced else []
    if result.not_drawn:
        lines.append("Sourced ranges not drawn: " + "; ".join(result.not_drawn))
    return lines


def cmd_compare(args: argparse.Namespace) -> str:
    from model.scenarios import compare

    portfolio = portfolio_from_args(args)
    try:
        result = compare(portfolio, args.scenarios, mode=args.mode, start=args.start, end=args.end)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    rows = result.rows()
    headers = list(rows[0])
    return render(args.format, headers, [list(r.values()) for r in rows], {"years": rows})


def cmd_sensitivity(args: argparse.Namespace) -> str:
    from model.sensitivity import sensitivity

    portfolio = portfolio_from_args(args)
    year = year_arg(args)
    bars = sensitivity(
        portfolio,
        year,
        scenario=scenario_from_args(portfolio, args),
        mode=args.mode,
        start=args.start,
        end=args.end,
    )[: args.top]
    data = {
        "year": year,
        "base_t": bars[0].base_t if bars else None,
        "bars": [bar_data(b) for b in bars],
    }
    if args.format == "table":  # the settings as they read ('60 %', '-10 points', '7,500 t/yr')
        headers = ["what", "low end", "high end", "low_t", "high_t", "swing_t"]
        rows = [[b.label, b.low_setting, b.high_setting, b.low_t, b.high_t, b.swing] for b in bars]
    else:  # the settings as stored, with their unit
        headers = ["key", "what", "low", "high", "unit", "low_t", "high_t", "swing_t"]
        rows = [[b.key, b.label, b.low, b.high, b.unit, b.low_t, b.high_t, b.swing] for b in bars]
    text = render(args.format, headers, rows, data)
    if args.format == "table" and bars:
        text = f"magnets in {year}: {bars[0].base_t:,.0f} t at the base settings\n{text}"
    return text


def bar_data(bar: Bar) -> dict:
    """One tornado bar for JSON: the settings as stored (`low`, `high` in `unit`: fractions
    0-1, t/yr, years, choices) and as they read."""
    return {
        "key": bar.key,
        "label": bar.label,
        "low": bar.low,
        "high": bar.high,
        "unit": bar.unit,
        "low_setting": bar.low_setting,
        "high_setting": bar.high_setting,
        "low_t": bar.low_t,
        "high_t": bar.high_t,
        "swing_t": bar.swing,
    }


def cmd_concentration(args: argparse.Namespace) -> str:
    from model.api import project
    from model.concentration import concentration, country_cuts, largest_words
    from model.fields import PERCENT

    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    year = year_arg(args)
    result = project(portfolio, scenario=scenario, mode=args.mode, start=args.start, end=args.end)
    conc = concentration(result)
    dytb = concentration(result, dytb=True)
    cut_from = args.cut_from if args.cut_from is not None else args.start
    cuts = country_cuts(
        portfolio,
        from_year=cut_from,
        year=year,
        mode=args.mode,
        scenario=scenario,
        start=args.start,
        end=args.end,
    )
    data = {
        "years": conc.rows(),
        "dytb_years": dytb.rows(),
        "country_cuts": {
            "from_year": cut_from,
            "year": year,
            "rows": [c.__dict__ for c in cuts],
        },
    }
    if args.format == "json":
        return render("json", [], [], data)
    headers = ["year", "hhi", "largest_country", "largest_share"]
    shares = {"largest_share": PERCENT}
    rows = [[r[h] for h in headers] for r in data["years"]]
    cut_headers = ["country", "name", "magnets_lost_t", "cumulative_lost_t", "gap_t"]
    cut_rows = [[getattr(c, h) for h in cut_headers] for c in cuts]
    if args.format == "csv":
        return (
            render("csv", headers, rows, None) + "\n\n" + render("csv", cut_headers, cut_rows, None)
        )
    dytb_text = ""
    if dytb.hhi.any():
        dytb_rows = [[r[h] for h in headers] for r in data["dytb_years"]]
        dytb_table = render("table", headers, dytb_rows, None, shares)
        dytb_text = "\n\nDy+Tb delivered, by country:\n" + dytb_table
    summary = f"\n{year}: {largest_words(conc, result.year_index(year))}"
    return (
        render("table", headers, rows, None, shares)
        + summary
        + dytb_text
        + f"\n\nif one country is cut from {cut_from} (effect in {year}):\n"
        + render("table", cut_headers, cut_rows, None)
    )


COST_FIELD = "blocks.acquisition_cost_musd"
COST_KEYS = ("cost_musd", "total_t_per_musd")


def cmd_rank(args: argparse.Namespace) -> str:
    """Acquisition costs are confidential by default: shown (with t per USD m, which reveals
    them) only with --include-confidential, as in exports."""
    from model.ranking import rank_deals
    from model.redaction import redact, shown

    portfolio = portfolio_from_args(args)
    costs = shown(portfolio, COST_FIELD, args.include_confidential)
    portfolio = redact(portfolio, args.include_confidential)
    year = year_arg(args)
    values = rank_deals(
        portfolio,
        year,
        scenario=scenario_from_args(portfolio, args),
        draws=args.draws,
        seed=args.seed,
        start=args.start,
        end=args.end,
    )
    headers = [
        "deal",
        "block",
        "firm",
        "status",
        f"added_{year}_expected_t",
        "added_total_expected_t",
        f"added_{year}_p50_t",
        "added_total_p50_t",
        "cost_musd",
        "total_t_per_musd",
    ]
    rows = [["" if cell is None else cell for cell in v.row()] for v in values]
    deals = [dict(v.__dict__, total_t_per_musd=v.total_per_musd) for v in values]
    if not costs:
        headers, rows = headers[:-2], [r[:-2] for r in rows]
        deals = [{k: v for k, v in d.items() if k not in COST_KEYS} for d in deals]
    data = {"year": year, "draws": args.draws, "seed": args.seed, "deals": deals}
    text = render(args.format, headers, rows, data)
    if args.format == "table":
        text = f"P50: {args.draws:,} Monte Carlo draws, seed {args.seed}\n{text}"
    if args.format == "table" and not costs:
        text += "\n\nacquisition costs are confidential: --include-confidential shows them"
    return text


def _add_common_args(p: argparse.ArgumentParser, *, mode: bool = True, year: bool = True) -> None:
    add_source_args(p)
    add_scenario_args(p, mode=mode)
    if year:
        add_year_arg(p, f"the year that matters (default {TARGET_YEAR})")
    add_horizon_args(p)


def add_montecarlo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "montecarlo", help="P10/P50/P90 of magnets and the chance of meeting the target"
    )
    _add_common_args(p, mode=False)
    add_draws_args(p, "Monte Carlo draws")
    p.add_argument(
        "--no-sourced-spread",
        dest="sourced_spread",
        action="store_false",
        help="hold nameplates and capacities at the values in use instead of drawing them "
        "from the range of their sourced values",
    )
    p.set_defaults(run=cmd_montecarlo)


def add_compare(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="magnets per year under two or more scenarios")
    add_source_args(p)
    p.add_argument("--scenarios", nargs="+", required=True, metavar="NAME")
    p.add_argument("--mode", choices=[m.value for m in Mode], default=None)
    add_horizon_args(p)
    p.set_defaults(run=cmd_compare)


def add_sensitivity(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sensitivity", help="tornado: which assumption or block moves magnets most")
    _add_common_args(p)
    p.add_argument("--top", type=whole(1), default=20, help="the largest N swings (default 20)")
    p.set_defaults(run=cmd_sensitivity)


def add_concentration(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("concentration", help="country shares, HHI and the cost of losing a country")
    _add_common_args(p)
    p.add_argument(
        "--cut-from",
        type=calendar_year,
        default=None,
        metavar="Y",
        help="year the cut starts, inside the horizon (default: its first year)",
    )
    p.set_defaults(run=cmd_concentration)


def add_rank(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rank", help="what closing each open deal adds (expected and P50)")
    _add_common_args(p, mode=False)
    add_draws_args(p, "the P50's Monte Carlo draws")
    p.add_argument(
        "--include-confidential",
        action="store_true",
        help="show acquisition costs when they are confidential (they are by default)",
    )
    p.set_defaults(run=cmd_rank)
