"""`repm`: the command line over the same functions the desktop uses (`python -m model.cli`)."""

from model.cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
