"""`repm project`, `repm validate`, `repm demo`: the capacity model and the interchange file.

Each command imports the model's modules it runs when it runs: building the parser stays light.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from model.choices import TABLE_KINDS
from model.cli.common import (
    UsageError,
    add_horizon_args,
    add_scenario_args,
    add_source_args,
    portfolio_from_args,
    scenario_from_args,
)
from model.cli.output import render


def cmd_project(args: argparse.Namespace) -> str:
    from model.api import project
    from model.dytb_words import cap_line
    from model.stage_words import stage_name

    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    result = project(portfolio, mode=args.mode, scenario=scenario, start=args.start, end=args.end)
    data = {
        "scenario": result.inputs.scenario,
        "mode": str(result.inputs.mode),
        "years": result.rows(),
    }
    headers = ["year", "target_t", "magnet_t", "gap_t", "ndpr_oxide_t", "metal_t", "bottleneck"]
    if result.inputs.high_temp_share > 0:  # the Dy/Tb limit counts (equation 8)
        headers[-1:-1] = ["dytb_supply_t", "dytb_need_t"]
    rows = [[r[h] for h in headers] for r in data["years"]]
    if args.format == "table":  # the official's words, not the key ('Dy/Tb', not 'dytb')
        rows = [[*row[:-1], stage_name(row[-1])] for row in rows]
    text = render(args.format, headers, rows, data)
    if args.format == "table":
        delays = ", with the scenario's delays" if result.inputs.delayed else ""
        text = f"scenario: {data['scenario']}   mode: {data['mode']}{delays}\n{text}"
        if result.inputs.incomplete:
            lacking = "\n".join(f"  {line}" for line in result.inputs.incomplete)
            text += f"\n\ncontribute nothing until completed:\n{lacking}"
        if result.inputs.dytb_unknown:
            lacking = "\n".join(f"  {line}" for line in result.inputs.dytb_unknown)
            text += f"\n\nDy/Tb counted as zero:\n{lacking}\n"
            text += cap_line(result.inputs.high_temp_share)
    return text


def cmd_validate(args: argparse.Namespace) -> str:
    """The same reading and checks as `repm import` (a .csv is checked on its own: its
    references to other records are checked when it is imported into a portfolio)."""
    from model.api import load_portfolio
    from model.importing import read_import  # .csv and .xlsx; openpyxl only for .xlsx

    if Path(args.file).suffix.lower() == ".csv":
        incoming = read_import(args.file, args.kind)
        note = f"; {incoming.kind_note}" if incoming.kind_note else ""
        return f"{args.file}: valid on its own ({len(incoming.records)} {incoming.kind}{note})"
    if Path(args.file).suffix.lower() == ".xlsx":
        portfolio = read_import(args.file).portfolio
    else:
        portfolio = load_portfolio(args.file)
    return (
        f"{args.file}: valid ({len(portfolio.blocks)} blocks, {len(portfolio.firms)} firms, "
        f"{len(portfolio.deals)} deals, {len(portfolio.plants)} plants, "
        f"{len(portfolio.scenarios)} scenarios)"
    )


def cmd_demo(args: argparse.Namespace) -> str:
    from model.demo import demo_portfolio
    from model.interchange import write_interchange

    out = Path(args.out)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; pass --force to overwrite it")
    write_interchange(demo_portfolio(), out)
    return f"wrote the demo portfolio to {out}"


def add_project(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("project", help="project magnets per year against the target")
    add_source_args(p)
    add_scenario_args(p)
    add_horizon_args(p)
    p.set_defaults(run=cmd_project)


def add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="check a .json, .xlsx or .csv file as import would; list every problem"
    )
    p.add_argument("file")
    p.add_argument("--kind", choices=TABLE_KINDS, help="for .csv")
    p.set_defaults(run=cmd_validate)


def add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="write the demo portfolio as an interchange file")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=cmd_demo)
