"""The toolbar's scenario list offers every built-in scenario the docs and the CLI name, and
says what each entry is."""

import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from model import project
from model.scenarios import HIGH_TEMP_HALF, builtin_scenarios, find_scenario
from tests.desktop.plotted import plotted

GUIDE = Path(__file__).parents[2] / "resources" / "guide"


def entries(window) -> dict[str, str]:
    combo = window.findChild(QComboBox, "scenarioCombo")
    return {
        combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        for i in range(combo.count())
    }


def test_every_built_in_is_in_the_toolbar_list(window):
    shown = entries(window)
    for scenario in builtin_scenarios():
        assert scenario.name in shown
    assert list(shown).count("Base") == 1  # the stored one is not listed twice


def test_every_scenario_the_guide_names_is_in_the_toolbar_list(window):
    named = set()
    for page in GUIDE.glob("*.html"):
        named |= set(re.findall(r'"([^"<>]+)"', page.read_text()))
        named |= set(re.findall(r"<i>([^<]+)</i>", page.read_text().replace("\n", " ")))
    builtins = {s.name for s in builtin_scenarios()}
    assert {"China supply cut", "All deals slip 2 years"} <= named & builtins
    assert named & builtins <= set(entries(window))


def test_choosing_a_built_in_projects_it(window):
    combo = window.findChild(QComboBox, "scenarioCombo")
    combo.setCurrentText(HIGH_TEMP_HALF)
    portfolio = window.session.portfolio
    expected = project(portfolio, scenario=find_scenario(portfolio, HIGH_TEMP_HALF)).magnets
    np.testing.assert_allclose(plotted(window.view.projection_chart)["Magnets"], expected)
    assert window.session.scenario_name == HIGH_TEMP_HALF
    assert not np.allclose(expected, project(portfolio).magnets)  # a real change, not no scenario


def test_tooltips_tell_no_scenario_from_base(window):
    shown = entries(window)
    assert "No scenario" in shown["(portfolio as is)"]
    assert "same figures as (portfolio as is) in expected mode" in shown["Base"]
    assert "Stored in this portfolio" in shown["Base"]
    assert "Built in" in shown["China supply cut"]
    assert "same figures" not in shown["China supply cut"]
