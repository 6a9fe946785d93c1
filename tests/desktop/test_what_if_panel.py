"""What-if while negotiating: live chart, ghost line, delta label, Apply as one undo step."""

import numpy as np
import pytest

from model import project
from model.what_if import WhatIf, as_scenario
from tests.desktop.plotted import plotted


def reference(window, what_if):
    portfolio = window.session.portfolio
    return project(portfolio, scenario=as_scenario(None, what_if))


def test_slider_moves_the_plotted_series_and_the_delta(window):
    view = window.view
    panel = view.what_if
    chart = view.projection_chart
    before = plotted(chart)["Magnets"].copy()
    view.views["blocks"].select("mt-weld")
    assert panel.block_id == "mt-weld" and panel.offtake.value() == pytest.approx(0.05)
    panel.offtake.slider.setValue(250)  # 25.0 % of Mt Weld's output (0.1 % steps)
    expected = reference(window, WhatIf("mt-weld", offtake_total=0.25))
    np.testing.assert_allclose(plotted(chart)["Magnets"], expected.magnets)
    np.testing.assert_allclose(plotted(chart)["Before what-if"], before)
    i = expected.year_index(2030)
    delta = expected.magnets[i] - before[i]
    assert delta > 0
    assert panel.delta.text() == f"{delta:+,.0f} t/yr magnets in 2030"
    assert panel.offtake.spin.text() == "25.0 %"
    # the store is untouched until Apply
    assert window.session.store.get("deals", "kabil-mt-weld").offtake_share == 0.05


def test_spin_boxes_and_delay_also_preview(window):
    view = window.view
    view.views["blocks"].select("irel-domestic")
    panel = view.what_if
    panel.nameplate.spin.setValue(600)
    panel.delay.spin.setValue(0)
    expected = reference(window, WhatIf("irel-domestic", nameplate_tpa=600))
    np.testing.assert_allclose(plotted(view.projection_chart)["Magnets"], expected.magnets)
    assert panel.nameplate.slider.value() == 600


def test_target_year_changes_the_delta_year(window):
    view = window.view
    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.slider.setValue(300)
    window.year_spin.setValue(2035)
    assert view.what_if.delta.text().endswith("t/yr magnets in 2035")


def test_apply_writes_one_undoable_edit_and_reset_discards(window):
    view = window.view
    panel = view.what_if
    store = window.session.store
    view.views["blocks"].select("longonjo")
    panel.offtake.slider.setValue(500)
    panel.delay.slider.setValue(2)
    panel.reset()
    assert "Before what-if" not in plotted(view.projection_chart)
    assert store.get("deals", "kabil-longonjo").offtake_share == 0.2
    panel.offtake.slider.setValue(500)
    panel.delay.slider.setValue(2)
    count = window.session.undo_stack.count()
    panel.apply_button.click()
    assert store.get("deals", "kabil-longonjo").offtake_share == pytest.approx(0.5)
    assert store.get("blocks", "longonjo").first_year == 2028
    assert window.session.undo_stack.count() == count + 1
    assert "Before what-if" not in plotted(view.projection_chart)
    window.undo_action.trigger()
    assert store.get("deals", "kabil-longonjo").offtake_share == pytest.approx(0.2)
    assert store.get("blocks", "longonjo").first_year == 2026


def test_selecting_a_deal_targets_its_block(window):
    window.view.views["deals"].select("kabil-nolans")
    assert window.view.what_if.block_id == "nolans"


def test_a_producing_block_without_first_year_is_not_called_unknown(window):
    blocks = {b.id: b for b in window.session.portfolio.blocks}
    producing = next(b for b in blocks.values() if b.stage == "producing" and not b.first_year)
    window.view.views["blocks"].select(producing.id)
    text = window.view.what_if.title.text()
    assert "Producing already" in text and "First year unknown" not in text
    later = next(b for b in blocks.values() if b.stage != "producing" and not b.first_year)
    window.view.views["blocks"].select(later.id)
    assert "First year unknown" in window.view.what_if.title.toolTip()
