"""`repm report`: the PDF briefing, drawn by the desktop's Qt code.

Listed only when Qt is installed; Qt is imported only when `report` runs, so every other command
stays as light as model/ itself.
"""

from __future__ import annotations

import argparse
import importlib.util
import os

from model.cli.common import add_source_args, portfolio_from_args


def qt_available() -> bool:
    """PySide6 and the desktop package can be imported (found without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("PySide6", "desktop"))


def cmd_report(args: argparse.Namespace) -> str:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed for a PDF
    from desktop.app import application
    from desktop.report import write_report

    portfolio = portfolio_from_args(args)
    application()
    pages = write_report(
        portfolio,
        args.out,
        year=args.year,
        include_confidential=args.include_confidential,
        draws=args.draws,
    )
    return f"wrote {args.out} ({pages} pages)"


def add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a PDF briefing")
    add_source_args(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--year", type=int, default=2030)
    p.add_argument("--draws", type=int, default=5000, help="Monte Carlo draws")
    p.add_argument("--include-confidential", action="store_true")
    p.set_defaults(run=cmd_report)
