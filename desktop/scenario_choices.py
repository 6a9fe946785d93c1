"""The toolbar's scenario list: no scenario, the portfolio's own, then the built-ins it lacks,
each with a tooltip saying what it is (so "Base" and "(portfolio as is)" are told apart)."""

from __future__ import annotations

from model.portfolio import Portfolio
from model.scenario import Scenario
from model.scenarios import changes_nothing, is_builtin, with_builtins

NO_SCENARIO = "(portfolio as is)"
NO_SCENARIO_TIP = (
    "No scenario: the portfolio's records as entered, counted by the Mode chosen in the toolbar"
)


def scenario_tip(portfolio: Portfolio, scenario: Scenario) -> str:
    where = (
        "Built in (copy it in the Scenarios tab to edit it)"
        if is_builtin(portfolio, scenario.name)
        else "Stored in this portfolio"
    )
    tip = f"{scenario.description} {where}." if scenario.description else f"{where}."
    if changes_nothing(scenario):
        tip += (
            f" It changes no record: the same figures as {NO_SCENARIO} "
            f"in {scenario.mode.value} mode."
        )
    return tip


def scenario_choices(portfolio: Portfolio) -> list[tuple[str, str]]:
    """(text, tooltip) for each entry of the toolbar's scenario list."""
    return [
        (NO_SCENARIO, NO_SCENARIO_TIP),
        *((s.name, scenario_tip(portfolio, s)) for s in with_builtins(portfolio)),
    ]
