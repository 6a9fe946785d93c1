"""The GUI's editors reach exactly as far as the declarations they edit: the largest value an
editor offers is accepted by the model, and one step past it is refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from desktop.scenario_dialog import ScenarioDialog
from model.scenario import Scenario


def test_scenario_delay_editor_ends_where_a_scenario_stops_accepting(qtbot):
    dialog = ScenarioDialog(Scenario(name="Late"))
    qtbot.addWidget(dialog)
    top = dialog.delay.maximum()
    Scenario(name="Late", delay_years=top, block_delays={"b1": top})
    with pytest.raises(ValidationError):
        Scenario(name="Late", delay_years=top + 1)
    with pytest.raises(ValidationError):
        Scenario(name="Late", block_delays={"b1": top + 1})
