"""What every `repm` command shares: the usage error, source/horizon arguments, loading."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from model.choices import HORIZON_END, HORIZON_START, Mode

if TYPE_CHECKING:
    from model.portfolio import Portfolio

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A problem with what the user asked for; printed as one line, exit code 2."""


def add_source_args(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--portfolio", metavar="FILE", help="interchange JSON portfolio")
    source.add_argument("--db", metavar="FILE", help="portfolio store (.repm SQLite file)")
    source.add_argument("--demo", action="store_true", help="the built-in demo portfolio")


def add_scenario_args(parser: argparse.ArgumentParser, *, mode: bool = True) -> None:
    """--scenario (stored or built in) and, where the command projects, --mode."""
    parser.add_argument(
        "--scenario", metavar="NAME", help="a scenario stored in the portfolio or built in"
    )
    if mode:
        parser.add_argument("--mode", choices=[m.value for m in Mode], default=None)


def add_horizon_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=int, default=HORIZON_START, metavar="Y")
    parser.add_argument("--to", dest="end", type=int, default=HORIZON_END, metavar="Y")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")


def portfolio_from_args(args: argparse.Namespace) -> Portfolio:
    if args.demo:
        from model.demo import demo_portfolio

        return demo_portfolio()
    if args.db:
        from model.store import Store

        with Store.open(args.db, read_only=True) as store:
            return store.load_portfolio()
    from model.api import load_portfolio

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


def warn(store) -> None:
    """What opening a store could not do but did not stop it (e.g. no backup): on stderr."""
    for warning in store.warnings:
        print(f"warning: {store.path}: {warning}", file=sys.stderr)
