"""`repm`: the model's command line plus `repm report`, which needs Qt to draw the PDF.

Qt is imported only when `report` runs, so every other command stays as light as model/ itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from model import cli


def cmd_report(args: argparse.Namespace) -> str:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed for a PDF
    from desktop.app import application
    from desktop.report import write_report

    portfolio = cli.portfolio_from_args(args)
    application()
    pages = write_report(
        portfolio,
        args.out,
        year=args.year,
        include_confidential=args.include_confidential,
        draws=args.draws,
    )
    return f"wrote {args.out} ({pages} pages)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a PDF briefing")
    cli.add_source_args(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--year", type=int, default=2030)
    p.add_argument("--draws", type=int, default=5000, help="Monte Carlo draws")
    p.add_argument("--include-confidential", action="store_true")
    p.set_defaults(run=cmd_report)


def main(argv: Sequence[str] | None = None) -> int:
    if register not in cli.EXTRA_COMMANDS:
        cli.EXTRA_COMMANDS.append(register)
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
