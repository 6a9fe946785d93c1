"""The shared capacity model and portfolio store of the REPM supply planner (no Qt here).

The public names are imported on first use (PEP 562), so that importing one light module of the
package (e.g. for `repm --help`) does not import SQLModel, SQLAlchemy and the model's records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.lazy_import import lazy_names

# Public name -> the module that defines it.
_WHERE = {
    "Assumptions": "model.assumptions",
    "Block": "model.domain",
    "Deal": "model.domain",
    "Firm": "model.domain",
    "InvalidPortfolio": "model.interchange",
    "Mode": "model.scenario",
    "Plant": "model.domain",
    "Portfolio": "model.portfolio",
    "Projection": "model.projection",
    "Scenario": "model.scenario",
    "Target": "model.scenario",
    "load_portfolio": "model.api",
    "project": "model.api",
}

__all__ = [
    "Assumptions",
    "Block",
    "Deal",
    "Firm",
    "InvalidPortfolio",
    "Mode",
    "Plant",
    "Portfolio",
    "Projection",
    "Scenario",
    "Target",
    "load_portfolio",
    "project",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE)


if TYPE_CHECKING:  # for type checkers and editors: the names as plain imports
    from model.api import load_portfolio, project
    from model.assumptions import Assumptions
    from model.domain import Block, Deal, Firm, Plant
    from model.interchange import InvalidPortfolio
    from model.portfolio import Portfolio
    from model.projection import Projection
    from model.scenario import Mode, Scenario, Target
