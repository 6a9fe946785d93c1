"""The uncertainty panel says which sizes the Monte Carlo draws from their sourced values."""

from desktop.uncertainty import DRAWS, SEED
from model.montecarlo import monte_carlo
from tests.desktop.helpers import edit_cell


def wait_for(qtbot, view, before=None):
    qtbot.waitUntil(
        lambda: view.uncertainty.result is not None and view.uncertainty.result is not before,
        timeout=20_000,
    )
    return view.uncertainty.result


def test_the_panel_names_the_figures_drawn_from_sourced_values(window, qtbot):
    view = window.view
    result = wait_for(qtbot, view)
    reference = monte_carlo(window.session.portfolio, draws=DRAWS, seed=SEED)
    first = reference.sourced[0]
    line = view.mc_sourced.line
    assert line.startswith("Drawn from sourced values: ")
    assert first.describe() in line and f"and {len(reference.sourced) - 1} more" in line
    assert "IREL" in line and "400-1,500" in line and "(3 sources)" in line
    tip = view.mc_sourced.toolTip()
    assert all(r.describe() in tip for r in reference.sourced)
    assert all(why in tip for why in reference.not_drawn)
    # a nameplate edited outside its sourced range is no longer drawn, and the panel says so
    edit_cell(view.views["blocks"], "irel-domestic", "nameplate_tpa", lambda e: e.setValue(2000))
    wait_for(qtbot, view, result)
    assert "IREL" not in view.mc_sourced.line
    assert "IREL domestic NdPr oxide nameplate: the value in use (2,000)" in (
        view.mc_sourced.toolTip()
    )


def test_the_briefing_names_the_figures_drawn_from_sourced_values(qapp):
    from desktop.report import build_document
    from model.demo import demo_portfolio

    demo = demo_portfolio()
    text = " ".join(build_document(demo, draws=200).toPlainText().split())
    note = monte_carlo(demo, draws=200, seed=1).sourced_note
    assert note.startswith("Drawn from sourced values: IREL") and note in text
