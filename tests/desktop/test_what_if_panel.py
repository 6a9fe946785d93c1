"""What-if while negotiating: live chart, ghost line, delta label, Apply as one undo step."""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from desktop import operations
from model import project
from model.stage_words import STAGE_NAMES
from model.what_if import WhatIf, as_scenario
from model.what_if_change import what_if_change
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
    assert panel.delta.text() == (
        f"{before[i]:,.0f} t -> {expected.magnets[i]:,.0f} t in 2030 ({delta:+,.0f} t, expected)"
    )
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
    assert " t in 2035 (" in view.what_if.delta.text()


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


def test_a_missing_first_year_is_said_never_invented(window):
    panel = window.view.what_if
    blocks = {b.id: b for b in window.session.portfolio.blocks}
    assert blocks["mt-weld"].first_year is None and blocks["mt-weld"].stage == "producing"
    window.view.views["blocks"].select("mt-weld")
    assert "Producing already; no first year: enter it in the Blocks table" in panel.title.text()
    for control in (panel.first_year, panel.delay):
        assert not control.slider.isEnabled() and not control.spin.isEnabled()
    assert panel.first_year.spin.text() == "—"
    assert "No first year for Mt Weld" in panel.first_year.slider.toolTip()
    assert "enter a first year" in panel.delay.spin.toolTip()
    assert panel.nameplate.spin.isEnabled() and panel.nameplate.spin.text() == "10,500 t/yr"
    # Entered in the table: the slider shows it and moves again.
    operations.set_record_fields(window.session, "blocks", "mt-weld", first_year=2012)
    assert panel.first_year.spin.isEnabled() and panel.first_year.spin.text() == "2012"
    assert panel.delay.slider.isEnabled()
    assert "First year of production" in panel.first_year.slider.toolTip()


def test_a_new_block_shows_no_invented_first_year_or_nameplate(window):
    view, panel = window.view, window.view.what_if
    view.views["blocks"].add_record()
    block = window.session.portfolio.blocks[-1]
    assert block.first_year is None and block.nameplate_tpa is None
    assert panel.block_id == block.id
    assert panel.first_year.spin.text() == "—" and panel.nameplate.spin.text() == "—"
    for control in (panel.first_year, panel.nameplate, panel.delay):
        assert not control.slider.isEnabled()
    assert "No first year or nameplate: enter them in the Blocks table" in panel.title.text()
    assert panel.what_if() is None and not panel.apply_button.isEnabled()


def test_a_candidate_deal_shows_the_weighted_change_and_the_change_if_it_closes(window):
    """Longonjo's candidate deal (10 %): the expected change, and the change once signed, as
    `repm what-if` gives them; Apply says both."""
    view, panel, session = window.view, window.view.what_if, window.session
    window.mode_combo.setCurrentText("expected")
    view.views["blocks"].select("longonjo")
    assert panel.closed.line.strip() == ""  # nothing pending: nothing said
    panel.offtake.spin.setValue(15)
    panel.delay.spin.setValue(2)
    what_if = WhatIf("longonjo", offtake_total=0.15, delay_years=2)
    figures = what_if_change(session.inputs, session.portfolio, None, what_if, 2030)
    assert figures.closed_delta_t < 5 * figures.delta_t < 0  # several times the weighted figure
    assert panel.delta.text() == figures.total_line()
    assert panel.delta.text().startswith(
        f"{figures.before_t:,.0f} t -> {figures.after_t:,.0f} t in 2030 ("
    )
    assert panel.closed.line == figures.closed_line()
    assert panel.closed.line.startswith("If the deal closes: -")
    assert panel.closed.line.endswith("; now 10.0 % likely")
    messages = []
    panel.message.connect(messages.append)
    panel.apply_button.click()
    assert messages[-1] == (
        f"Applied: {figures.after_t - figures.before_t:+,.0f} t/yr magnets in 2030 "
        f"({figures.before_t:,.0f} t -> {figures.after_t:,.0f} t, expected). "
        f"{figures.closed_line()}"
    )
    assert panel.delta.text().strip() == "" and panel.closed.line.strip() == ""


def test_committed_mode_says_the_unsigned_deal_is_left_out(window):
    view, panel = window.view, window.view.what_if
    window.mode_combo.setCurrentText("committed")
    view.views["blocks"].select("longonjo")
    panel.offtake.spin.setValue(15)
    assert panel.delta.text().endswith("(no change, committed)")
    assert panel.closed.line.startswith("If the deal closes: -")
    assert panel.closed.line.endswith("; left out in committed mode")


def test_all_mode_names_the_bottleneck_when_nothing_changes(window):
    view, panel = window.view, window.view.what_if
    window.mode_combo.setCurrentText("all")
    view.views["blocks"].select("longonjo")
    panel.offtake.spin.setValue(15)
    p = window.session.projection
    stage = STAGE_NAMES[p.bottleneck[p.year_index(2030)]]
    assert panel.delta.text().endswith("(no change, all deals)")  # the deal counts in full
    assert panel.closed.line == f"Bottleneck in 2030: {stage}."


@pytest.mark.parametrize(("width", "height"), [(1280, 720 - 70), (1366, 768 - 70)])
def test_both_figures_show_in_full_on_a_laptop_screen(window, width, height):
    panel = window.view.what_if
    window.view.views["blocks"].select("mt-weld")
    panel.offtake.spin.setValue(25)
    window.resize(width, height)
    QApplication.processEvents()
    assert panel.closed.line.startswith("If the deal closes: +")
    assert panel.closed.text() == panel.closed.line  # not cut
    assert panel.delta.width() >= panel.delta.sizeHint().width()
