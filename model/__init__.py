"""The shared capacity model and portfolio store of the REPM supply planner (no Qt here)."""

from model.api import load_portfolio, project
from model.assumptions import Assumptions
from model.domain import Block, Deal, Firm, Plant
from model.interchange import InvalidPortfolio
from model.portfolio import Portfolio
from model.projection import Projection
from model.scenario import Mode, Scenario, Target

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
