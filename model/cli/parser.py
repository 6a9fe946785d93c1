"""`repm`: every sub-command listed in one parser, and the exit-code contract.

Exit codes: 0 success, 2 bad input (a file, an argument); nothing is written when a check fails.
Building the parser imports no model module that loads SQLModel or SciPy (`repm --help` is quick):
each command imports what it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from functools import cache

from model.cli import analysis_commands as analysis
from model.cli import evidence_commands as evidence
from model.cli import plan_commands as plan
from model.cli import projection_commands as projection
from model.cli import report_command as report
from model.cli import store_commands as store
from model.cli import what_if_command as what_if
from model.cli.common import EXIT_BAD_INPUT, OneLineParser, UsageError, check_years
from model.store.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="repm", description="REPM supply planner: capacity model and portfolio tools"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    projection.add_project(sub)
    projection.add_validate(sub)
    projection.add_demo(sub)
    store.add_import(sub)
    store.add_export(sub)
    store.add_check(sub)
    store.add_backup(sub)
    store.add_backups(sub)
    store.add_restore(sub)
    analysis.add_montecarlo(sub)
    analysis.add_compare(sub)
    analysis.add_sensitivity(sub)
    analysis.add_concentration(sub)
    analysis.add_rank(sub)
    plan.add_optimise(sub)
    plan.add_bounds(sub)
    what_if.add_what_if(sub)
    evidence.add_evidence(sub)
    evidence.add_demand(sub)
    if report.qt_available():  # the PDF is drawn by Qt; imported only when `report` runs
        report.add_report(sub)
    parser.set_defaults(commands=sub.choices)  # for an unknown argument's message (main)
    return parser


@cache
def _parser() -> argparse.ArgumentParser:
    """Built once per process: building it costs more than most commands (tests run hundreds)."""
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args, unknown = _parser().parse_known_args(argv)
        if unknown:  # named by the command it follows: 'repm montecarlo: ... --x'
            args.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exc:  # --help (0), or an argument refused in one line (2): told
        return int(exc.code or 0)
    try:
        check_years(args)
        output = args.run(args)
    except Exception as exc:
        line = _error_line(args.command, exc)
        if line is None:
            raise
        print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    if output:
        try:
            print(output)
            sys.stdout.flush()
        except BrokenPipeError:  # `repm ... | head` stopped reading: nothing more to say
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush is quiet
    return 0


def _error_line(command: str, exc: Exception) -> str | None:
    """The one line a bad file or argument is told in (exit 2); None for a bug, which shows."""
    from model.interchange import InvalidPortfolio  # imported on failure only: it loads the model

    if isinstance(exc, InvalidPortfolio | StoreError):  # they name their file themselves
        return str(exc)
    if isinstance(exc, UsageError | ValueError | OSError):
        return f"repm {command}: {exc}"
    return None
