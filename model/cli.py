"""`repm`: the command line over the same functions the desktop uses.

Exit codes: 0 success, 2 bad input (a file, an argument); nothing is written when a check fails.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from model.api import load_portfolio, project
from model.demo import demo_portfolio
from model.interchange import InvalidPortfolio, write_interchange
from model.portfolio import Portfolio
from model.scenario import Mode
from model.tables import render

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A problem with what the user asked for; printed as one line, exit code 2."""


def add_source_args(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--portfolio", metavar="FILE", help="interchange JSON portfolio")
    source.add_argument("--db", metavar="FILE", help="portfolio store (.repm SQLite file)")
    source.add_argument("--demo", action="store_true", help="the built-in demo portfolio")


def add_horizon_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=int, default=2025, metavar="Y")
    parser.add_argument("--to", dest="end", type=int, default=2040, metavar="Y")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")


def portfolio_from_args(args: argparse.Namespace) -> Portfolio:
    if args.demo:
        return demo_portfolio()
    if args.db:
        from model.store import Store

        with Store.open(args.db, create=False) as store:
            return store.load_portfolio()
    return load_portfolio(args.portfolio)


def scenario_from_args(portfolio: Portfolio, args: argparse.Namespace):
    """The scenario named by --scenario: stored in the portfolio, or built in."""
    if not getattr(args, "scenario", None):
        return None
    from model.scenarios import find_scenario

    try:
        return find_scenario(portfolio, args.scenario)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None


def cmd_project(args: argparse.Namespace) -> str:
    portfolio = portfolio_from_args(args)
    scenario = scenario_from_args(portfolio, args)
    result = project(portfolio, mode=args.mode, scenario=scenario, start=args.start, end=args.end)
    data = {
        "scenario": result.inputs.scenario,
        "mode": str(result.inputs.mode),
        "years": result.rows(),
    }
    headers = ["year", "target_t", "magnet_t", "gap_t", "ndpr_oxide_t", "metal_t", "bottleneck"]
    rows = [[r[h] for h in headers] for r in data["years"]]
    text = render(args.format, headers, rows, data)
    if args.format == "table":
        text = f"scenario: {data['scenario']}   mode: {data['mode']}\n{text}"
        if result.inputs.incomplete:
            lacking = "\n".join(f"  {line}" for line in result.inputs.incomplete)
            text += f"\n\ncontribute nothing until completed:\n{lacking}"
    return text


def cmd_validate(args: argparse.Namespace) -> str:
    portfolio = load_portfolio(args.file)
    return (
        f"{args.file}: valid ({len(portfolio.blocks)} blocks, {len(portfolio.firms)} firms, "
        f"{len(portfolio.deals)} deals, {len(portfolio.plants)} plants, "
        f"{len(portfolio.scenarios)} scenarios)"
    )


def cmd_demo(args: argparse.Namespace) -> str:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; pass --force to overwrite it")
    write_interchange(demo_portfolio(), out)
    return f"wrote the demo portfolio to {out}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="repm", description="REPM supply planner: capacity model and portfolio tools"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("project", help="project magnets per year against the target")
    add_source_args(p)
    p.add_argument(
        "--scenario", metavar="NAME", help="a scenario stored in the portfolio or built in"
    )
    p.add_argument("--mode", choices=[m.value for m in Mode], default=None)
    add_horizon_args(p)
    p.set_defaults(run=cmd_project)

    p = sub.add_parser("validate", help="check an interchange file and list every problem")
    p.add_argument("file")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("demo", help="write the demo portfolio as an interchange file")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=cmd_demo)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


# Other modules (store, analysis) add their sub-commands here, keeping this file short.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    from model import cli_analysis, cli_store  # noqa: F401  (register their commands)
    from model.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        output = args.run(args)
    except (InvalidPortfolio, StoreError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (UsageError, ValueError, OSError) as exc:
        print(f"repm {args.command}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if output:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
