"""`repm what-if`: the what-if panel's figures without the desktop, for one block and one year:
the change in the mode in use and, if the block's deals close, the change then."""

from __future__ import annotations

import argparse

from model.choices import TARGET_YEAR
from model.cli.common import (
    UsageError,
    add_scenario_args,
    add_source_args,
    add_years_args,
    calendar_year,
    number,
    portfolio_from_args,
    scenario_from_args,
    share,
    whole,
)
from model.cli.output import json_text


def cmd_what_if(args: argparse.Namespace) -> str:
    from model.inputs import build_inputs
    from model.what_if import WhatIf, live_deals
    from model.what_if_change import what_if_change

    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    if args.block not in {b.id for b in portfolio.blocks}:
        raise UsageError(f"--block {args.block}: not a block of this portfolio")
    if args.offtake is not None and not live_deals(portfolio, args.block):
        raise UsageError(f"--offtake: block {args.block} has no live deal to take it")
    what_if = WhatIf(
        args.block,
        offtake_total=args.offtake,
        first_year=args.first_year,
        nameplate_tpa=args.nameplate,
        delay_years=args.delay,
    )
    if what_if.is_empty():
        raise UsageError("nothing to try: give --offtake, --first-year, --nameplate or --delay")
    inputs = build_inputs(portfolio, scenario, mode=args.mode, start=args.start, end=args.end)
    change = what_if_change(inputs, portfolio, scenario, what_if, args.year)
    if args.format == "json":
        return json_text(change.as_dict())
    return f"{change.total_line()}\n{change.closed_line()}"


def add_what_if(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "what-if",
        help="one block's what-if (offtake, first year, nameplate, delay): the change in a year, "
        "and the change if its deals close",
    )
    add_source_args(p)
    add_scenario_args(p)
    p.add_argument("--block", required=True, metavar="ID")
    p.add_argument(
        "--offtake", type=share, metavar="SHARE", help="India's total share (0.15 is 15 %%)"
    )
    p.add_argument("--first-year", type=calendar_year, metavar="Y")
    p.add_argument("--nameplate", type=number(0), metavar="T", help="t/yr in the block's unit")
    p.add_argument("--delay", type=whole(0, 50), default=0, metavar="N", help="years")
    p.add_argument("--year", type=calendar_year, default=TARGET_YEAR, help=f"default {TARGET_YEAR}")
    add_years_args(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=cmd_what_if)
