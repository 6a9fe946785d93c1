"""The Monte Carlo draws a size with several sourced values from their range: triangular between
the lowest and highest, mode at the value in use; the band widens, draws stay in the range, a
seed repeats them, and the fast path still equals the reference."""

import numpy as np
import pytest

from model.demo import demo_portfolio
from model.domain import Evidence
from model.montecarlo import draw, monte_carlo, setup, simulate, simulate_reference
from model.scenario import BlockOverride, Scenario
from model.scenarios import HIGH_TEMP_HALF, builtin_scenarios
from tests.builders import ample_downstream, block, deal, portfolio


def sourced(record_id, values, chosen, field="nameplate_tpa", kind="blocks", unit="t/yr"):
    return [
        Evidence(
            id=f"ev-{record_id}-{k}",
            record_kind=kind,
            record_id=record_id,
            field_name=field,
            value=v,
            unit=unit,
            source=f"Report {k}",
            as_of="2025",
            chosen=int(v == chosen),
        )
        for k, v in enumerate(values)
    ]


def one_block(evidence=(), nameplate=1000.0):
    """A producing block (success certain, no delay) whose deal is certain, ample plants: without
    a drawn size every draw gives the same magnets."""
    p = portfolio(
        [block(stage="producing", nameplate_tpa=nameplate, first_year=2020)],
        [deal(status="acquired", offtake_share=1.0)],
        ample_downstream(),
    )
    return p.model_copy(update={"evidence": list(evidence)})


def test_a_sourced_spread_widens_the_p10_p90_band():
    plain = monte_carlo(one_block(), draws=4000, seed=5)
    spread = one_block(sourced("b", [600.0, 1000.0, 2000.0], chosen=1000.0))
    drawn = monte_carlo(spread, draws=4000, seed=5)
    off = monte_carlo(spread, draws=4000, seed=5, sourced_spread=False)
    width = lambda r: r.percentile(90) - r.percentile(10)  # noqa: E731
    assert np.all(width(plain) == 0) and np.all(width(off) == 0)
    assert np.all(width(drawn) > 0)
    np.testing.assert_array_equal(off.magnets, plain.magnets)  # off: exactly as before
    assert [r.record_id for r in drawn.sourced] == ["b"]
    assert drawn.sourced_note == (
        "Drawn from sourced values: B nameplate 600-2,000 t/yr (3 sources)"
    )


def test_draws_stay_within_the_sourced_range_with_the_mode_at_the_value_in_use():
    p = one_block(sourced("b", [600.0, 1000.0, 2000.0], chosen=1000.0))
    s = setup(p, sourced_spread=True)
    (r,) = s.sourced
    sizes = draw(s, 20_000, 9).sized[:, 0] * r.mode  # drawn / in use, times in use
    assert r.mode == 1000.0
    assert sizes.min() >= 600.0 - 1e-3 and sizes.max() <= 2000.0 + 1e-3  # float32 ratios
    # triangular(600, 1000, 2000): mean (600 + 1000 + 2000) / 3 = 1200, sd ~ 290
    assert sizes.mean() == pytest.approx(1200.0, abs=10)
    # magnets scale with the drawn size: one year's magnets span the range's ratio at most
    magnets = simulate(s, draw(s, 20_000, 9))[:, -1]
    full = monte_carlo(p, draws=1, sourced_spread=False).magnets[0, -1]
    assert magnets.min() >= full * 0.6 - 1e-6 and magnets.max() <= full * 2.0 + 1e-6


def test_same_seed_same_draws():
    p = one_block(sourced("b", [600.0, 1000.0, 2000.0], chosen=1000.0))
    a = monte_carlo(p, draws=1000, seed=3).magnets
    np.testing.assert_array_equal(a, monte_carlo(p, draws=1000, seed=3).magnets)
    assert not np.array_equal(a, monte_carlo(p, draws=1000, seed=4).magnets)


def test_fast_path_equals_reference_with_drawn_sizes():
    demo = demo_portfolio()
    s = setup(demo, demo.scenario("All deals slip 2 years"), sourced_spread=True)
    assert any(r.record_id == "irel-domestic" for r in s.sourced)
    d = draw(s, 1500, 7)
    np.testing.assert_allclose(simulate(s, d), simulate_reference(s, d), rtol=1e-9, atol=1e-6)


def test_a_plant_capacity_with_sourced_values_is_drawn():
    p = one_block()
    magnet_plant = next(x for x in p.plants if x.stage == "magnet")
    p = p.model_copy(
        update={
            "plants": [
                x.model_copy(update={"capacity_tpa": 500.0}) if x is magnet_plant else x
                for x in p.plants
            ],
            "evidence": sourced(
                magnet_plant.id, [300.0, 500.0, 900.0], 500.0, "capacity_tpa", "plants"
            ),
        }
    )
    result = monte_carlo(p, draws=3000, seed=2)
    assert [r.kind for r in result.sourced] == ["plants"]
    last = result.magnets[:, -1]
    assert last.min() < 500.0 < last.max() and last.max() <= 900.0 + 1e-6


def test_figures_not_drawn_say_why():
    values = sourced("b", [600.0, 1000.0, 2000.0], chosen=1000.0)
    edited = one_block(values, nameplate=3000.0)  # outside its sourced range now
    result = monte_carlo(edited, draws=10, seed=1)
    assert not result.sourced and "outside its sourced range" in result.not_drawn[0]
    scenario = Scenario(name="Bigger", block_overrides={"b": BlockOverride(nameplate_tpa=1500.0)})
    result = monte_carlo(one_block(values), scenario, draws=10, seed=1)
    assert not result.sourced and "set by scenario 'Bigger'" in result.not_drawn[0]
    limited = one_block(values).model_copy(
        update={
            "blocks": [block(stage="producing", nameplate_tpa=1000.0, resource_treo_t=20_000.0)]
        }
    )
    result = monte_carlo(limited, draws=10, seed=1)
    assert not result.sourced and "resource" in result.not_drawn[0]


def test_values_in_another_unit_are_not_part_of_the_range():
    values = sourced("b", [600.0, 1000.0], chosen=1000.0) + sourced(
        "b", [5000.0], chosen=None, unit="t magnets/yr"
    )
    values[-1] = values[-1].model_copy(update={"id": "ev-other"})
    result = monte_carlo(one_block(values), draws=500, seed=1)
    (r,) = result.sourced
    assert (r.low, r.high, r.sources) == (600.0, 1000.0, 2)


def test_fast_path_equals_reference_with_drawn_sizes_and_the_dytb_limit():
    demo = demo_portfolio()
    half = next(x for x in builtin_scenarios() if x.name == HIGH_TEMP_HALF)
    s = setup(demo, half, sourced_spread=True)
    assert s.sourced and s.inputs.high_temp_share > 0
    d = draw(s, 800, 11)
    np.testing.assert_allclose(simulate(s, d), simulate_reference(s, d), rtol=1e-9, atol=1e-6)


def test_repm_montecarlo_says_which_figures_are_drawn_from_sourced_values(capsys):
    import json

    from tests.cli_runner import run

    code, out, _ = run(capsys, "montecarlo", "--demo", "--draws", "200")
    assert code == 0
    drawn = next(line for line in out.splitlines() if line.startswith("Drawn from sourced"))
    assert "IREL domestic NdPr oxide nameplate 400-1,500 t NdPr oxide/yr (3 sources)" in drawn
    code, out, _ = run(capsys, "montecarlo", "--demo", "--draws", "200", "--format", "json")
    data = json.loads(out)
    irel = next(r for r in data["drawn_from_sourced_values"] if r["record"] == "irel-domestic")
    assert (irel["low"], irel["mode"], irel["high"], irel["sources"]) == (400, 400, 1500, 3)
    assert isinstance(data["sourced_values_not_drawn"], list)
    code, out, _ = run(capsys, "montecarlo", "--demo", "--draws", "200", "--no-sourced-spread")
    assert "Drawn from sourced" not in out and "--no-sourced-spread" in out
    off = monte_carlo(demo_portfolio(), draws=200, seed=1, sourced_spread=False)
    code, out, _ = run(
        capsys, "montecarlo", "--demo", "--draws", "200", "--no-sourced-spread", "--format", "json"
    )
    p50 = [row["p50_t"] for row in json.loads(out)["years"]]
    np.testing.assert_allclose(p50, off.percentile(50))
