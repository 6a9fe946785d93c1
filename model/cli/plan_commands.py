"""`repm optimise` (the plan optimiser) and `repm bounds` (negotiation bounds).

The optimiser and SciPy are imported when one of these commands runs, not to build the parser.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from model.choices import MAX_SAMPLE_DRAWS, OBJECTIVES, SAMPLE_DRAWS
from model.cli.common import (
    UsageError,
    add_draws_args,
    add_format_arg,
    add_scenario_args,
    add_source_args,
    add_uncosted_arg,
    add_year_arg,
    add_years_args,
    number,
    portfolio_from_args,
    scenario_from_args,
    share,
    whole,
)
from model.cli.output import json_text
from model.stage_words import stage_name

if TYPE_CHECKING:
    from model.optimise import PlanResult
    from model.portfolio import Portfolio


def _add_budget_args(p: argparse.ArgumentParser) -> None:
    """--budget-musd or --budget-crore (one of them): the most the plan may cost."""
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--budget-musd", type=number(0), metavar="B")
    budget.add_argument("--budget-crore", type=number(0), metavar="B")


def _budget(args: argparse.Namespace, portfolio: Portfolio) -> float | None:
    from model.assumptions import crore_to_usd_m

    if args.budget_crore is not None:
        return crore_to_usd_m(args.budget_crore, portfolio.assumptions.inr_per_usd)
    return args.budget_musd


def cmd_optimise(args: argparse.Namespace) -> str:
    from model.optimise import Constraints, optimise

    portfolio = portfolio_from_args(args)
    if args.save_scenario is not None and args.demo:
        raise UsageError("--save-scenario needs --db or --portfolio (the demo is read-only)")
    scenario = scenario_from_args(portfolio, args)
    if args.cap_imported_only and args.max_country_share is None:
        raise UsageError("--cap-imported-only needs --max-country-share (the limit it changes)")
    constraints = Constraints(
        budget_musd=_budget(args, portfolio),
        max_country_share=args.max_country_share,
        cap_imported_only=args.cap_imported_only,
        min_mou_share=args.min_mou_share,
        max_deals=args.max_deals,
        include=tuple(args.include),
        exclude=tuple(args.exclude),
        include_uncosted=args.include_uncosted,
    )
    result = optimise(
        portfolio,
        args.year,
        args.objective,
        constraints,
        scenario=scenario,
        start=args.start,
        end=args.end,
        draws=args.draws,
        seed=args.seed,
        time_limit=args.time_limit,
    )
    saved = None
    if args.save_scenario is not None:
        saved = _save(args, portfolio, result, scenario)
    if args.format == "json":
        data = _shown(result, portfolio, args.include_confidential)
        if saved:
            data["saved_scenario"] = saved
        return json_text(data)
    return _table(result, _shown(result, portfolio, args.include_confidential), saved, portfolio)


def _save(args, portfolio: Portfolio, result: PlanResult, scenario) -> str:
    from model.plan import plan_scenario

    if result.plan is None:
        raise UsageError(f"no plan to save: the optimiser found the request {result.status}")
    if not result.plan.plan.closed and not result.plan.plan.built:
        raise UsageError(
            "not saved: the plan closes no deal and builds nothing"
            + (
                " (deals without a cost were left out: enter their costs, or --include-uncosted)"
                if result.left_out_uncosted
                else ""
            )
        )
    name = args.save_scenario.strip()
    if not name:
        raise UsageError("--save-scenario needs a name")
    saved = plan_scenario(portfolio, result.plan.plan, scenario, name=name)
    saved = saved.model_copy(
        update={
            "description": f"Plan from repm optimise --objective {result.objective} "
            f"--year {result.year} (status {result.status}). {result.country_limit}"
        }
    )
    if args.db:
        from model.store import Store

        with Store.open(args.db, create=False) as store:
            store.put_scenario(saved)
    else:
        from model.interchange import write_interchange
        from model.portfolio import Portfolio

        if any(s.name == name for s in portfolio.scenarios):
            raise UsageError(f"--save-scenario: a scenario named '{name}' already exists")
        updated = portfolio.model_copy(update={"scenarios": [*portfolio.scenarios, saved]})
        write_interchange(Portfolio.model_validate(updated.model_dump()), args.portfolio)
    return name


def _shown(result: PlanResult, portfolio: Portfolio, include_confidential: bool) -> dict:
    """The result as printed: while deal costs are confidential, a plan's cost that includes a
    known deal cost is left out (null) unless --include-confidential, like every export."""
    data = result.as_dict()
    if include_confidential or "deals.cost_musd" not in portfolio.confidential_fields:
        return data
    costed = {d.id for d in portfolio.deals if d.cost_musd is not None}
    hidden = False
    for figures in (data, data["greedy"]):
        if costed & set(figures["chosen_deals"]):
            figures["cost_musd"] = figures["cost_crore"] = None
            hidden = True
    if hidden:
        data["notes"] = [
            *data["notes"],
            "plan costs left out: deal costs are confidential (--include-confidential shows them)",
        ]
    return data


def _money(figures: dict, inr_per_usd: float) -> str:
    """The plan's cost in words (model.plan_cost_words): unknown costs said, never 0."""
    from model.plan_cost_words import cost_sentence

    return cost_sentence(
        figures["cost_musd"],
        figures["chosen_deals"],
        figures["chosen_plants"],
        figures.get("uncosted", []),
        inr_per_usd,
        hidden="confidential (--include-confidential shows it)",
    )


def _table(result: PlanResult, data: dict, saved: str | None, portfolio: Portfolio) -> str:
    from model.number_text import chance, percent
    from model.optimise import item_names
    from model.plan import OUTSIDE_SHARE_LIMITS

    names = item_names(portfolio)
    lines = [
        f"objective {result.objective}, year {result.year}: {result.status}",
        f"target {result.target_t:,.0f} t magnets",
        *data["notes"],  # what was left out comes before the plan it shaped
        result.country_limit,
    ]
    if result.plan is None and result.no_plan is None:  # else the notes say which limit
        lines.append("no plan found")
    for label, figures in (
        ("plan", data),
        (
            "rank order (deals taken in the deal ranking's order within the same budget)",
            data["greedy"],
        ),
    ):
        magnets = figures["magnets_t"].get(str(result.year))
        p = figures.get("p_target")
        shares = ", ".join(f"{k} {percent(v)}" for k, v in figures["country_shares"].items())
        lines += [
            "",
            f"{label}:",
            "  deals closed:  "
            + (", ".join(names.get(i, i) for i in figures["chosen_deals"]) or "none"),
            "  options built: "
            + (", ".join(names.get(i, i) for i in figures["chosen_plants"]) or "none"),
            f"  cost:          {_money(figures, portfolio.assumptions.inr_per_usd)}",
            f"  magnets in {result.year}: "
            + ("-" if magnets is None else f"{magnets:,.0f} t")
            + ("" if p is None else f"; P(target) {chance(p, result.evaluation_draws)}"),
            f"  country shares: {shares or '-'}",
        ]
        if result.constraints.cap_imported_only:  # the shares the limit was on
            imports = ", ".join(f"{k} {percent(v)}" for k, v in figures["import_shares"].items())
            lines.append(f"  shares of imports: {imports or '-'}")
        if figures.get("meets_constraints") is False:
            lines.append(f"  {OUTSIDE_SHARE_LIMITS}")
    if result.shortfall_t is not None:
        lines.append(
            f"short of the target by {result.shortfall_t:,.0f} t; {stage_name(result.binding_stage)} binds"
        )
    if result.p_target_in_sample is not None:
        lines.append(
            "P(target) on the draws the plan was chosen on: "
            + chance(result.p_target_in_sample, result.sample_draws)
        )
    if saved:
        lines.append(f"saved as scenario '{saved}'")
    return "\n".join(lines)


def add_optimise(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("optimise", help="the best plan of deals and plant options for a year")
    add_source_args(p)
    add_scenario_args(p, mode=False, help="optimise on top of this scenario (stored or built in)")
    add_year_arg(p, required=True)
    p.add_argument("--objective", choices=OBJECTIVES, required=True)
    _add_budget_args(p)
    p.add_argument("--max-country-share", type=share, metavar="S")
    p.add_argument(
        "--cap-imported-only",
        action="store_true",
        help="--max-country-share limits each foreign country's share of imported supply "
        "(India's own output not counted); else every country's share of all supply",
    )
    p.add_argument("--min-mou-share", type=share, metavar="M")
    p.add_argument("--max-deals", type=whole(0), metavar="N")
    p.add_argument("--include", nargs="+", default=[], metavar="ID")
    p.add_argument("--exclude", nargs="+", default=[], metavar="ID")
    add_uncosted_arg(p)
    add_draws_args(p, "max-probability: draws to optimise on", SAMPLE_DRAWS, most=MAX_SAMPLE_DRAWS)
    p.add_argument("--time-limit", type=number(0, above=True), default=60.0, metavar="SECONDS")
    p.add_argument("--save-scenario", metavar="NAME")
    p.add_argument(
        "--include-confidential",
        action="store_true",
        help="show plan costs that include deal costs",
    )
    add_years_args(p)
    add_format_arg(p, ("table", "json"))
    p.set_defaults(run=cmd_optimise)


def cmd_bounds(args: argparse.Namespace) -> str:
    from model.bounds import deal_bounds

    portfolio = portfolio_from_args(args)
    bounds = deal_bounds(
        portfolio,
        args.deal,
        args.year,
        scenario=scenario_from_args(portfolio, args),
        budget_musd=_budget(args, portfolio),
        include_uncosted=args.include_uncosted,
        start=args.start,
        end=args.end,
    )
    if args.format == "json":
        return json_text(bounds.as_dict())
    lines = [bounds.sentence()]
    if bounds.latest_first_year is not None:
        lines.append(
            f"latest first year of the block that still reaches it: {bounds.latest_first_year}"
        )
    else:
        lines.append("no first year of the block reaches it at the deal's current share")
    if args.budget_musd is not None or args.budget_crore is not None:
        if bounds.break_even_cost_musd is None:
            lines.append("the deal is not in the best plan within this budget even at no cost")
        else:
            lines.append(
                f"break-even cost within the budget: USD {bounds.break_even_cost_musd:,.1f} m"
            )
    return "\n".join(lines)


def add_bounds(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bounds", help="the least offtake share of one deal that reaches the target")
    add_source_args(p)
    add_scenario_args(p, mode=False)
    p.add_argument("--deal", required=True, metavar="ID")
    add_year_arg(p, required=True)
    _add_budget_args(p)
    add_uncosted_arg(p)
    add_years_args(p)
    add_format_arg(p, ("table", "json"))
    p.set_defaults(run=cmd_bounds)
