"""The negotiation bound on the what-if panel: a line of text and a mark on the offtake slider."""

from model import project
from model.scenario import DealOverride, Scenario, Target


def test_bound_is_shown_for_the_selected_block_and_follows_the_target(window, qtbot):
    window.session.store.set_target(Target(default_tpa=3000.0))
    view, panel = window.view, window.view.what_if
    view.views["blocks"].select("nolans")
    text = panel.bound_text.text()
    assert text.startswith("to reach 3,000 t in 2030: at least ") and text.endswith("of Nolans")
    share = float(text.split("at least ")[1].split(" %")[0].split("%")[0]) / 100
    # The mark sits where the text says, and the model confirms the share reaches the target.
    assert panel.bound_mark.isVisible()
    assert panel.bound_mark.value == round(share * 1000)
    portfolio = window.session.portfolio
    closed = Scenario(
        name="bound",
        deal_overrides={"kabil-nolans": DealOverride(offtake_share=share, status="acquired")},
    )
    assert project(portfolio, scenario=closed).magnets[5] >= 3000.0 - 1e-9
    lower = closed.model_copy(
        update={
            "deal_overrides": {
                "kabil-nolans": DealOverride(offtake_share=share - 0.01, status="acquired")
            }
        }
    )
    assert project(portfolio, scenario=lower).magnets[5] < 3000.0
    x = panel.bound_mark.x_position()
    assert 0 < x < panel.offtake.slider.width()


def test_unreachable_target_says_so_without_a_mark(window):
    window.view.views["blocks"].select("nolans")  # the 6,000 t target: beyond one deal
    panel = window.view.what_if
    assert "not reachable even at 100.0 % of Nolans" in panel.bound_text.text()
    assert "short by" in panel.bound_text.text() and not panel.bound_mark.isVisible()


def test_no_block_no_bound(window):
    window.view.what_if.set_block("")
    assert window.view.what_if.bound_text.text() == ""
