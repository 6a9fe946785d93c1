"""A scenario's name means the same everywhere: `model.project(scenario="name")` finds the
portfolio's own scenarios and the built-in ones, as the CLI's --scenario does; an unknown name is
one clear error naming it and the scenarios there are."""

import numpy as np
import pytest

import model
from model.demo import demo_portfolio
from model.scenario import Scenario
from model.scenarios import HIGH_TEMP_HALF, builtin_scenarios
from tests.cli_runner import run


def builtin(name: str) -> Scenario:
    return next(s for s in builtin_scenarios() if s.name == name)


def test_a_built_in_name_projects_that_scenario():
    demo = demo_portfolio()
    assert HIGH_TEMP_HALF not in {s.name for s in demo.scenarios}
    by_name = model.project(demo, scenario=HIGH_TEMP_HALF).magnets
    assert np.array_equal(by_name, model.project(demo, scenario=builtin(HIGH_TEMP_HALF)).magnets)
    assert not np.array_equal(by_name, model.project(demo).magnets)  # the scenario changes some


def test_the_portfolios_own_scenario_comes_before_a_built_in_of_that_name():
    demo = demo_portfolio()
    own = Scenario(name=HIGH_TEMP_HALF, delay_years=1)
    mine = demo.model_copy(update={"scenarios": [*demo.scenarios, own]})
    by_name = model.project(mine, scenario=HIGH_TEMP_HALF).magnets
    assert np.array_equal(by_name, model.project(mine, scenario=own).magnets)
    assert not np.array_equal(by_name, model.project(mine, scenario=builtin(own.name)).magnets)


def test_an_unknown_name_is_named_with_every_scenario_there_is():
    demo = demo_portfolio()
    with pytest.raises(KeyError) as error:
        model.project(demo, scenario="Nope")
    text = str(error.value)
    assert text.startswith("no scenario named 'Nope' (known: ")
    for name in {s.name for s in demo.scenarios} | {s.name for s in builtin_scenarios()}:
        assert name in text


def test_the_cli_says_the_same_for_an_unknown_name(capsys):
    with pytest.raises(KeyError) as error:
        model.project(demo_portfolio(), scenario="Nope")
    code, out, err = run(capsys, "project", "--demo", "--scenario", "Nope")
    assert (code, out) == (2, "")
    assert err == f"repm project: {error.value}\n"
