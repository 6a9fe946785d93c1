"""The GUI's editors reach exactly as far as the declarations they edit: the largest value an
editor offers is accepted by the model, one step past it is refused, and an editor opened on any
value the model accepts shows it unclamped."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from desktop.charts.demand_chart import DemandDialog
from desktop.scenario_dialog import ScenarioDialog
from desktop.target_dialog import TargetDialog
from model.demand import Demand
from model.scenario import Scenario, Target


def test_scenario_delay_editor_ends_where_a_scenario_stops_accepting(qtbot):
    dialog = ScenarioDialog(Scenario(name="Late"))
    qtbot.addWidget(dialog)
    top = dialog.delay.maximum()
    Scenario(name="Late", delay_years=top, block_delays={"b1": top})
    with pytest.raises(ValidationError):
        Scenario(name="Late", delay_years=top + 1)
    with pytest.raises(ValidationError):
        Scenario(name="Late", block_delays={"b1": top + 1})


# Where a declaration sets no upper bound, neither may the editor stop short of what a file holds:
# opening an editor on a large figure and pressing OK gives the same figure back.


def test_the_target_dialog_keeps_a_target_the_model_accepts(qtbot):
    large = Target(default_tpa=25_000_000.0, path={2031: 30_000_000.0})
    dialog = TargetDialog(large)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == large


def test_the_demand_dialog_keeps_a_demand_the_model_accepts(qtbot):
    large = Demand(base_t=12_000_000.0, horizon_t=40_000_000.0, china_share=1.0)
    dialog = DemandDialog(large)
    qtbot.addWidget(dialog)
    assert dialog.edited() == large
