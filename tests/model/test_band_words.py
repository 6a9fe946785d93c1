"""Why the projection's figure lies outside the Monte Carlo band: the note names the mode and
the cause that was computed (slips, or a few draws carrying the mean), never a guessed one."""

from dataclasses import replace

import numpy as np
import pytest

from model import project
from model.band_words import (
    MODE_FREE,
    BandFigures,
    band_figures,
    band_note,
    figure_name,
    headline_note,
)
from model.demo import demo_portfolio
from model.montecarlo import draw, monte_carlo, setup, simulate
from tests.builders import ample_downstream, block, deal, portfolio

YEAR = 2030


def with_assumptions(p, **overrides):
    return p.model_copy(update={"assumptions": p.assumptions.with_overrides(overrides)})


def slipping_portfolio():
    """One certain project due in 2030 that may slip up to 10 years: on schedule in only 1 draw
    in 11, so P90 in 2030 is 0 while the expected line (on schedule) has all of it."""
    p = portfolio(
        [block(stage="feasibility", nameplate_tpa=1000.0, first_year=YEAR)],
        [deal()],
        ample_downstream(),
    )
    return with_assumptions(p, p_stage={"feasibility": 1.0}, max_delay_stage={"feasibility": 10})


def rare_deal_portfolio():
    """A small certain deal and a large one with a 5 % chance, nothing slips: most draws have
    only the small one, and the large one's chance lifts the mean above P90."""
    p = portfolio(
        [
            block("small", nameplate_tpa=100.0, first_year=2025),
            block("large", nameplate_tpa=5000.0, first_year=2025),
        ],
        [deal("small"), deal("large", status="candidate")],
        ample_downstream(),
    )
    return with_assumptions(p, p_deal={"candidate": 0.05})


def figures(p, mode="expected"):
    result = monte_carlo(p, draws=4000, seed=2)
    return band_figures(project(p, mode=mode), result, YEAR)


def test_slips_alone_put_the_expected_figure_above_p90_and_the_note_says_so():
    f = figures(slipping_portfolio())
    assert f.figure > f.p90  # the case the note is for
    assert f.on_schedule[2] >= f.figure  # with no slip, P90 reaches the figure
    assert f.max_slip == 10
    note = band_note(f)
    assert note.startswith(f"{YEAR}: expected, on schedule (")
    assert "is above P90" in note and "with no slip the same draws average" in note
    assert "Slips (up to 10 years for blocks starting by 2030) make the difference" in note
    assert "carry the mean" not in note and "deal" not in note


def test_a_rare_large_deal_puts_the_mean_above_p90_and_the_note_says_so():
    f = figures(rare_deal_portfolio())
    assert f.figure > f.p90 and f.mean > f.p90
    assert f.on_schedule[0] == f.mean  # nothing slips
    note = band_note(f)
    assert "is above P90" in note and "a few draws with far more output carry the mean" in note
    assert "a large project or deal succeeds in only a few draws" in note
    assert "Slips" not in note


def test_committed_figure_is_named_and_the_band_said_to_be_mode_free():
    p = slipping_portfolio()
    f = figures(p, mode="committed")
    assert f.mode == "committed" and f.figure > f.p90  # an acquired deal at full weight
    note = band_note(f)
    assert note.startswith(f"{YEAR}: committed (") and "expected" not in note
    assert "ignoring the project-stage risk" in note and note.endswith(MODE_FREE)


def test_inside_the_band_no_reason_is_given_but_other_modes_say_the_band_is_mode_free():
    inside = BandFigures(YEAR, "expected", 500.0, p10=400.0, p90=600.0, mean=500.0)
    assert band_note(inside) == "" and headline_note(inside) == ""
    committed = BandFigures(YEAR, "committed", 500.0, p10=400.0, p90=600.0, mean=500.0)
    assert band_note(committed) == "" and headline_note(committed) == MODE_FREE
    assert headline_note(None) == ""


def test_below_p10_is_explained_too():
    below = BandFigures(YEAR, "committed", 100.0, p10=400.0, p90=600.0, mean=500.0)
    assert "is below P10 (400 t)" in band_note(below)
    assert "leaves out deals not yet signed" in band_note(below)


def test_each_mode_has_a_name():
    assert figure_name("expected") == "expected, on schedule"
    assert figure_name("committed") == "committed"
    assert figure_name("all") == "all deals"


def test_a_year_outside_the_result_gives_no_figures():
    p = rare_deal_portfolio()
    result = monte_carlo(p, draws=50, seed=1, start=2025, end=2028)
    assert band_figures(project(p), result, YEAR) is None


def certain_portfolio():
    """One producing project, acquired, nothing slips: every draw is the expected line."""
    p = portfolio([block(nameplate_tpa=400.0)], [deal()], ample_downstream())
    return with_assumptions(p, p_stage={"producing": 1.0}, max_delay_stage={"producing": 0})


def explained_always(p, result):
    """The result with the same draws simulated with no slip whatever the band, as
    monte_carlo did before it ran that pass only where a note needs it."""
    s = setup(p, sourced_spread=True)
    drawn = draw(s, result.n, result.seed)
    no_slip = replace(
        drawn,
        block_delay=np.zeros_like(drawn.block_delay),
        plant_delay=np.zeros_like(drawn.plant_delay),
    )
    return replace(result, on_schedule=simulate(s, no_slip))


def test_the_no_slip_pass_runs_only_when_the_expected_figure_leaves_the_band():
    inside = monte_carlo(certain_portfolio(), draws=500, seed=2)
    assert inside.on_schedule is None
    outside = monte_carlo(slipping_portfolio(), draws=4000, seed=2)  # above P90 in 2030
    assert outside.on_schedule is not None and band_note(figures(slipping_portfolio()))
    assert monte_carlo(slipping_portfolio(), draws=4000, seed=2, explain=False).on_schedule is None


@pytest.mark.parametrize(
    "make", [certain_portfolio, slipping_portfolio, rare_deal_portfolio, demo_portfolio]
)
def test_every_note_reads_as_with_the_no_slip_pass_run_always(make):
    p = make()
    result = monte_carlo(p, draws=4000, seed=2)
    always = explained_always(p, result)
    notes = 0
    for mode in ("expected", "committed", "all"):
        projection = project(p, mode=mode)
        for year in projection.years.tolist():
            got, want = (
                band_figures(projection, result, year),
                band_figures(projection, always, year),
            )
            assert band_note(got) == band_note(want)
            assert headline_note(got) == headline_note(want)
            notes += bool(band_note(want))
    assert notes or make is certain_portfolio  # a note to compare, but where none is due
