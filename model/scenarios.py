"""Built-in scenarios a user can copy and edit, and side-by-side comparison of scenarios."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.api import project
from model.portfolio import Portfolio
from model.scenario import HORIZON_END, HORIZON_START, Disruption, Mode, Scenario

CHINA_CUT_FROM = 2026
HIGH_TEMP_HALF = "Half high-temperature grades"


def builtin_scenarios() -> list[Scenario]:
    return [
        Scenario(name="Base", description="The portfolio as it stands, risk-weighted."),
        Scenario(
            name="China supply cut",
            description=(
                f"Blocks in China deliver nothing from {CHINA_CUT_FROM}. China supplies 84% of "
                "India's magnet imports (india.md): a portfolio that loses nothing here is "
                "diversified."
            ),
            disruptions=[Disruption(country="CHN", from_year=CHINA_CUT_FROM)],
        ),
        Scenario(
            name="All deals slip 2 years",
            description="Every block starts two years late (study schedules often slip 2-4 "
            "years: conversion.md).",
            delay_years=2,
        ),
        Scenario(
            name="Committed deals only",
            description="Only signed or acquired deals, and operating, construction or committed "
            "plants.",
            mode=Mode.committed,
        ),
        Scenario(
            name=HIGH_TEMP_HALF,
            description=(
                "Half of the magnets must be high-temperature grades (EV traction, wind), made "
                "by conventional alloying: Dy/Tb now limits output (equation 8). Illustrative: "
                "EV motors and wind take about 60% of rare-earth value (IEA 2025 via "
                "davidnavratil.com). Copy it to set the share, the process or Dy/Tb bought."
            ),
            assumption_overrides={"high_temp_share": 0.5},
        ),
    ]


def with_builtins(portfolio: Portfolio) -> list[Scenario]:
    """The portfolio's scenarios, then any built-in whose name it does not use."""
    names = {s.name for s in portfolio.scenarios}
    return [*portfolio.scenarios, *(s for s in builtin_scenarios() if s.name not in names)]


def changes_nothing(scenario: Scenario) -> bool:
    """True if the scenario leaves every block, deal, plant, assumption and the target as they
    are: it then projects what no scenario does, in its mode."""
    return not (
        scenario.delay_years
        or scenario.block_delays
        or scenario.disruptions
        or scenario.block_overrides
        or scenario.deal_overrides
        or scenario.plant_overrides
        or scenario.assumption_overrides
        or scenario.target
    )


def is_builtin(portfolio: Portfolio, name: str) -> bool:
    """True if `name` is a built-in scenario the portfolio does not store (it cannot be edited
    until copied)."""
    stored = {s.name for s in portfolio.scenarios}
    return name not in stored and name in {s.name for s in builtin_scenarios()}


class UnknownScenario(KeyError):
    """No scenario of that name is stored in the portfolio or built in."""

    def __str__(self) -> str:  # the message as it is, not quoted as a KeyError's key
        return str(self.args[0])


def find_scenario(portfolio: Portfolio, name: str) -> Scenario:
    """The scenario a name means, wherever a name is given (`model.project`, the CLI's
    --scenario, the desktop): the portfolio's own, else the built-in of that name."""
    scenarios = with_builtins(portfolio)
    for scenario in scenarios:
        if scenario.name == name:
            return scenario
    known = ", ".join(s.name for s in scenarios)
    raise UnknownScenario(f"no scenario named '{name}' (known: {known})")


@dataclass(frozen=True)
class Comparison:
    years: np.ndarray
    target: np.ndarray
    magnets: dict[str, np.ndarray]  # scenario name -> t/yr

    def rows(self) -> list[dict]:
        return [
            {
                "year": int(y),
                "target_t": float(self.target[k]),
                **{f"{name}_t": float(v[k]) for name, v in self.magnets.items()},
            }
            for k, y in enumerate(self.years.tolist())
        ]


def compare(
    portfolio: Portfolio,
    names: list[str],
    *,
    mode: Mode | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> Comparison:
    """Magnets per year under each named scenario (stored or built in)."""
    if len(names) < 2:
        raise ValueError("compare needs two or more scenarios")
    magnets, target, years = {}, None, None
    for name in names:
        result = project(
            portfolio, scenario=find_scenario(portfolio, name), mode=mode, start=start, end=end
        )
        magnets[name] = result.magnets
        target = result.target if target is None else target
        years = result.years
    return Comparison(years=years, target=target, magnets=magnets)
