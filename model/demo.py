"""The built-in demo portfolio (resources/demo-portfolio.json; sources in resources/PROVENANCE.md)."""

from __future__ import annotations

from model.interchange import read_interchange
from model.portfolio import Portfolio
from model.resources import resource_path

DEMO_FILE = "demo-portfolio.json"


def demo_portfolio() -> Portfolio:
    return read_interchange(resource_path(DEMO_FILE))
