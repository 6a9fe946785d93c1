"""`repm report`: the PDF briefing, drawn by the desktop's Qt code.

Listed only when Qt is installed; Qt is imported only when `report` runs, so every other command
stays as light as model/ itself.
"""

from __future__ import annotations

import argparse
import importlib.util
import os

from model.choices import OBJECTIVES, TARGET_YEAR
from model.cli.common import (
    add_draws_args,
    add_scenario_args,
    add_source_args,
    add_uncosted_arg,
    add_year_arg,
    add_years_args,
    number,
    portfolio_from_args,
    scenario_from_args,
)


def qt_available() -> bool:
    """PySide6 and the desktop package can be imported (found without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("PySide6", "desktop"))


def cmd_report(args: argparse.Namespace) -> str:
    # A PDF needs no screen: never depend on one (an unreachable DISPLAY aborts Qt), unless the
    # user chose a platform themselves.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import application
    from desktop.report import write_report

    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    plan = None
    if args.plan_objective:
        from model.optimise import Constraints, optimise

        plan = optimise(
            portfolio,
            args.year,
            args.plan_objective,
            Constraints(budget_musd=args.plan_budget_musd, include_uncosted=args.include_uncosted),
            scenario=scenario,
            start=args.start,
            end=args.end,
        )
    application()
    # write_report writes owner-only and in one piece (files.private_output in write_pdf)
    pages = write_report(
        portfolio,
        args.out,
        scenario=scenario,
        mode=args.mode,
        start=args.start,
        end=args.end,
        year=args.year,
        include_confidential=args.include_confidential,
        draws=args.draws,
        seed=args.seed,
        plan=plan,
    )
    return f"wrote {args.out} ({pages} pages)"


def add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a PDF briefing")
    add_source_args(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_scenario_args(p)
    add_years_args(p)
    add_year_arg(p, "the target year the briefing leads with", default=TARGET_YEAR)
    add_draws_args(p, "Monte Carlo draws, of the chance of the target and the deal ranking")
    p.add_argument("--include-confidential", action="store_true")
    p.add_argument(
        "--plan-objective",
        choices=OBJECTIVES,
        help="add a recommended-plan page (repm optimise) for --year",
    )
    p.add_argument("--plan-budget-musd", type=number(0), metavar="B")
    add_uncosted_arg(p, "plan: count unknown costs as 0 (else left out)")
    p.set_defaults(run=cmd_report)
