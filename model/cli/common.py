"""What every `repm` command shares: the usage error, the checked argument types, the arguments
several commands take (source, scenario, horizon, year, format, unknown costs), loading."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from model.choices import (
    DRAWS,
    HORIZON_END,
    HORIZON_START,
    MAX_DRAWS,
    SEED,
    YEAR_MAX,
    YEAR_MIN,
    Mode,
)

if TYPE_CHECKING:
    from model.portfolio import Portfolio

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A problem with what the user asked for; printed as one line, exit code 2."""


class OneLineParser(argparse.ArgumentParser):
    """An argument argparse refuses is told in one line on stderr (exit 2), as a UsageError is,
    not after the usage: 'repm rank: argument --draws: must be ... (see repm rank --help)'.
    The sub-commands' parsers inherit it."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


# Argument types: each checks one argument where it is read, so every command refuses a bad value
# the same way (argparse adds 'argument --draws: '; OneLineParser makes it one line).


def whole(low: int, high: int | None = None, what: str = "a whole number") -> Callable[[str], int]:
    """A whole number from `low` (to `high`); years are written without separators."""
    shown = "{}" if what == "a year" else "{:,}"
    limits = f"from {shown} to {shown}".format(low, high) if high is not None else ""
    limits = limits or f"of at least {shown}".format(low)

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {what} {limits}, not {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be {what} {limits}, not {shown.format(value)}")
        return value

    return check


def number(low: float, high: float | None = None, *, above: bool = False) -> Callable[[str], float]:
    """A finite number from `low` (or above it, `above`) to `high`."""
    limits = ("above" if above else "of at least") + f" {low:g}"
    if high is not None:
        limits = f"from {low:g} to {high:g}"

    def check(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        too_low = value <= low if above else value < low
        if not math.isfinite(value) or too_low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be a number {limits}, not {text!r}")
        return value

    return check


calendar_year = whole(
    YEAR_MIN, YEAR_MAX, "a year"
)  # any year the model takes (the horizon: check_years)
share = number(0, 1)  # a fraction: 0.5 is half


def add_draws_args(
    parser: argparse.ArgumentParser, what: str, default: int = DRAWS, most: int = MAX_DRAWS
) -> None:
    """--draws (1 to `most`) and --seed, their defaults stated in --help."""
    parser.add_argument(
        "--draws",
        type=whole(1, most),
        default=default,
        help=f"{what} (default {default:,}, as the app; at most {most:,})",
    )
    parser.add_argument(
        "--seed",
        type=whole(0),
        default=SEED,
        help=f"the random draws' seed: the same seed gives the same draws (default {SEED})",
    )


def check_years(args: argparse.Namespace) -> None:
    """The years the user gave fit together: --to not before --from, and --year and --cut-from
    inside the horizon (each year's own range is checked by the `year` type)."""
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is None or end is None:
        return
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    for flag, dest in (("--year", "year"), ("--cut-from", "cut_from")):
        value = getattr(args, dest, None)
        if value is not None and not start <= value <= end:
            raise UsageError(f"{flag} {value} is outside the horizon {start}-{end} (--from, --to)")


def add_source_args(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--portfolio", metavar="FILE", help="interchange JSON portfolio")
    source.add_argument("--db", metavar="FILE", help="portfolio store (.repm SQLite file)")
    source.add_argument("--demo", action="store_true", help="the built-in demo portfolio")


def add_scenario_args(
    parser: argparse.ArgumentParser,
    *,
    mode: bool = True,
    help: str = "a scenario stored in the portfolio or built in",
) -> None:
    """--scenario (stored or built in: scenario_from_args) and, where the command projects,
    --mode."""
    parser.add_argument("--scenario", metavar="NAME", help=help)
    if mode:
        parser.add_argument("--mode", choices=[m.value for m in Mode], default=None)


def add_year_arg(
    parser: argparse.ArgumentParser,
    help: str | None = None,
    *,
    default: int | None = None,
    required: bool = False,
) -> None:
    """--year: the one year a command reports on (inside the horizon: check_years)."""
    parser.add_argument("--year", type=calendar_year, default=default, required=required, help=help)


def add_format_arg(
    parser: argparse.ArgumentParser, formats: tuple[str, ...] = ("table", "json", "csv")
) -> None:
    """--format: how the output is written (default a table)."""
    parser.add_argument("--format", choices=formats, default="table")


def add_uncosted_arg(
    parser: argparse.ArgumentParser, help: str = "count unknown costs as 0 (else left out)"
) -> None:
    """--include-uncosted: a plan may take deals whose cost is not known, counted as free."""
    parser.add_argument("--include-uncosted", action="store_true", help=help)


def add_horizon_args(parser: argparse.ArgumentParser) -> None:
    add_years_args(parser)
    add_format_arg(parser)


def add_years_args(parser: argparse.ArgumentParser) -> None:
    """--from and --to: the horizon."""
    parser.add_argument(
        "--from",
        dest="start",
        type=calendar_year,
        default=HORIZON_START,
        metavar="Y",
        help=f"first year of the horizon (default {HORIZON_START})",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=calendar_year,
        default=HORIZON_END,
        metavar="Y",
        help=f"last year of the horizon (default {HORIZON_END})",
    )


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
