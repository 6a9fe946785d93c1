"""The Python API the desktop, the CLI and any other tool share."""

from __future__ import annotations

import os
from pathlib import Path

from model.inputs import build_inputs
from model.interchange import read_interchange
from model.portfolio import Portfolio
from model.projection import Projection, compute
from model.scenario import HORIZON_END, HORIZON_START, Mode, Scenario


def load_portfolio(path: str | os.PathLike[str]) -> Portfolio:
    """Read a portfolio from an interchange JSON file or a portfolio store (SQLite) file."""
    from model.store.opening import SQLITE_HEADER

    path = Path(path)
    if path.is_file():
        with path.open("rb") as fh:
            is_store = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
        if is_store:
            from model.store import Store

            with Store.open(path, read_only=True) as store:
                return store.load_portfolio()
    return read_interchange(path)


def project(
    portfolio: Portfolio,
    *,
    mode: Mode | str | None = None,
    scenario: Scenario | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> Projection:
    """Project magnets per year. `mode` defaults to the scenario's mode, else 'expected';
    `scenario` is a Scenario or the name of one stored in the portfolio or built in (as the
    CLI's --scenario); an unknown name raises `UnknownScenario` (a KeyError) naming the known."""
    if isinstance(scenario, str):
        from model.scenarios import find_scenario  # it imports this module

        scenario = find_scenario(portfolio, scenario)
    return compute(build_inputs(portfolio, scenario, mode=mode, start=start, end=end))
